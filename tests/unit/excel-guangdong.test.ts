/**
 * Layout E (广东, 江门) in its printed arrangement of 000, read back from real .xlsx files: the title
 * alone, the 填报单位名称 line, the 基本情况 block (header fields, funds as labelled lines by level,
 * goals), the indicator table with 评价指标 over 名称 | 权重(%) of each level and 一级/二级 merged
 * over exactly their rows, the 合计 row, the closing texts; values, merges, number formats, fonts,
 * borders and page set-up cell by cell. Then what 000 does not print but a form may hold, the
 * round trips, and a workbook filled by hand in that arrangement.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importXlsx } from '../../electron/services/excel/import';
import { getLayout } from '../../shared/layouts/definitions';
import { formToJson } from '../../shared/model/interchange';
import type { Form } from '../../shared/model/types';
import { scoreForm } from '../../shared/scoring/form';
import {
  expectPrintSetup,
  exportOrThrow,
  handFilledFile,
  imported,
  layoutDocument,
  layoutForm,
  readWorkbook,
  rowValues,
  type CellRow,
  withoutHiddenData,
  writeRows,
} from '../support/excel';
import { JIANGMEN_HEADER, jiangmenForm } from '../support/headers';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('ziping-excel-guangdong-');
const layout = getLayout('guangdong');

async function exportedSheet(forms: Form[], name: string) {
  const file = join(tempDir(), `${name}.xlsx`);
  await exportOrThrow(layoutDocument('guangdong', forms), file);
  const wb = await readWorkbook(file);
  const ws = wb.getWorksheet(forms[0]?.projectName ?? '') as ExcelJS.Worksheet;
  return { file, wb, ws };
}

/** The form as read from cells, less what the print records as printed (checked elsewhere). */
function withoutPrinted(form: Form): unknown {
  const json = formToJson(form, 'guangdong') as Record<string, unknown> & {
    indicators: Array<Record<string, unknown>>;
    funds: Record<string, unknown>;
  };
  delete json.printedTotal;
  delete json.funds.printedRate;
  for (const ind of json.indicators) delete ind.printedScore;
  return json;
}

/** The first row of the sheet with this exact text in column `col`. */
function rowAt(ws: ExcelJS.Worksheet, text: string, col: number): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, col).value === text) return r;
  throw new Error(`no “${text}” in column ${col}`);
}

const allText = (ws: ExcelJS.Worksheet) => {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && out.push(c.value))));
  return out.join('\n');
};

