/**
 * The editor in real Chromium against the real browser-mode server and document store: open the
 * sample, edit an actual value and see the score, the total and the grade change, follow a check
 * to its cell, reload and find everything saved; screenshots of every layout for people to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocumentSnapshot } from '../../electron/services/document-store/snapshot';
import { LAYOUT_IDS } from '../../shared/model/types';
import { ROOT } from '../support/run-cli';
import { openApp, useSharedBrowser, type App } from './harness';
import { cell, grid, numberOf, openChecks, typeInto } from './support';

export const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');

const browser = useSharedBrowser();

describe('the form editor in Chromium', { timeout: 120_000 }, () => {
  let app: App;
  beforeAll(async () => {
    app = await openApp(browser());
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens the sample: department form first, every form with its total and grade', async () => {
    const { page } = app;
    const doc = app.service.current?.document;
    if (!doc) throw new Error('no document');
    await expect.poll(() => page.locator('[data-testid^="form-item-"]').count()).toBe(doc.forms.length);
    const first = page.locator('[data-testid^="form-item-"]').first();
    expect(await first.getAttribute('data-testid')).toBe(`form-item-${doc.forms[0]?.id}`);
    for (const form of doc.forms.slice(0, 3)) {
      expect(await page.getByTestId(`form-grade-${form.id}`).innerText()).toMatch(/^[优良中差]$/);
    }
  });

  it('typing an actual value rescores the line, the total and the grade at once, and it is saved', async () => {
    const { page } = app;
    const doc = app.service.current?.document;
    const form = doc?.forms.find((f) => f.projectName === '大气污染防治资金（示例：常见错误）');
    if (!form) throw new Error('sample lacks 大气污染防治资金');
    await page.getByTestId(`form-item-${form.id}`).click();
    await expect.poll(() => cell(page, 0, 'actual').innerText()).toBe('100%');
    const before = await numberOf(page, 'form-total');
    expect(before).toBe(98);

    await typeInto(page, 0, 'actual', '50%');

    // 5 × 50% = 2.5: the line, the form total and the sidebar total follow.
    await expect.poll(() => cell(page, 0, 'score').innerText()).toMatch(/^2\.5/);
    await expect.poll(() => numberOf(page, 'form-total')).toBeCloseTo(95.5, 2);
    await expect.poll(() => numberOf(page, `form-total-${form.id}`)).toBeCloseTo(95.5, 2);
    await expect.poll(() => page.getByTestId('form-grade').innerText()).toBe('优');

    // Durable in the working copy at once (the server's document has it)…
    await expect
      .poll(() => app.service.current?.document.forms.find((f) => f.id === form.id)?.indicators[0]?.actual)
      .toBe('50%');
    // …and in the user's file after 保存.
    await page.getByTestId('save').click();
    await expect.poll(() => app.service.current?.dirty).toBe(false);
    const saved = readDocumentSnapshot(app.file, { dataDir: app.dataDir });
    if (!saved.ok) throw new Error(saved.error.message);
    expect(saved.value.forms.find((f) => f.id === form.id)?.indicators[0]?.actual).toBe('50%');

    // A reload shows the same document.
    await page.reload();
    await page.getByTestId(`form-item-${form.id}`).click();
    await expect.poll(() => cell(page, 0, 'actual').innerText()).toBe('50%');
    await expect.poll(() => numberOf(page, 'form-total')).toBeCloseTo(95.5, 2);
  });

  it('clicking a check selects its cell', async () => {
    const { page } = app;
    await openChecks(page);
    await page.getByTestId('checks-scope-all').click();
    const first = page.locator('[data-testid^="finding-"]').first();
    await expect.poll(() => first.count()).toBe(1);
    await first.click();
    // The finding's cell gets the focus, in whichever grid or row it lives.
    await expect
      .poll(() => page.locator('.ag-cell-focus, [data-testid="form-total"]:focus-within, :focus').count())
      .toBeGreaterThan(0);
  });
});

describe('screenshots of every layout', { timeout: 180_000 }, () => {
  it.each(LAYOUT_IDS.map((l) => [l]))('%s', async (layout) => {
    const app = await openApp(browser());
    try {
      const r = app.service.call('doc/apply', {
        patches: [{ op: 'setMeta', field: 'layout', value: layout }],
      });
      expect(r.ok).toBe(true);
      const { page } = app;
      await page.reload();
      const form = app.service.current?.document.forms[1];
      if (!form) throw new Error('no form');
      await page.getByTestId(`form-item-${form.id}`).click();
      await expect.poll(() => grid(page).locator('.ag-row').count()).toBeGreaterThan(0);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, `${layout}.png`), fullPage: true });
    } finally {
      await app.close();
    }
  });
});
