/**
 * The funds block's 预算执行率 score takes a reviewer's 核查分数 and 审核意见 on its total row,
 * like an indicator line: the reviewed total follows, a score above the line's 分值 is refused,
 * other rows take none, and the audit survives a reload.
 */
import { describe, expect, it } from 'vitest';
import { getLayout } from '../../shared/layouts/definitions';
import { fundsScoreRowIndex } from '../../shared/model/funds-rows';
import { scoreForm } from '../../shared/scoring/form';
import { SAMPLE_PATH } from '../../scripts/build-sample';
import { openApp, useSharedBrowser } from './harness';
import { numberOf } from './support';

const browser = useSharedBrowser();

describe('auditing the execution score', { timeout: 120_000 }, () => {
  it('a 核查分数 on the funds total row moves the reviewed total; above 分值 is refused', async () => {
    const app = await openApp(browser(), SAMPLE_PATH, { review: true });
    try {
      const { page } = app;
      const doc = app.service.current?.document;
      // A project form: its funds grid has source rows under the total (004's 自评表 prints its
      // grouped lines side by side, outside the grid).
      const form = doc?.forms.find((f) => f.kind === 'project');
      if (!doc || !form) throw new Error('no form');
      await page.getByTestId(`form-item-${form.id}`).click();
      const layout = getLayout(doc.meta.layout);
      const result = scoreForm(form, layout);
      // 004's project form prints the total (and its score) last.
      const total = fundsScoreRowIndex(form.funds, layout.kinds[form.kind]);
      const other = total === 0 ? 1 : 0;
      const { weight, final } = result.execution;
      expect(weight).toBeGreaterThan(2);
      const funds = (row: number, col: string) =>
        page.getByTestId('funds-grid').locator(`.ag-row[row-index="${row}"] [col-id="${col}"]`).first();
      const type = async (row: number, col: string, text: string) => {
        await funds(row, col).dblclick();
        const editor = page.locator('.ag-cell-inline-editing input, .ag-popup-editor textarea').first();
        await editor.fill(text);
        await editor.press((await editor.evaluate((e) => e.tagName)) === 'TEXTAREA' ? 'Tab' : 'Enter');
      };
      await expect.poll(() => funds(total, 'auditScore').count()).toBe(1);

      await type(total, 'auditScore', String(final - 2));
      await type(total, 'auditOpinion', '执行数含未支付的预拨款，扣2分');
      await expect.poll(() => numberOf(page, 'form-reviewed-total')).toBeCloseTo(result.total - 2, 2);
      await expect
        .poll(() => funds(total, 'auditScore').getAttribute('class'))
        .toContain('cell-audit-differs');
      // Above the line's 分值: refused with a message, nothing changes.
      await type(total, 'auditScore', String(weight + 1));
      await expect.poll(() => page.getByTestId('status').innerText()).toContain('核查分数应在 0 到分值');
      await expect.poll(() => numberOf(page, 'form-reviewed-total')).toBeCloseTo(result.total - 2, 2);
      // Other rows have no execution score to audit.
      await funds(other, 'auditScore').dblclick();
      expect(await page.locator('.ag-cell-inline-editing').count()).toBe(0);
      expect(await funds(other, 'auditScore').innerText()).toBe(layout.kinds[form.kind].fundsDash ?? '—');

      await page.getByTestId('save').click();
      await expect.poll(() => page.getByTestId('dirty').count()).toBe(0);
      await page.reload();
      await page.getByTestId(`form-item-${form.id}`).click();
      await expect.poll(() => funds(total, 'auditScore').innerText()).toBe(String(final - 2));
      await expect.poll(() => funds(total, 'auditOpinion').innerText()).toBe('执行数含未支付的预拨款，扣2分');
      await expect.poll(() => numberOf(page, 'form-reviewed-total')).toBeCloseTo(result.total - 2, 2);
    } finally {
      await app.close();
    }
  });
});
