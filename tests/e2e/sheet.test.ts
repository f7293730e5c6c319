/**
 * Working like a spreadsheet, in real Chromium against the real server: range selection with
 * Shift+arrows and the mouse, copy/paste of TSV blocks (multi-line cells, full-width spaces),
 * the offer to add rows, Ctrl+D, Delete over a range, and undo/redo of each as one step.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { getLayout } from '../../shared/layouts/definitions';
import { fundsTotalRow } from '../../shared/model/funds-rows';
import { useAppPerTest, useSharedBrowser, type App } from './harness';
import { cell, copyText, grid, numberOf, pasteText, serverForm, showForm } from './support';

const browser = useSharedBrowser();

describe('the indicator grid as a spreadsheet', { timeout: 120_000 }, () => {
  const current = useAppPerTest(browser);
  let app: App;
  beforeEach(() => {
    app = current();
  });
  const openForm = (name: string) => showForm(app, name);

  it('Shift+arrows select a block; Ctrl+C copies it as TSV that Excel reads', async () => {
    const { page } = app;
    const form = await openForm('大气污染防治资金（示例：常见错误）');
    await cell(page, 0, 'name').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => grid(page).locator('.cell-in-range').count()).toBe(4);
    const text = await copyText(page);
    const [a, b] = form.indicators;
    if (!a || !b) throw new Error('form too short');
    const next =
      (await cell(page, 0, 'name').evaluate((el) => el.nextElementSibling?.getAttribute('col-id'))) ?? '';
    const field = next as keyof typeof a;
    const rows = text.split('\r\n');
    expect(rows.at(-1)).toBe('');
    expect(rows.slice(0, 2).map((r) => r.split('\t')[0])).toEqual([a.name, b.name]);
    expect(rows[0]?.split('\t')[1]).toBe(String(a[field] ?? ''));
  });

  it('pastes a block with multi-line cells and full-width spaces, and one Ctrl+Z undoes it all', async () => {
    const { page } = app;
    const form = await openForm('大气污染防治资金（示例：常见错误）');
    const before = structuredClone(serverForm(app, form.id).indicators.slice(0, 2));
    const total = await numberOf(page, 'form-total');
    await cell(page, 0, 'name').click();
    await pasteText(page, '"空气质量\n优良天数"\t\r\n颗粒物　浓度下降\t\r\n');
    await expect.poll(() => serverForm(app, form.id).indicators[0]?.name).toBe('空气质量\n优良天数');
    expect(serverForm(app, form.id).indicators[1]?.name).toBe('颗粒物　浓度下降');

    await page.keyboard.press('Control+z');
    await expect.poll(() => serverForm(app, form.id).indicators[0]?.name).toBe(before[0]?.name);
    expect(serverForm(app, form.id).indicators[1]?.name).toBe(before[1]?.name);
    expect(await numberOf(page, 'form-total')).toBe(total);

    await page.keyboard.press('Control+y');
    await expect.poll(() => serverForm(app, form.id).indicators[1]?.name).toBe('颗粒物　浓度下降');
  });

  it('a paste that changes scores rescores the form, and undo brings the total back', async () => {
    const { page } = app;
    const form = await openForm('大气污染防治资金（示例：常见错误）');
    // Copied now: `form` is the server's live object, which the paste changes.
    const before = form.indicators[0]?.actual;
    const total = await numberOf(page, 'form-total');
    await cell(page, 0, 'actual').click();
    await pasteText(page, '50%\r\n');
    await expect.poll(() => numberOf(page, 'form-total')).toBeLessThan(total);
    await expect.poll(() => serverForm(app, form.id).indicators[0]?.actual).toBe('50%');
    await page.getByTestId('undo').click();
    await expect.poll(() => numberOf(page, 'form-total')).toBe(total);
    await expect.poll(() => serverForm(app, form.id).indicators[0]?.actual).toBe(before);
  });

  it('a block longer than the table offers to add rows; adding and undoing are one step each', async () => {
    const { page } = app;
    const form = await openForm('大气污染防治资金（示例：常见错误）');
    const count = form.indicators.length;
    const lastName = form.indicators.at(-1)?.name;
    await cell(page, count - 1, 'name').click();
    await pasteText(page, '最后一行\n新增一\n新增二\n');
    await expect.poll(() => page.getByTestId('dialog').count()).toBe(1);
    await page.getByTestId('dialog-addRows').click();
    await expect.poll(() => serverForm(app, form.id).indicators.length).toBe(count + 2);
    expect(
      serverForm(app, form.id)
        .indicators.slice(-3)
        .map((i) => i.name),
    ).toEqual(['最后一行', '新增一', '新增二']);
    await expect.poll(() => grid(page).locator('.ag-row').count()).toBeGreaterThanOrEqual(count + 2);

    await page.keyboard.press('Control+z');
    await expect.poll(() => serverForm(app, form.id).indicators.length).toBe(count);
    expect(serverForm(app, form.id).indicators.at(-1)?.name).toBe(lastName);
  });

  it('a bad number refuses the whole paste with a Chinese message, nothing half pasted', async () => {
    const { page } = app;
    const form = await openForm('大气污染防治资金（示例：常见错误）');
    const weights = serverForm(app, form.id).indicators.map((i) => i.weight);
    await cell(page, 0, 'weight').click();
    await pasteText(page, '3\r\n五分\r\n');
    await expect.poll(() => page.getByTestId('status').innerText()).toMatch(/粘贴未完成：第 2 行/);
    expect(serverForm(app, form.id).indicators.map((i) => i.weight)).toEqual(weights);
  });

  it('Ctrl+D fills down and Delete clears a range, each one undo step', async () => {
    const { page } = app;
    const form = await openForm('大气污染防治资金（示例：常见错误）');
    const names = serverForm(app, form.id).indicators.map((i) => i.name);
    await cell(page, 0, 'name').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Control+d');
    await expect.poll(() => serverForm(app, form.id).indicators[2]?.name).toBe(names[0]);
    expect(serverForm(app, form.id).indicators[1]?.name).toBe(names[0]);

    await page.keyboard.press('Delete');
    await expect.poll(() => serverForm(app, form.id).indicators[0]?.name).toBe('');
    expect(
      serverForm(app, form.id)
        .indicators.slice(0, 3)
        .map((i) => i.name),
    ).toEqual(['', '', '']);

    await page.keyboard.press('Control+z');
    await expect.poll(() => serverForm(app, form.id).indicators[0]?.name).toBe(names[0]);
    await page.keyboard.press('Control+z');
    await expect.poll(() => serverForm(app, form.id).indicators[2]?.name).toBe(names[2]);
  });

  /** The sample's 大气污染防治资金 form shown, its line names, and the system clipboard allowed. */
  const sampleWithClipboard = async () => {
    await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(app.server.url).origin,
    });
    const form = await openForm('大气污染防治资金（示例：常见错误）');
    return { form, names: serverForm(app, form.id).indicators.map((i) => i.name) };
  };

  it('a key right after a click acts on the clicked cell, though AG Grid tells its focus late (its timer held)', async () => {
    const { page } = app;
    const { names } = await sampleWithClipboard();
    const copied = async () => {
      await page.evaluate(() => navigator.clipboard.writeText('-'));
      await page.keyboard.press('Control+c');
      return page.evaluate(() => navigator.clipboard.readText());
    };
    // AG Grid tells cellFocused from a setTimeout(0): held 300 ms here, as a busy PC may.
    await page.evaluate(() => {
      const w = window as unknown as { __setTimeout: typeof setTimeout };
      w.__setTimeout = window.setTimeout;
      window.setTimeout = ((fn: () => void, ms?: number) =>
        w.__setTimeout(fn, ms ? ms : 300)) as unknown as typeof setTimeout;
    });
    try {
      await cell(page, 0, 'name').click();
      await page.keyboard.press('Shift+ArrowDown');
      await page.keyboard.press('Shift+ArrowDown');
      const rows = `${names[0]}\r\n${names[1]}\r\n${names[2]}\r\n`;
      expect(await copied()).toBe(rows);
      // The late cellFocused (of the selection's first cell) does not shrink the selection.
      await page.waitForTimeout(600);
      expect(await copied()).toBe(rows);
    } finally {
      await page.evaluate(() => {
        window.setTimeout = (window as unknown as { __setTimeout: typeof setTimeout }).__setTimeout;
      });
    }
  });

  it('real Ctrl+C and Ctrl+V go through the system clipboard', async () => {
    const { page } = app;
    const { form, names } = await sampleWithClipboard();
    await cell(page, 0, 'name').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Control+c');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${names[0]}\r\n${names[1]}\r\n`);
    await cell(page, 3, 'name').click();
    await page.keyboard.press('Control+v');
    await expect.poll(() => serverForm(app, form.id).indicators[4]?.name).toBe(names[1]);
    expect(serverForm(app, form.id).indicators[3]?.name).toBe(names[0]);
  });

  it('dragging the mouse selects a block', async () => {
    const { page } = app;
    await openForm('大气污染防治资金（示例：常见错误）');
    const from = await cell(page, 0, 'name').boundingBox();
    const to = await cell(page, 2, 'name').boundingBox();
    if (!from || !to) throw new Error('cells not shown');
    await page.mouse.move(from.x + 5, from.y + 5);
    await page.mouse.down();
    await page.mouse.move(to.x + 5, to.y + 5, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => grid(page).locator('.cell-in-range').count()).toBe(3);
  });
});

