/**
 * Issue #23 in real Chromium: the first form is on screen before AG Grid's chunk (≈ 1 MB) is
 * there — its funds block and indicator table drawn as plain HTML from the grids' own columns
 * (views/GridPreview.tsx) — and the grids take their places without a cell moving. The chunk's
 * request is held by the test, so nothing here depends on timing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newForm } from '../../shared/model/factory';
import type { LayoutId, ZipingDocument } from '../../shared/model/types';
import { writeDocumentFile } from '../support/document-file';
import { generatedDocument } from '../support/documents';
import { openApp, useSharedBrowser, type App } from './harness';
import { cell, serverForm, typeInto } from './support';

const browser = useSharedBrowser();

interface Box {
  col: string;
  text: string;
  looks: string;
  rect: number[];
}

/** Every cell of a preview or a grid: its column, text and place on the page (whole pixels). */
function cellsOf(page: Page, selector: string, colAttr: string): Promise<Box[]> {
  return page.evaluate(
    ([sel, attr]) =>
      [...document.querySelectorAll<HTMLElement>(sel)]
        .map((e) => {
          const r = e.getBoundingClientRect();
          return {
            col: e.getAttribute(attr) ?? '',
            text: (e.textContent ?? '').trim(),
            // The app's looks (scores, merged levels, locks, comment marks); not the cursor's range.
            looks: [...e.classList]
              .filter((c) => (c.startsWith('cell-') && c !== 'cell-in-range') || c === 'funds-group-row')
              .sort()
              .join(' '),
            rect: [r.x, r.y, r.width, r.height].map(Math.round),
          };
        })
        .sort((a, b) => a.col.localeCompare(b.col) || (a.rect[1] ?? 0) - (b.rect[1] ?? 0)),
    [selector, colAttr] as const,
  );
}

const rectOf = (page: Page, testId: string, inner = '') =>
  page.evaluate(
    ([id, sel]) => {
      const el = document.querySelector(`[data-testid="${id}"]${sel}`);
      const r = el?.getBoundingClientRect();
      return r ? [r.x, r.y, r.width, r.height].map(Math.round) : null;
    },
    [testId, inner] as const,
  );

/** Holds the grids' chunk until `release` is called. */
async function holdGrids(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/formGrids-*.js', async (route: Route) => {
    await held;
    await route.continue();
  });
  return release;
}

/**
 * Reloads the app with the grids' chunk held: the preview shows the form, then the grids take
 * its place with the same texts in the same rectangles. Returns the shown form's id; the grids
 * are drawn when it returns. `pick` is a cell pressed in the preview meanwhile.
 */
async function previewThenGrids(app: App, pick?: { row: number; col: string }): Promise<string> {
  const { page } = app;
  const release = await holdGrids(page);
  await page.reload();
  const preview = page.getByTestId('indicator-preview');
  await preview.locator('.preview-row[data-row-index="0"]').waitFor();
  // No grid in the page: the form came without AG Grid's JavaScript.
  expect(await page.locator('.ag-root-wrapper').count()).toBe(0);
  const formId = (await page.getByTestId('form-view').getAttribute('data-form-id')) ?? '';
  const form = serverForm(app, formId);
  expect(await preview.locator('.preview-row').count()).toBe(form.indicators.length);
  const first = form.indicators[0];
  if (!first) throw new Error('第一张表没有指标');
  expect(await preview.locator('[data-row-index="0"][data-col-id="name"]').innerText()).toBe(first.name);
  // The preview cannot be edited, and 新增指标行 waits for the grid.
  expect(await page.getByTestId('add-indicator').isDisabled()).toBe(true);

  const before = {
    indicator: await cellsOf(page, '[data-testid="indicator-preview"] .preview-cell', 'data-col-id'),
    funds: await cellsOf(page, '[data-testid="funds-preview"] .preview-cell', 'data-col-id'),
    fundsHeader: await page.getByTestId('funds-preview').locator('.preview-header-cell').allInnerTexts(),
    indicatorBox: await rectOf(page, 'indicator-preview'),
    fundsBox: await rectOf(page, 'funds-preview'),
    total: await rectOf(page, 'total-row'),
  };
  expect(before.indicator.length).toBeGreaterThan(form.indicators.length);
  expect(before.funds.length).toBeGreaterThan(0);
  if (pick) await preview.locator(`[data-row-index="${pick.row}"][data-col-id="${pick.col}"]`).click();

  release();
  await page.locator('[data-testid="indicator-grid"]:not(.grid-pending) .ag-row[row-index="0"]').waitFor();
  await page.locator('[data-testid="funds-grid"]:not(.grid-pending) .ag-row[row-index="0"]').waitFor();
  expect(await page.locator('.grid-preview').count()).toBe(0);

  // The same texts in the same places: merged 一级/二级 cells too, and the block under the table.
  const gridCells = (id: string) =>
    cellsOf(
      page,
      `[data-testid="${id}"] .ag-cell:not(.ag-spanned-cell-wrapper *), [data-testid="${id}"] .ag-spanned-cell`,
      'col-id',
    );
  const after = {
    indicator: await gridCells('indicator-grid'),
    funds: await gridCells('funds-grid'),
    fundsHeader: await page
      .getByTestId('funds-grid')
      .locator('.ag-header-group-cell-label, .ag-header-cell-text')
      .allInnerTexts(),
    indicatorBox: await rectOf(page, 'indicator-grid', ' .ag-root-wrapper'),
    fundsBox: await rectOf(page, 'funds-grid', ' .ag-root-wrapper'),
    total: await rectOf(page, 'total-row'),
  };
  expect(after.indicatorBox).toEqual(before.indicatorBox);
  expect(after.fundsBox).toEqual(before.fundsBox);
  expect(after.total).toEqual(before.total);
  expect(
    [...after.fundsHeader]
      .map((t) => t.trim())
      .filter(Boolean)
      .sort(),
  ).toEqual(
    [...before.fundsHeader]
      .map((t) => t.trim())
      .filter(Boolean)
      .sort(),
  );
  for (const part of ['indicator', 'funds'] as const) {
    expect(after[part].map((c) => [c.col, c.text, c.looks])).toEqual(
      before[part].map((c) => [c.col, c.text, c.looks]),
    );
    expect(after[part].map((c) => c.rect)).toEqual(before[part].map((c) => c.rect));
  }
  return formId;
}

