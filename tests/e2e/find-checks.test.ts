/**
 * Issue #19 keyboard paths in real Chromium: Ctrl+F finds across all forms and shows each hit in
 * its form and cell; Ctrl+H 全部替换 is one undo step that the server gets too; dialogs and
 * popovers take the focus and close with Esc; the checks panel is one line until F9 opens it,
 * grouped by kind, at a height the user sets and the next start keeps.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findMatches } from '../../shared/search/find-replace';
import { documentTextCells } from '../../shared/search/text-cells';
import { groupFindings } from '../../shared/checks/grouping';
import { getLayout } from '../../shared/layouts/definitions';
import { scoreForm } from '../../shared/scoring/form';
import type { ZipingDocument } from '../../shared/model/types';
import { chooseExportTarget } from './chooser';
import { useAppPerTest, useSharedBrowser, type App } from './harness';

const browser = useSharedBrowser();
const EXACT = { matchCase: false };

function serverDoc(app: App): ZipingDocument {
  const doc = app.service.current?.document;
  if (!doc) throw new Error('no document');
  return doc;
}

const hits = (app: App, query: string) => {
  const cells = documentTextCells(serverDoc(app));
  return findMatches(cells, query, EXACT).map((m) => ({ ...m, cell: cells[m.cell] }));
};

const shownFormId = (page: Page) => page.getByTestId('form-view').getAttribute('data-form-id');
const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

describe('查找与替换', { timeout: 180_000 }, () => {
  const current = useAppPerTest(browser);

  it('Ctrl+F finds across forms: Enter and Shift+Enter go to each hit in its form and cell', async () => {
    const app = current();
    const { page } = app;
    // A word of the indicator tables in several forms, most of them not the one shown.
    const query = '满意';
    const all = hits(app, query);
    const forms = new Set(all.map((h) => h.cell?.location.formId));
    expect(forms.size).toBeGreaterThan(2);

    await page.getByTestId('indicator-grid').click();
    await page.keyboard.press('Control+f');
    await expect.poll(() => focusedTestId(page)).toBe('find-query');
    await page.keyboard.type(query);
    await expect.poll(() => page.getByTestId('find-count').innerText()).toBe(`共 ${all.length} 处`);

    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('find-count').innerText()).toBe(`第 1 处，共 ${all.length} 处`);
    await expect.poll(() => shownFormId(page)).toBe(all[0]?.cell?.location.formId);
    // The typing stays in the bar, as in WPS.
    await expect.poll(() => focusedTestId(page)).toBe('find-query');

    // Backwards from the first: the last hit, in another form, its cell focused in the grid.
    await page.keyboard.press('Shift+Enter');
    const last = all[all.length - 1]?.cell;
    await expect
      .poll(() => page.getByTestId('find-count').innerText())
      .toBe(`第 ${all.length} 处，共 ${all.length} 处`);
    await expect.poll(() => shownFormId(page)).toBe(last?.location.formId);
    if (last?.location.section === 'indicator') {
      const focused = page.locator('[data-testid="indicator-grid"] .ag-cell-focus');
      await expect.poll(() => focused.getAttribute('col-id')).toBe(last.location.field);
      await expect.poll(() => focused.innerText()).toContain(query);
    }

    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('find-bar').count()).toBe(0);
  });

  it('Ctrl+H 全部替换 replaces every hit in every form as one step; Ctrl+Z takes it all back', async () => {
    const app = current();
    const { page } = app;
    const query = '满意度';
    const before = hits(app, query).length;
    expect(before).toBeGreaterThan(5);

    await page.getByTestId('indicator-grid').click();
    await page.keyboard.press('Control+h');
    await page.getByTestId('find-query').fill(query);
    await page.getByTestId('find-replacement').fill('满意程度');
    await page.getByTestId('find-replace-all').click();
    // The server has every replacement (the same patches as the screen).
    await expect.poll(() => hits(app, query).length).toBe(0);
    expect(hits(app, '满意程度').length).toBeGreaterThanOrEqual(before);
    await expect.poll(() => page.getByTestId('status').innerText()).toContain(`已替换 ${before} 处`);
    await expect.poll(() => page.getByTestId('find-count').innerText()).toBe('找不到');

    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    await expect.poll(() => hits(app, query).length).toBe(before);
    expect(hits(app, '满意程度')).toHaveLength(0);
  });

  it('替换 replaces the current hit only and moves to the next', async () => {
    const app = current();
    const { page } = app;
    const query = '满意度';
    const before = hits(app, query).length;
    await page.getByTestId('indicator-grid').click();
    await page.keyboard.press('Control+h');
    await page.getByTestId('find-query').fill(query);
    await page.getByTestId('find-replacement').fill('认可度');
    await page.getByTestId('find-query').press('Enter');
    await page.getByTestId('find-replace-one').click();
    await expect.poll(() => hits(app, query).length).toBe(before - 1);
    await expect.poll(() => page.getByTestId('find-count').innerText()).toBe(`第 1 处，共 ${before - 1} 处`);
  });
});

describe('dialogs take the focus and close with Esc', { timeout: 180_000 }, () => {
  const current = useAppPerTest(browser);

  it('a toolbar popover and 比较', async () => {
    const { page } = current();
    await page.getByTestId('export-xlsx').click();
    await expect.poll(() => page.getByTestId('export-panel').count()).toBe(1);
    // The first choice (一个文件 / 每张表一个文件) takes the focus.
    await expect.poll(() => focusedTestId(page)).toBe('export-one-file');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('export-panel').count()).toBe(0);

    await page.getByTestId('toolbar-compare').click();
    await expect.poll(() => page.getByTestId('compare-view').count()).toBe(1);
    await expect
      .poll(() => page.evaluate(() => !!document.activeElement?.closest('[data-testid="compare-view"]')))
      .toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('compare-view').count()).toBe(0);
  });

  it('the export’s question (draft?) has the focus and Esc answers “no”', async () => {
    const app = current();
    const { page } = app;
    await page.getByTestId('export-xlsx').click();
    await chooseExportTarget(page, `${app.dir}/导出.xlsx`);
    await page.getByTestId('export-confirm').click();
    const dialog = page.getByTestId('dialog');
    await expect.poll(() => dialog.count()).toBe(1);
    await expect
      .poll(() => page.evaluate(() => !!document.activeElement?.closest('[data-testid="dialog"]')))
      .toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });
});

describe('the checks panel', { timeout: 180_000 }, () => {
  const current = useAppPerTest(browser);

  it('is one line until F9; opened it groups by kind; its height is dragged and kept', async () => {
    const app = current();
    const { page } = app;
    const panel = page.getByTestId('checks-panel');
    await expect.poll(() => panel.getAttribute('data-open')).toBe('false');
    expect(await page.locator('[data-testid^="finding-"]').count()).toBe(0);

    // Folded, the line names the first error of the document; a click shows its form.
    await page.getByTestId('checks-scope-all').click();
    const doc = serverDoc(app);
    const layout = getLayout(doc.meta.layout);
    const groups = groupFindings(doc.forms.flatMap((f) => scoreForm(f, layout).findings));
    const firstError = groups.find((g) => g.level === 'error')?.findings[0];
    if (!firstError) throw new Error('the sample has no error to show');
    await expect.poll(() => page.getByTestId('checks-first').innerText()).toContain(firstError.message);
    await page.getByTestId('checks-first').click();
    await expect.poll(() => shownFormId(page)).toBe(firstError.formId);

    await page.getByTestId('indicator-grid').click();
    await page.keyboard.press('F9');
    await expect.poll(() => panel.getAttribute('data-open')).toBe('true');
    // One line per kind with its count, in the shared order, then its findings.
    const first = page.getByTestId('checks-group-0');
    await expect.poll(() => first.innerText()).toContain(`${groups[0]?.title}`);
    expect(await first.innerText()).toContain(`×${groups[0]?.findings.length}`);
    await first.click();
    await expect.poll(() => first.getAttribute('aria-expanded')).toBe('false');

    // One kind only.
    const kind = groups[groups.length - 1];
    if (!kind) throw new Error('no groups');
    await page.getByTestId('checks-kind').selectOption(kind.key);
    await expect.poll(() => page.locator('[data-testid^="checks-group-"]').count()).toBe(1);

    // Taller by the keyboard (↑ on the bar), and still as tall after a reload.
    const height = async () => (await panel.boundingBox())?.height ?? 0;
    const was = await height();
    await page.getByTestId('checks-resizer').focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(height).toBeCloseTo(was + 40, 0);
    await page.reload();
    await expect.poll(() => panel.getAttribute('data-open')).toBe('true');
    await expect.poll(height).toBeCloseTo(was + 40, 0);

    await page.getByTestId('indicator-grid').click();
    await page.keyboard.press('F9');
    await expect.poll(() => panel.getAttribute('data-open')).toBe('false');
  });
});
