/**
 * Reviewing in real Chromium: a reviewer opens the sample as a reviewer, comments on a cell,
 * sets a 核查分数 with an opinion and a 审核状态, saves; the author opens the document and sees
 * all of it, answers and resolves the comment; nothing the author typed was changed by the
 * reviewer's session (the document file is byte for byte the same until the author saves).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppService } from '../../electron/services/handlers';
import { statusId } from '../../shared/review/types';
import { describe, expect, it } from 'vitest';
import { reviewFilePath } from '../../electron/services/document-store/review-store';
import { getLayout } from '../../shared/layouts/definitions';
import { scoreForm } from '../../shared/scoring/form';
import { SAMPLE_PATH } from '../../scripts/build-sample';
import { openApp, useSharedBrowser, type App } from './harness';
import { choosePath } from './chooser';
import { cell, grid, numberOf, typeInto } from './support';

const browser = useSharedBrowser();
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A form of the sample with a scored line, shown in the editor. */
async function showScoredForm(
  app: App,
): Promise<{ formId: string; row: number; final: number; total: number }> {
  const doc = app.service.current?.document;
  if (!doc) throw new Error('no document');
  const layout = getLayout(doc.meta.layout);
  for (const form of doc.forms) {
    const r = scoreForm(form, layout);
    const row = r.indicators.findIndex((l) => l.final >= 2);
    if (row < 0) continue;
    await app.page.getByTestId(`form-item-${form.id}`).click();
    await expect.poll(() => grid(app.page).locator('.ag-row').count()).toBeGreaterThan(row);
    return { formId: form.id, row, final: r.indicators[row]?.final ?? 0, total: r.total };
  }
  throw new Error('示例文档中没有得分的指标');
}

