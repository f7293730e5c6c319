/**
 * History and comparison in Chromium against the real browser-mode server: edit a cell, open its
 * history from the context menu, restore the old value and see it back (in the grid and in the
 * working copy); save, edit, and compare with the saved version: the changed cell is listed with
 * its old and new value and the form's total before and after.
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-cli';
import { useAppPerTest, useSharedBrowser } from './harness';
import { choosePath } from './chooser';
import { cell, serverForm, showForm, typeInto } from './support';

const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');
const browser = useSharedBrowser();

describe('history and comparison in the editor', { timeout: 120_000 }, () => {
  const app = useAppPerTest(browser);

  it('a cell’s history from the context menu restores its old value in one action', async () => {
    const { page } = app();
    const form = await showForm(app(), '大气污染防治资金（示例：常见错误）');
    const before = form.indicators[0]?.actual ?? '';
    expect(before).toBe('100%');
    await typeInto(page, 0, 'actual', '60%');
    await expect.poll(() => serverForm(app(), form.id).indicators[0]?.actual).toBe('60%');

    await cell(page, 0, 'actual').click({ button: 'right' });
    await page.getByTestId('menu-history').click();
    const panel = page.getByTestId('history-panel');
    await expect.poll(() => panel.getByTestId('history-title').innerText()).toMatch(/第1行.*实际完成值$/);
    const entries = panel.getByTestId('history-entry');
    await expect.poll(() => entries.count()).toBe(1);
    expect(await entries.first().getByTestId('history-old').innerText()).toBe('100%');
    expect(await entries.first().getByTestId('history-new').innerText()).toBe('60%');
    await entries.first().getByRole('button', { name: '恢复' }).click();

    await expect.poll(() => cell(page, 0, 'actual').innerText()).toBe('100%');
    await expect.poll(() => serverForm(app(), form.id).indicators[0]?.actual).toBe('100%');
    // The restore is itself a change in the list (newest first), and undoable.
    await expect.poll(() => entries.count()).toBe(2);
    expect(await entries.first().getByTestId('history-new').innerText()).toBe('100%');
    await page.getByTestId('undo').click();
    await expect.poll(() => cell(page, 0, 'actual').innerText()).toBe('60%');

    // 显示整张表: the form's changes, the undo among them, back to the sample's own making of it.
    await panel.getByTestId('history-whole-form').click();
    await expect.poll(() => entries.count()).toBe(4);
    expect(await entries.first().getByTestId('history-new').innerText()).toBe('60%');
    expect(await entries.last().innerText()).toMatch(/新增表“大气污染防治资金（示例：常见错误）”/);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'history.png') });
    await panel.getByTestId('history-close').click();
    await expect.poll(() => panel.count()).toBe(0);
    await page.getByTestId('toolbar-history').click();
    await expect.poll(() => entries.count()).toBe(4);
  });

  it('compares with a saved version: the changed cell old | new, and the total before and after', async () => {
    const { page } = app();
    const form = await showForm(app(), '大气污染防治资金（示例：常见错误）');
    await page.getByTestId('save').click();
    await expect.poll(() => app().service.current?.dirty).toBe(false);
    await typeInto(page, 0, 'actual', '50%');
    await expect.poll(() => serverForm(app(), form.id).indicators[0]?.actual).toBe('50%');

    await page.getByTestId('toolbar-compare').click();
    const view = page.getByTestId('compare-view');
    // The sample's own save when it was built, and this one (newest first, chosen).
    await expect.poll(() => view.getByTestId('compare-version').locator('option').count()).toBe(2);
    await view.getByTestId('compare-run').click();
    const row = view.getByTestId(`compare-form-${form.id}`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('compare-before-total').innerText()).toBe('总分 98.00（优）');
    expect(await row.getByTestId('compare-after-total').innerText()).toBe('总分 95.50（优）');
    const changed = view.getByTestId('compare-cell');
    expect(await changed.count()).toBe(1);
    expect((await changed.first().locator('td').allInnerTexts()).slice(1)).toEqual([
      `绩效指标 第1行（${form.indicators[0]?.name ?? ''}）`,
      '实际完成值',
      '100%',
      '50%',
    ]);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'compare.png') });

    // 导出 Excel (browser mode: the file chooser), read back.
    const out = join(app().dir, '比较结果.xlsx');
    await view.getByTestId('compare-export').click();
    await choosePath(page, out);
    await expect.poll(() => existsSync(out)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet('修改明细');
    expect([3, 4, 5].map((c) => sheet?.getCell(2, c).value)).toEqual(['实际完成值', '100%', '50%']);
    await view.getByTestId('compare-close').click();
    await expect.poll(() => view.count()).toBe(0);
  });
});
