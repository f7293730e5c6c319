/**
 * The optional header fields of layout E (广东) and the 基础数据表 of layout D (湖南) in real
 * Chromium: the boxes show with their Chinese labels, edits reach the server as patches (评价金额
 * read as 万元, shown with two decimals; 控制率 computed), and undo/redo take them back.
 */
import { describe, expect, it } from 'vitest';
import { useAppPerTest, useSharedBrowser } from './harness';
import { serverForm } from './support';
import { changjiDepartmentForm, changjiProjectForm } from '../support/xinjiang';

const browser = useSharedBrowser();

describe('广东 header fields in the editor', { timeout: 120_000 }, () => {
  const app = useAppPerTest(browser);

  it('show with their labels, edit, undo and redo', async () => {
    const { page, service } = app();
    const r = service.call('doc/apply', {
      patches: [{ op: 'setMeta', field: 'layout', value: 'guangdong' }],
    });
    expect(r.ok).toBe(true);
    await page.reload();
    const form = service.current?.document.forms.find((f) => f.kind === 'project');
    if (!form) throw new Error('no project form');
    await page.getByTestId(`form-item-${form.id}`).click();

    const labels = page.locator('.header-field .header-label');
    await expect
      .poll(() => labels.allInnerTexts())
      .toEqual(
        expect.arrayContaining([
          '评价年度',
          '评价金额',
          '联系人',
          '联系电话',
          '联系邮箱',
          '项目级次',
          '实施文件依据',
          '是否如期实现预期总体目标',
        ]),
      );

    const contact = page.getByTestId('header-contact');
    await contact.fill('伍毅敏');
    await contact.press('Enter');
    await expect.poll(() => serverForm(app(), form.id).header?.contact).toBe('伍毅敏');

    const amount = page.getByTestId('header-evaluationAmount');
    await amount.fill('２,181.86万元');
    await amount.press('Enter');
    await expect.poll(() => serverForm(app(), form.id).header?.evaluationAmount).toBe(2181.86);
    await expect.poll(() => amount.inputValue()).toBe('2181.86');

    await amount.fill('两千');
    await amount.press('Enter');
    await expect.poll(() => page.locator('body').innerText()).toContain('评价金额应为数字');
    await page.getByTestId('header-goalAchieved').click();
    await expect.poll(() => amount.inputValue()).toBe('2181.86');

    // Each commit is one step: undo takes the amount back, then the contact; redo brings the contact again.
    await page.getByTestId('undo').click();
    await expect.poll(() => serverForm(app(), form.id).header).toEqual({ contact: '伍毅敏' });
    await expect.poll(() => amount.inputValue()).toBe('');
    await page.getByTestId('undo').click();
    await expect.poll(() => serverForm(app(), form.id).header).toBeUndefined();
    await expect.poll(() => contact.inputValue()).toBe('');
    await page.getByTestId('redo').click();
    await expect.poll(() => contact.inputValue()).toBe('伍毅敏');
    await page.screenshot({
      path: 'test-output/screenshots/guangdong-header.png',
      clip: { x: 0, y: 0, width: 1440, height: 1100 },
    });
  });

  it('other layouts show none of them', async () => {
    const { page, service } = app();
    const form = service.current?.document.forms.find((f) => f.kind === 'project');
    if (!form) throw new Error('no project form');
    await page.getByTestId(`form-item-${form.id}`).click();
    await expect.poll(() => page.getByTestId('header-projectName').count()).toBe(1);
    expect(await page.getByTestId('header-contact').count()).toBe(0);
  });
});

