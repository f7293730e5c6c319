/**
 * `ziping import-targets 申报表.xlsx --into 文档.ziping`: new forms from the 绩效目标申报表 (#21), in
 * the document's layout and year. A form already in the document (same kind and name; the
 * department form) is left as it is: its actuals and scores are never overwritten by a declaration.
 */
import { existsSync } from 'node:fs';
import { mergeFormsPatches } from '../../shared/model/merge-forms';
import { DocumentSession } from '../services/document-store/session';
import { withoutEditsKept, type DocResult } from '../services/document-store/errors';
import { readTargetsFor } from '../services/excel/targets-reader';
import { requireZiping } from './document-commands';
import { CliError } from './errors';
import { EXCEL_FILE } from './excel-commands';
import type { CliIo } from './main';

const USAGE = 'ziping import-targets 申报表.xlsx --into 文档.ziping';

export async function importTargets(
  file: string | undefined,
  into: string | undefined,
  io: CliIo,
): Promise<number> {
  if (!file) throw new CliError(`缺少要导入的绩效目标申报表：${USAGE}`);
  if (!EXCEL_FILE.test(file)) throw new CliError(`“${file}”不是 Excel 文件：绩效目标申报表应为 .xlsx 文件`);
  const target = requireZiping(into, USAGE);
  if (!existsSync(target))
    throw new CliError(
      `找不到文档“${target}”：请先新建，如 ziping new ${target} --unit 单位 --year 2025 --layout national，再导入申报表`,
    );
  const opened = DocumentSession.open(target);
  if (!opened.ok) throw new CliError(opened.error.message);
  const session = opened.value;
  try {
    if (session.readOnly) throw new CliError(session.readOnlyNotice() ?? '文档为只读');
    const doc = session.document;
    const read = await readTargetsFor(file, doc);
    if (!read.ok) throw new CliError(read.error.message);
    const { patches, added } = mergeFormsPatches(doc, read.value.forms);
    const notImported = (r: DocResult<unknown>) => {
      if (!r.ok) throw new CliError(`导入未完成、文档未改变：${withoutEditsKept(r.error.message)}`);
    };
    notImported(session.apply(patches));
    notImported(session.save());
    io.stdout.write(`${read.value.report.join('\n')}\n`);
    io.stdout.write(`已新增 ${added} 张表到 ${target}（实际完成值待填写）\n`);
    return 0;
  } finally {
    session.close({ discard: true });
  }
}
