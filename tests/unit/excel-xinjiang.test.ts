/**
 * 新疆 (昌吉, layout C) forms as forms.md describes them, read back with exceljs from real files:
 * the 单位整体支出绩效自评表 is a table of its own (单位名称 alone; 部门资金 上级/本级/其他/合计 with
 * 分值权重/执行率/得分 on the first row and “-” elsewhere, the rate that of 合计; its own indicator
 * columns; the narrative sections) and scores its funds by 合计; the project form prints 完成率 on
 * every line, the caption 年度绩效指标完成情况 and the total as 92.35分 without 等级. Import reads
 * the new shape and the department forms of the old shape (the project table).
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFormSheet } from '../../electron/services/excel/form-sheet';
import { DATA_SHEET } from '../../electron/services/excel/hidden-data';
import { getLayout } from '../../shared/layouts/definitions';
import type { KindLayout, LayoutDef } from '../../shared/layouts/types';
import { newForm } from '../../shared/model/factory';
import { formToJson } from '../../shared/model/interchange';
import { shownCompletionRate } from '../../shared/scoring/completion';
import { scoreForm } from '../../shared/scoring/form';
import type { IndicatorResult } from '../../shared/scoring/types';
import {
  exportOrThrow,
  imported,
  layoutDocument,
  layoutForm,
  readWorkbook,
  rowValues,
  rowWith,
} from '../support/excel';
import { useTempDir } from '../support/temp-dir';
import { changjiDepartmentForm, changjiProjectForm } from '../support/xinjiang';

const tempDir = useTempDir('ziping-excel-xinjiang-');
const XINJIANG = getLayout('xinjiang');

async function exportedSheets(name: string) {
  const doc = layoutDocument('xinjiang', [changjiDepartmentForm(), changjiProjectForm()]);
  const file = join(tempDir(), `${name}.xlsx`);
  await exportOrThrow(doc, file);
  const wb = await readWorkbook(file);
  const sheet = (n: string) => wb.getWorksheet(n) as ExcelJS.Worksheet;
  return { doc, file, wb, dept: sheet('昌吉州生态环境局'), project: sheet('大气污染防治') };
}

/** The column whose cell in row `r` is the master of a merged title. */
function columnOf(ws: ExcelJS.Worksheet, r: number, title: string): number {
  for (let c = 1; c <= ws.columnCount; c++) if (ws.getCell(r, c).value === title) return c;
  throw new Error(`no “${title}” in row ${r}`);
}

/** Column 1 of every row, top to bottom, each merged label once. */
function leftLabels(ws: ExcelJS.Worksheet): unknown[] {
  const out: unknown[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const cell = ws.getCell(r, 1);
    // A label cut at a page break is printed on both sides of it: listed once.
    if (cell.master.address === cell.address && cell.value !== null && out.at(-1) !== cell.value)
      out.push(cell.value);
  }
  return out;
}

/** The rows that cells of column `col` showing `value` cover (merged pieces on both sides of breaks). */
function rowsShowing(ws: ExcelJS.Worksheet, col: number, value: unknown): number[] {
  const rows: number[] = [];
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, col).master.value === value) rows.push(r);
  return rows;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('新疆 单位整体支出绩效自评表: scoring', () => {
  it('the execution rate is that of 合计 (printed last), cut to two decimals', () => {
    const form = changjiDepartmentForm();
    const result = scoreForm(form, XINJIANG);
    // 合计 420 / 440, not 上级资金's 110 / 120.
    expect(result.execution.rate).toBeCloseTo(420 / 440, 12);
    expect(result.execution.suggested).toBe(9.54);
    // A missing 合计 budget is reported on the 合计 row; the amounts of the other rows do not stand in.
    const row = form.funds.rows[3];
    if (row) row.fullYearBudget = null;
    const after = scoreForm(form, XINJIANG);
    expect(after.execution.rate).toBeNull();
    expect(after.findings).toContainEqual(
      expect.objectContaining({ code: 'budget-missing', section: 'funds', row: 3, field: 'fullYearBudget' }),
    );
    expect(after.findings.find((f) => f.code === 'budget-missing')?.message).toContain('“合计”');
  });

  it('a manual execution score without a reason is reported where the score is shown: the first row', () => {
    const form = changjiDepartmentForm();
    form.funds.score = 8;
    const result = scoreForm(form, XINJIANG);
    expect(result.findings).toContainEqual(
      expect.objectContaining({ code: 'manual-no-reason', section: 'funds', row: 0, field: 'scoreReason' }),
    );
  });

  it('a department form of the old shape (年度资金总额 first) still scores by its first row', () => {
    const form = newForm('f1', 'national', 'department', 2024, '昌吉州生态环境局');
    const [total, income] = form.funds.rows;
    Object.assign(total ?? {}, { fullYearBudget: 200, executed: 190 });
    Object.assign(income ?? {}, { fullYearBudget: 100, executed: 50 });
    expect(scoreForm(form, XINJIANG).execution.rate).toBeCloseTo(0.95, 12);
  });
});

