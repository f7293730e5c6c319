/**
 * Lines of the indicator table in real Chromium: insert, delete and move them from the keyboard
 * and the context menu (each one undo step), a new form's first line, the level pickers, and
 * layout E's automatic weight split; Excel's jump keys.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useAppPerTest, useSharedBrowser, type App } from './harness';
import { cell, grid, serverForm, showForm, typeInto } from './support';
import { skeletonIndicators } from '../../shared/model/skeleton';
import type { Indicator } from '../../shared/model/types';

const browser = useSharedBrowser();

describe('indicator lines', { timeout: 120_000 }, () => {
  const current = useAppPerTest(browser);
  let app: App;
  beforeEach(() => {
    app = current();
  });
  const openForm = (name: string) => showForm(app, name);

  const names = (formId: string) => serverForm(app, formId).indicators.map((i) => i.name);
  /** [row, column] of the cell with the keyboard focus. */
  const focused = () =>
    app.page.evaluate(() => {
      const el = document.activeElement;
      return [Number(el?.closest('[row-index]')?.getAttribute('row-index')), el?.getAttribute('col-id')];
    });

  it('Ctrl+Shift+= inserts a line under the same levels, Ctrl+- deletes, Alt+Shift+↓ moves; each undoes in one step', async () => {
    const { page } = app;
    const form = await openForm('大气污染防治资金（示例：常见错误）');
    const before = names(form.id);
    const second = serverForm(app, form.id).indicators[1];
    if (!second) throw new Error('form too short');

    await cell(page, 1, 'name').click();
    await page.keyboard.press('Control+Shift+Equal');
    await expect.poll(() => names(form.id).length).toBe(before.length + 1);
    const inserted = serverForm(app, form.id).indicators[1];
    expect(inserted?.name).toBe('');
    expect([inserted?.level1, inserted?.level2]).toEqual([second.level1, second.level2]);

    await page.keyboard.press('Control+Minus');
    await expect.poll(() => names(form.id)).toEqual(before);

    await cell(page, 0, 'name').click();
    await page.keyboard.press('Alt+Shift+ArrowDown');
    await expect.poll(() => names(form.id).slice(0, 2)).toEqual([before[1], before[0]]);
    // The cursor moved with the line: moving again carries it further.
    await page.keyboard.press('Alt+Shift+ArrowDown');
    await expect.poll(() => names(form.id)[2]).toBe(before[0]);

    for (let i = 0; i < 4; i++) await page.keyboard.press('Control+z');
    await expect.poll(() => names(form.id)).toEqual(before);
  });

  it('the context menu inserts below and deletes selected lines', async () => {
    const { page } = app;
    const form = await openForm('大气污染防治资金（示例：常见错误）');
    const before = names(form.id);
    await cell(page, 0, 'name').click({ button: 'right' });
    await expect.poll(() => page.getByTestId('grid-menu').count()).toBe(1);
    await page.getByTestId('menu-insertBelow').click();
    await expect.poll(() => names(form.id).length).toBe(before.length + 1);
    expect(names(form.id)[1]).toBe('');

    // Select lines 1–2 and delete both from the menu.
    await cell(page, 1, 'name').click();
    await page.keyboard.press('Shift+ArrowDown');
    await cell(page, 2, 'name').click({ button: 'right' });
    await page.getByTestId('menu-delete').click();
    await expect.poll(() => names(form.id)).toEqual([before[0], ...before.slice(2)]);

    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => names(form.id)).toEqual(before);
  });

  it("a new form starts with its layout's indicator tree, the button adds a line, the level picker offers the layout names", async () => {
    const { page } = app;
    await page.getByTestId('add-project-form').click();
    await expect.poll(() => app.service.current?.document.forms.at(-1)?.projectName).toBe('新项目');
    const formId = app.service.current?.document.forms.at(-1)?.id ?? '';
    const layout = app.service.current?.document.meta.layout ?? 'national';
    const tree = skeletonIndicators(layout, 'project');
    const shape = (lines: Indicator[]) => lines.map((l) => [l.level1, l.level2, l.name, l.weight]);
    expect(shape(serverForm(app, formId).indicators)).toEqual(shape(tree));
    expect(tree.map((l) => l.level1)).toContain('满意度指标');
    // On screen too (the 一级 cell spans its group; the 二级 of line 1 is its own).
    await expect.poll(() => cell(page, 0, 'level2').textContent()).toContain(tree[0]?.level2 ?? '—');
    await page.getByTestId('add-indicator').click();
    await expect.poll(() => serverForm(app, formId).indicators.length).toBe(tree.length + 1);
    // The new line takes the levels of the last one, so its 一级/二级 cells are merged with it:
    // they are reached from its own 三级 cell with the arrow keys, as in Excel.
    const row = tree.length;
    const last = tree[row - 1];
    expect(serverForm(app, formId).indicators[row]).toMatchObject({
      level1: last?.level1,
      level2: last?.level2,
    });
    const onLevel = async (steps: number) => {
      await cell(page, row, 'name').click();
      for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowLeft');
    };

    await onLevel(2);
    await page.keyboard.press('F2');
    const input = page.locator('.level-editor');
    await expect.poll(() => input.count()).toBe(1);
    const options = await page
      .locator(`datalist#${CSS_ESCAPE(await input.getAttribute('list'))} option`)
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toContain('产出指标');
    expect(options).toContain('效益指标');
    await input.fill('产出指标');
    await input.press('Enter');
    await expect.poll(() => serverForm(app, formId).indicators[row]?.level1).toBe('产出指标');

    await onLevel(1);
    await page.keyboard.press('F2');
    const list2 = await page.locator('.level-editor').getAttribute('list');
    const options2 = await page
      .locator(`datalist#${CSS_ESCAPE(list2)} option`)
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options2).toContain('数量指标');
    expect(options2).not.toContain('经济效益指标');
    // Typing on a cell starts the edit with that character, as in Excel.
    await page.keyboard.press('Escape');
    await onLevel(1);
    await page.keyboard.press('Q');
    await page.keyboard.type('质量指标');
    await page.keyboard.press('Enter');
    await expect.poll(() => serverForm(app, formId).indicators[row]?.level2).toBe('Q质量指标');
  });

  it("a 三级指标 typed is offered from the indicator library; picking one fills the line's empty target and rule, one undo step", async () => {
    const { page } = app;
    await page.getByTestId('add-project-form').click();
    await expect.poll(() => app.service.current?.document.forms.at(-1)?.projectName).toBe('新项目');
    const formId = app.service.current?.document.forms.at(-1)?.id ?? '';
    const row = serverForm(app, formId).indicators.findIndex((l) => l.level1 === '满意度指标');
    expect(row).toBeGreaterThan(0);

    await cell(page, row, 'name').click();
    await page.keyboard.press('F2');
    const input = page.locator('.name-editor');
    await expect.poll(() => input.count()).toBe(1);
    await page.keyboard.type('满意');
    const offered = async () =>
      page
        .locator(`datalist#${CSS_ESCAPE(await input.getAttribute('list'))} option`)
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    await expect.poll(offered).toContain('服务对象满意度');
    // The document's own lines are offered too (the sample's forms have named lines).
    const own = app.service.current?.document.forms.flatMap((f) => f.indicators.map((l) => l.name)) ?? [];
    const ownMatch = own.find((n) => n.includes('满意') && n !== '服务对象满意度');
    if (ownMatch) await expect.poll(offered).toContain(ownMatch);

    await input.fill('服务对象满意度');
    await input.press('Enter');
    await expect.poll(() => serverForm(app, formId).indicators[row]?.name).toBe('服务对象满意度');
    const line = serverForm(app, formId).indicators[row];
    expect(line?.target).toBe('≥90%');
    expect(line?.ruleText).toMatch(/满意度≥90%得满分/);

    await page.keyboard.press('Control+z');
    await expect.poll(() => serverForm(app, formId).indicators[row]?.name).toBe('');
    expect(serverForm(app, formId).indicators[row]?.target).toBe('');
    expect(serverForm(app, formId).indicators[row]?.ruleText).toBe('');
  });

  it('layout E splits a level-2 weight over its lines by itself when one is added', async () => {
    const { page } = app;
    const r = app.service.call('doc/apply', {
      patches: [{ op: 'setMeta', field: 'layout', value: 'guangdong' }],
    });
    expect(r.ok).toBe(true);
    await page.reload();
    const form = await openForm('大气污染防治资金（示例：常见错误）');
    const lines = serverForm(app, form.id).indicators;
    const first = lines[0];
    if (!first) throw new Error('no lines');
    // Give the first level 2 a weight of 12 and no line weights of its own.
    const group = lines.filter((i) => i.level1 === first.level1 && i.level2 === first.level2);
    const patches = [
      ...group.map((i) => ({
        op: 'setIndicator' as const,
        formId: form.id,
        indicatorId: i.id,
        field: 'weight' as const,
        value: null,
      })),
      ...group.map((i) => ({
        op: 'setIndicator' as const,
        formId: form.id,
        indicatorId: i.id,
        field: 'level2Weight' as const,
        value: 12,
      })),
    ];
    expect(app.service.call('doc/apply', { patches }).ok).toBe(true);
    await page.reload();
    await openForm('大气污染防治资金（示例：常见错误）');
    const share = (n: number) => String(Math.round((12 / n) * 100) / 100);
    await expect.poll(() => cell(page, 0, 'weight').innerText()).toBe(share(group.length));

    await cell(page, 0, 'name').click();
    await page.keyboard.press('Control+Shift+Equal');
    await expect.poll(() => cell(page, 1, 'weight').innerText()).toBe(share(group.length + 1));
    expect(await cell(page, 0, 'weight').innerText()).toBe(share(group.length + 1));
  });

  it('Alt+Enter in a text box starts a new line of the cell, as in Excel', async () => {
    const { page } = app;
    // The department form prints 评分标准, a text box.
    const form = await openForm('衡阳市生态环境局');
    await cell(page, 1, 'ruleText').dblclick();
    const box = page.locator('.ag-popup-editor textarea, .ag-cell-inline-editing textarea').first();
    await box.fill('第一行');
    await box.press('End');
    await box.press('Alt+Enter');
    await page.keyboard.type('第二行');
    await box.press('Tab');
    await expect.poll(() => serverForm(app, form.id).indicators[1]?.ruleText).toBe('第一行\n第二行');
  });

  it('Enter commits and moves down, Shift+Enter up; the last line keeps the cursor', async () => {
    const { page } = app;
    // A form of 19 lines: taller than the short window below, so that going down must scroll.
    const form = await openForm('纪检监察机构专项经费');
    const last = form.indicators.length - 1;
    const editor = page.locator('.ag-cell-inline-editing input').first();

    await cell(page, 1, 'actual').dblclick();
    await editor.fill('甲');
    await editor.press('Enter');
    await expect.poll(focused).toEqual([2, 'actual']);
    await expect.poll(() => serverForm(app, form.id).indicators[1]?.actual).toBe('甲');
    expect(await page.locator('.ag-cell-inline-editing').count()).toBe(0);

    // Typing starts an edit on the focused cell; Shift+Enter commits it and goes up.
    await page.keyboard.type('7');
    await page.keyboard.press('Shift+Enter');
    await expect.poll(focused).toEqual([1, 'actual']);
    await expect.poll(() => serverForm(app, form.id).indicators[2]?.actual).toBe('7');

    // Without an editor open, Enter moves down too (as in Excel).
    await page.keyboard.press('Enter');
    await expect.poll(focused).toEqual([2, 'actual']);

    await cell(page, last, 'actual').dblclick();
    await editor.fill('丙');
    await editor.press('Enter');
    await expect.poll(() => serverForm(app, form.id).indicators[last]?.actual).toBe('丙');
    await expect.poll(focused).toEqual([last, 'actual']);

    // On a short window, going down past the bottom scrolls the page: the cursor stays above the
    // line detail stuck to the bottom of the form, not behind it.
    await page.setViewportSize({ width: 1440, height: 620 });
    await grid(page)
      .locator('.ag-row[row-index="0"]')
      .first()
      .evaluate((e) => e.scrollIntoView({ block: 'start' }));
    const shown = () =>
      page.evaluate(() => {
        const detail = document.querySelector('[data-testid="line-detail"]')?.getBoundingClientRect();
        const active = document.activeElement?.getBoundingClientRect();
        return !!detail && !!active && active.bottom <= detail.top + 1 && active.top >= 0;
      });
    const firstHidden = await page.evaluate(() => {
      const detail = document.querySelector('[data-testid="line-detail"]')?.getBoundingClientRect();
      const rows = [...document.querySelectorAll('[data-testid="indicator-grid"] .ag-row[row-index]')];
      const hidden = rows.find((r) => detail && r.getBoundingClientRect().bottom > detail.top);
      return Number(hidden?.getAttribute('row-index') ?? -1);
    });
    expect(firstHidden).toBeGreaterThan(0);
    await cell(page, firstHidden - 1, 'actual').click();
    for (let i = 0; i < 3 && firstHidden + i <= last; i++) {
      await page.keyboard.type(String(i));
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await focused())[0]).toBe(Math.min(last, firstHidden + i));
      expect(await shown()).toBe(true);
    }
  });

  it("an Enter's frame paints the cell and the total; the line detail, the checks and the form list follow after that paint", async () => {
    const { page } = app;
    const form = await openForm('大气污染防治资金（示例：常见错误）');
    await cell(page, 0, 'actual').click();
    await expect.poll(() => page.getByTestId('line-detail').getAttribute('data-row')).toBe('0');
    const listed = await page.getByTestId(`form-total-${form.id}`).innerText();
    const total = await page.getByTestId('form-total').innerText();
    const checks = await page.getByTestId('checks-summary').innerText();
    const score = await cell(page, 0, 'score').innerText();
    // What the first frame after the Enter paints: its animation frame is asked for in the
    // keystroke's capture, before the app asks for any.
    await page.evaluate((formId) => {
      const w = window as unknown as { __firstFrame: string[] | null };
      w.__firstFrame = null;
      const read = () => [
        document.querySelector('[data-testid="indicator-grid"] .ag-row[row-index="0"] [col-id="actual"]')
          ?.textContent ?? '',
        document.querySelector('[data-testid="form-total"]')?.textContent ?? '',
        document.querySelector('[data-testid="line-detail"]')?.getAttribute('data-row') ?? '',
        document.querySelector(`[data-testid="form-total-${formId}"]`)?.textContent ?? '',
        document.querySelector('[data-testid="checks-summary"]')?.textContent ?? '',
        document.querySelector('[data-testid="indicator-grid"] .ag-row[row-index="0"] [col-id="score"]')
          ?.textContent ?? '',
      ];
      window.addEventListener(
        'keydown',
        (e) => {
          if (e.key === 'Enter') requestAnimationFrame(() => (w.__firstFrame = read()));
        },
        { capture: true, once: true },
      );
    }, form.id);
    // The merged 一级 label's text node, kept through the edited row's refresh (a new one would
    // lay the tall merged cell out again in the edit's frame).
    await page.evaluate(() => {
      (window as unknown as { __label: Node | null }).__label =
        document.querySelector('[data-testid="indicator-grid"] .level-label')?.firstChild ?? null;
    });
    await typeInto(page, 0, 'actual', '50%');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __firstFrame: unknown }).__firstFrame))
      .not.toBeNull();
    const [cellText, totalText, detailRow, listedText, checksText, scoreText] = (await page.evaluate(
      () => (window as unknown as { __firstFrame: string[] }).__firstFrame,
    )) as string[];
    expect(cellText).toBe('50%');
    expect(totalText).not.toBe(total);
    // The line's new score too: the table repaints the rescored row in the same frame.
    expect(scoreText).not.toBe(score);
    expect(scoreText).toBe(await cell(page, 0, 'score').innerText());
    expect(detailRow).toBe('0');
    expect(listedText).toBe(listed);
    // The window around the form (here the checks, which the edit changes) follows the paint.
    expect(checksText).toBe(checks);
    // Then the panel beside the table, the checks and the form list catch up.
    await expect.poll(() => page.getByTestId('line-detail').getAttribute('data-row')).toBe('1');
    await expect.poll(() => page.getByTestId(`form-total-${form.id}`).innerText()).toBe(totalText);
    await expect.poll(() => page.getByTestId('checks-summary').innerText()).not.toBe(checks);
    await expect.poll(() => page.getByTestId('line-final').innerText()).not.toBe('');
    expect(
      await page.evaluate(() => {
        const kept = (window as unknown as { __label: Node | null }).__label;
        return kept !== null && kept.isConnected;
      }),
    ).toBe(true);
  });

  it('a reason committed in the line detail stays shown while the panel catches up', async () => {
    const { page } = app;
    const form = await openForm('大气污染防治资金（示例：常见错误）');
    await cell(page, 1, 'name').click();
    await expect.poll(() => page.getByTestId('line-detail').getAttribute('data-row')).toBe('1');
    const reason = page.getByTestId('score-reason');
    const typed = `理由${Date.now() % 1000}`;
    await reason.fill(typed);
    // The box's text in each of the frames after the Enter that commits it.
    await page.evaluate(() => {
      const w = window as unknown as { __shown: string[] };
      w.__shown = [];
      const box = document.querySelector<HTMLInputElement>('[data-testid="score-reason"]');
      const watch = (n: number) =>
        requestAnimationFrame(() => {
          w.__shown.push(box?.value ?? '');
          if (n > 1) watch(n - 1);
        });
      window.addEventListener('keydown', (e) => e.key === 'Enter' && watch(4), { capture: true, once: true });
    });
    await reason.press('Enter');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __shown: string[] }).__shown.length))
      .toBe(4);
    expect(await page.evaluate(() => (window as unknown as { __shown: string[] }).__shown)).toEqual(
      Array(4).fill(typed),
    );
    await expect.poll(() => serverForm(app, form.id).indicators[1]?.scoreReason).toBe(typed);
  });

  it('Home/End, Ctrl+Home/Ctrl+End and PageUp/PageDown move the cursor as in Excel', async () => {
    const { page } = app;
    const form = await openForm('大气污染防治资金（示例：常见错误）');
    const last = form.indicators.length - 1;
    // 一级/二级 cells are merged down: their element carries the first row of the merge, so
    // the row is read off a column that is never merged.
    await cell(page, 2, 'name').click();
    await page.keyboard.press('Home');
    await expect.poll(async () => (await focused())[1]).toBe('level1');
    await page.keyboard.press('End');
    await expect.poll(focused).toEqual([2, 'scoreReason']);
    await page.keyboard.press('Control+Home');
    await expect.poll(async () => (await focused())[1]).toBe('level1');
    await page.keyboard.press('End');
    await expect.poll(focused).toEqual([0, 'scoreReason']);
    await page.keyboard.press('Control+End');
    await expect.poll(focused).toEqual([last, 'scoreReason']);
    await page.keyboard.press('PageUp');
    await expect.poll(async () => (await focused())[0]).toBeLessThan(last);
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('PageDown');
    await expect.poll(async () => (await focused())[0]).toBeGreaterThan(0);
  });
  it('a row is as tall as its text: when typed, undone, and after another form was shown', async () => {
    const { page } = app;
    await openForm('大气污染防治资金（示例：常见错误）');
    const rowHeight = (row: number) =>
      grid(page)
        .locator(`.ag-row[row-index="${row}"]`)
        .first()
        .evaluate((e) => e.getBoundingClientRect().height);
    const short = await rowHeight(0);

    await typeInto(page, 0, 'name', '细颗粒物年均浓度'.repeat(12));
    await expect.poll(() => rowHeight(0)).toBeGreaterThan(short * 2);
    const tall = await rowHeight(0);
    // Longer than three lines: cut there with an ellipsis (issue #19), never taller.
    expect(await cell(page, 0, 'name').getAttribute('class')).toContain('cell-clamped');
    expect(tall).toBeLessThanOrEqual(3 * 18 + 8);

    // Another form's rows land on the same rendered rows: each form keeps its own heights.
    const other = await openForm('环保督察工作经费');
    await expect.poll(() => cell(page, 0, 'name').innerText()).toBe(other.indicators[0]?.name ?? '');
    expect(await rowHeight(0)).toBeLessThan(tall);
    await openForm('大气污染防治资金（示例：常见错误）');
    await expect.poll(() => rowHeight(0)).toBe(tall);

    await page.keyboard.press('Control+z');
    await expect.poll(() => rowHeight(0)).toBe(short);
  });
});

