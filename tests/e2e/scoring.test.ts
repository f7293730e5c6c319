/**
 * Judging lines in real Chromium: pick a tier (in the grid and in the line panel) with its share,
 * override a score with a reason and return it to the suggestion; the total follows each step.
 */
import { describe, expect, it } from 'vitest';
import { getLayout } from '../../shared/layouts/definitions';
import { scoreForm } from '../../shared/scoring/form';
import type { Form } from '../../shared/model/types';
import { useAppPerTest, useSharedBrowser, type App } from './harness';
import { cell, grid, numberOf, openChecks, serverForm, typeInto } from './support';

const browser = useSharedBrowser();

/** A sample form line scored by tier (qualitative), found by the engine itself. */
function tierLine(app: App): { form: Form; row: number } {
  const doc = app.service.current?.document;
  if (!doc) throw new Error('no document');
  const layout = getLayout(doc.meta.layout);
  for (const form of doc.forms) {
    const r = scoreForm(form, layout);
    const row = r.indicators.findIndex(
      (l, i) => l.method === 'tier' && !l.manual && form.indicators[i]?.tier === null && (l.weight ?? 0) > 0,
    );
    if (row >= 0) return { form, row };
  }
  throw new Error('示例文档中没有按等级评分的指标');
}

describe('judging lines', { timeout: 120_000 }, () => {
  const current = useAppPerTest(browser);

  it('picking 部分达成 in the grid and a share in the panel rescores the line and the total', async () => {
    const app = current();
    const { page } = app;
    const { form, row } = tierLine(app);
    await page.getByTestId(`form-item-${form.id}`).click();
    await expect.poll(() => grid(page).locator('.ag-row').count()).toBeGreaterThan(row);
    const weight = scoreForm(form, getLayout(app.service.current?.document.meta.layout ?? 'hunan'))
      .indicators[row]?.weight;
    if (!weight) throw new Error('line has no weight');

    await cell(page, row, 'tier').dblclick();
    const select = page.locator('.ag-cell-inline-editing, .ag-popup-editor').first();
    await expect.poll(() => select.count()).toBe(1);
    // AG Grid's select editor opens collapsed: open its list, then pick.
    await page.locator('.ag-cell-inline-editing .ag-picker-field-wrapper').click();
    await page.locator('.ag-select-list').getByRole('option', { name: '部分达成', exact: true }).click();
    await expect.poll(() => serverForm(app, form.id).indicators[row]?.tier).toBe('部分达成');

    await cell(page, row, 'name').click();
    const share = page.getByTestId('tier-share');
    await share.fill('60%');
    await share.press('Enter');
    await expect.poll(() => serverForm(app, form.id).indicators[row]?.tierShare).toBe(0.6);
    const expected = Math.round(weight * 0.6 * 100) / 100;
    await expect.poll(() => page.getByTestId('line-final').innerText()).toBe(String(expected));

    // The panel's picker sets it too.
    await page.getByTestId('tier-select').selectOption('未达成');
    await expect.poll(() => serverForm(app, form.id).indicators[row]?.tier).toBe('未达成');
  });

  it('a score typed over the suggestion is marked, asks for a reason, and 恢复建议分 takes it back', async () => {
    const app = current();
    const { page } = app;
    const form = app.service.current?.document.forms.find(
      (f) => f.projectName === '大气污染防治资金（示例：常见错误）',
    );
    if (!form) throw new Error('sample lacks 大气污染防治资金');
    await page.getByTestId(`form-item-${form.id}`).click();
    await expect.poll(() => cell(page, 0, 'score').innerText()).toBe('5');
    const total = await numberOf(page, 'form-total');

    await typeInto(page, 0, 'score', '4');
    await expect.poll(() => numberOf(page, 'form-total')).toBeCloseTo(total - 1, 2);
    await expect.poll(() => cell(page, 0, 'score').getAttribute('class')).toMatch(/cell-manual/);
    // No reason yet: the reason cell is flagged and the checks list it.
    await expect.poll(() => cell(page, 0, 'scoreReason').getAttribute('class')).toMatch(/cell-missing/);
    await openChecks(page);
    await expect
      .poll(() => page.locator('[data-testid^="finding-"]', { hasText: '理由' }).count())
      .toBeGreaterThan(0);

    await typeInto(page, 0, 'scoreReason', '部分企业数据未按期报送');
    await expect
      .poll(() => serverForm(app, form.id).indicators[0]?.scoreReason)
      .toBe('部分企业数据未按期报送');
    await expect.poll(() => cell(page, 0, 'scoreReason').getAttribute('class')).not.toMatch(/cell-missing/);
    // The score's tooltip (its title, set when the pointer reaches it) says how it came about.
    const titleOnHover = async (target: ReturnType<typeof cell>) => {
      await target.hover();
      return target.getAttribute('title');
    };
    expect(await titleOnHover(cell(page, 0, 'score'))).toMatch(
      /^手工打分 4（理由：部分企业数据未按期报送）\n建议分 5：/,
    );
    // The funds block's: its total's 执行率 score (the layout's total row), no other row.
    const fundsScores = page.locator('[data-testid="funds-grid"] .ag-row[row-index] [col-id="score"]');
    const fundsTitles: (string | null)[] = [];
    for (const target of await fundsScores.all()) fundsTitles.push(await titleOnHover(target));
    expect(fundsTitles.length).toBeGreaterThan(1);
    expect(fundsTitles.filter((t) => t !== null)).toEqual([expect.stringMatching(/执行率|建议分/)]);

    await cell(page, 0, 'name').click();
    await page.getByTestId('reset-score').click();
    await expect.poll(() => serverForm(app, form.id).indicators[0]?.score).toBeNull();
    await expect.poll(() => numberOf(page, 'form-total')).toBe(total);
    await expect.poll(() => cell(page, 0, 'score').getAttribute('class')).not.toMatch(/cell-manual/);
    expect(await titleOnHover(cell(page, 0, 'score'))).toMatch(/^建议分 5：/);
    // The empty box shows the suggestion it stands for, whole.
    const box = page.getByTestId('manual-score');
    await expect.poll(() => box.inputValue()).toBe('');
    expect(await box.getAttribute('placeholder')).toBe('建议 5');
    const fits = await box.evaluate((el: HTMLInputElement) => {
      const probe = document.createElement('span');
      probe.style.font = getComputedStyle(el).font;
      probe.textContent = el.placeholder;
      document.body.append(probe);
      const width = probe.getBoundingClientRect().width;
      probe.remove();
      return width <= el.clientWidth;
    });
    expect(fits).toBe(true);
  });
});
