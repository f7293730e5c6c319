/**
 * Review data through Excel: an export “with review” carries a 审核意见 sheet, statuses and
 * reviewed totals in the summary and the items themselves (read back by 导入审核意见 and the
 * CLI's --review); the form import skips the review sheet with a reason. Real files, read back
 * with exceljs.
 */
import ExcelJS from 'exceljs';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/handlers';
import { DocumentSession } from '../../electron/services/document-store';
import { reviewFilePath } from '../../electron/services/document-store/review-store';
import { importXlsx } from '../../electron/services/excel/import';
import { SAMPLE_PATH } from '../../scripts/build-sample';
import type { ReviewItem } from '../../shared/review/types';
import { useTempDir } from '../support/temp-dir';
import { audit, comment, status, takeIn } from '../support/review-items';
import { runZiping } from '../support/run-cli';

const tmp = useTempDir('ziping-review-xlsx-');

/** A copy of the sample with a status, an audit score and a comment thread, saved. */
function reviewedSample(): { file: string; data: string; formName: string; line: string } {
  const root = mkdtempSync(join(tmp(), 'case-'));
  const file = join(root, '示例.ziping');
  copyFileSync(SAMPLE_PATH, file);
  const data = join(root, 'data');
  const s = DocumentSession.open(file, { dataDir: data });
  if (!s.ok) throw new Error(s.error.message);
  const form = s.value.document.forms[1];
  const line = form?.indicators[0];
  if (!form || !line) throw new Error('sample has no line');
  // A reviewer's status, audit and comment, taken in by the author (导入审核意见), and a reply.
  const r = takeIn(s.value, [
    status(form.id, '退回修改', '请补充佐证'),
    audit(form.id, line.id, 0, '无佐证，不得分'),
    comment('c1', form.id, '完成值没有来源', { anchor: { indicatorId: line.id, field: 'actual' } }),
    comment('c2', form.id, '已补充', { parentId: 'c1', author: '作者' }),
  ]);
  if (!r.ok) throw new Error(r.error.message);
  const saved = s.value.save();
  if (!saved.ok) throw new Error(saved.error.message);
  s.value.close();
  return { file, data, formName: form.projectName, line: line.name };
}

function texts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => out.push(String(c.value ?? ''))));
  return out;
}

describe('review data in Excel exports', { timeout: 120_000 }, () => {
  it('an export with review carries the 审核意见 sheet, statuses and reviewed totals, and reads back', async () => {
    const { file, data, formName } = reviewedSample();
    const app = new AppService(data);
    expect(app.call('doc/open', { path: file }).ok).toBe(true);
    const out = join(tmp(), 'with-review.xlsx');
    const r = await app.invoke('doc/exportXlsx', { path: out, draft: true, review: true });
    expect(r.ok, JSON.stringify(r)).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet('审核意见');
    if (!sheet) throw new Error('no review sheet');
    const all = texts(sheet);
    expect(all).toContain('退回修改：请补充佐证');
    expect(all).toContain('无佐证，不得分');
    expect(all).toContain('完成值没有来源');
    expect(all).toContain('已补充');
    expect(all.some((t) => t.startsWith('指标第 1 行 · '))).toBe(true);
    const summary = wb.getWorksheet('汇总');
    if (!summary) throw new Error('no summary');
    const head = summary.getRow(4).values as unknown[];
    expect(head).toEqual(expect.arrayContaining(['审核状态', '核查得分', '核查等级']));
    const statusCol = head.indexOf('审核状态');
    const nameCol = head.indexOf('表格名称');
    let row = 5;
    while (summary.getRow(row).getCell(nameCol).value !== formName) row++;
    expect(summary.getRow(row).getCell(statusCol).value).toBe('退回修改');
    expect(texts(summary).some((t) => /^审核状态：.*退回修改 1 张/.test(t))).toBe(true);

    // 导入审核意见 reads the items back from the workbook.
    const back = await app.invoke('review/read', { path: out });
    expect(back.ok).toBe(true);
    if (back.ok) expect((back.value as { items: ReviewItem[] }).items.map((i) => i.id)).toHaveLength(4);
    // The form import skips the review sheet, saying why, and still reads every form.
    const imported = await importXlsx(out);
    expect(imported.ok).toBe(true);
    if (imported.ok) {
      expect(imported.value.report.skipped).toContainEqual({
        sheet: '审核意见',
        reason: '审核意见不是表格：请用“导入审核意见…”导入',
      });
      expect(imported.value.forms).toHaveLength(25);
    }
    app.call('doc/close', { discard: true });
  });

  it('an export without review has none of it, and review/read says so', async () => {
    const { file, data } = reviewedSample();
    const app = new AppService(data);
    expect(app.call('doc/open', { path: file }).ok).toBe(true);
    const out = join(tmp(), 'without-review.xlsx');
    expect((await app.invoke('doc/exportXlsx', { path: out, draft: true })).ok).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('审核意见')).toBeUndefined();
    expect(texts(wb.getWorksheet('汇总') as ExcelJS.Worksheet)).not.toContain('审核状态');
    const back = await app.invoke('review/read', { path: out });
    expect(!back.ok && back.error.message).toMatch(/没有审核意见/);
    expect((await app.invoke('doc/exportXlsx', { path: out, review: 'yes' })).ok).toBe(false);
    app.call('doc/close', { discard: true });
  });

  it('ziping export --review includes the review file beside the document', async () => {
    const { file } = reviewedSample();
    // A reviewer's item that is only in the review file.
    const reviewer = DocumentSession.open(file, { dataDir: join(tmp(), 'reviewer'), review: true });
    if (!reviewer.ok) throw new Error(reviewer.error.message);
    reviewer.value.applyReview([{ op: 'putReview', item: comment('from-file', null, '审核文件中的意见') }]);
    expect(reviewer.value.save().ok).toBe(true);
    reviewer.value.close();
    expect(reviewFilePath(file)).toMatch(/\.ziping-review$/);
    const out = join(tmp(), 'cli-review.xlsx');
    const run = await runZiping(['export', file, '--out', out, '--draft', '--review'], {
      ZIPING_DATA_DIR: join(tmp(), 'cli-data'),
    });
    expect(run.code, run.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const all = texts(wb.getWorksheet('审核意见') as ExcelJS.Worksheet);
    expect(all).toContain('审核文件中的意见');
    expect(all).toContain('完成值没有来源');
  });
});
