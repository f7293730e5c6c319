/**
 * A 湖南 project form made before 004's layout (年度资金总额 first in the model) shows its funds
 * rows on screen in 004's order, as the export and the print do: 年度资金总额 last, carrying 分值,
 * 执行率 and 得分; an amount typed on a row is stored on that row of the model. The block is as tall
 * as its rows.
 */
import { describe, expect, it } from 'vitest';
import { readFixture } from '../support/documents';
import { useAppPerTest, useSharedBrowser } from './harness';
import { serverForm } from './support';

const browser = useSharedBrowser();
const app = useAppPerTest(browser);

describe('funds rows of an older 湖南 project form', { timeout: 120_000 }, () => {
  it("show in 004's order; typing goes to the row shown", async () => {
    const { page, service } = app();
    // 004's 大气污染防治资金 as transcribed: 年度资金总额, 当年财政拨款, 上年结转资金, 其他资金.
    const form = readFixture('004-02.json', 'old1').form;
    form.projectName = '旧样式项目';
    expect(form.funds.rows[0]?.source).toBe('年度资金总额');
    const r = service.call('doc/apply', { patches: [{ op: 'insertForm', index: 1, form }] });
    expect(r.ok).toBe(true);
    await page.reload();
    await page.getByTestId('form-item-old1').click();
    const cell = (row: number, col: string) =>
      page.getByTestId('funds-grid').locator(`.ag-row[row-index="${row}"] [col-id="${col}"]`).first();
    await expect
      .poll(() => Promise.all([0, 1, 2, 3].map((k) => cell(k, 'source').innerText())))
      .toEqual(['当年财政拨款', '上年结转资金', '其他资金', '年度资金总额']);
    // The score on the total, shown last; the source rows blank there (004).
    expect(Number(await cell(3, 'score').innerText())).toBe(10);
    expect(await cell(3, 'rate').innerText()).toBe('100.00%');
    expect(await cell(0, 'score').innerText()).toBe('');

    const type = async (row: number, col: string, text: string) => {
      await cell(row, col).dblclick();
      const editor = page.locator('.ag-cell-inline-editing input').first();
      await editor.fill(text);
      await editor.press('Enter');
    };
    await type(3, 'executed', '800');
    await expect.poll(() => serverForm(app(), 'old1').funds.rows[0]?.executed).toBe(800);
    await type(0, 'initialBudget', '12.5');
    await expect.poll(() => serverForm(app(), 'old1').funds.rows[1]?.initialBudget).toBe(12.5);
    // The model keeps its order: nothing was moved, only typed.
    expect(serverForm(app(), 'old1').funds.rows.map((x) => x.source)).toEqual([
      '年度资金总额',
      '当年财政拨款',
      '上年结转资金',
      '其他资金',
    ]);
    await expect.poll(() => cell(3, 'executed').innerText()).toBe('800.00');
  });

  it('the funds block ends at its last row: no empty band under a few rows', async () => {
    const { page } = app();
    const funds = page.getByTestId('funds-grid');
    await expect.poll(() => funds.locator('.ag-row[row-index]').count()).toBeGreaterThan(0);
    const gap = await funds.evaluate((el) => {
      const rows = [...el.querySelectorAll('.ag-row[row-index]')].map((r) => r.getBoundingClientRect());
      const body = el.querySelector('.ag-root-wrapper')?.getBoundingClientRect();
      return body ? body.bottom - Math.max(...rows.map((r) => r.bottom)) : NaN;
    });
    // The wrapper's own border, nothing more (AG Grid keeps 150 px for an autoHeight body unless
    // told otherwise: fundsGridTheme).
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThanOrEqual(3);
  });
});