describe('the funds block', { timeout: 120_000 }, () => {
  const current = useAppPerTest(browser);

  it('an amount typed into the total row repaints the execution rate, and undo puts it back', async () => {
    const app = current();
    const { page } = app;
    const form = await showForm(app, '大气污染防治资金（示例：常见错误）');
    const funds = page.getByTestId('funds-grid');
    const fundsOf = serverForm(app, form.id).funds;
    const totalRow = fundsTotalRow(fundsOf, getLayout('hunan').kinds.project.fundsRows);
    const row = totalRow ? fundsOf.rows.indexOf(totalRow) : 0;
    const rate = funds.locator(`.ag-row[row-index="${row}"] [col-id="rate"]`).first();
    const budget = serverForm(app, form.id).funds.rows[row]?.fullYearBudget;
    if (!budget) throw new Error('no budget on the total row');
    const before = await rate.innerText();

    await funds.locator(`.ag-row[row-index="${row}"] [col-id="executed"]`).first().dblclick();
    const editor = funds.locator('.ag-cell-inline-editing input').first();
    await editor.fill(String(budget / 2));
    await editor.press('Enter');
    await expect.poll(() => rate.innerText()).toBe('50.00%');
    expect(before).not.toBe('50.00%');

    await page.keyboard.press('Control+z');
    await expect.poll(() => rate.innerText()).toBe(before);
  });
});
