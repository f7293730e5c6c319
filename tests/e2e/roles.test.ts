/**
 * Author and reviewer are different people (issue #19), in real Chromium: the first-run dialog
 * asks for 姓名 and 单位 and they sign what is written; the author cannot type a 核查分数 or set
 * 已审核 (the status bar says why, the cells look locked); the reviewer cannot edit the author's
 * cells and saving says which review file it went to; the author, opening the document, gets the
 * notice with counts and a list that jumps to each place, and not again once seen.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USER_FILE } from '../../electron/services/user-settings';
import { SAMPLE_PATH } from '../../scripts/build-sample';
import { openApp, useSharedBrowser, type App } from './harness';
import { cell, grid, typeInto } from './support';

const browser = useSharedBrowser();

/** The first form of the sample, shown; its id. */
async function firstForm(app: App): Promise<string> {
  const form = app.service.current?.document.forms[0];
  if (!form) throw new Error('示例文档没有表');
  await app.page.getByTestId(`form-item-${form.id}`).click();
  await expect.poll(() => grid(app.page).locator('.ag-row').count()).toBeGreaterThan(0);
  return form.id;
}

const editors = (app: App) => app.page.locator('.ag-cell-inline-editing, .ag-popup-editor').count();

describe('author and reviewer', { timeout: 240_000 }, () => {
  it('asks for the name on first start; the author cannot audit or decide, and is told why', async () => {
    const app = await openApp(browser(), SAMPLE_PATH, { firstRun: true });
    try {
      const page = app.page;
      const dialog = page.getByTestId('user-dialog');
      await expect.poll(() => dialog.isVisible()).toBe(true);
      await page.getByTestId('user-save').click();
      await expect.poll(() => page.getByTestId('user-problem').innerText()).toContain('请填写姓名');
      await page.getByTestId('user-name').fill('张三');
      await page.getByTestId('user-unit').fill('某某县教育局');
      await page.screenshot({ path: 'test-output/screenshots/roles-first-run.png' });
      await page.getByTestId('user-save').click();
      await expect.poll(() => dialog.count()).toBe(0);
      await expect.poll(() => page.getByTestId('status-user').innerText()).toContain('张三（某某县教育局）');
      expect(JSON.parse(readFileSync(join(app.dataDir, USER_FILE), 'utf8')).profile).toEqual({
        name: '张三',
        unit: '某某县教育局',
      });

      const formId = await firstForm(app);
      // A comment is signed with the name given.
      await page.getByTestId('toggle-review').click();
      await page.getByTestId('comment-input').fill('请财务股核对');
      await page.getByTestId('comment-add').click();
      await expect.poll(() => page.getByTestId('review-panel').innerText()).toContain('张三（某某县教育局）');

      // 核查分数 is the reviewer's: greyed, no editor, the status bar says why.
      await page.getByTestId('toggle-audit-columns').click();
      await expect.poll(() => cell(page, 0, 'auditScore').getAttribute('class')).toContain('cell-locked');
      expect(await cell(page, 0, 'actual').getAttribute('class')).not.toContain('cell-locked');
      await cell(page, 0, 'auditScore').dblclick();
      await expect
        .poll(() => page.getByTestId('status').innerText())
        .toContain('填报模式不能填写或修改核查分数');
      expect(await editors(app)).toBe(0);
      // So is 已审核: refused with why, the form has no status.
      await page.getByTestId('review-status').selectOption('已审核');
      await expect
        .poll(() => page.getByTestId('status').innerText())
        .toContain('填报模式不能把表设为“已审核”');
      await expect.poll(() => page.getByTestId('review-status').inputValue()).toBe('');
      expect(await page.getByTestId(`form-status-${formId}`).count()).toBe(0);
      // Sent for review is the author's to say.
      await page.getByTestId('review-status').selectOption('待审核');
      await expect.poll(() => page.getByTestId(`form-status-${formId}`).innerText()).toBe('待审核');
      await page.screenshot({ path: 'test-output/screenshots/roles-author-refused.png' });
    } finally {
      await app.close();
    }
  });

  it('the reviewer’s cells of the author look read-only; the author gets the notice and works through it', async () => {
    const reviewer = await openApp(browser(), SAMPLE_PATH, { review: true, user: '李审核' });
    let author: App | null = null;
    try {
      const page = reviewer.page;
      const formId = await firstForm(reviewer);
      await expect.poll(() => cell(page, 0, 'actual').getAttribute('class')).toContain('cell-locked');
      expect(await cell(page, 0, 'auditScore').getAttribute('class')).not.toContain('cell-locked');
      await cell(page, 0, 'actual').dblclick();
      await expect
        .poll(() => page.getByTestId('status').innerText())
        .toContain('审核模式不能修改填报人填写的内容');
      expect(await editors(reviewer)).toBe(0);
      await page.screenshot({ path: 'test-output/screenshots/roles-reviewer-locked.png' });

      await typeInto(page, 0, 'auditScore', '0');
      await expect.poll(() => cell(page, 0, 'auditScore').innerText()).toBe('0');
      await cell(page, 0, 'actual').click({ button: 'right' });
      await page.getByTestId('menu-comment').click();
      await page.getByTestId('comment-input').fill('完成值没有佐证');
      await page.getByTestId('comment-add').click();
      await page.getByTestId('review-status').selectOption('退回修改');
      await page.getByTestId('review-reason').fill('请补充佐证');
      await page.getByTestId('review-reason').press('Enter');
      await expect.poll(() => page.getByTestId(`form-status-${formId}`).innerText()).toBe('退回修改');
      await page.getByTestId('save').click();
      await expect
        .poll(() => page.getByTestId('status').innerText())
        .toContain('审核意见已保存到审核文件“示例.ziping-review”');

      author = await openApp(browser(), reviewer.file, { user: '王填报' });
      const a = author.page;
      const news = a.getByTestId('review-news');
      await expect
        .poll(() => a.getByTestId('review-news-headline').innerText())
        .toBe('收到审核意见：1 条批注，1 张表退回修改，1 项核查意见');
      await a.screenshot({ path: 'test-output/screenshots/roles-author-notice.png' });
      const items = news.getByTestId('review-news-item');
      expect(await items.count()).toBe(3);
      const comment = items.filter({ hasText: '完成值没有佐证' });
      await comment.click();
      await expect
        .poll(() => a.evaluate(() => document.activeElement?.closest('.ag-cell')?.getAttribute('col-id')))
        .toBe('actual');
      await items.filter({ hasText: '核查分数 0' }).click();
      await expect
        .poll(() => a.evaluate(() => document.activeElement?.closest('.ag-cell')?.getAttribute('col-id')))
        .toBe('auditScore');
      await a.getByTestId('review-news-close').click();
      await expect.poll(() => news.count()).toBe(0);
      // Seen: not shown again on the next opening.
      await a.reload();
      await expect.poll(() => grid(a).locator('.ag-row').count()).toBeGreaterThan(0);
      expect(await a.getByTestId('review-news').count()).toBe(0);
    } finally {
      await author?.close();
      await reviewer.close();
    }
  });
});
