/**
 * Browser mode without typed paths (issue #19), in real Chromium against the real server: open
 * through the in-app folder browser (keyboard only), 另存为 into a folder made in it, 导出 Excel
 * as a download (the workbook read back), the explicit 一个文件 / 每张表一个文件 choice, and an
 * .xlsx chosen to open offered for import into a new document; the start panel without the
 * grids' chunk, and that chunk failing to load. Screenshots of the chooser are kept in
 * test-output/screenshots.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-cli';
import { chooser, choosePath, goToFolder } from './chooser';
import { useAppPerTest, useSharedBrowser, type App } from './harness';

const browser = useSharedBrowser();
const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // As on the most common county-office laptop.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: join(SCREENSHOTS, `chooser-${name}.png`) });
}

/** Closes the sample (unchanged) to show the start panel. */
async function toStartPanel(app: App): Promise<void> {
  await app.page.getByTestId('close-doc').click();
  await expect.poll(() => app.page.getByTestId('start-panel').count()).toBe(1);
}

/** Answers the checks dialog with 导出草稿 when the sample's errors stop the export. */
async function draftIfAsked(page: Page): Promise<void> {
  const asked = async () =>
    (await page.getByTestId('dialog').count()) > 0 ||
    (await page.getByTestId('status').innerText()).includes('已导出');
  await expect.poll(asked, { timeout: 30_000 }).toBe(true);
  if ((await page.getByTestId('dialog-draft').count()) > 0) await page.getByTestId('dialog-draft').click();
}

