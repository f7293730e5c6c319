/**
 * Layouts B (山西, 002) and D (湖南 自评表, 004) against their paper forms, in real .xlsx files read
 * back with exceljs: 002's two funds header rows (年初预算数 over 目标申报数 | 预算编制数), each source
 * row's own 执行率 and 得分, one 偏差原因, the grade alone in the total row, the 项目绩效分析 /
 * 自评结果分析 captions; 004's 自评表 with 预算部门名称 alone and 按收入性质分 | 按支出性质分 side by
 * side. Both come back from the cells; 004's older stacked shape still reads. 广东 (000) is in
 * excel-guangdong.test.ts.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getLayout } from '../../shared/layouts/definitions';
import { round2 } from '../../shared/format/numbers';
import type { Form, FundsRow } from '../../shared/model/types';
import { scoreForm } from '../../shared/scoring/form';
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
import { readFixture } from '../support/documents';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('ziping-excel-layouts-');

async function exported(form: Form, layout: 'shanxi' | 'hunan', name: string) {
  const file = join(tempDir(), `${name}.xlsx`);
  await exportOrThrow(layoutDocument(layout, [form]), file);
  const wb = await readWorkbook(file);
  return { file, wb, ws: wb.getWorksheet(form.projectName) as ExcelJS.Worksheet };
}

/** 004's 自评表 amounts: 年度资金总额, then the lines 按收入性质分 and 按支出性质分 (全年执行数). */
function hengyang(): Form {
  const form = layoutForm('hunan', 'department', 'f1', '衡阳市生态环境局');
  const executed: Record<string, number> = {
    一般公共预算: 4643.58,
    政府性基金拨款: 0,
    纳入专户管理的非税收入: 0,
    其他资金: 177.73,
    基本支出: 2642.66,
    项目支出: 2178.65,
  };
  for (const row of form.funds.rows) {
    if (row.group)
      Object.assign(row, { initialBudget: null, fullYearBudget: null, executed: executed[row.source] });
    else Object.assign(row, { initialBudget: 2456.03, fullYearBudget: 4821.31, executed: 4821.31 });
  }
  return form;
}