describe('新疆 单位整体支出绩效自评表: the exported sheet', () => {
  it('its own labels in order: title, year, 单位名称 alone, 部门资金, goals, indicators, 总分, the sections', async () => {
    const { dept } = await exportedSheets('单位整体-标签');
    expect(leftLabels(dept)).toEqual([
      '单位整体支出绩效自评表',
      '（2024年度）',
      '金额单位：万元',
      '单位名称',
      '部门资金（万元）',
      '年度总体目标',
      '绩效指标',
      '总分',
      '基本情况',
      '整体支出情况',
      '自评结论',
      '存在问题',
      '改进措施',
    ]);
    expect(dept.getCell(rowWith(dept, '单位名称'), 2).value).toBe('昌吉州生态环境局');
    const everything = JSON.stringify(
      Array.from({ length: dept.rowCount }, (_, i) => rowValues(dept, i + 1)),
    );
    for (const absent of ['主管部门', '实施单位', '等级', '偏差原因', '业绩值', '赋分规则'])
      expect(everything).not.toContain(absent);
  });

  it('部门资金: its columns, rows 上级/本级/其他/合计; 分值权重, 执行率, 得分 on the first row, “-” elsewhere', async () => {
    const { dept } = await exportedSheets('单位整体-资金');
    const header = rowWith(dept, '部门资金（万元）');
    expect(rowValues(dept, header)).toEqual([
      '部门资金（万元）',
      '资金来源',
      '年初预算数',
      '全年预算数',
      '全年执行数',
      '分值权重',
      '执行率',
      '得分',
    ]);
    expect(dept.model.merges).toContain(`A${header}:A${header + 4}`);
    const rows = [1, 2, 3, 4].map((i) => rowValues(dept, header + i));
    expect(rows).toEqual([
      ['上级资金', 120, 120, 110, 10, 420 / 440, 9.54],
      ['本级资金', 300, 320, 310, '-', '-', '-'],
      ['其他资金', 0, 0, 0, '-', '-', '-'],
      ['合计', 420, 440, 420, '-', '-', '-'],
    ]);
    expect(dept.getCell(header + 1, columnOf(dept, header, '执行率')).numFmt).toBe('0.00%');
    expect(rowValues(dept, header + 5)).toEqual(['年度总体目标', '预期目标', '实际完成情况']);
  });

  it('indicator table: its columns in order, 履职效能 merged over its four lines, 总分 | 100 | the total', async () => {
    const { dept, doc } = await exportedSheets('单位整体-指标');
    const form = doc.forms[0];
    if (!form) throw new Error('no form');
    const result = scoreForm(form, XINJIANG);
    const header = rowWith(dept, '绩效指标');
    expect(rowValues(dept, header)).toEqual([
      '绩效指标',
      '一级指标',
      '二级指标',
      '三级指标',
      '预期指标值',
      '指标值设定依据',
      '分值权重',
      '实际完成指标值',
      '得分',
    ]);
    // The caption down the whole table and 履职效能 down its four lines, cut where a page begins.
    const lineRows = form.indicators.map((ind) => rowsShowing(dept, 4, ind.name)[0] as number);
    expect(rowsShowing(dept, 1, '绩效指标')).toEqual(range(header, lineRows.at(-1) as number));
    expect(rowsShowing(dept, 2, '履职效能')).toEqual(lineRows.slice(0, 4));
    expect(rowValues(dept, header + 1)).toEqual([
      '履职效能',
      '数量指标',
      '开展执法检查次数',
      '>=120次',
      form.indicators[0]?.basis,
      20,
      '=136次',
      result.indicators[0]?.final,
    ]);
    const total = rowWith(dept, '总分');
    expect(total).toBe((lineRows.at(-1) as number) + 1);
    expect(rowValues(dept, total)).toEqual(['总分', 100, result.total]);
    expect(dept.getCell(total, 7).value).toBe(100); // under 分值权重
    expect(dept.getCell(total, 9).value).toBe(result.total); // under 得分
  });
});

