/**
 * Issue #23 in real Chromium: the open form is scored and painted first; the sidebar shows a
 * placeholder (…) for the forms idle time has not scored yet, then their real totals, grades and
 * error marks — the same as scoring every form at once. The page's idle callbacks are held by
 * the test and run when it says, so nothing here depends on timing.
 */
import { describe, expect, it } from 'vitest';
import { fmt2 } from '../../shared/format/numbers';
import { getLayout } from '../../shared/layouts/definitions';
import { scoreForm } from '../../shared/scoring/form';
import { openApp, useSharedBrowser } from './harness';

const browser = useSharedBrowser();

/** requestIdleCallback keeps its callbacks in window.__idleHeld until the test runs them. */
const HOLD_IDLE = `(() => {
  window.__idleHeld = [];
  window.requestIdleCallback = (work) => { window.__idleHeld.push(work); return window.__idleHeld.length; };
  window.cancelIdleCallback = () => {};
})()`;

/** Runs the held idle callbacks (each with no time left: one form a slice) until none is left. */
const RUN_IDLE = `(() => {
  let slices = 0;
  while (window.__idleHeld.length > 0) {
    window.__idleHeld.shift()({ didTimeout: false, timeRemaining: () => 0 });
    slices++;
  }
  return slices;
})()`;

describe('forms scored in idle time', { timeout: 180_000 }, () => {
  it('the sidebar shows … for forms not scored yet, then the totals of scoring all at once', async () => {
    const app = await openApp(browser(), undefined, { initScript: HOLD_IDLE });
    try {
      const { page } = app;
      const doc = app.service.current?.document;
      if (!doc) throw new Error('no document');
      const layout = getLayout(doc.meta.layout);
      const shownId = await page.getByTestId('form-view').getAttribute('data-form-id');
      await page.locator('[data-testid="indicator-grid"] .ag-row[row-index="0"]').waitFor();
      // The open form has its numbers; the others wait for idle time.
      const pending = page.locator('[data-testid^="form-total-"][data-pending="true"]');
      expect(await pending.count()).toBe(doc.forms.length - 1);
      expect(await page.getByTestId(`form-total-${shownId}`).getAttribute('data-pending')).toBeNull();
      const shown = doc.forms.find((f) => f.id === shownId);
      if (!shown) throw new Error('no form shown');
      expect(await page.getByTestId('form-total').innerText()).toContain(
        fmt2(scoreForm(shown, layout).total),
      );

      const slices = Number(await page.evaluate(RUN_IDLE));
      expect(slices).toBeGreaterThanOrEqual(doc.forms.length - 1);
      await expect.poll(() => pending.count()).toBe(0);
      for (const form of doc.forms) {
        const eager = scoreForm(form, layout);
        expect(await page.getByTestId(`form-total-${form.id}`).innerText()).toBe(fmt2(eager.total));
        expect(await page.getByTestId(`form-grade-${form.id}`).innerText()).toBe(eager.grade);
        const errors = eager.findings.filter((f) => f.level === 'error').length;
        expect(await page.getByTestId(`form-errors-${form.id}`).count()).toBe(errors > 0 ? 1 : 0);
      }
    } finally {
      await app.close();
    }
  });
});
