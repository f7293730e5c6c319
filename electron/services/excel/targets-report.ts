/** The 绩效目标申报表 import report as Chinese lines (the CLI prints them, the editor can show them). */
import type { TargetsReport } from './targets-reader';

const KIND = { project: '项目支出', department: '部门（单位）整体支出' } as const;

export function targetsReportLines(file: string, report: TargetsReport): string[] {
  const lines = [`从 ${file} 读入 ${report.declarations.length} 份绩效目标申报表：`];
  for (const d of report.declarations) {
    lines.push(`  “${d.name || '（无名称）'}”（${KIND[d.kind]}，工作表“${d.sheet}”${d.cell}）：`);
    for (const r of d.read) lines.push(`    读入 ${r}`);
    for (const n of d.notes) {
      const text = n.text ? `“${n.text.length > 30 ? `${n.text.slice(0, 30)}…` : n.text}”` : '';
      const where = [n.cell ?? '', text].filter((s) => s !== '').join(' ');
      lines.push(`    注意 ${where ? `${where}：` : ''}${n.reason}`);
    }
  }
  for (const s of report.skipped) lines.push(`跳过工作表“${s.sheet}”：${s.reason}`);
  return lines;
}
