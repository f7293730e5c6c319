/**
 * 导出 Excel from the editor, in real Chromium against the real server: check errors stop it with
 * their list (go to the first, or export a draft), a clean form exports at once; the files are
 * real workbooks read back with exceljs.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { getLayout } from '../../shared/layouts/definitions';
import { scoreForm } from '../../shared/scoring/form';
import { useAppPerTest, useSharedBrowser } from './harness';

const browser = useSharedBrowser();

describe('export from the editor', { timeout: 120_000 }, () => {
  const current = useAppPerTest(browser);

  it('refuses past check errors: 去改正 shows the first, 导出草稿 writes a draft', async () => {
    const app = current();
    const { page } = app;
    await page.getByTestId('export-xlsx').click();
    const target = join(app.dir, '全部.xlsx');
    await page.getByTestId('export-path').fill(target);
    await page.getByTestId('export-confirm').click();
    const dialog = page.getByTestId('dialog');
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await dialog.innerText()).toMatch(/发现 \d+ 个错误/);

    await page.getByTestId('dialog-fix').click();
    expect(existsSync(target)).toBe(false);
    await expect.poll(() => page.locator('.ag-cell-focus').count()).toBeGreaterThan(0);

    await page.getByTestId('export-xlsx').click();
    await page.getByTestId('export-path').fill(target);
    await page.getByTestId('export-confirm').click();
    await page.getByTestId('dialog-draft').click();
    await expect.poll(() => page.getByTestId('status').innerText()).toMatch(/已导出 \d+ 张表（草稿）/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(target);
    const doc = app.service.current?.document;
    expect(book.worksheets.filter((w) => w.state === 'visible').length).toBe((doc?.forms.length ?? 0) + 1);
    const sheet = book.worksheets.find((w) => w.state === 'visible' && w.name !== book.worksheets[0]?.name);
    expect(sheet?.headerFooter.oddHeader ?? '').toMatch(/草稿/);
  });

  it('a form without errors exports at once, alone when asked', async () => {
    const app = current();
    const { page } = app;
    const doc = app.service.current?.document;
    if (!doc) throw new Error('no document');
    const layout = getLayout(doc.meta.layout);
    const clean = doc.forms.find((f) => scoreForm(f, layout).findings.every((x) => x.level !== 'error'));
    if (!clean) throw new Error('示例文档中没有无错误的表');
    await page.getByTestId(`form-item-${clean.id}`).click();
    await page.getByTestId('export-xlsx').click();
    const target = join(app.dir, '一张.xlsx');
    await page.getByTestId('export-path').fill(target);
    await page.getByTestId('export-current').check();
    await page.getByTestId('export-confirm').click();
    await expect.poll(() => page.getByTestId('status').innerText()).toMatch(/已导出 1 张表：/);
    expect(await page.getByTestId('dialog').count()).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(target);
    const visible = book.worksheets.filter((w) => w.state === 'visible');
    expect(visible.length).toBe(2);
    expect(visible[1]?.headerFooter.oddHeader ?? '').not.toMatch(/草稿/);
  });
});