describe('湖南 基础数据表 in the editor', { timeout: 120_000 }, () => {
  const app = useAppPerTest(browser);

  it('shows under the department form, computes 控制率, adds a line, undoes', async () => {
    const { page, service } = app();
    const r = service.call('doc/apply', { patches: [{ op: 'setMeta', field: 'layout', value: 'hunan' }] });
    expect(r.ok).toBe(true);
    await page.reload();
    const dept = service.current?.document.forms.find((f) => f.kind === 'department');
    const project = service.current?.document.forms.find((f) => f.kind === 'project');
    if (!dept || !project) throw new Error('sample lacks a department or project form');
    await page.getByTestId(`form-item-${dept.id}`).click();
    const block = page.getByTestId('basic-data');
    await expect.poll(() => block.locator('h2').innerText()).toBe('部门整体支出绩效评价基础数据表');
    await expect.poll(() => page.getByTestId('basic-item-0').inputValue()).toBe('三公经费');
    // The sample carries 004's table (编制数 166, 在职 113, 三公经费 77): values unlike those, so
    // that every step is an edit; undoing goes back to what the sample had.
    const before = await page.getByTestId('basic-budget-0').inputValue();

    for (const [id, value] of [
      ['basic-authorizedStaff', '200'],
      ['basic-actualStaff', '150'],
    ] as const) {
      await page.getByTestId(id).fill(value);
      await page.getByTestId(id).press('Enter');
    }
    await expect.poll(() => page.getByTestId('basic-staff-rate').innerText()).toBe('75.00%');
    await page.getByTestId('basic-budget-0').fill('88');
    await page.getByTestId('basic-budget-0').press('Enter');
    await expect.poll(() => page.getByTestId('basic-budget-0').inputValue()).toBe('88.00');
    await expect.poll(() => serverForm(app(), dept.id).basicData?.spending[0]?.budget).toBe(88);
    await block.screenshot({ path: 'test-output/screenshots/hunan-basic-data.png' });

    const lines = dept.basicData?.spending.length ?? 16;
    await page.getByTestId('basic-add-row').click();
    await expect.poll(() => serverForm(app(), dept.id).basicData?.spending.length).toBe(lines + 1);
    await page.getByTestId('undo').click();
    await expect.poll(() => serverForm(app(), dept.id).basicData?.spending.length).toBe(lines);
    // A 专项 goes under 本级专项资金 (one line per 专项, as 004 prints it), not at the end.
    const items = () => serverForm(app(), dept.id).basicData?.spending.map((row) => row.item) ?? [];
    const special = items().indexOf('3、本级专项资金（一个专项一行）');
    expect(special).toBeGreaterThan(0);
    await page.getByTestId(`basic-insert-${special}`).click();
    await expect.poll(() => items().length).toBe(lines + 1);
    await page.getByTestId(`basic-item-${special + 1}`).fill('大气污染防治资金');
    await page.getByTestId(`basic-item-${special + 1}`).press('Enter');
    await expect.poll(() => items()[special + 1]).toBe('大气污染防治资金');
    expect(items()[special + 2]).toBe('公用经费：');
    await page.getByTestId('undo').click();
    await page.getByTestId('undo').click();
    await expect.poll(() => items().length).toBe(lines);
    await page.getByTestId('undo').click();
    await expect.poll(() => page.getByTestId('basic-budget-0').inputValue()).toBe(before);
    expect(before).not.toBe('88.00');

    // Project forms have no such table.
    await page.getByTestId(`form-item-${project.id}`).click();
    await expect.poll(() => page.getByTestId('header-projectName').inputValue()).toBe(project.projectName);
    expect(await page.getByTestId('basic-data').count()).toBe(0);
  });
});

describe('新疆 单位整体支出绩效自评表 in the editor', { timeout: 120_000 }, () => {
  const app = useAppPerTest(browser);

  it('its own table: title, 单位名称 alone, 部门资金 with “-”, its indicator columns; the project form’s 完成率 and caption', async () => {
    const { page, service } = app();
    const dept = changjiDepartmentForm('xj-dept');
    const project = changjiProjectForm('xj-project');
    const r = service.call('doc/apply', {
      patches: [
        { op: 'setMeta', field: 'layout', value: 'xinjiang' },
        { op: 'insertForm', index: 0, form: dept },
        { op: 'insertForm', index: 1, form: project },
      ],
    });
    expect(r.ok).toBe(true);
    await page.reload();
    await page.getByTestId(`form-item-${dept.id}`).click();
    await expect.poll(() => page.getByTestId('form-title').innerText()).toBe('单位整体支出绩效自评表');
    await expect
      .poll(() => page.locator('.header-field .header-label').allInnerTexts())
      .toEqual(['单位名称']);

    const funds = page.getByTestId('funds-grid');
    const headers = (grid: typeof funds) => grid.locator('.ag-header-cell-text').allInnerTexts();
    await expect
      .poll(() => headers(funds))
      .toEqual([
        '部门资金（万元）',
        '年初预算数',
        '全年预算数',
        '全年执行数',
        '分值权重',
        '执行率',
        '得分',
        '打分理由',
      ]);
    const cell = (row: number, col: string) =>
      funds.locator(`.ag-row[row-index="${row}"] .ag-cell[col-id="${col}"]`).first().innerText();
    // 分值权重, 执行率, 得分 on the first row, the rate that of 合计 (420 / 440); “-” on the others.
    await expect.poll(() => cell(0, 'rate')).toBe('95.45%');
    await expect.poll(() => cell(0, 'score')).toBe('9.54');
    for (const row of [1, 2, 3]) await expect.poll(() => cell(row, 'rate')).toBe('-');
    await expect.poll(() => cell(3, 'source')).toBe('合计');

    const grid = page.getByTestId('indicator-grid');
    await expect
      .poll(async () => (await headers(grid)).slice(0, 8))
      .toEqual([
        '一级指标',
        '二级指标',
        '三级指标',
        '预期指标值',
        '指标值设定依据',
        '分值权重',
        '实际完成指标值',
        '得分',
      ]);
    await expect.poll(() => page.getByTestId('indicator-caption').innerText()).toBe('绩效指标');
    await page.screenshot({ path: 'test-output/screenshots/xinjiang-department.png', fullPage: true });

    await page.getByTestId(`form-item-${project.id}`).click();
    await expect.poll(() => page.getByTestId('indicator-caption').innerText()).toBe('年度绩效指标完成情况');
    const rate = (row: number) =>
      grid.locator(`.ag-row[row-index="${row}"] .ag-cell[col-id="completionRate"]`).first().innerText();
    // The time line (10月底前) and the qualitative line (达成预期指标) print 100% too.
    await expect.poll(() => rate(2)).toBe('100.00%');
    await expect.poll(() => rate(3)).toBe('100.00%');
    await expect.poll(() => rate(0)).toBe('120.00%');
  });
});

