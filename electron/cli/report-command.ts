/** `ziping report 文档.ziping --out 自评报告.docx`: the 部门整体支出绩效自评报告 as a Word file. */
import { exportReport } from '../services/report/export-report';
import { CliError } from './errors';
import { loadDocument } from './load';
import type { CliIo } from './main';

const USAGE = 'ziping report 文档.ziping --out 自评报告.docx';

export async function writeReport(
  file: string | undefined,
  out: string | undefined,
  io: CliIo,
): Promise<number> {
  if (!file || !/\.ziping$/i.test(file)) throw new CliError(`缺少 .ziping 文档：${USAGE}`);
  if (!out) throw new CliError(`缺少 --out 自评报告.docx：${USAGE}`);
  const doc = loadDocument(file);
  const result = await exportReport(doc, out);
  if (!result.ok) throw new CliError(result.error.message);
  const { projects, placeholders } = result.value;
  io.stdout.write(`已生成自评报告 ${out}（项目 ${projects} 个）\n`);
  if (!doc.forms.some((f) => f.kind === 'department'))
    io.stdout.write('文档中没有部门整体支出绩效自评表：报告的部门得分和指标部分留待补写\n');
  if (placeholders > 0)
    io.stdout.write(
      `有 ${placeholders} 处文档中没有的内容，报告中以黄色底纹的【请填写：……】标出，请在 Word 中补写\n`,
    );
  return 0;
}