describe('新疆 project form: the exported sheet', () => {
  it('caption 年度绩效指标完成情况; 完成率 on every line, time and qualitative lines 100%', async () => {
    const { project } = await exportedSheets('项目-完成率');
    const header = rowWith(project, '年度绩效指标完成情况');
    expect(() => rowWith(project, '绩效指标')).toThrow();
    const rateCol = rowValues(project, header).indexOf('完成率') + 1;
    const rates = [1, 2, 3, 4, 5].map((i) => project.getCell(header + i, rateCol).value);
    expect(rates[0]).toBeCloseTo(1.2, 12);
    expect(rates[1]).toBeCloseTo(100 / 95, 12);
    expect(rates.slice(2, 4)).toEqual([1, 1]); // 10月底前 met; 达成预期指标
    expect(rates[4]).toBeCloseTo(95 / 90, 12);
    for (let i = 1; i <= 5; i++) expect(project.getCell(header + i, rateCol).numFmt).toBe('0.00%');
  });

  it('total row: 总分 | 100 under 权重 | the total as 92.35分 under 指标得分, no 等级', async () => {
    const { project, doc } = await exportedSheets('项目-总分');
    const result = scoreForm(doc.forms[1] ?? newForm('x', 'xinjiang', 'project', 2024), XINJIANG);
    const header = rowWith(project, '年度绩效指标完成情况');
    const total = rowWith(project, '总分');
    expect(project.getCell(total, columnOf(project, header, '权重')).value).toBe(100);
    const score = project.getCell(total, columnOf(project, header, '指标得分'));
    expect([score.value, score.numFmt]).toEqual([result.total, '0.00"分"']);
    // Nothing else: the cells between and after are blank (no 等级).
    expect(rowValues(project, total)).toEqual(['总分', 100, result.total]);
    expect(project.model.merges).toContain(`A${total}:D${total}`);
  });
});

describe('shownCompletionRate', () => {
  const line = (over: Partial<IndicatorResult>): IndicatorResult => ({
    id: 'i1',
    weight: 10,
    suggested: null,
    final: 0,
    manual: false,
    explanation: '',
    method: 'none',
    completionRate: null,
    tier: null,
    flags: [],
    ...over,
  });
  it('is 实际/指标值 where both are numbers; met 100%, not met 0%, partly met the share earned', () => {
    expect(shownCompletionRate(line({ completionRate: 1.0526 }))).toBe(1.0526);
    expect(shownCompletionRate(line({ method: 'time', suggested: 10, final: 10 }))).toBe(1);
    expect(shownCompletionRate(line({ method: 'tier', tier: '达成', suggested: 9, final: 9 }))).toBe(1);
    expect(shownCompletionRate(line({ method: 'tier', tier: '未达成', suggested: 6, final: 6 }))).toBe(0);
    expect(shownCompletionRate(line({ method: 'tier', tier: '部分达成', suggested: 7, final: 7 }))).toBe(0.7);
    expect(shownCompletionRate(line({ method: 'zero', suggested: 0 }))).toBe(0);
    // Not judged yet (逾期, 无法比较): nothing to print.
    expect(shownCompletionRate(line({ method: 'time', flags: ['late'] }))).toBeNull();
  });
});

