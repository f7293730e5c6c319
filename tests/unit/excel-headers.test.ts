/**
 * The header fields some layouts print beyond name/department/unit and the 湖南 基础数据表, in real
 * .xlsx files on disk: 广东's 评价年度 … 是否如期实现预期总体目标 in their rows with merges, number
 * formats, fonts and borders; both come back identical (hidden data and cells); a 广东 form filled
 * by hand with two-row headers and shifted columns is read by its labels; 004's 基础数据表 as
 * printed. The 基础数据表 sheet itself is tested in excel-basic-data.test.ts.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importXlsx } from '../../electron/services/excel/import';
import { getLayout } from '../../shared/layouts/definitions';
import { formToJson } from '../../shared/model/interchange';
import type { Form } from '../../shared/model/types';
import {
  exportOrThrow,
  handFilledFile,
  imported,
  layoutDocument,
  layoutForm,
  readWorkbook,
  rowValues,
  rowWith,
  type CellRow,
  withoutHiddenData,
  writeRows,
} from '../support/excel';
import {
  GUANGDONG_FIRST_LINE,
  GUANGDONG_TITLES,
  hengyangBasicData,
  JIANGMEN_HEADER,
} from '../support/headers';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('ziping-excel-headers-');

/** 000 (江门) as printed. */
function jiangmen(): Form {
  const form = layoutForm('guangdong', 'project', 'f1', '江门市级环境保护专项资金');
  form.header = { ...JIANGMEN_HEADER };
  return form;
}

async function exportedSheet(form: Form, layout: 'guangdong' | 'hunan', name: string) {
  const file = join(tempDir(), `${name}.xlsx`);
  await exportOrThrow(layoutDocument(layout, [form]), file);
  const wb = await readWorkbook(file);
  return { file, wb, ws: wb.getWorksheet(form.projectName) as ExcelJS.Worksheet };
}

describe('广东 header fields in the export', () => {
  it('print as empty boxes when the form has none; other layouts print none of them', async () => {
    const { ws } = await exportedSheet(layoutForm('guangdong'), 'guangdong', '空表头');
    expect(rowValues(ws, rowWith(ws, '联系人', 2))).toEqual(['联系人', '联系电话', '联系邮箱']);
    const { ws: hunan } = await exportedSheet(layoutForm('hunan'), 'hunan', '湖南项目');
    expect(() => rowWith(hunan, '联系人')).toThrow();
    expect(() => rowWith(hunan, '部门整体支出绩效评价基础数据表')).toThrow();
  });
});

describe('round trips', () => {
  it('广东 header and 湖南 基础数据表 come back identical from the hidden data and from the cells', async () => {
    const dept = layoutForm('hunan', 'department', 'f1', '衡阳市生态环境局');
    dept.basicData = hengyangBasicData();
    const cases = [
      {
        layout: 'guangdong' as const,
        forms: [jiangmen(), layoutForm('guangdong', 'project', 'f2', '空表头项目')],
      },
      { layout: 'hunan' as const, forms: [dept] },
    ];
    for (const { layout, forms } of cases) {
      const doc = layoutDocument(layout, forms);
      const file = join(tempDir(), `往返-${layout}.xlsx`);
      await exportOrThrow(doc, file);
      const stored = await imported(file);
      expect(stored.forms.map((f) => formToJson(f.form, f.layout))).toEqual(
        forms.map((f) => formToJson(f, layout)),
      );
      await withoutHiddenData(await readWorkbook(file), file);
      const cells = await imported(file);
      expect(cells.report.forms.every((f) => f.from === 'cells')).toBe(true);
      expect(cells.report.problems.filter((p) => p.cell)).toEqual([]);
      expect(
        cells.forms.map((f) => [f.form.header, f.form.basicData, f.form.goals, f.form.funds.rows]),
      ).toEqual(forms.map((f) => [f.header, f.basicData, f.goals, printedFundsRows(f, layout)]));
    }
  });
});

/**
 * The funds rows as the sheet shows them: 004's 自评表 prints a grouped line's 全年执行数 only
 * (按收入性质分 / 按支出性质分 side by side), so its other amounts come back only from the hidden data.
 */
function printedFundsRows(form: Form, layout: 'guangdong' | 'hunan') {
  const sideBySide = getLayout(layout).kinds[form.kind].fundsGroupsSideBySide === true;
  return form.funds.rows.map((row) =>
    sideBySide && row.group ? { ...row, initialBudget: null, fullYearBudget: null } : row,
  );
}

