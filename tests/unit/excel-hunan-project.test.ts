/**
 * 湖南（衡阳, 004）project forms as their paper form prints them, in real .xlsx files read back with
 * exceljs: 项目支出名称; the funds rows 其中：当年财政拨款 / 上年结转金额 / 其它资金 / 年度资金总额, the
 * total last carrying 分值 / 执行率 / 得分; no 偏差原因 column; rows tall enough for their texts.
 * Import reads the new shape (hidden data and cells) and the older one (total first); the
 * transcribed forms score as printed.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asPrinted004 } from '../../scripts/build-sample';
import { getLayout } from '../../shared/layouts/definitions';
import { rowsInLayoutOrder } from '../../shared/model/printed-lines';
import type { Form } from '../../shared/model/types';
import { scoreForm } from '../../shared/scoring/form';
import { fixtureFiles, readFixture } from '../support/documents';
import {
  exportOrThrow,
  imported,
  layoutDocument,
  readWorkbook,
  rowValues,
  rowWith,
  withoutHiddenData,
} from '../support/excel';
import { clippedCells } from '../support/print-measure';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('ziping-excel-hunan-project-');
const hunan = getLayout('hunan');

const projectFixtures = fixtureFiles().filter(
  (f) => f.startsWith('004-') && readFixture(f).form.kind === 'project',
);

async function exported(form: Form, name: string) {
  const file = join(tempDir(), `${name}.xlsx`);
  await exportOrThrow(layoutDocument('hunan', [form]), file);
  const wb = await readWorkbook(file);
  const ws = wb.getWorksheet(form.projectName);
  if (!ws) throw new Error(`no sheet ${form.projectName}`);
  return { file, wb, ws };
}

/** The funds header row and the four rows under it. */
function fundsRows(ws: ExcelJS.Worksheet): { header: number; rows: unknown[][] } {
  const header = rowWith(ws, '项目资金（万元）');
  return { header, rows: [1, 2, 3, 4].map((k) => rowValues(ws, header + k)) };
}