/** A document written to a file of its own (its folder removed by the caller). */
function documentFile(doc: ZipingDocument): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ziping-first-form-'));
  const file = join(dir, `${doc.meta.layout}.ziping`);
  writeDocumentFile(file, doc, join(dir, 'data'));
  return { dir, file };
}

async function withDocument(doc: ZipingDocument, run: (app: App) => Promise<void>): Promise<void> {
  const { dir, file } = documentFile(doc);
  try {
    const app = await openApp(browser(), file);
    try {
      await run(app);
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the first form before AG Grid', { timeout: 180_000 }, () => {
  it('shows the form drawn from the grids’ columns while their chunk loads; the grids take its place without a cell moving', async () => {
    const app = await openApp(browser());
    try {
      const { page } = app;
      // A cell pressed in the preview is where the cursor is once the grid is there.
      const formId = await previewThenGrids(app, { row: 1, col: 'actual' });
      await expect
        .poll(() =>
          page.evaluate(() => {
            const focused = document.activeElement?.closest('.ag-cell');
            return `${focused?.closest('.ag-row')?.getAttribute('row-index')}:${focused?.getAttribute('col-id')}`;
          }),
        )
        .toBe('1:actual');
      await page.keyboard.type('abc');
      await page.keyboard.press('Enter');
      await expect.poll(() => serverForm(app, formId).indicators[1]?.actual).toBe('abc');

      // The grid is the editor from here on.
      await typeInto(page, 0, 'actual', '首屏之后可编辑');
      await expect.poll(() => cell(page, 0, 'actual').innerText()).toBe('首屏之后可编辑');
      await expect.poll(() => serverForm(app, formId).indicators[0]?.actual).toBe('首屏之后可编辑');
    } finally {
      await app.close();
    }
  });

  it.each<LayoutId>(['shanxi', 'guangdong'])(
    'the same in the %s layout (山西: 年初预算数 over two funds columns, each row scored; 广东: level weights merged)',
    async (layout) => {
      const doc = generatedDocument(2, 12, layout);
      await withDocument(doc, async (app) => {
        await previewThenGrids(app);
      });
    },
  );

  it('a first form without indicator lines gets its empty grid, not a preview that stays', async () => {
    const doc = generatedDocument(1, 0, 'hunan');
    const only = newForm('f1', 'hunan', 'department', 2024);
    doc.forms = [only];
    await withDocument(doc, async (app) => {
      const { page } = app;
      await page.locator('[data-testid="indicator-grid"]:not(.grid-pending) .ag-root-wrapper').waitFor();
      expect(await page.getByTestId('indicator-preview').count()).toBe(0);
      expect(await page.getByTestId('add-indicator').isDisabled()).toBe(false);
      await page.getByTestId('add-indicator').click();
      await expect.poll(() => app.service.current?.document.forms[0]?.indicators.length).toBe(1);
    });
  });
});