/** 000 filled by hand: shifted to B2, labels with their values below or to the right. */
function guangdongByHand(ws: ExcelJS.Worksheet): void {
  const rows: CellRow[] = [
    ['项目绩效自评指标评分表'],
    ['填报单位名称：江门市生态环境局', '', '', '', '', '金额单位：万元'],
    ['项目名称', '', '评价年度', '', '评价金额'],
    ['江门市级环境保护专项资金', '', '2024年', '', '2181.86'],
    ['联系人', '联系电话', '', '联系邮箱'],
    ['伍毅敏', 3988041, '', 'sthjj_cwk@163.com'],
    ['项目级次', '二级项目'],
    ['实施文件依据'],
    ['市政府常务会议纪要（十五届（124）次）等'],
    ['资金情况（万元）', '资金来源', '预算计划安排', '实际分配下达', '实际支出金额', '支出率'],
    ['', '合计', 2181.86, 2181.86, 1209.25, '55.43%'],
    ['', '市本级', null, 1173.2, 586.25],
    ['', '转移支付至下级', null, 1008.66, 623],
    ['年度总体目标', '预期目标', '', '实际完成情况'],
    ['', '建立全市共73个镇（街）镇级环保巡查队伍巡查机制', '', '已建立'],
    ['是否如期实现预期总体目标', '', '是'],
    GUANGDONG_TITLES,
    GUANGDONG_FIRST_LINE,
    ['', '', '事项管理', 8, '监管有效性', 8, '', '有效', '有效', 8],
    ['合计：', '', '', '', '', 100, '', '', '', 20],
  ];
  writeRows(ws, rows, 2, 2);
  ws.mergeCells('B9:K9'); // 实施文件依据 alone on its row
  ws.mergeCells('B10:K10'); // its value merged right below
  ws.mergeCells('B15:B16'); // 年度总体目标 over the goal rows
  ws.mergeCells('B17:C17');
}

describe('a 广东 form filled by hand', () => {
  it('two-row headers and shifted columns are read by their labels', async () => {
    const file = await handFilledFile(tempDir(), '手填广东', guangdongByHand);
    const r = await importXlsx(file, { layout: 'guangdong' });
    if (!r.ok) throw new Error(r.error.message);
    const form = r.value.forms[0]?.form;
    expect(form).toMatchObject({
      projectName: '江门市级环境保护专项资金',
      unit: '江门市生态环境局',
      year: 2024,
      header: { ...JIANGMEN_HEADER, basisDocuments: '市政府常务会议纪要（十五届（124）次）等' },
      goals: { expected: '建立全市共73个镇（街）镇级环保巡查队伍巡查机制', actual: '已建立' },
    });
    expect(form?.funds.rows.map((row) => [row.source, row.fullYearBudget, row.executed])).toEqual([
      ['合计', 2181.86, 1209.25],
      ['市本级', 1173.2, 586.25],
      ['转移支付至下级', 1008.66, 623],
    ]);
    expect(form?.indicators.map((i) => [i.level1, i.level2, i.name])).toEqual([
      ['决策', '资金管理', '资金支出率'],
      ['决策', '事项管理', '监管有效性'],
    ]);
    expect(r.value.report.problems).toEqual([]);
  });
});

/** 000 as printed: funds and goals as labelled lines of 基本情况, 评价年度/评价金额 beside 项目名称. */
function guangdongAsPrinted(ws: ExcelJS.Worksheet): void {
  const rows: CellRow[] = [
    ['项目绩效自评指标评分表'],
    ['填报单位名称：江门市生态环境局', '', '', '', '', '', '', '金额单位：万元'],
    ['项目名称', '江门市级环境保护专项资金', '', '评价年度', '2024年', '评价金额', 2181.86],
    ['联系人', '伍毅敏', '', '联系电话', '3988041', '联系邮箱', 'sthjj_cwk@163.com'],
    ['项目级次', '二级项目'],
    ['实施文件依据', '市政府常务会议纪要（十五届（124）次）等'],
    ['基本情况', '资金情况', '资金安排情况', '预算计划安排', 2181.86],
    ['', '', '', '实际分配下达', '市本级', 1173.2, '转移支付至下级', 1008.66],
    ['', '', '资金使用情况', '实际支出金额', '市本级', 586.25, '转移支付至下级', 623],
    ['', '绩效目标情况', '预期总体目标', '建立全市共73个镇（街）镇级环保巡查队伍巡查机制'],
    ['', '', '是否如期实现预期总体目标', '是'],
    GUANGDONG_TITLES,
    GUANGDONG_FIRST_LINE,
    ['合计：', '', '', '', '', 100, '', '', '', 12],
  ];
  writeRows(ws, rows, 1, 1);
  ws.mergeCells('A7:A11'); // 基本情况
  ws.mergeCells('B7:B9'); // 资金情况
  ws.mergeCells('C7:C8'); // 资金安排情况
  ws.mergeCells('B10:B11'); // 绩效目标情况
}

