/**
 * 打印 (Ctrl+P) in the editor: the current form's print view is put in a frame and printed; the
 * view printed to PDF by Chromium (page.pdf) carries the form's name, indicators and total.
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
});
