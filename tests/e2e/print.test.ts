/**
 * 打印 (Ctrl+P) in the editor: a dialog chooses the form on screen, the forms ticked or all; their
 * print view is put in a frame and printed; the view printed to PDF by Chromium (page.pdf) carries
 * the forms' names, indicators and totals, and none of the forms left out.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fmt2 } from '../../shared/format/numbers';
import { getLayout } from '../../shared/layouts/definitions';
import { scoreForm } from '../../shared/scoring/form';
import { useAppPerTest, useSharedBrowser } from './harness';
import { serverForm } from './support';

const browser = useSharedBrowser();

describe('打印', { timeout: 120_000 }, () => {
  const current = useAppPerTest(browser);

  it('Ctrl+P prints the current form in its official layout', async () => {
    const app = current();
    const { page } = app;
    await page.getByTestId('indicator-grid').click();
    await page.keyboard.press('Control+p');
    await page.getByTestId('print-dialog').waitFor();
    expect(await page.getByTestId('print-scope-current').isChecked()).toBe(true);
    await page.getByTestId('print-confirm').click();
    await expect.poll(() => page.getByTestId('print-dialog').count()).toBe(0);
    const frame = page.getByTestId('print-view');
    await expect.poll(() => frame.count()).toBe(1);
    const html = await frame.getAttribute('srcdoc');
    if (html === null) throw new Error('no print view');
    const formId = await page.evaluate(() =>
      document.querySelector('[data-form-id]')?.getAttribute('data-form-id'),
    );
    const doc = app.service.current?.document;
    if (!doc) throw new Error('no document');
    const form = formId ? serverForm(app, formId) : doc.forms[0];
    if (!form) throw new Error('no form');
    const view = await browser().newPage();
    try {
      await view.setContent(html);
      const file = join(app.dir, '打印.pdf');
      await view.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
      const text = spawnSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).stdout.replace(
        /\s+/g,
        '',
      );
      expect(text).toContain(form.projectName.replace(/\s+/g, ''));
      for (const ind of form.indicators) expect(text).toContain(ind.name.replace(/\s+/g, ''));
      const layout = getLayout(doc.meta.layout);
      expect(text).toContain(fmt2(scoreForm(form, layout).total));
    } finally {
      await view.close();
    }
  });

  it('prints the forms ticked in the dialog, in the document order, and only those', async () => {
    const app = current();
    const { page } = app;
    const doc = app.service.current?.document;
    if (!doc) throw new Error('no document');
    // Project forms (the department form's name is the unit's, printed on every form).
    const [first, second, third] = doc.forms.filter((f) => f.kind === 'project');
    if (!first || !second || !third) throw new Error('the sample has fewer than three project forms');
    await page.getByTestId('indicator-grid').click();
    await page.keyboard.press('Control+p');
    await page.getByTestId('print-scope-chosen').check();
    // Nothing ticked but the form on screen: untick all, then tick the third and the first.
    await page.getByRole('button', { name: '全不选' }).click();
    await expect.poll(() => page.getByTestId('print-confirm').isDisabled()).toBe(true);
    expect(await page.getByTestId('print-count').textContent()).toContain('请至少选择一张表');
    await page.getByTestId(`print-form-${third.id}`).check();
    await page.getByTestId(`print-form-${first.id}`).check();
    expect(await page.getByTestId('print-count').textContent()).toContain('将打印 2 张表');
    await page.getByTestId('print-confirm').click();
    const html = await page.getByTestId('print-view').getAttribute('srcdoc');
    if (html === null) throw new Error('no print view');
    expect([...html.matchAll(/<section class="form"/g)]).toHaveLength(2);
    const at = (name: string) => html.indexOf(name.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
    expect(at(first.projectName)).toBeGreaterThanOrEqual(0);
    expect(at(third.projectName)).toBeGreaterThan(at(first.projectName));
    expect(at(second.projectName)).toBe(-1);
    // Esc closes the dialog without printing.
    await page.keyboard.press('Control+p');
    await page.getByTestId('print-dialog').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('print-dialog').count()).toBe(0);
  });
});