describe('a 广东 form exported as 000 prints it', () => {
  const form = jiangmenForm();
  const result = scoreForm(form, layout);
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    ws = (await exportedSheet([form], '江门')).ws;
  });

  it('title alone, then 填报单位名称 and 金额单位 on one unframed line; no year line, no 主管部门', () => {
    expect(ws.columnCount).toBe(13);
    expect(rowValues(ws, 1)).toEqual(['项目绩效自评指标评分表']);
    expect(ws.getCell('A1').font).toMatchObject({ name: '宋体', size: 18, bold: true });
    expect(rowValues(ws, 2)).toEqual(['填报单位名称：江门市生态环境局', '金额单位：万元']);
    expect(ws.model.merges).toEqual(expect.arrayContaining(['A1:M1', 'A2:G2', 'H2:M2']));
    expect(ws.getCell('A2').font).toMatchObject({ name: '仿宋', size: 12 });
    expect(ws.getCell('H2').alignment?.horizontal).toBe('right');
    expect(ws.getCell('A2').border?.bottom).toBeUndefined();
    const text = allText(ws);
    expect(text).not.toContain('年度）');
    expect(text).not.toContain('主管部门：');
    expect(text).not.toContain('实际完成情况');
  });

  it('基本情况: header fields by label, funds by level as 000 prints them, goals', () => {
    expect(rowValues(ws, 3)).toEqual([
      '基本情况',
      '项目名称',
      '江门市级环境保护专项资金',
      '评价年度',
      '2024年',
      '评价金额',
      2181.86,
    ]);
    expect(rowValues(ws, 4)).toEqual([
      '联系人',
      '伍毅敏',
      '联系电话',
      '3988041',
      '联系邮箱',
      'sthjj_cwk@163.com',
    ]);
    expect(rowValues(ws, 5)).toEqual(['项目级次', '二级项目']);
    expect(rowValues(ws, 6)).toEqual(['实施文件依据', JIANGMEN_HEADER.basisDocuments]);
    expect(rowValues(ws, 7)).toEqual(['资金情况', '资金安排情况', '预算计划安排', 2181.86]);
    expect(rowValues(ws, 8)).toEqual(['实际分配下达', '市本级', 1173.2, '转移支付至下级', 1008.66]);
    expect(rowValues(ws, 9)).toEqual([
      '资金使用情况',
      '实际支出金额',
      '市本级',
      586.25,
      '转移支付至下级',
      623,
    ]);
    expect(rowValues(ws, 10)).toEqual(['绩效目标情况', '预期总体目标', form.goals.expected]);
    expect(rowValues(ws, 11)).toEqual(['是否如期实现预期总体目标', '是']);
    expect(ws.model.merges).toEqual(
      expect.arrayContaining([
        'A3:A11', // 基本情况 down the whole block
        'B3:C3',
        'D3:G3',
        'I3:J3',
        'L3:M3',
        'D5:M5',
        'D6:M6',
        'B7:C9', // 资金情况
        'D7:E8', // 资金安排情况 over its two lines
        'H7:M7', // 预算计划安排: the total alone
        'I8:J8',
        'L8:M8',
        'B10:C11', // 绩效目标情况
        'D11:G11',
        'H10:M10',
      ]),
    );
    for (const [r, c] of [
      [3, 12],
      [7, 8],
      [8, 9],
      [8, 12],
      [9, 9],
      [9, 12],
    ] as const)
      expect(ws.getCell(r, c).numFmt).toBe('0.00');
    const phone = ws.getCell('I4');
    expect([phone.value, phone.numFmt, phone.type]).toEqual(['3988041', '@', ExcelJS.ValueType.String]);
    expect(ws.getCell('H10').font).toMatchObject({ name: '仿宋', size: 11 });
    expect(ws.getCell('H10').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    for (const r of [3, 7, 11])
      expect(ws.getCell(r, 2).font).toMatchObject({ name: '宋体', size: 10, bold: true });
    for (let r = 3; r <= 11; r++)
      for (let c = 1; c <= 13; c++) expect(ws.getCell(r, c).border?.left?.style, `${r},${c}`).toBe('thin');
  });

  it('indicator table: 评价指标 over 名称 | 权重(%) of each level, the other titles down three rows', () => {
    expect(rowValues(ws, 12)).toEqual([
      '指标评分表',
      '评价指标',
      '评分标准',
      '参考佐证材料\n（说明：本栏为参考佐证材料，部门提供材料能证明对应指标即可，不用全部提供。）',
      '评价年度预期值',
      '评价年度实现值',
      '自评分数',
      '未达标原因分析',
    ]);
    expect(rowValues(ws, 13)).toEqual(['一级指标', '二级指标', '三级指标']);
    expect(rowValues(ws, 14)).toEqual(['名称', '权重(%)', '名称', '权重(%)', '名称', '权重(%)']);
    expect(ws.model.merges).toEqual(
      expect.arrayContaining(['B12:G12', 'B13:C13', 'D13:E13', 'F13:G13', 'A12:A16', 'A17:A28']),
    );
    // A4 landscape holds the first two lines: the header begins the second page again (rows 17–19).
    for (const r of [0, 1, 2]) expect(rowValues(ws, 17 + r)).toEqual(rowValues(ws, 12 + r));
    for (const col of 'HIJKLM') expect(ws.model.merges).toContain(`${col}12:${col}14`);
    const heights = [12, 13, 14].map((r) => ws.getRow(r).height ?? 0);
    expect(heights.reduce((s, h) => s + h, 0)).toBeGreaterThanOrEqual(70); // the note shows
    for (const r of [12, 13, 14])
      expect(ws.getCell(r, 2).font).toMatchObject({ name: '宋体', size: 10, bold: true });
  });

  it('lines: values by column, 一级/二级 names and weights merged over exactly their rows, formats', () => {
    // Lines on rows 15–16, then (after the header again, rows 17–19) 20–28.
    form.indicators.forEach((ind, i) => {
      const r = i < 2 ? 15 + i : 18 + i;
      const line = result.indicators[i];
      const cell = (c: number) => ws.getCell(r, c);
      expect([cell(6).value, cell(6).numFmt]).toEqual([ind.name, '@']);
      // 产出 shares its 二级 weights out (数量指标 over two lines): 000's text down its 三级 weights.
      if (ind.level1 === '产出') expect(cell(7).value).toBe('各项指标权重=40/指标总数');
      else expect([cell(7).value, cell(7).numFmt ?? 'General']).toEqual([line?.weight, 'General']);
      expect([cell(10).value, cell(11).value]).toEqual([ind.target, ind.actual]);
      expect([cell(12).value, cell(12).numFmt]).toEqual([line?.final, '0.00']);
      expect(cell(8).value).toBe(ind.ruleText);
      expect(cell(9).value).toBe(ind.evidence);
      expect(cell(6).font).toMatchObject({ name: '宋体', size: 10 });
      for (let c = 1; c <= 13; c++) expect(cell(c).border?.right?.style).toBe('thin');
    });
    expect(ws.getCell('M15').value).toBe('因财政财力紧张影响，资金支出率偏低');
    expect([ws.getCell('L15').value, ws.getCell('G15').value]).toEqual([6.65, 12]);
    // 决策 rows 15–16, 产出 20–24, 效益 25–28; 二级 数量指标 20–21; the weights with their names.
    expect(ws.model.merges).toEqual(
      expect.arrayContaining([
        'B15:B16',
        'C15:C16',
        'B20:B24',
        'C20:C24',
        'B25:B28',
        'C25:C28',
        'D20:D21',
        'E20:E21',
      ]),
    );
    expect([ws.getCell('C15').value, ws.getCell('C20').value, ws.getCell('E20').value]).toEqual([20, 40, 12]);
    // Of the 二级 columns only 数量指标 (two lines) is merged among the lines.
    const lineRow = (m: string) => Number(/\d+/.exec(m)?.[0]);
    const twoLevel = ws.model.merges.filter((m) => /^[DE]\d/.test(m) && lineRow(m) >= 20 && lineRow(m) <= 28);
    expect(twoLevel).toEqual(['D20:D21', 'E20:E21']);
    // One 评分标准 and one 参考佐证材料 for the consecutive lines of a 一级指标 that share them.
    expect(ws.model.merges).toEqual(expect.arrayContaining(['I15:I16', 'H20:H24', 'I20:I24', 'H25:H28']));
    expect(ws.model.merges).not.toContain('H15:H16');
    // The 三级 weight: one cell down 产出's lines; 决策 and 效益 (one line a 二级) print numbers.
    expect(ws.model.merges).toContain('G20:G24');
    expect(ws.model.merges.filter((m) => m.startsWith('G') && lineRow(m) >= 15 && lineRow(m) <= 28)).toEqual([
      'G20:G24',
    ]);
  });

  it('合计: the sums under the three weight columns and the total score, no 等级', () => {
    expect(rowValues(ws, 29)).toEqual(['合计：', 100, 100, result.weightTotal, result.total]);
    expect(ws.model.merges).toContain('A29:B29');
    expect([ws.getCell('C29').value, ws.getCell('E29').value, ws.getCell('G29').value]).toEqual([
      100, 100, 100,
    ]);
    expect([ws.getCell('L29').value, ws.getCell('L29').numFmt]).toEqual([94.65, '0.00']);
    expect(allText(ws)).not.toContain('等级');
  });

  it('the closing texts follow, 到期资金 with its prompt for the next years; no 备注', () => {
    expect(rowValues(ws, 30)).toEqual(['资金完成绩效目标情况', form.analysis['资金完成绩效目标情况']]);
    expect(rowValues(ws, 33)).toEqual(['改进意见', '无']);
    expect(rowValues(ws, 34)).toEqual([
      '到期资金\n2025年及后续年度资金需求情况（含测算依据、测算明细和说明）。（如有政策项目延续专家论证意见、需求调查报告、风险评估报告、比对方案等有关资料，请作为附件提供）',
    ]);
    expect(ws.model.merges).toEqual(expect.arrayContaining(['A34:C34', 'D34:M34']));
    expect(ws.getRow(34).height).toBeGreaterThan(40);
    expect(ws.rowCount).toBe(34);
  });

  it('prints on A4 landscape, one page wide, the three title rows printed again by the sheet, not as print titles', () => {
    expectPrintSetup(ws, 'landscape', undefined);
  });
});