describe('the file chooser (browser mode)', { timeout: 180_000 }, () => {
  const current = useAppPerTest(browser);

  it('opens a document with the keyboard only; Esc closes it without opening anything', async () => {
    const app = current();
    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    await toStartPanel(app);
    await page.getByTestId('open-button').click();
    await expect.poll(() => chooser(page).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => chooser(page).count()).toBe(0);
    expect(await page.getByTestId('start-panel').count()).toBe(1);

    await page.getByTestId('open-button').click();
    await goToFolder(page, app.dir);
    // Folders first (the data folder), then the document; no other kinds of file.
    await expect
      .poll(() => page.getByTestId('file-chooser-entry').allInnerTexts())
      .toEqual([expect.stringContaining('data'), expect.stringContaining('示例.ziping')]);
    await shot(page, 'open');
    await page.getByTestId('file-chooser-list').focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('doc-title').count()).toBe(1);
    expect(await page.getByTestId('doc-title').innerText()).toBe('示例.ziping');
    expect(app.service.current?.path).toBe(app.file);
  });

  it('the start panel comes up without the grids (AG Grid): they load when a document is opened', async () => {
    const app = current();
    const { page } = app;
    await toStartPanel(app);
    await page.reload();
    await expect.poll(() => page.getByTestId('start-panel').count()).toBe(1);
    // The JavaScript files the window has fetched, by chunk name (views/formGrids.ts).
    const scripts = () =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => new URL(e.name).pathname.split('/').pop() ?? '')
          .filter((f) => f.endsWith('.js')),
      );
    expect((await scripts()).filter((f) => f.startsWith('formGrids-'))).toEqual([]);
    await page.getByTestId('open-button').click();
    await choosePath(page, app.file);
    await expect
      .poll(() => page.locator('[data-testid="indicator-grid"] .ag-row').count())
      .toBeGreaterThan(0);
    expect((await scripts()).filter((f) => f.startsWith('formGrids-'))).toHaveLength(1);
  });

  it('a grids chunk that cannot be loaded is said in its place; the rest of the window still works', async () => {
    const app = current();
    const { page } = app;
    await page.route('**/formGrids-*.js', (route) => route.abort());
    await page.reload();
    await expect.poll(() => page.getByTestId('view-load-failed').count()).toBe(2);
    expect(await page.getByTestId('view-load-failed').first().innerText()).toContain('表格组件载入失败');
    // The sidebar and the other blocks are there; switching forms keeps the message, not a blank window.
    expect(await page.getByTestId('form-view').count()).toBe(1);
    await page.locator('[data-testid^="form-item-"]').nth(1).click();
    await expect.poll(() => page.getByTestId('view-load-failed').count()).toBe(2);
    await page.unroute('**/formGrids-*.js');
  });

  it('另存为 into a folder made in the chooser', async () => {
    const app = current();
    const { page } = app;
    await page.getByTestId('save-as').click();
    await goToFolder(page, app.dir);
    await expect.poll(() => page.getByTestId('file-chooser-name').inputValue()).toBe('示例.ziping');
    await page.getByTestId('file-chooser-new-folder').click();
    await page.getByTestId('file-chooser-folder-name').fill('2025年 归档');
    await page.getByTestId('file-chooser-folder-name').press('Enter');
    await expect
      .poll(() => page.getByTestId('file-chooser-folder').innerText())
      .toBe(join(app.dir, '2025年 归档'));
    await page.getByTestId('file-chooser-name').fill('副本');
    await shot(page, 'save-as');
    await page.getByTestId('file-chooser-name').press('Enter');
    const saved = join(app.dir, '2025年 归档', '副本.ziping');
    await expect.poll(() => page.getByTestId('doc-title').innerText()).toBe('副本.ziping');
    expect(existsSync(saved)).toBe(true);
  });

  it('exports one workbook as a download that reads back', async () => {
    const app = current();
    const { page } = app;
    await page.getByTestId('export-xlsx').click();
    expect(await page.getByTestId('export-one-file').isChecked()).toBe(true);
    expect(await page.getByTestId('export-download').isChecked()).toBe(true);
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('export-confirm').click();
    await draftIfAsked(page);
    const file = await download;
    expect(file.suggestedFilename()).toBe('示例.xlsx');
    const book = new ExcelJS.Workbook();
    // The browser is remote (the shared Chromium): its download is copied here first.
    const local = join(app.dir, '下载的.xlsx');
    await file.saveAs(local);
    await book.xlsx.readFile(local);
    const forms = app.service.current?.document.forms.length ?? 0;
    expect(book.worksheets.filter((w) => w.state === 'visible').length).toBeGreaterThan(forms);
    await expect.poll(() => page.getByTestId('status').innerText()).toMatch(/已下载“示例\.xlsx”/);
  });

  it('asks 一个文件 / 每张表一个文件: one file per form goes into a new folder, never a download', async () => {
    const app = current();
    const { page } = app;
    await page.getByTestId('export-xlsx').click();
    await page.getByTestId('export-per-form').check();
    expect(await page.getByTestId('export-download').isDisabled()).toBe(true);
    await page.getByTestId('export-confirm').click();
    await goToFolder(page, app.dir);
    await expect
      .poll(() => page.getByTestId('file-chooser-name').inputValue())
      .toBe('示例（每张表一个文件）');
    await shot(page, 'per-form');
    await page.getByTestId('file-chooser-confirm').click();
    await draftIfAsked(page);
    const folder = join(app.dir, '示例（每张表一个文件）');
    await expect.poll(() => existsSync(folder), { timeout: 60_000 }).toBe(true);
    const forms = app.service.current?.document.forms.length ?? 0;
    expect(readdirSync(folder).filter((f) => f.endsWith('.xlsx')).length).toBe(forms);
  });

  it('an .xlsx chosen to open is offered for import into a new document', async () => {
    const app = current();
    const { page } = app;
    const workbook = join(app.dir, '县财政局 上报.xlsx');
    const exported = await app.service.invoke('doc/exportXlsx', { path: workbook, draft: true });
    expect(exported.ok).toBe(true);
    const forms = app.service.current?.document.forms.length ?? 0;
    await toStartPanel(app);
    await page.getByTestId('open-button').click();
    await choosePath(page, workbook);
    await expect.poll(() => page.getByTestId('xlsx-offer').count()).toBe(1);
    expect(await page.getByTestId('xlsx-offer-unit').inputValue()).toBe('县财政局 上报');
    await shot(page, 'xlsx-offer');
    await page.getByTestId('xlsx-offer-import').click();
    await expect.poll(() => page.getByTestId('doc-title').count()).toBe(1);
    expect(await page.getByTestId('doc-title').innerText()).toBe('新文档（未保存）');
    expect(app.service.current?.document.forms.length).toBe(forms);
    expect(app.service.current?.document.meta.unit).toBe('县财政局 上报');
  });
});