function CSS_ESCAPE(id: string | null): string {
  return (id ?? '').replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
}

describe('forms in the sidebar', { timeout: 120_000 }, () => {
  const current = useAppPerTest(browser);
  const ids = (app: App) => app.service.current?.document.forms.map((f) => f.id) ?? [];

  it('duplicates, moves and deletes a form, each one undo step', async () => {
    const app = current();
    const { page } = app;
    const form = await showForm(app, '大气污染防治资金（示例：常见错误）');
    const before = ids(app);
    const at = before.indexOf(form.id);

    await page.getByTestId('formDuplicate').click();
    await expect.poll(() => ids(app).length).toBe(before.length + 1);
    const copy = app.service.current?.document.forms[at + 1];
    expect(copy?.projectName).toBe('大气污染防治资金（示例：常见错误）（副本）');
    expect(copy?.indicators).toEqual(serverForm(app, form.id).indicators);
    // The copy is selected and shown.
    await expect.poll(() => page.getByTestId('form-view').getAttribute('data-form-id')).toBe(copy?.id);

    await page.getByTestId('formUp').click();
    await expect.poll(() => ids(app)[at]).toBe(copy?.id);

    // Delete asks first; the right-click menu has the same actions.
    await page.getByTestId(`form-item-${copy?.id}`).click({ button: 'right' });
    await page.getByTestId('menu-formDelete').click();
    await expect.poll(() => page.getByTestId('dialog').count()).toBe(1);
    await page.getByTestId('dialog-delete').click();
    await expect.poll(() => ids(app)).toEqual(before);

    await page.keyboard.press('Control+z');
    await expect.poll(() => ids(app)[at]).toBe(copy?.id);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => ids(app)).toEqual(before);
  });
});