describe('what 000 does not print, printed only when a form has it', () => {
  it('主管部门, 实际完成情况, funds levels that do not add up to the total, funds rows of another shape', async () => {
    const odd = jiangmenForm();
    odd.department = '江门市人民政府';
    odd.departmentCode = '101';
    odd.goals.actual = '已建立73支巡查队伍。';
    const [total, city] = odd.funds.rows;
    if (total && city) {
      total.executed = 1300;
      city.initialBudget = 1000;
    }
    const other = jiangmenForm('f2');
    other.projectName = '另一项目';
    other.funds.rows.push({ ...(other.funds.rows[1] as Form['funds']['rows'][number]), source: '其他资金' });
    const { ws, wb, file } = await exportedSheet([odd, other], '多出的');
    expect(rowValues(ws, 2)).toEqual([
      '填报单位名称：江门市生态环境局',
      '主管部门：101-江门市人民政府',
      '金额单位：万元',
    ]);
    expect(rowValues(ws, rowAt(ws, '预算计划安排', 6))).toEqual(
      [
        '资金情况',
        '资金安排情况',
        '预算计划安排',
        '合计',
        2181.86,
        '市本级',
        1000,
        '转移支付至下级',
        null,
      ].filter((v) => v !== null),
    );
    expect(rowValues(ws, rowAt(ws, '实际支出金额', 6)).slice(-6)).toEqual([
      '合计',
      1300,
      '市本级',
      586.25,
      '转移支付至下级',
      623,
    ]);
    const actual = rowAt(ws, '实际完成情况', 4);
    expect(rowValues(ws, actual)).toEqual(['实际完成情况', '已建立73支巡查队伍。']);
    expect(actual).toBe(rowAt(ws, '预期总体目标', 4) + 1);
    // Four funds rows do not fit the lines: the funds table follows the block.
    const ws2 = wb.getWorksheet('另一项目') as ExcelJS.Worksheet;
    expect(() => rowAt(ws2, '资金安排情况', 4)).toThrow();
    const table = rowAt(ws2, '资金情况（万元）', 1);
    expect(table).toBeGreaterThan(rowAt(ws2, '是否如期实现预期总体目标', 4));
    expect(rowValues(ws2, table + 4).slice(0, 3)).toEqual(['其他资金', 1173.2, 586.25]);

    await withoutHiddenData(wb, file);
    const back = await imported(file);
    expect(back.report.problems).toEqual([]);
    expect(back.forms.map((f) => withoutPrinted(f.form))).toEqual([odd, other].map((f) => withoutPrinted(f)));
  });
});