describe('the header and funds as each paper form prints them', { timeout: 120_000 }, () => {
  const app = useAppPerTest(browser);

  it('山西: 主管部门及代码 one box, its code and name kept apart; 广东: no code boxes, 000’s title', async () => {
    const { page, service } = app();
    const r = service.call('doc/apply', { patches: [{ op: 'setMeta', field: 'layout', value: 'shanxi' }] });
    expect(r.ok).toBe(true);
    await page.reload();
    const form = service.current?.document.forms.find((f) => f.kind === 'project');
    if (!form) throw new Error('no project form');
    await page.getByTestId(`form-item-${form.id}`).click();
    const labels = page.locator('.header-fields .header-label');
    await expect.poll(() => labels.allInnerTexts()).toEqual(['项目名称', '主管部门及代码', '预算单位']);
    // Copied now: `form` is the server's live object, which the edits below change.
    const before = [form.departmentCode, form.department];
    const dept = page.getByTestId('header-department');
    await dept.fill('218-晋城市生态环境局');
    await dept.press('Enter');
    await expect
      .poll(() => [serverForm(app(), form.id).departmentCode, serverForm(app(), form.id).department])
      .toEqual(['218', '晋城市生态环境局']);
    await expect.poll(() => dept.inputValue()).toBe('218-晋城市生态环境局');
    // One step: undo takes both back.
    await page.getByTestId('undo').click();
    await expect
      .poll(() => [serverForm(app(), form.id).departmentCode, serverForm(app(), form.id).department])
      .toEqual(before);

    const g = service.call('doc/apply', {
      patches: [{ op: 'setMeta', field: 'layout', value: 'guangdong' }],
    });
    expect(g.ok).toBe(true);
    await page.reload();
    await page.getByTestId(`form-item-${form.id}`).click();
    await expect.poll(() => page.getByTestId('form-title').innerText()).toBe('项目绩效自评指标评分表');
    const shown = await labels.allInnerTexts();
    expect(shown).toContain('填报单位名称');
    expect(shown.filter((l) => l.endsWith('代码'))).toEqual([]);
  });

  it('湖南 自评表: 预算部门名称 alone, income and expense lines side by side, a line’s 全年执行数 typed', async () => {
    const { page, service } = app();
    const r = service.call('doc/apply', { patches: [{ op: 'setMeta', field: 'layout', value: 'hunan' }] });
    expect(r.ok).toBe(true);
    const dept = service.current?.document.forms.find((f) => f.kind === 'department');
    if (!dept) throw new Error('no department form');
    const cleared = service.call('doc/apply', {
      patches: (['department', 'departmentCode', 'unit', 'unitCode'] as const).map((field) => ({
        op: 'setForm' as const,
        formId: dept.id,
        field,
        value: '',
      })),
    });
    expect(cleared.ok).toBe(true);
    await page.reload();
    await page.getByTestId(`form-item-${dept.id}`).click();
    await expect
      .poll(() => page.locator('.header-fields .header-label').allInnerTexts())
      .toEqual(['预算部门名称']);
    const pairs = page.getByTestId('funds-pairs');
    await expect
      .poll(() => pairs.locator('.funds-pairs-heading').allInnerTexts())
      .toEqual(['按收入性质分：', '按支出性质分：']);
    await expect
      .poll(() => pairs.locator('.header-label').allInnerTexts())
      .toEqual([
        '一般公共预算：',
        '政府性基金拨款：',
        '纳入专户管理的非税收入：',
        '其他资金：',
        '其中：基本支出：',
        '项目支出：',
      ]);
    // The funds grid keeps the 年度资金总额 line only.
    await expect.poll(() => page.getByTestId('funds-grid').innerText()).toContain('年度资金总额');
    expect(await page.getByTestId('funds-grid').innerText()).not.toContain('一般公共预算');
    const index = serverForm(app(), dept.id).funds.rows.findIndex((row) => row.source === '一般公共预算');
    const box = page.getByTestId(`funds-pair-${index}`);
    // Another amount than the sample's 4643.58, so that the typing is a change.
    await box.fill('4600.5');
    await box.press('Enter');
    await expect.poll(() => serverForm(app(), dept.id).funds.rows[index]?.executed).toBe(4600.5);
    await expect.poll(() => box.inputValue()).toBe('4600.50');
    await page.locator('.form-view').screenshot({ path: 'test-output/screenshots/hunan-funds-pairs.png' });
    await page.getByTestId('undo').click();
    await expect
      .poll(() => serverForm(app(), dept.id).funds.rows[index]?.executed)
      .toBe(dept.funds.rows[index]?.executed ?? null);
  });
});
