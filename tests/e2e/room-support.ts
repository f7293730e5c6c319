/**
 * What the "room for the table" tests (issue #19) measure in the page: the indicator rows a user
 * sees whole with the table's header at the top of the form's scroll area, and a long form to
 * measure them on.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DocumentSession } from '../../electron/services/document-store/session';
import { SAMPLE_PATH } from '../../scripts/build-sample';
import { expect } from 'vitest';
import type { Form } from '../../shared/model/types';
import { readFixture } from '../support/documents';
import type { App } from './harness';
import { grid } from './support';

/** Two real project forms' lines (002-04 and 002-05: 42 lines of ordinary length) as one form. */
export function longForm(id = 'long'): Form {
  const a = readFixture('002-04.json', id).form;
  const b = readFixture('002-05.json', id).form;
  const indicators = [...a.indicators, ...b.indicators].map((ind, i) => ({ ...ind, id: `${id}-${i}` }));
  return { ...a, projectName: '长表（两张真实表的指标）', indicators };
}

/**
 * A copy of the sample with the long form first, written to `dir` (the tests open it as author
 * or reviewer). Returns the file's path.
 */
export function sampleWithLongForm(dir: string): string {
  const file = join(dir, '长表.ziping');
  copyFileSync(SAMPLE_PATH, file);
  const dataDir = join(dir, 'data');
  const opened = DocumentSession.open(file, { dataDir, who: { user: '测试', host: 'e2e' } });
  if (!opened.ok) throw new Error(opened.error.message);
  const session = opened.value;
  try {
    const applied = session.apply([{ op: 'insertForm', index: 0, form: longForm() }]);
    if (!applied.ok) throw new Error(applied.error.message);
    const saved = session.save();
    if (!saved.ok) throw new Error(saved.error.message);
  } finally {
    session.close();
  }
  return file;
}

/** Shows the long form (the first) in the page: from the list, or with the rail's ▲ when folded. */
export async function showLongForm(app: App): Promise<void> {
  const { page } = app;
  const id = longForm().id;
  const shown = () => page.getByTestId('form-view').getAttribute('data-form-id');
  await page.getByTestId('form-view').waitFor();
  if ((await page.getByTestId('sidebar-rail').count()) === 0)
    await page.getByTestId(`form-item-${id}`).click();
  else
    for (let i = 0; i < 3 && (await shown()) !== id; i++)
      await page.getByRole('button', { name: '上一张表' }).click();
  await expect.poll(shown).toBe(id);
  await expect.poll(() => grid(page).locator('.ag-row').count()).toBeGreaterThan(0);
}

/** Scrolls the form so that the indicator table's header is at the top of the form's area. */
export async function scrollHeaderToTop(page: Page): Promise<void> {
  await page.evaluate(() => {
    const scroller = document.querySelector('[data-testid="form-scroll"]');
    const header = document.querySelector('[data-testid="indicator-grid"] .ag-header');
    if (!scroller || !header) throw new Error('没有表格');
    scroller.scrollTop += header.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
  });
}

/**
 * Indicator rows seen whole: both ends of the row's 三级指标 cell are the topmost element there
 * (no header, bar or panel over them) and inside the form's scroll area.
 */
export function visibleRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const scroller = document.querySelector('[data-testid="form-scroll"]');
    if (!scroller) throw new Error('没有表单区域');
    const box = scroller.getBoundingClientRect();
    const bottom = box.top + scroller.clientHeight;
    const cells = document.querySelectorAll('[data-testid="indicator-grid"] .ag-row [col-id="name"]');
    let count = 0;
    for (const c of cells) {
      const r = c.getBoundingClientRect();
      if (r.top < box.top || r.bottom > bottom + 0.5 || r.height === 0) continue;
      const x = r.left + r.width / 2;
      const ends = [r.top + 2, r.bottom - 2].map((y) => document.elementFromPoint(x, y));
      if (ends.every((e) => e !== null && c.contains(e))) count++;
    }
    return count;
  });
}

/** Whether the indicator grid scrolls sideways (its columns wider than the grid). */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const viewport = document.querySelector('[data-testid="indicator-grid"] .ag-grid-viewport');
    const scroller = document.querySelector('[data-testid="form-scroll"]');
    if (!viewport || !scroller) throw new Error('没有表格');
    return viewport.scrollWidth > viewport.clientWidth + 1 || scroller.scrollWidth > scroller.clientWidth + 1;
  });
}