describe('round trips of 广东 forms', () => {
  it('our export comes back identical from the hidden data and, without it, from the cells', async () => {
    const forms = [jiangmenForm(), layoutForm('guangdong', 'department', 'f2', '江门市生态环境局')];
    // What the layout does not print is left out; weights are the split of their 二级 weight but
    // one (a typed weight unlike the split stays); an actual value the rules can read.
    const dept = forms[1] as Form;
    dept.indicators.forEach((ind, i) =>
      Object.assign(ind, {
        score: null,
        scoreReason: '',
        targetInitial: '',
        basis: '',
        lastYear: '',
        qualitativeNote: '',
        weight: i === 3 ? 15 : null,
      }),
    );
    (dept.indicators[1] as Form['indicators'][number]).actual = '6辆';
    dept.funds.deviationReason = '';
    dept.header = { evaluationYear: '2024年' };
    const { wb, file } = await exportedSheet(forms, '往返');
    const stored = await imported(file);
    expect(stored.report.forms.map((f) => f.from)).toEqual(['stored', 'stored']);
    expect(stored.forms.map((f) => formToJson(f.form, f.layout))).toEqual(
      forms.map((f) => formToJson(f, 'guangdong')),
    );
    await withoutHiddenData(wb, file);
    const cells = await imported(file);
    expect(cells.report.forms.map((f) => [f.from, f.indicators, f.fundsRows])).toEqual([
      ['cells', 11, 3],
      ['cells', 5, 3],
    ]);
    expect(cells.report.problems).toEqual([]);
    expect(cells.forms.map((f) => f.layout)).toEqual(['guangdong', 'guangdong']);
    expect(cells.forms.map((f) => withoutPrinted(f.form))).toEqual(forms.map(withoutPrinted));
    expect(cells.forms[0]?.form.printedTotal).toBe(scoreForm(forms[0] as Form, layout).total);
  });
});