describe('湖南 部门整体支出绩效自评表 as 004 prints it', () => {
  it('预算部门名称 alone, then 年度资金总额 and the income and expense lines side by side', async () => {
    const form = hengyang();
    const { ws } = await exported(form, 'hunan', '衡阳');
    const name = rowWith(ws, '预算部门名称');
    expect(rowValues(ws, name)).toEqual(['预算部门名称', '衡阳市生态环境局']);
    expect(() => rowWith(ws, '主管部门')).toThrow();
    const header = name + 1;
    // No 资金来源 title: 004 leaves that cell blank; the amounts titled （万元）.
    expect(ws.getCell(header, 2).value).toBeNull();
    expect(rowValues(ws, header)).toEqual([
      '年度预算申请（万元）',
      '年初预算数（万元）',
      '全年预算数（万元）',
      '全年执行数（万元）',
      '分值',
      '执行率',
      '得分',
    ]);
    const result = scoreForm(form, getLayout('hunan'));
    expect(rowValues(ws, header + 1)).toEqual([
      '年度资金总额',
      2456.03,
      4821.31,
      4821.31,
      10,
      1,
      result.execution.final,
    ]);
    const headings = header + 2;
    expect(rowValues(ws, headings)).toEqual(['按收入性质分：', '按支出性质分：']);
    // The funds columns B… are shared: left label | amount, right label | amount.
    const left = ws.getCell(headings, 2).master.address;
    const right = ws.getCell(headings, 7).master.address;
    expect(left).not.toBe(right);
    expect(rowValues(ws, headings + 1)).toEqual(['一般公共预算：', 4643.58, '其中：基本支出：', 2642.66]);
    expect(rowValues(ws, headings + 2)).toEqual(['政府性基金拨款：', 0]);
    expect(rowValues(ws, headings + 3)).toEqual(['纳入专户管理的非税收入：', 0, '项目支出：', 2178.65]);
    expect(rowValues(ws, headings + 4)).toEqual(['其他资金：', 177.73]);
    // Two expense lines over four rows: each down two, its amount with it.
    const basic = ws.getCell(headings + 1, 7).master.address;
    expect(ws.getCell(headings + 2, 7).master.address).toBe(basic);
    expect(ws.getCell(headings + 3, 7).master.address).not.toBe(basic);
    const amount = ws.getRow(headings + 1).values as unknown[];
    expect(ws.getCell(headings + 1, amount.indexOf(4643.58)).numFmt).toBe('0.00');
    // The block label down the header, the total and the pairs; the goals follow.
    expect(ws.model.merges).toContain(`A${header}:A${headings + 4}`);
    expect(ws.getCell(headings + 5, 1).value).toBe('年度总体目标');
  });

  it("prints the project forms' tree whole, as 004's 自评表: its empty 经济成本指标 and 社会成本指标 rows blank", async () => {
    const form = readFixture('004-01.json').form;
    const { ws, file } = await exported(form, 'hunan', '衡阳自评表');
    const header = rowWith(ws, '一级指标', 2);
    const total = rowWith(ws, '总分');
    const lines: unknown[][] = [];
    // A merged 一级/二级 cell reads as its value on every row it covers; the header again is no line.
    for (let r = header + 1; r < total; r++)
      if (ws.getCell(r, 2).value !== '一级指标') lines.push([2, 3, 4].map((c) => ws.getCell(r, c).value));
    const blanks = lines.filter((v) => v[2] === null).map((v) => v.slice(0, 2));
    expect(blanks).toEqual([
      ['成本指标', '经济成本指标'],
      ['成本指标', '社会成本指标'],
    ]);
    // Every line of the form, in its order (a long line's rows share its merged 三级 cell).
    const names = lines.map((v) => v[2]).filter((n, i, all) => n !== null && n !== all[i - 1]);
    expect(names).toEqual(form.indicators.map((i) => i.name));
    // From the cells the blank rows are nothing to read and nothing to report (before this change
    // each was “只有一级/二级指标名称…未作为指标行读入”).
    await withoutHiddenData(await readWorkbook(file), file);
    const cells = await imported(file, { layout: 'hunan' });
    // (The report's own section titles, not this layout's analysis titles, are reported as such.)
    expect(cells.report.problems.filter((p) => !p.reason.includes('分析标题'))).toEqual([]);
    const back = cells.forms[0]?.form as Form;
    expect(back.indicators.map((i) => [i.level2, i.name])).toEqual(
      form.indicators.map((i) => [i.level2, i.name]),
    );
  });

  it('comes back from the cells, and an edited sheet keeps the amounts its print does not show', async () => {
    const form = hengyang();
    const basic = form.funds.rows.find((r) => r.source === '基本支出') as FundsRow;
    basic.fullYearBudget = 2700;
    form.department = '衡阳市人民政府';
    const { wb, ws, file } = await exported(form, 'hunan', '衡阳往返');
    // Edited in Excel: the stored amounts not printed are carried over from the hidden data.
    ws.getCell(rowWith(ws, '年度总体目标') + 1, 2).value = '改过的目标';
    await wb.xlsx.writeFile(file);
    const edited = await imported(file);
    expect(edited.report.forms[0]?.from).toBe('cells');
    expect(edited.forms[0]?.form.funds.rows).toEqual(form.funds.rows);
    expect(edited.forms[0]?.form.department).toBe('衡阳市人民政府');
    await withoutHiddenData(await readWorkbook(file), file);
    const cells = await imported(file);
    expect(cells.report.problems).toEqual([]);
    const back = cells.forms[0]?.form as Form;
    expect(back.kind).toBe('department');
    expect(back.funds.rows).toEqual(
      form.funds.rows.map((r) => (r.group ? { ...r, fullYearBudget: null } : r)),
    );
  });

  it('a 自评表 of the older shape, the lines stacked as funds rows, still reads', async () => {
    const rows: CellRow[] = [
      ['部门整体支出绩效自评表'],
      ['（2024年度）'],
      ['预算部门名称', '衡阳市生态环境局'],
      [
        '年度预算申请（万元）',
        '资金来源',
        '年初预算数',
        '全年预算数',
        '全年执行数',
        '分值',
        '执行率',
        '得分',
      ],
      ['', '年度资金总额', 2456.03, 4821.31, 4821.31, 10, '100.00%', 10],
      ['', '一般公共预算', 2300, 4643.58, 4643.58, '—', '—', '—'],
      ['', '其他资金', 156.03, 177.73, 177.73, '—', '—', '—'],
      ['', '基本支出', 1500, 2642.66, 2642.66, '—', '—', '—'],
      ['年度总体目标', '预期目标', '', '', '实际完成情况'],
      ['', '提质量', '', '', '已完成'],
      [
        '绩效指标',
        '一级指标',
        '二级指标',
        '三级指标',
        '年度指标值',
        '实际完成值',
        '评分标准',
        '分值',
        '得分',
      ],
      ['', '产出指标', '数量指标', '细颗粒物平均浓度', '35', '35', '每减少1微克扣0.5分', 90, 90],
      ['总分', '', '', '', '', '', '', 100, 100],
    ];
    const file = await handFilledFile(tempDir(), '旧样式', (ws) => writeRows(ws, rows));
    const r = await imported(file);
    expect(r.report.problems).toEqual([]);
    const funds = r.forms[0]?.form.funds.rows ?? [];
    expect(funds.map((row) => [row.source, row.group, row.initialBudget, row.executed])).toEqual([
      ['年度资金总额', undefined, 2456.03, 4821.31],
      ['一般公共预算', 'income', 2300, 4643.58],
      ['其他资金', 'income', 156.03, 177.73],
      ['基本支出', 'expense', 1500, 2642.66],
    ]);
  });
});

