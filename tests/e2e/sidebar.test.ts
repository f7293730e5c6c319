/**
 * The sidebar of a large document in real Chromium: only the items in view (and a margin) are
 * rendered, scrolling brings the others, the filter finds forms far down, and a form chosen from
 * outside the list (the checks of all forms, also rendered by window) is scrolled into view.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generatedDocument } from '../support/documents';
import { writeDocumentFile } from '../support/document-file';
import { openApp, useSharedBrowser, type App } from './harness';
import { openChecks } from './support';

const browser = useSharedBrowser();
const FORMS = 500;

describe('the sidebar of a 500-form document', { timeout: 180_000 }, () => {
  let app: App;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ziping-e2e-sidebar-'));
    const source = join(dir, '五百张.ziping');
    writeDocumentFile(source, generatedDocument(FORMS, 5), join(dir, 'data'));
    app = await openApp(browser(), source);
    return async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    };
  }, 120_000);

  const items = () => app.page.locator('[data-testid^="form-item-"]');

  it('renders the items in view only; scrolling to the end shows the last form, which opens', async () => {
    const { page } = app;
    await expect.poll(() => items().count()).toBeGreaterThan(10);
    expect(await items().count()).toBeLessThan(150);
    expect(await page.getByTestId('sidebar').innerText()).toContain(`共 ${FORMS} 张表`);
    await page.locator('.form-list').evaluate((el) => (el.scrollTop = el.scrollHeight));
    const last = page.getByTestId(`form-item-f${FORMS}`);
    await expect.poll(() => last.count()).toBe(1);
    expect(await page.getByTestId('form-item-f1').count()).toBe(0);
    await last.click();
    await expect.poll(() => page.getByTestId('form-view').getAttribute('data-form-id')).toBe(`f${FORMS}`);
    // The list is as long as all its items (the scrollbar tells where one is).
    const heights = await page.locator('.form-list').evaluate((el) => ({
      scroll: el.scrollHeight,
      item: el.querySelector('li[class=""], li:not(.form-list-spacer)')?.getBoundingClientRect().height ?? 0,
    }));
    expect(heights.scroll).toBeGreaterThanOrEqual(FORMS * heights.item);
  });

  it('the filter finds a form far down; a form picked elsewhere is scrolled into view', async () => {
    const { page } = app;
    await page.getByTestId('form-filter').fill(`生成项目${FORMS - 1}`);
    await expect.poll(() => items().count()).toBe(1);
    await page.getByTestId('form-filter').fill('');
    await page.locator('.form-list').evaluate((el) => (el.scrollTop = 0));
    await page.getByTestId('form-item-f2').click();
    await expect.poll(() => page.getByTestId('form-view').getAttribute('data-form-id')).toBe('f2');
    // 全部表 in the checks panel lists findings of forms far down the list, rendered by window.
    await openChecks(page);
    await page.getByTestId('checks-scope-all').click();
    const findings = page.locator('[data-testid^="finding-"]');
    const total = Number(
      /(\d+) 个错误，(\d+) 个提示/
        .exec(await page.getByTestId('checks-summary').innerText())
        ?.slice(1)
        .reduce((a, b) => a + Number(b), 0),
    );
    expect(total).toBeGreaterThan(FORMS);
    expect(await findings.count()).toBeLessThan(100);
    await page.locator('.checks-list').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(() => findings.last().getAttribute('data-testid')).toBe(`finding-${total - 1}`);
    const far = findings.last();
    await far.click();
    const shownId = await page.getByTestId('form-view').getAttribute('data-form-id');
    expect(Number(shownId?.slice(1))).toBeGreaterThan(100);
    const item = page.getByTestId(`form-item-${shownId}`);
    await expect.poll(() => item.count()).toBe(1);
    await expect.poll(() => item.isVisible()).toBe(true);
    const box = await item.boundingBox();
    const list = await page.locator('.form-list').boundingBox();
    expect(box && list && box.y >= list.y && box.y + box.height <= list.y + list.height + 1).toBe(true);
  });

  it('Ctrl+PageDown / Ctrl+PageUp show the next and previous form, as between Excel sheets', async () => {
    const { page } = app;
    await page.getByTestId('form-filter').fill('');
    await page.locator('.form-list').evaluate((el) => (el.scrollTop = 0));
    await page.getByTestId('form-item-f1').click();
    const current = () =>
      page.locator('[data-testid^="form-item-"][aria-current="true"]').getAttribute('data-testid');
    await expect.poll(current).toBe('form-item-f1');
    await page.keyboard.press('Control+PageDown');
    await expect.poll(current).toBe('form-item-f2');
    await page.keyboard.press('Control+PageDown');
    await expect.poll(current).toBe('form-item-f3');
    await page.keyboard.press('Control+PageUp');
    await expect.poll(current).toBe('form-item-f2');
    // From a cell of the grid too (the grid must not take the keys for itself).
    await page.locator('[data-testid="indicator-grid"] .ag-cell').first().click();
    await page.keyboard.press('Control+PageDown');
    await expect.poll(current).toBe('form-item-f3');
  });

  it('the list is one Tab stop; ↑ ↓ Home End move the selection and the focus through it', async () => {
    const { page } = app;
    await page.getByTestId('form-filter').fill('');
    await page.locator('.form-list').evaluate((el) => (el.scrollTop = 0));
    await page.getByTestId('form-item-f2').click();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    expect(await page.locator('.form-list [tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('form-item-f3');
    await expect.poll(() => page.getByTestId('form-item-f3').getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(focused).toBe('form-item-f1');
    await page.keyboard.press('End');
    await expect.poll(focused).toBe(`form-item-f${FORMS}`);
    await page.keyboard.press('Home');
    await expect.poll(focused).toBe('form-item-f1');
    expect(await page.locator('.form-list [tabindex="0"]').count()).toBe(1);
  });
});
