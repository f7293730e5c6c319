/**
 * 汇总 in the browser (#20): one row per form with the score and grade the sidebar shows, the
 * totals row pinned under them, sorting, a row opening its form, and the four charts drawn.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-cli';
import { openApp, useAppPerTest, useSharedBrowser, type App } from './harness';

const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');
const browser = useSharedBrowser();

/** The body rows AG Grid has drawn, in the order shown: id, 自评得分 and 等级. */
async function shownRows(
  page: Page,
): Promise<Array<{ id: string; total: string; grade: string; errors: string }>> {
  const rows = await page
    .getByTestId('summary-grid')
    .locator('.ag-row:not(.ag-row-pinned)')
    .evaluateAll((els) =>
      els
        .filter((el) => el.querySelector('[col-id="total"]'))
        .map((el) => ({
          index: Number(el.getAttribute('row-index')),
          id: el.getAttribute('row-id') ?? '',
          total: el.querySelector('[col-id="total"]')?.textContent ?? '',
          grade: el.querySelector('[col-id="grade"]')?.textContent ?? '',
          errors: el.querySelector('[col-id="errors"]')?.textContent ?? '',
        })),
    );
  return rows.sort((a, b) => a.index - b.index).map(({ index: _, ...row }) => row);
}

describe('汇总', { timeout: 120_000 }, () => {
  const current = useAppPerTest(browser);
  let app: App;
  beforeEach(async () => {
    app = current();
    await app.page.getByTestId('open-summary').click();
    await expect.poll(async () => (await shownRows(app.page)).length).toBeGreaterThan(10);
  });

  it('shows every form with the score and grade of the sidebar, and 合计 under them', async () => {
    const { page } = app;
    const forms = app.service.current?.document.forms ?? [];
    expect(forms.length).toBeGreaterThan(10);
    await expect
      .poll(() => page.getByTestId('summary-facts').textContent())
      .toContain(`共 ${forms.length} 张表`);
    // Every form is in the grid (rows off screen are not drawn: the grid counts them).
    const grid = page.getByTestId('summary-grid').locator('[role="treegrid"], [role="grid"]').first();
    const ariaRows = Number(await grid.getAttribute('aria-rowcount'));
    expect(ariaRows).toBeGreaterThanOrEqual(forms.length);
    for (const row of await shownRows(page)) {
      // The 汇总 scored what idle time had not reached yet; the sidebar follows it (not "…").
      await expect.poll(() => page.getByTestId(`form-total-${row.id}`).textContent()).toBe(row.total);
      expect(row.grade).toBe(await page.getByTestId(`form-grade-${row.id}`).textContent());
      const mark = page.getByTestId(`form-errors-${row.id}`);
      const errors =
        (await mark.count()) === 0 ? '0' : ((await mark.getAttribute('aria-label')) ?? '').split(' ')[0];
      expect(row.errors, row.id).toBe(errors);
    }
    const totals = page.getByTestId('summary-grid').locator('.ag-row-pinned [col-id="name"]');
    await expect
      .poll(() => totals.textContent())
      .toMatch(new RegExp(`^共 ${forms.length} 张表：优 \\d+ · 良 \\d+`));
  });

  it('sorts by score, and a click on a row opens its form', async () => {
    const { page } = app;
    const header = page
      .getByTestId('summary-grid')
      .locator('.ag-header-cell[col-id="total"] .ag-header-cell-label');
    await header.click();
    await expect
      .poll(async () => {
        const totals = (await shownRows(page)).map((r) => Number(r.total));
        return totals.every((t, i) => i === 0 || (totals[i - 1] ?? 0) <= t);
      })
      .toBe(true);
    await header.click();
    await expect
      .poll(async () => {
        const totals = (await shownRows(page)).map((r) => Number(r.total));
        return totals.length > 1 && totals.every((t, i) => i === 0 || (totals[i - 1] ?? 0) >= t);
      })
      .toBe(true);

    const third = (await shownRows(page))[2];
    if (!third) throw new Error('汇总表行数不足');
    await page.getByTestId('summary-grid').locator(`.ag-row[row-id="${third.id}"] [col-id="name"]`).click();
    await expect.poll(() => page.getByTestId('summary-view').count()).toBe(0);
    await expect
      .poll(() => page.getByTestId(`form-item-${third.id}`).getAttribute('aria-current'))
      .toBe('true');
    const name = app.service.current?.document.forms.find((f) => f.id === third.id)?.projectName ?? '';
    await expect.poll(() => page.getByTestId('form-scroll').textContent()).toContain(name);
  });

  it('draws the four charts', async () => {
    const { page } = app;
    for (const id of ['grades', 'scores', 'rateScore', 'gradeBudgets']) {
      await expect
        .poll(() => page.getByTestId(`summary-chart-${id}`).locator('canvas').count())
        .toBeGreaterThan(0);
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.getByTestId('summary-view').screenshot({ path: join(SCREENSHOTS, 'summary.png') });
  });
});

describe('汇总 on a 1366×768 screen', { timeout: 120_000 }, () => {
  it('the last form’s row, scrolled to, is seen whole: no scrollbar or 合计 row over it', async () => {
    const app = await openApp(browser(), undefined, { viewport: { width: 1366, height: 768 } });
    try {
      const { page } = app;
      await page.getByTestId('open-summary').click();
      await expect.poll(async () => (await shownRows(page)).length).toBeGreaterThan(5);
      const lastSeenWhole = () =>
        page.evaluate(() => {
          const grid = document.querySelector('[data-testid="summary-grid"]');
          const viewport = grid?.querySelector('.ag-body-viewport, .ag-grid-viewport');
          if (!grid || !viewport) return false;
          viewport.scrollTop = viewport.scrollHeight;
          const rows = [...grid.querySelectorAll('.ag-row:not(.ag-row-pinned)[row-index]')];
          const index = (r: Element) => Number(r.getAttribute('row-index'));
          const last = rows.sort((a, b) => index(a) - index(b)).at(-1);
          if (!last) return false;
          const box = last.getBoundingClientRect();
          const x = box.left + 40;
          return [box.top + 2, box.bottom - 2].every((y) => {
            const hit = document.elementFromPoint(x, y);
            return hit !== null && last.contains(hit);
          });
        });
      await expect.poll(lastSeenWhole).toBe(true);
    } finally {
      await app.close();
    }
  });
});