describe('a 广东 form as printed (000)', () => {
  it('funds read from the labelled lines of 基本情况, totals summed; 预期总体目标 and the header by their labels', async () => {
    const file = await handFilledFile(tempDir(), '江门原样', guangdongAsPrinted);
    const r = await importXlsx(file, { layout: 'guangdong' });
    if (!r.ok) throw new Error(r.error.message);
    const form = r.value.forms[0]?.form;
    expect(
      form?.funds.rows.map((row) => [row.source, row.initialBudget, row.fullYearBudget, row.executed]),
    ).toEqual([
      ['合计', 2181.86, 2181.86, 1209.25],
      ['市本级', null, 1173.2, 586.25],
      ['转移支付至下级', null, 1008.66, 623],
    ]);
    expect(form?.goals.expected).toBe('建立全市共73个镇（街）镇级环保巡查队伍巡查机制');
    expect(form).toMatchObject({
      projectName: '江门市级环境保护专项资金',
      unit: '江门市生态环境局',
      header: { evaluationYear: '2024年', evaluationAmount: 2181.86, phone: '3988041', goalAchieved: '是' },
    });
    expect(r.value.report.problems).toEqual([]);
  });
});

/** 004's 基础数据表 as printed: its own sheet, values in every other column, some as text. */
function hengyangBasicSheet(ws: ExcelJS.Worksheet): void {
  const rows: CellRow[] = [
    ['基础数据表'],
    ['财政供养人员情况', '编制数', '', '2024年实际在职人数', '', '控制率'],
    ['', 166, '', 113, '', '68.07%'],
    ['经费控制情况(万元)', '2023年决算数', '', '2024年预算数', '', '2024年决算数'],
    ['三公经费', 82.73, '', 77, '', 35.32],
    ['2、出国经费', '', '', 3, '', 0],
    ['3、本级专项资金（一个专项一行）'],
    ['政府采购金额', '644.32', '', '', '', '1055.55'],
    [
      '楼堂馆所控制情况 (2024年完工项目)',
      '批复规模 (m ²)',
      '实际规模 (m ²)',
      '规模控制率',
      '预算投资 (万元)',
      '实际投资 (万元)',
      '投资概算控制率',
    ],
    ['', '0.00', '0.00'],
    ['厉行节约保障措施', '牢固树立过紧日子思想，厉行节约'],
  ];
  writeRows(ws, rows, 1, 1);
  ws.mergeCells('A2:A3');
  ws.mergeCells('A9:A10');
}

describe('a 湖南 基础数据表 on a sheet of its own (004)', () => {
  it('is read by its labels and joins the department form', async () => {
    const file = join(tempDir(), '衡阳手填.xlsx');
    await exportOrThrow(
      layoutDocument('hunan', [
        layoutForm('hunan', 'department', 'f1', '衡阳市生态环境局'),
        layoutForm('hunan'),
      ]),
      file,
    );
    const wb = await readWorkbook(file);
    hengyangBasicSheet(wb.addWorksheet('基础数据表'));
    await withoutHiddenData(wb, file);
    const r = await imported(file);
    expect(r.forms.map((f) => f.form.basicData ?? null)).toEqual([
      {
        authorizedStaff: 166,
        actualStaff: 113,
        spending: [
          { item: '三公经费', lastYearFinal: 82.73, budget: 77, final: 35.32 },
          { item: '2、出国经费', lastYearFinal: null, budget: 3, final: 0 },
          { item: '3、本级专项资金（一个专项一行）', lastYearFinal: null, budget: null, final: null },
          { item: '政府采购金额', lastYearFinal: 644.32, budget: null, final: 1055.55 },
        ],
        building: { approvedArea: 0, actualArea: 0, budgetInvestment: null, actualInvestment: null },
        savingMeasures: '牢固树立过紧日子思想，厉行节约',
      },
      null,
    ]);
    expect(r.report.skipped.map((s) => s.sheet)).not.toContain('基础数据表');
    expect(r.report.problems.filter((p) => p.sheet === '基础数据表')).toEqual([]);
  });
});