/**
 * 000's arrangement typed by hand: shifted to C3, blank rows in between, 评价指标 over a
 * 一级/二级/三级指标 row and a 名称 | 权重(%) row (titles not merged, 评分标准 … only in the top
 * row), 一级/二级 written once, numbers partly as text.
 */
function byHand(ws: ExcelJS.Worksheet): void {
  const rows: CellRow[] = [
    ['项目绩效自评指标评分表'],
    ['填报单位名称：江门市生态环境局', '', '', '', '', '', '', '金额单位：万元'],
    ['基本情况', '项目名称', '江门市级环境保护专项资金', '评价年度', '2024年', '评价金额', '2181.86'],
    ['', '联系人', '伍毅敏', '联系电话', 3988041, '联系邮箱', 'sthjj_cwk@163.com'],
    [],
    ['', '项目级次', '二级项目'],
    ['', '实施文件依据', '市政府常务会议纪要（十五届（124）次）'],
    ['', '资金情况', '资金安排情况', '预算计划安排', 2181.86],
    ['', '', '', '实际分配下达', '市本级', '1173.20', '转移支付至下级', 1008.66],
    ['', '', '资金使用情况', '实际支出金额', '市本级', 586.25, '转移支付至下级', 623],
    ['', '绩效目标情况', '预期总体目标', '建立全市共73个镇（街）镇级环保巡查队伍巡查机制'],
    ['', '', '是否如期实现预期总体目标', '是'],
    [],
    [
      '指标评分表',
      '评价指标',
      '',
      '',
      '',
      '',
      '',
      '评分标准',
      '参考佐证材料（说明：本栏为参考佐证材料，部门提供材料能证明对应指标即可，不用全部提供。）',
      '评价年度预期值',
      '评价年度实现值',
      '自评分数',
      '未达标原因分析',
    ],
    ['', '一级指标', '', '二级指标', '', '三级指标'],
    ['', '名称', '权重(%)', '名称', '权重(%)', '名称', '权重(%)'],
    [
      '',
      '决策',
      20,
      '资金管理',
      12,
      '资金支出率',
      12,
      '支付额/预算额度',
      '预算执行通报',
      '100%',
      '55.43%',
      12,
      '财力紧张',
    ],
    ['', '', '', '事项管理', 8, '监管有效性', 8, '按规定检查', '检查报告', '有效', '有效', 8],
    [],
    ['', '产出', 40, '数量指标', 40, '核查产废单位数量', 20, '定量指标', '工作总结', '260', '260', 20],
    ['', '', '', '', '', '出具污染源监督性监测报告', 20, '定量指标', '工作总结', '不少于200份', '254份', 20],
    ['合计：', '', 60, '', 60, '', 60, '', '', '', '', 60],
    ['资金使用绩效', '资金支出1209.25万元'],
    ['存在的问题', '无'],
  ];
  writeRows(ws, rows, 3, 3);
  ws.mergeCells('C5:C14'); // 基本情况
  ws.mergeCells('D10:D12'); // 资金情况
  ws.mergeCells('E10:E11'); // 资金安排情况
  ws.mergeCells('D13:D14'); // 绩效目标情况
}