describe('山西 项目支出绩效自评表 as 002 prints it', () => {
  const form = () => {
    const f = layoutForm('shanxi', 'project', 'f1', '城区分局设备购置项目');
    const [total, source] = f.funds.rows as [FundsRow, FundsRow];
    Object.assign(total, {
      targetDeclared: 9.32,
      initialBudget: 9.32,
      fullYearBudget: 9.32,
      executed: 9.233,
    });
    Object.assign(source, { targetDeclared: 9.32, initialBudget: 9.32, fullYearBudget: 10, executed: 9.233 });
    f.funds.deviationReason = '无其他结余部分';
    return f;
  };

  it('funds: 年初预算数 over 目标申报数 | 预算编制数, each row its own 执行率 and 得分, one 偏差原因', async () => {
    const f = form();
    const { ws } = await exported(f, 'shanxi', '晋城');
    const dept = rowWith(ws, '主管部门及代码');
    // One cell for the department with its code, one for the unit.
    expect(rowValues(ws, dept)).toEqual([
      '主管部门及代码',
      '218-晋城市生态环境局',
      '预算单位',
      '218005-晋城市生态环境局城区分局',
    ]);
    const header = rowWith(ws, '项目资金预算安排及执行进度（万元）');
    expect(rowValues(ws, header).filter((v) => v !== null)).toEqual([
      '项目资金预算安排及执行进度（万元）',
      '年初预算数',
      '全年预算数',
      '全年执行数',
      '资金结(转)余',
      '执行率',
      '得分',
      '偏差原因',
    ]);
    expect(rowValues(ws, header + 1).filter((v) => v !== null)).toEqual(['目标申报数', '预算编制数']);
    const colOf = (r: number, title: string) => {
      for (let c = 1; c <= ws.columnCount; c++) if (ws.getCell(r, c).value === title) return c;
      throw new Error(title);
    };
    const parent = colOf(header, '年初预算数');
    // The parent spans exactly its two columns; the other titles go down both header rows.
    expect(ws.getCell(header, colOf(header + 1, '预算编制数')).master.address).toBe(
      ws.getCell(header, parent).address,
    );
    expect(ws.getCell(header + 1, colOf(header, '全年预算数')).master.address).toBe(
      ws.getCell(header, colOf(header, '全年预算数')).address,
    );
    expect(ws.getCell(header + 1, 2).master.address).toBe(ws.getCell(header, 2).address);
    const rate = colOf(header, '执行率');
    const score = colOf(header, '得分');
    const reason = colOf(header, '偏差原因');
    const total = header + 2;
    const result = scoreForm(f, getLayout('shanxi'));
    expect([ws.getCell(total, rate).value, ws.getCell(total, score).value]).toEqual([
      result.execution.rate,
      result.execution.final,
    ]);
    // 市县区财政资金: 9.233 / 10 → 92.33%, 9.23 of the 10.
    expect(ws.getCell(total + 1, 2).value).toBe('市县区财政资金');
    expect(ws.getCell(total + 1, rate).value).toBeCloseTo(0.9233, 10);
    expect([ws.getCell(total + 1, score).value, ws.getCell(total + 1, score).numFmt]).toEqual([
      round2(10 * 0.9233),
      '0.00',
    ]);
    expect(ws.getCell(total, reason).value).toBe('无其他结余部分');
    expect(ws.getCell(total + 1, reason).master.address).toBe(ws.getCell(total, reason).address);
  });

  it('total row 总分 … score | grade; analysis under 项目绩效分析 and 自评结果分析', async () => {
    const f = form();
    const { ws } = await exported(f, 'shanxi', '晋城合计');
    const result = scoreForm(f, getLayout('shanxi'));
    const total = rowWith(ws, '总分');
    expect(rowValues(ws, total)).toEqual(['总分', result.total, result.grade]);
    const first = total + 1;
    expect([ws.getCell(first, 1).value, ws.getCell(first, 2).value, ws.getCell(first, 3).value]).toEqual([
      '项目绩效分析',
      '自评结果分析',
      '项目实施和预算执行情况',
    ]);
    expect(ws.getCell(first + 3, 3).value).toBe('满意度情况及分析');
    expect(ws.getCell(first + 3, 2).master.address).toBe(`B${first}`);
    // 主要经验做法 … 下一步改进措施及管理建议: over B:C, still under 项目绩效分析.
    expect(ws.getCell(first + 4, 2).value).toBe('主要经验做法');
    expect(ws.model.merges).toContain(`B${first + 4}:C${first + 4}`);
    expect(ws.getCell(first + 6, 2).value).toBe('下一步改进措施及管理建议');
    expect(ws.getCell(first + 6, 1).master.address).toBe(`A${first}`);
    expect(ws.getCell(first + 7, 1).value).toMatch(/^备注/);
  });

  it('comes back from the cells: grade, funds without a doubled 偏差原因, the analysis texts', async () => {
    const f = form();
    const { wb, file } = await exported(f, 'shanxi', '晋城往返');
    await withoutHiddenData(wb, file);
    const r = await imported(file);
    expect(r.report.problems).toEqual([]);
    const back = r.forms[0]?.form as Form;
    expect(back.printedGrade).toBe(scoreForm(f, getLayout('shanxi')).grade);
    expect(back.funds.rows).toEqual(f.funds.rows);
    expect(back.funds.deviationReason).toBe('无其他结余部分');
    expect(back.analysis).toEqual(f.analysis);
  });
});