describe('湖南 项目支出绩效自评表 as 004 prints it', () => {
  it('has seven project forms to check against', () => {
    expect(projectFixtures).toHaveLength(7);
  });

  it.each(projectFixtures)(
    '%s: 项目支出名称, total last with its score, no 偏差原因, rows tall enough',
    async (file) => {
      const form = asPrinted004(readFixture(file).form);
      const { ws } = await exported(form, file);
      expect(rowValues(ws, rowWith(ws, '项目支出名称'))).toEqual(['项目支出名称', form.projectName]);
      expect(() => rowWith(ws, '项目名称')).toThrow();
      const { header, rows } = fundsRows(ws);
      expect(rowValues(ws, header)).toEqual([
        '项目资金（万元）',
        '资金来源',
        '年初预算数',
        '全年预算数',
        '全年执行数',
        '分值',
        '执行率',
        '得分',
      ]);
      const amounts = (source: string) => {
        const row = form.funds.rows.find((r) => r.source === source);
        return [row?.initialBudget, row?.fullYearBudget, row?.executed];
      };
      const result = scoreForm(form, hunan);
      expect(rows).toEqual([
        ['其中：当年财政拨款', ...amounts('其中：当年财政拨款')],
        ['上年结转金额', ...amounts('上年结转金额')],
        ['其它资金', ...amounts('其它资金')],
        ['年度资金总额', ...amounts('年度资金总额'), 10, result.execution.rate, result.execution.final],
      ]);
      // The block label runs down the header and the four rows.
      expect(ws.model.merges).toContain(`A${header}:A${header + 4}`);
      const indicatorHeader = rowValues(ws, rowWith(ws, '一级指标', 2));
      expect(indicatorHeader).toEqual([
        '绩效指标',
        '一级指标',
        '二级指标',
        '三级指标',
        '年度指标值',
        '实际完成值',
        '分值',
        '得分',
      ]);
      expect(clippedCells(ws)).toEqual([]);
    },
  );

  it.each(projectFixtures)('%s: scores as printed, in the new layout as in the national one', (file) => {
    const { form } = readFixture(file);
    const total = scoreForm(asPrinted004(form), hunan).total;
    expect(total).toBe(scoreForm(form, getLayout('national')).total);
    if (form.printedTotal != null) expect(total).toBe(form.printedTotal);
  });

  it('comes back exactly from the hidden data, and from the cells without it', async () => {
    const form = asPrinted004(readFixture('004-04.json').form);
    form.indicators[0] = {
      ...(form.indicators[0] as Form['indicators'][number]),
      deviationReason: '未打印的原因',
    };
    const { file } = await exported(form, '往返');
    const exact = await imported(file);
    expect(exact.forms[0]?.form).toEqual(form);
    await withoutHiddenData(await readWorkbook(file), file);
    // Into a 湖南 document, as the editor imports; the tree's blank rows are nothing to report.
    const cells = await imported(file, { layout: 'hunan' });
    expect(cells.report.problems).toEqual([]);
    const back = cells.forms[0]?.form as Form;
    expect(back.projectName).toBe(form.projectName);
    expect(back.funds.rows).toEqual(form.funds.rows);
    expect(back.funds.weight).toBe(10);
    expect(back.funds.printedScore).toBe(scoreForm(form, hunan).execution.final);
    expect(back.indicators.map((i) => [i.level1, i.level2, i.name, i.target, i.actual, i.weight])).toEqual(
      form.indicators.map((i) => [i.level1, i.level2, i.name, i.target, i.actual, i.weight]),
    );
    expect(scoreForm(back, hunan).total).toBe(scoreForm(form, hunan).total);
  });

  it("a form of the older shape (年度资金总额 first) prints, and reads back, in 004's order", async () => {
    const form = readFixture('004-02.json').form;
    expect(form.funds.rows[0]?.source).toBe('年度资金总额');
    const { file, ws } = await exported(form, '旧样式');
    const { rows } = fundsRows(ws);
    expect(rows.map((row) => row[0])).toEqual(['当年财政拨款', '上年结转资金', '其他资金', '年度资金总额']);
    expect(rows[3]?.slice(4)).toEqual([10, 1, 10]);
    expect(rows[0]?.slice(4)).toEqual([]);
    await withoutHiddenData(await readWorkbook(file), file);
    const back = (await imported(file, { layout: 'hunan' })).forms[0]?.form as Form;
    expect(back.funds.rows).toEqual(rowsInLayoutOrder(form.funds.rows, hunan.kinds.project));
    expect(back.funds.rows.at(-1)?.source).toBe('年度资金总额');
    expect(back.funds.weight).toBe(10);
    expect(back.funds.printedRate).toBe(1);
    expect(scoreForm(back, hunan).total).toBe(scoreForm(form, hunan).total);
  });

  it("a workbook printed in the older shape (the national one, total first) imports in 004's order", async () => {
    const form = readFixture('004-02.json').form;
    const file = join(tempDir(), '旧导出.xlsx');
    await exportOrThrow(layoutDocument('national', [form]), file);
    await withoutHiddenData(await readWorkbook(file), file);
    const back = (await imported(file, { layout: 'hunan' })).forms[0]?.form as Form;
    expect(back.funds.rows.map((r) => r.source)).toEqual([
      '当年财政拨款',
      '上年结转资金',
      '其他资金',
      '年度资金总额',
    ]);
    expect(back.funds.rows).toEqual(rowsInLayoutOrder(form.funds.rows, hunan.kinds.project));
    expect(scoreForm(back, hunan).total).toBe(scoreForm(form, hunan).total);
  });

  it("a 004 workbook read with no layout given is 湖南 by its 项目支出名称, its rows in 004's order", async () => {
    const form = readFixture('004-03.json').form;
    const { file } = await exported(form, '无样式');
    await withoutHiddenData(await readWorkbook(file), file);
    const read = (await imported(file)).forms[0];
    expect(read?.layout).toBe('hunan');
    expect(read?.form.funds.rows.at(-1)?.source).toBe('年度资金总额');
    expect(read?.form.projectName).toBe(form.projectName);
  });

  it('prints nothing above 项目支出名称 and every 二级 of the tree, blank where the form has no line (004)', async () => {
    const form = asPrinted004(readFixture('004-02.json').form);
    const { ws } = await exported(form, '整棵树');
    // 004 starts each project table with its name row: no title, year line or 金额单位.
    expect(rowWith(ws, '项目支出名称')).toBe(1);
    expect(() => rowWith(ws, '金额单位：万元')).toThrow();
    const header = rowWith(ws, '一级指标', 2);
    const total = rowWith(ws, '总分');
    const printed: unknown[][] = [];
    // A merged 一级 cell reads as its value on every row it covers.
    for (let r = header + 1; r < total; r++) printed.push([2, 3, 4].map((c) => ws.getCell(r, c).value));
    // The table's header printed again on the next page is not a line.
    const lines = printed.filter((v) => v[0] !== '一级指标');
    // As 004's 大气污染防治资金 prints them: 经济效益指标, 社会成本指标, 生态环境成本指标 blank.
    expect(lines.map((v) => v.slice(0, 2))).toEqual(
      Object.entries(hunan.kinds.project.levels).flatMap(([l1, l2s]) => l2s.map((l2) => [l1, l2])),
    );
    const blanks = lines.filter((v) => v[2] === null || v[2] === '').map((v) => v[1]);
    expect(blanks).toEqual(['经济效益指标', '社会成本指标', '生态环境成本指标']);
    expect(clippedCells(ws)).toEqual([]);
  });
});
