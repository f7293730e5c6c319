/** The import report as Chinese lines (the CLI prints them, the editor shows them). */
import type { ImportReport } from './import';

export function importReportLines(file: string, report: ImportReport): string[] {
  const lines = [`从 ${file} 读入 ${report.forms.length} 张表：`];
  for (const f of report.forms) {
    const how = f.from === 'stored' ? '本软件导出、未改动，原样读入' : '按表中内容读入';
    lines.push(`  “${f.name}”（工作表“${f.sheet}”）：${f.indicators} 行指标，${f.fundsRows} 行资金，${how}`);
  }
  for (const b of report.basicData) {
    const how =
      b.from === 'stored' ? '本软件导出、未改动，原样读入' : b.empty ? '表中没有数据' : '按表中内容读入';
    const into = b.form ? `并入“${b.form}”：` : '';
    lines.push(`  基础数据表（工作表“${b.sheet}”）：${into}${how}`);
  }
  for (const s of report.skipped) lines.push(`跳过工作表“${s.sheet}”：${s.reason}`);
  if (report.problems.length > 0) lines.push(`需要核对的地方（${report.problems.length} 处）：`);
  for (const p of report.problems) {
    const cell = p.cell ? ` ${p.cell}` : '';
    const text = p.text ? `“${p.text.length > 30 ? `${p.text.slice(0, 30)}…` : p.text}”` : '';
    lines.push(`  工作表“${p.sheet}”${cell}${text}：${p.reason}`);
  }
  return lines;
}