describe('a 广东 workbook filled by hand in 000’s arrangement', () => {
  it('a 一级 whose 三级 weights read 各项指标权重=40/指标总数 takes the split; the older note is understood', async () => {
    const file = await handFilledFile(tempDir(), '手填000权重', (ws) => {
      byHand(ws);
      // 产出's two lines (rows 22–23, 三级 权重 in column I), as 000 prints them.
      ws.getCell('I22').value = '各项指标权重\n=40/指标总数';
      ws.getCell('I23').value = null;
      ws.mergeCells('I22:I23');
      ws.getCell('C27').value = '各项指标权重=该二级指标权重/指标总数';
    });
    const r = await importXlsx(file);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.report.problems).toEqual([]);
    const form = r.value.forms[0]?.form as Form;
    expect(form.indicators.map((i) => [i.name, i.weight])).toEqual([
      ['资金支出率', null],
      ['监管有效性', null],
      ['核查产废单位数量', null],
      ['出具污染源监督性监测报告', null],
    ]);
    expect(scoreForm(form, layout).indicators.map((l) => l.weight)).toEqual([12, 8, 20, 20]);
  });

  it('every field is read by its labels: header, funds by level, goals, the three-row table, 合计', async () => {
    const file = await handFilledFile(tempDir(), '手填000', byHand);
    const r = await importXlsx(file);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.report.problems).toEqual([]);
    const read = r.value.forms[0];
    expect(read?.layout).toBe('guangdong');
    const form = read?.form as Form;
    expect(form).toMatchObject({
      kind: 'project',
      year: 2024,
      projectName: '江门市级环境保护专项资金',
      unit: '江门市生态环境局',
      department: '',
      header: { ...JIANGMEN_HEADER, basisDocuments: '市政府常务会议纪要（十五届（124）次）' },
      goals: { expected: '建立全市共73个镇（街）镇级环保巡查队伍巡查机制', actual: '' },
      analysis: { 资金使用绩效: '资金支出1209.25万元', 存在的问题: '无' },
      printedTotal: 60,
    });
    expect(
      form.funds.rows.map((row) => [row.source, row.initialBudget, row.fullYearBudget, row.executed]),
    ).toEqual([
      ['合计', 2181.86, 2181.86, 1209.25],
      ['市本级', null, 1173.2, 586.25],
      ['转移支付至下级', null, 1008.66, 623],
    ]);
    expect(
      form.indicators.map((i) => [i.level1, i.level1Weight, i.level2, i.level2Weight, i.name, i.weight]),
    ).toEqual([
      ['决策', 20, '资金管理', 12, '资金支出率', null],
      ['决策', 20, '事项管理', 8, '监管有效性', null],
      ['产出', 40, '数量指标', 40, '核查产废单位数量', null],
      ['产出', 40, '数量指标', 40, '出具污染源监督性监测报告', null],
    ]);
    expect(form.indicators[0]).toMatchObject({
      ruleText: '支付额/预算额度',
      evidence: '预算执行通报',
      target: '100%',
      actual: '55.43%',
      printedScore: 12,
      deviationReason: '财力紧张',
    });
    // 12 printed where the rules give 6.65: kept as a manual score with the import's reason.
    expect([form.indicators[0]?.score, form.indicators[0]?.scoreReason]).toEqual([12, '导入原表得分']);
  });

  it('a header it does not know is reported with its cell, the rest still read', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('江门');
    byHand(ws);
    ws.getCell('J18').value = '名称'; // under 评分标准: no level above it
    const file = join(tempDir(), '手填000-多一列.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await importXlsx(file, { layout: 'guangdong' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.report.problems.map((p) => [p.cell, p.reason])).toContainEqual([
      'J18',
      '“名称”上面不是一级/二级/三级指标，这一列未读入',
    ]);
    const lines = r.value.forms[0]?.form.indicators ?? [];
    expect(lines.map((i) => [i.name, i.ruleText, i.target])).toEqual([
      ['资金支出率', '', '100%'],
      ['监管有效性', '', '有效'],
      ['核查产废单位数量', '', '260'],
      ['出具污染源监督性监测报告', '', '不少于200份'],
    ]);
  });
});