describe('reviewing a shared document', { timeout: 180_000 }, () => {
  it('the reviewer comments, audits and sets a status; the author sees it all, answers and resolves', async () => {
    const reviewer = await openApp(browser(), SAMPLE_PATH, { review: true });
    let author: App | null = null;
    try {
      const page = reviewer.page;
      const fileBefore = hash(reviewer.file);
      const formsBefore = JSON.stringify(reviewer.service.current?.document.forms);
      await expect.poll(() => page.getByTestId('reviewing-mark').isVisible()).toBe(true);
      await expect.poll(() => page.getByTestId('review-panel').isVisible()).toBe(true);
      const { formId, row, final, total } = await showScoredForm(reviewer);

      // The author's cells do not open for editing in a review session.
      await cell(page, row, 'actual').dblclick();
      expect(await page.locator('.ag-cell-inline-editing').count()).toBe(0);
      await page.keyboard.press('Escape');

      // A comment on the cell, from the context menu.
      await cell(page, row, 'actual').click({ button: 'right' });
      await page.getByTestId('menu-comment').click();
      await expect
        .poll(() => page.getByTestId('comment-target').innerText())
        .toContain(`指标第 ${row + 1} 行`);
      await page.getByTestId('comment-input').fill('实际完成值与验收报告不一致，请核实');
      await page.getByTestId('comment-add').click();
      await expect
        .poll(() => page.getByTestId('comment-text').first().innerText())
        .toBe('实际完成值与验收报告不一致，请核实');
      await expect.poll(() => cell(page, row, 'actual').getAttribute('class')).toContain('cell-commented');

      // A 核查分数 one point under the author's score, with an opinion.
      await typeInto(page, row, 'auditScore', String(final - 1));
      await typeInto(page, row, 'auditOpinion', '佐证不足，扣1分');
      await expect.poll(() => numberOf(page, 'form-reviewed-total')).toBeCloseTo(total - 1, 2);
      await expect.poll(() => page.getByTestId('reviewed-diff').innerText()).toBe('-1.00');
      // Scores above the line's weight are refused with a message, nothing changes.
      await typeInto(page, row, 'auditScore', '999');
      await expect.poll(() => page.getByTestId('status').innerText()).toContain('核查分数应在 0 到分值');
      await expect.poll(() => numberOf(page, 'form-reviewed-total')).toBeCloseTo(total - 1, 2);

      // The form is sent back with a reason.
      await page.getByTestId('review-status').selectOption('退回修改');
      await page.getByTestId('review-reason').fill('请补充验收报告');
      await page.getByTestId('review-reason').press('Enter');
      await expect.poll(() => page.getByTestId(`form-status-${formId}`).innerText()).toBe('退回修改');
      await expect.poll(() => page.getByTestId('status-summary').innerText()).toContain('退回修改 1');

      // Undo takes the last review step back, redo brings it again.
      await page.getByTestId('undo').click();
      await expect.poll(() => page.getByTestId('review-reason').inputValue()).toBe('');
      await page.getByTestId('redo').click();
      await expect.poll(() => page.getByTestId('review-reason').inputValue()).toBe('请补充验收报告');

      await page.screenshot({
        path: 'test-output/screenshots/review-reviewer.png',
        clip: { x: 0, y: 0, width: 1440, height: 1000 },
      });
      await page.getByTestId('save').click();
      await expect.poll(() => page.getByTestId('dirty').count()).toBe(0);
      expect(existsSync(reviewFilePath(reviewer.file))).toBe(true);
      expect(hash(reviewer.file)).toBe(fileBefore);
      expect(JSON.stringify(reviewer.service.current?.document.forms)).toBe(formsBefore);

      // The author opens the shared document (with its review file beside it).
      author = await openApp(browser(), reviewer.file);
      const a = author.page;
      expect(JSON.stringify(author.service.current?.document.forms)).toBe(formsBefore);
      await expect.poll(() => a.getByTestId('review-panel').isVisible()).toBe(true);
      await expect.poll(() => a.getByTestId(`form-status-${formId}`).innerText()).toBe('退回修改');
      await a.getByTestId(`form-item-${formId}`).click();
      await expect.poll(() => grid(a).locator('.ag-row').count()).toBeGreaterThan(row);
      await expect.poll(() => cell(a, row, 'actual').getAttribute('class')).toContain('cell-commented');
      await expect.poll(() => cell(a, row, 'auditScore').innerText()).toBe(String(final - 1));
      await expect.poll(() => cell(a, row, 'auditOpinion').innerText()).toBe('佐证不足，扣1分');
      await expect.poll(() => numberOf(a, 'form-reviewed-total')).toBeCloseTo(total - 1, 2);
      await expect.poll(() => a.getByTestId('review-reason').inputValue()).toBe('请补充验收报告');
      const thread = a.getByTestId('comment-thread').first();
      await expect
        .poll(() => thread.getByTestId('comment-text').first().innerText())
        .toBe('实际完成值与验收报告不一致，请核实');

      // Following the comment selects its cell.
      await thread.getByTestId('comment-place').click();
      await expect
        .poll(() => a.evaluate(() => document.activeElement?.closest('.ag-cell')?.getAttribute('col-id')))
        .toBe('actual');

      // The author answers and marks it done; it is saved into the document.
      await thread.getByTestId('comment-reply').fill('已补充验收报告');
      await thread.getByTestId('comment-reply-send').click();
      await thread.getByTestId('comment-resolve').click();
      await expect.poll(() => a.getByTestId('comment-thread').count()).toBe(0);
      await expect.poll(() => cell(a, row, 'actual').getAttribute('class')).not.toContain('cell-commented');
      await a.getByTestId('save').click();
      await expect.poll(() => a.getByTestId('dirty').count()).toBe(0);
      const saved = [...(author.service.current?.review.values() ?? [])];
      expect(saved.find((i) => i.kind === 'comment' && i.parentId !== null)).toMatchObject({
        text: '已补充验收报告',
      });
      expect(saved.find((i) => i.kind === 'comment' && i.parentId === null)).toMatchObject({
        resolved: true,
      });
      await a.screenshot({
        path: 'test-output/screenshots/review-author.png',
        clip: { x: 0, y: 0, width: 1440, height: 1000 },
      });
    } finally {
      await author?.close();
      await reviewer.close();
    }
  });

  it('the author sees the reviewer’s audit scores and status in the history; restoring an old score is the reviewer’s, refused with why', async () => {
    const reviewer = await openApp(browser(), SAMPLE_PATH, { review: true, user: '张审核' });
    let author: App | null = null;
    try {
      const page = reviewer.page;
      await expect.poll(() => page.getByTestId('review-panel').isVisible()).toBe(true);
      const { formId, row, final } = await showScoredForm(reviewer);
      await typeInto(page, row, 'auditScore', String(final - 1));
      await expect.poll(() => cell(page, row, 'auditScore').innerText()).toBe(String(final - 1));
      await typeInto(page, row, 'auditScore', String(final - 2));
      await expect.poll(() => cell(page, row, 'auditScore').innerText()).toBe(String(final - 2));
      await page.getByTestId('review-status').selectOption('已审核');
      await expect.poll(() => page.getByTestId(`form-status-${formId}`).innerText()).toBe('已审核');
      await page.getByTestId('save').click();
      await expect.poll(() => page.getByTestId('dirty').count()).toBe(0);

      author = await openApp(browser(), reviewer.file, { user: '作者' });
      const a = author.page;
      await a.getByTestId(`form-item-${formId}`).click();
      await expect.poll(() => grid(a).locator('.ag-row').count()).toBeGreaterThan(row);
      await a.getByTestId('toolbar-history').click();
      const panel = a.getByTestId('history-panel');
      const review = panel.locator('[data-testid="history-entry"][data-kind="review"]');
      await expect.poll(() => review.count()).toBe(3);
      const texts = await review.allInnerTexts();
      const two = (n: number) => n.toFixed(2);
      expect(texts[0]).toMatch(/张审核[\s\S]*审核状态[\s\S]*（空）[\s\S]*已审核/);
      expect(texts[1]).toMatch(
        new RegExp(`张审核[\\s\\S]*核查分数[\\s\\S]*${two(final - 1)}[\\s\\S]*${two(final - 2)}`),
      );
      expect(texts[2]).toMatch(
        new RegExp(`张审核[\\s\\S]*核查分数[\\s\\S]*（空）[\\s\\S]*${two(final - 1)}`),
      );

      // The 核查分数 cell's own history, from the context menu. 恢复 would be the author giving a
      // 核查分数: refused, with why in the status bar, and the score stays the reviewer's.
      await cell(a, row, 'auditScore').click({ button: 'right' });
      await a.getByTestId('menu-history').click();
      await expect.poll(() => panel.getByTestId('history-title').innerText()).toMatch(/核查分数$/);
      const entries = panel.getByTestId('history-entry');
      await expect.poll(() => entries.count()).toBe(2);
      await entries.first().getByTestId('history-restore-review').click();
      await expect
        .poll(() => a.getByTestId('status').innerText())
        .toContain('填报模式不能填写或修改核查分数');
      expect(await cell(a, row, 'auditScore').innerText()).toBe(String(final - 2));
      expect(await entries.count()).toBe(2);
    } finally {
      await author?.close();
      await reviewer.close();
    }
  });

  it('comments on funds cells, header boxes, a whole line and the document; marks show and survive a reload', async () => {
    const app = await openApp(browser());
    try {
      const page = app.page;
      await expect.poll(() => grid(page).locator('.ag-row').count()).toBeGreaterThan(0);
      const comment = async (text: string) => {
        await page.getByTestId('comment-input').fill(text);
        await page.getByTestId('comment-add').click();
      };
      // A funds cell, by Excel's key.
      const funds = page
        .getByTestId('funds-grid')
        .locator('.ag-row[row-index="0"] [col-id="executed"]')
        .first();
      await funds.click();
      await page.keyboard.press('Shift+F2');
      await expect.poll(() => page.getByTestId('comment-target').innerText()).toContain('资金');
      await comment('执行数与决算报表不一致');
      await expect.poll(() => funds.getAttribute('class')).toContain('cell-commented');
      // A header box.
      const name = page.getByTestId('header-projectName');
      await name.focus();
      await page.keyboard.press('Shift+F2');
      await expect.poll(() => page.getByTestId('comment-target').innerText()).toContain('表头');
      await comment('名称应与预算批复一致');
      await expect.poll(() => name.getAttribute('class')).toContain('field-commented');
      // A whole line, from the context menu: every cell of the line is marked.
      await cell(page, 0, 'name').click({ button: 'right' });
      await page.getByTestId('menu-commentLine').click();
      await comment('本行指标值设定偏低');
      await expect.poll(() => cell(page, 0, 'weight').getAttribute('class')).toContain('cell-commented');
      // The document itself.
      await page.getByTestId('comment-scope-document').click();
      await expect.poll(() => page.getByTestId('comment-target').innerText()).toContain('整个文档');
      await comment('请统一金额单位为万元');
      await page.getByTestId('comment-scope-all').click();
      await expect.poll(() => page.getByTestId('comment-thread').count()).toBe(4);

      await page.reload();
      await expect.poll(() => page.getByTestId('review-panel').isVisible()).toBe(true);
      await expect.poll(() => funds.getAttribute('class')).toContain('cell-commented');
      await expect
        .poll(() => page.getByTestId('header-projectName').getAttribute('class'))
        .toContain('field-commented');
      await expect.poll(() => page.getByTestId('comment-thread').count()).toBe(3);
      await page.getByTestId('comment-scope-document').click();
      await expect
        .poll(() => page.getByTestId('comment-text').first().innerText())
        .toBe('请统一金额单位为万元');
    } finally {
      await app.close();
    }
  });

  it('imports a reviewer’s review file as one undoable step', async () => {
    const app = await openApp(browser());
    try {
      const page = app.page;
      await expect.poll(() => grid(page).locator('.ag-row').count()).toBeGreaterThan(0);
      // A reviewer elsewhere: their own copy of the document, reviewed and saved.
      const other = join(app.dir, '审核', '示例.ziping');
      mkdirSync(dirname(other));
      copyFileSync(app.file, other);
      const reviewer = new AppService(join(app.dir, 'reviewer-data'));
      const opened = reviewer.call('doc/open', { path: other, review: true });
      if (!opened.ok) throw new Error(opened.error.message);
      const formId = app.service.current?.document.forms[1]?.id ?? '';
      const at = new Date().toISOString();
      const item = {
        kind: 'status',
        id: statusId(formId),
        formId,
        status: '已审核',
        reason: '',
        by: '财政局',
        updatedAt: at,
      } as const;
      expect(reviewer.call('review/apply', { patches: [{ op: 'putReview', item }] }).ok).toBe(true);
      expect(reviewer.call('doc/save', {}).ok).toBe(true);
      expect(reviewer.call('doc/close', { discard: true }).ok).toBe(true);

      await page.getByTestId('import-review').click();
      await choosePath(page, reviewFilePath(other));
      await expect.poll(() => page.getByTestId('status').innerText()).toContain('审核状态 1 条');
      await expect.poll(() => page.getByTestId(`form-status-${formId}`).innerText()).toBe('已审核');
      await page.getByTestId('undo').click();
      await expect.poll(() => page.getByTestId(`form-status-${formId}`).count()).toBe(0);
      // A file that is not a review file is refused with a message.
      await page.getByTestId('import-review').click();
      await choosePath(page, join(app.dir, '没有这个文件.ziping-review'));
      await expect.poll(() => page.getByTestId('status').innerText()).toContain('找不到');
    } finally {
      await app.close();
    }
  });
});