describe('新疆 单位整体 form: import', () => {
  it('our export comes back identical; read from its cells (no hidden data) it is the same form', async () => {
    const { doc, file, wb } = await exportedSheets('单位整体-往返');
    const back = await imported(file);
    expect(back.forms.map((f) => formToJson(f.form, f.layout))).toEqual(
      doc.forms.map((f) => formToJson(f, 'xinjiang')),
    );
    wb.removeWorksheet((wb.getWorksheet(DATA_SHEET) as ExcelJS.Worksheet).id);
    const cellsFile = join(tempDir(), '单位整体-无隐藏数据.xlsx');
    await wb.xlsx.writeFile(cellsFile);
    const read = await imported(cellsFile);
    expect(read.report.problems).toEqual([]);
    const f = read.forms[0];
    const original = doc.forms[0];
    if (!f || !original) throw new Error('no form');
    expect([f.layout, f.form.kind, f.form.projectName, f.form.year]).toEqual([
      'xinjiang',
      'department',
      '昌吉州生态环境局',
      2024,
    ]);
    expect(f.form.funds.rows).toEqual(original.funds.rows);
    expect([f.form.funds.weight, f.form.funds.printedRate, f.form.funds.printedScore]).toEqual([
      10,
      420 / 440,
      9.54,
    ]);
    const fields = (i: {
      level1: string;
      level2: string;
      name: string;
      target: string;
      basis: string;
      actual: string;
      weight: number | null;
    }) => [i.level1, i.level2, i.name, i.target, i.basis, i.actual, i.weight];
    expect(f.form.indicators.map(fields)).toEqual(original.indicators.map(fields));
    expect(f.form.goals).toEqual(original.goals);
    expect(f.form.analysis).toEqual(original.analysis);
    expect(f.form.printedTotal).toBe(scoreForm(original, XINJIANG).total);
    expect(scoreForm(f.form, XINJIANG).total).toBe(scoreForm(original, XINJIANG).total);
  });

  it('edited in Excel: what the sheet does not print (偏差原因) comes back from the hidden data', async () => {
    const form = changjiDepartmentForm();
    form.funds.deviationReason = '部分项目资金年底下达';
    const first = form.indicators[0];
    if (first) first.deviationReason = '执法任务增加';
    const file = join(tempDir(), '单位整体-改过.xlsx');
    await exportOrThrow(layoutDocument('xinjiang', [form]), file);
    const wb = await readWorkbook(file);
    const ws = wb.getWorksheet('昌吉州生态环境局') as ExcelJS.Worksheet;
    ws.getCell(rowWith(ws, '绩效指标') + 1, 8).value = '=130次';
    await wb.xlsx.writeFile(file);
    const back = await imported(file);
    expect(back.report.forms.map((f) => f.from)).toEqual(['cells']);
    const read = back.forms[0]?.form;
    expect(read?.indicators[0]).toMatchObject({ actual: '=130次', deviationReason: '执法任务增加' });
    expect(read?.funds.deviationReason).toBe('部分项目资金年底下达');
  });

  it('a department form of the old shape (the project table) still imports, from its cells and from the hidden data', async () => {
    // The old code path: the project table with 年度资金总额 and the grouped rows of layout A's department form.
    const national = getLayout('national').kinds.department;
    const oldDepartment: KindLayout = {
      title: '单位整体支出绩效自评表',
      indicatorColumns: XINJIANG.kinds.project.indicatorColumns,
      fundsColumns: XINJIANG.kinds.project.fundsColumns,
      fundsRows: national.fundsRows,
      analysisTitles: national.analysisTitles,
      levels: national.levels,
      checkSplit: false,
    };
    const oldLayout: LayoutDef = {
      ...XINJIANG,
      printsGrade: true,
      kinds: { ...XINJIANG.kinds, department: oldDepartment },
    };
    const form = layoutForm('national', 'department', 'f1', '昌吉州生态环境局');
    form.indicators.forEach((ind) => (ind.ruleText = ''));
    const wb = new ExcelJS.Workbook();
    const result = scoreForm(form, oldLayout);
    writeFormSheet(wb.addWorksheet('旧表'), { form, layout: oldLayout, result, draft: false });
    const file = join(tempDir(), '单位整体-旧表.xlsx');
    await wb.xlsx.writeFile(file);
    const read = await imported(file);
    expect(read.report.problems).toEqual([]);
    const f = read.forms[0];
    if (!f) throw new Error('no form');
    expect([f.layout, f.form.kind, f.form.projectName, f.form.department, f.form.unit]).toEqual([
      'xinjiang',
      'department',
      '昌吉州生态环境局',
      form.department,
      form.unit,
    ]);
    expect(f.form.funds.rows.map((r) => [r.source, r.fullYearBudget, r.executed])).toEqual(
      form.funds.rows.map((r) => [r.source, r.fullYearBudget, r.executed]),
    );
    expect(f.form.indicators.map((i) => [i.name, i.target, i.actual, i.weight, i.basis, i.lastYear])).toEqual(
      form.indicators.map((i) => [i.name, i.target, i.actual, i.weight, i.basis, i.lastYear]),
    );
    expect(f.form.printedTotal).toBe(result.total);
    expect(f.form.printedGrade).toBe(result.grade);
    // Scored in the new layout by its first row (年度资金总额), as before.
    expect(scoreForm(f.form, XINJIANG).execution.rate).toBeCloseTo(result.execution.rate as number, 12);

    // A document holding such a form exports and comes back identical through the hidden data.
    const oldFile = join(tempDir(), '单位整体-旧数据.xlsx');
    const doc = layoutDocument('xinjiang', [form]);
    await exportOrThrow(doc, oldFile);
    const stored = await imported(oldFile);
    expect(stored.report.forms.map((s) => s.from)).toEqual(['stored']);
    expect(stored.forms.map((s) => formToJson(s.form, s.layout))).toEqual([formToJson(form, 'xinjiang')]);
  });
});
