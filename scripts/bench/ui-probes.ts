/**
 * In-page timing for the editor benchmarks: the start is the Enter in a cell editor or the mouse
 * press on a sidebar item; the end is the first DOM change after which `window.__watch()` holds,
 * and the frame painted after it (the first task after that frame). Everything is timed in the
 * page, so Playwright's own round trips are not counted.
 */
import type { Page } from 'playwright-core';
import type { Form } from '../../shared/model/types';

/** The probes, as source text (this file is compiled for Node). */
export const PROBES = `(() => {
  window.__startAt = 0;
  window.__domAt = 0;
  window.__paintAt = 0;
  window.__watch = null;
  const painted = () => setTimeout(() => { if (!window.__paintAt) window.__paintAt = performance.now(); }, 0);
  // The frame after the start is asked for before the app can ask for it: if the change is in
  // the DOM by then, the paint mark is the first task after that frame (work the app put off
  // till after the paint does not count).
  const firstFrame = () => requestAnimationFrame(() => { if (window.__domAt) painted(); });
  window.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && document.querySelector('.ag-cell-inline-editing')) { window.__startAt = performance.now(); firstFrame(); }
  }, true);
  window.addEventListener('mousedown', (e) => {
    if (e.target instanceof Element && e.target.closest('[data-testid^="form-item-"], [data-testid="open-summary"]')) { window.__startAt = performance.now(); firstFrame(); }
  }, true);
  new MutationObserver(() => {
    if (!window.__watch || window.__domAt || !window.__watch()) return;
    window.__domAt = performance.now();
    requestAnimationFrame(painted);
  }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
})()`;

/** Arms the probe: the next change after which `check` (JS source of a function) holds. */
export async function arm(page: Page, check: string): Promise<void> {
  await page.evaluate(`window.__domAt = 0; window.__paintAt = 0; window.__watch = ${check};`);
}

/** Waits for the armed change; returns [start → painted, start → DOM changed] in ms. */
export async function settled(page: Page): Promise<[number, number]> {
  // A function, not a string: Playwright evaluates string predicates with eval, which the CSP forbids.
  await page.waitForFunction(() => (globalThis as unknown as { __paintAt: number }).__paintAt > 0, null, {
    timeout: 120_000,
  });
  const [start, dom, paint] = (await page.evaluate(
    '[window.__startAt, window.__domAt, window.__paintAt]',
  )) as number[];
  return [(paint ?? 0) - (start ?? 0), (dom ?? 0) - (start ?? 0)];
}

/** The first rounds of a phase warm the JIT and the grid, and are not counted. */
const WARM_UP = 3;

/**
 * Edits of the first line's 实际完成值 of the shown form (its score follows it, so each edit moves
 * the total), committed with Enter: [Enter → painted total, Enter → total in the DOM] per round.
 */
export async function timeEdits(page: Page, rounds: number): Promise<[number[], number[]]> {
  const painted: number[] = [];
  const dom: number[] = [];
  const actual = page
    .locator('[data-testid="indicator-grid"] .ag-row[row-index="0"] [col-id="actual"]')
    .first();
  for (let i = 0; rounds > 0 && i < rounds + WARM_UP; i++) {
    const before = await page.getByTestId('form-total').innerText();
    // Another value than the cell has (an earlier run on the same document may have left either).
    const next = Number.parseFloat(await actual.innerText()) === 50 ? '100' : '50';
    await actual.dblclick();
    const editor = page.locator('.ag-cell-inline-editing input').first();
    await editor.fill(next);
    await arm(
      page,
      `() => document.querySelector('[data-testid="form-total"]')?.textContent !== ${JSON.stringify(before)}`,
    );
    await editor.press('Enter');
    const [p, d] = await settled(page);
    if (i >= WARM_UP) {
      painted.push(p);
      dom.push(d);
    }
  }
  return [painted, dom];
}

/**
 * Clicks on the sidebar items of `forms` in turn, each timed to the frame that shows that form's
 * first line's name and its last line; `forms` holds the warm-up rounds too.
 */
export async function timeSwitches(page: Page, forms: readonly Form[]): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < forms.length; i++) {
    const form = forms[i];
    if (!form) continue;
    const item = page.getByTestId(`form-item-${form.id}`);
    await item.scrollIntoViewIfNeeded();
    const expected = JSON.stringify(form.indicators[0]?.name ?? '');
    const last = Math.max(0, form.indicators.length - 1);
    await arm(
      page,
      `() => document.querySelector('[data-testid="form-view"]')?.getAttribute('data-form-id') === ${JSON.stringify(form.id)} &&
        document.querySelector('[data-testid="indicator-grid"] .ag-row[row-index="0"] [col-id="name"]')?.textContent === ${expected} &&
        document.querySelectorAll('[data-testid="indicator-grid"] .ag-row[row-index="${last}"]').length > 0`,
    );
    await item.click();
    const [painted] = await settled(page);
    if (i >= WARM_UP) times.push(painted);
  }
  return times;
}

/** `count` switch targets with the warm-up rounds before them, cycling through `forms`. */
export function switchTargets(forms: readonly Form[], count: number): Form[] {
  if (count <= 0 || forms.length === 0) return [];
  return Array.from({ length: count + WARM_UP }, (_, i) => forms[i % forms.length]).filter(
    (f): f is Form => f !== undefined,
  );
}
