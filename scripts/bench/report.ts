/**
 * 自评报告 speed: a 100-form document (a department form and 99 project forms of 30 lines, with
 * problem texts in a third of them): the outline (scoring every form once), the .docx bytes, and
 * the whole export as `ziping report` runs it (outline, docx, atomic write). Aim: ≤ 3 s in all.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportReport } from '../../electron/services/report/export-report';
import { reportDocxBytes } from '../../electron/services/report/report-docx';
import { buildReportOutline } from '../../shared/report/report-outline';
import { departmentForm } from '../../tests/support/report';
import { generatedDocument } from '../../tests/support/documents';
import { measure, measureAsync, type Figure } from './measure';

const RUNS = 10;

export async function benchReport(): Promise<{ figures: Figure[]; note: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ziping-bench-report-'));
  try {
    const doc = generatedDocument(99, 30, 'national');
    doc.forms.forEach((form, i) => {
      if (i % 3 === 0)
        form.analysis['项目管理中存在的主要问题及原因分析'] = `第${i + 1}个项目招标推迟两个月。`;
    });
    doc.forms.unshift(departmentForm(doc.meta.year));
    const outline = buildReportOutline(doc);
    const file = path.join(dir, '自评报告.docx');
    const figures = [
      measure('报告提纲（100 张表，每张评分一次）', RUNS, () => buildReportOutline(doc)),
      await measureAsync('生成 .docx（docx 库，提纲已有）', RUNS, () => reportDocxBytes(outline)),
      await measureAsync(
        '导出自评报告：提纲 + .docx + 原子写入',
        RUNS,
        async () => {
          const r = await exportReport(doc, file);
          if (!r.ok) throw new Error(r.error.message);
        },
        '≤ 3 s',
      ),
    ];
    const kb = Math.round(statSync(file).size / 1024);
    return { figures, note: `100 张表（1 张部门整体 + 99 张项目，每张 30 行指标），报告 ${kb} KB` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
