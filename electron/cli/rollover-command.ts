/** `ziping rollover 上年.ziping --out 本年.ziping`: the next year's document from last year's. */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { mergeFormsPatches } from '../../shared/model/merge-forms';
import { rolloverDocument, type RolloverReport } from '../../shared/rollover/rollover';
import { getLayout } from '../../shared/layouts/definitions';
import { DocumentSession } from '../services/document-store/session';
import { withoutEditsKept, type DocResult } from '../services/document-store/errors';
import { requireZiping } from './document-commands';
import { CliError } from './errors';
import { loadDocument } from './load';
import type { CliIo } from './main';

const USAGE = 'ziping rollover 上年文档.ziping --out 本年文档.ziping';

export function rolloverCommand(file: string | undefined, out: string | undefined, io: CliIo): number {
  const source = requireZiping(file, USAGE);
  if (!out) throw new CliError(`缺少 --out 新文档：${USAGE}`);
  const target = requireZiping(out, USAGE);
  const abs = path.resolve(target);
  if (abs === path.resolve(source)) throw new CliError(`新文档不能是上年文档本身：${USAGE}`);
  // Never overwrite an existing document by accident.
  if (existsSync(abs)) throw new CliError(`“${target}”已存在：请换一个文件名，或先删除它`);
  const rolled = rolloverDocument(loadDocument(source));
  if (!rolled.ok) throw new CliError(rolled.message);
  try {
    mkdirSync(path.dirname(abs), { recursive: true });
  } catch {
    throw new CliError(`无法创建文件夹 ${path.dirname(abs)}：请检查路径和权限`);
  }
  const created = DocumentSession.create(abs, rolled.meta);
  if (!created.ok) throw new CliError(created.error.message);
  const session = created.value;
  try {
    const { patches } = mergeFormsPatches(session.document, rolled.forms);
    const notWritten = (r: DocResult<unknown>) => {
      if (!r.ok) throw new CliError(`没有创建 ${target}：${withoutEditsKept(r.error.message)}`);
    };
    notWritten(session.apply(patches));
    notWritten(session.save());
  } finally {
    session.close({ discard: true });
  }
  io.stdout.write(
    rolloverSummary(target, rolled.meta.unit, getLayout(rolled.meta.layout).name, rolled.report),
  );
  return 0;
}

export function rolloverSummary(target: string, unit: string, layoutName: string, r: RolloverReport): string {
  const lines = [
    `已新建 ${target}（${unit}，${r.year} 年度，${layoutName}），由 ${r.fromYear} 年度文档结转：`,
    `  带入 ${r.forms} 张表、${r.indicators} 条指标（指标名称、权重、指标值、评分标准、设定依据、年度总体目标）`,
  ];
  if (r.lastYearFilled > 0)
    lines.push(`  上年完成情况：${r.lastYearFilled} 条取自 ${r.fromYear} 年度的实际完成值`);
  if (r.basicDataLastYear > 0) {
    lines.push(`  基础数据表：${r.basicDataLastYear} 行上年决算数取自 ${r.fromYear} 年度的本年决算数`);
  }
  lines.push(`  已清空，请按 ${r.year} 年度填写：${r.cleared.join('；')}`);
  return `${lines.join('\n')}\n`;
}
