/**
 * What an imported form's printed scores become (issue 16): a 预算执行率 得分 the rule does not give
 * is kept as a manual score with its reason, like a line's, so the printed total survives; formula
 * cells saved without a result are reported by row and printed column title; a form whose every
 * cell is read reports none as unread. Real .xlsx files written and read back from disk.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocumentSnapshot } from '../../electron/services/document-store/snapshot';
import { DATA_SHEET } from '../../electron/services/excel/hidden-data';
import { importXlsx, type ImportResult } from '../../electron/services/excel/import';
import { importReportLines } from '../../electron/services/excel/import-report';
import { IMPORTED_SCORE_REASON } from '../../shared/checks/form-checks';
import { getLayout } from '../../shared/layouts/definitions';
import { LAYOUT_IDS, type Form } from '../../shared/model/types';
import { scoreForm } from '../../shared/scoring/form';
import { SAMPLE_PATH } from '../../scripts/build-sample';
import {
  exportOrThrow,
  imported,
  layoutDocument,
  layoutForm,
  readWorkbook,
  rowWith,
  type CellRow,
  writeRows,
} from '../support/excel';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('ziping-import-printed-');

type Cell = CellRow[number] | ExcelJS.CellFormulaValue;

/**
 * A 新疆 项目支出绩效自评表 filled by hand: 6187.94 budgeted, 5964.31 spent (96.39%, 9.63 by the
 * rule), the execution score as the reviewer wrote it, and two lines (7 × (1 − 10.30%) = 6.28).
 */
function xinjiangRows(executionScore: Cell, total: Cell): Cell[][] {
  return [
    ['项目支出绩效自评表'],
    ['（2024年度）'],
    ['项目名称', '大气污染防治专项'],
    ['主管部门', '昌吉州生态环境局', '', '实施单位', '昌吉市环境监测站'],
    ['项目资金（万元）', '资金来源', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    ['', '年度资金总额', 6187.94, 6187.94, 5964.31, 10, '96.39%', executionScore],
    ['', '其中：当年财政拨款', 6187.94, 6187.94, 5964.31, '—', '—', '—'],
    ['年度总体目标', '预期目标', '', '', '实际完成情况'],
    ['', '全年巡查 100 次，空气质量持续改善。', '', '', '巡查 110 次，空气质量改善。'],
    [
      '绩效指标',
      '一级指标',
      '二级指标',
      '三级指标',
      '权重',
      '目标值',
      '业绩值',
      '完成率',
      '指标得分',
      '赋分规则',
      '偏差原因分析及改进措施',
    ],
    [
      '',
      '产出指标',
      '数量指标',
      '巡查次数',
      7,
      '>=100次',
      '=110.3次',
      '110.30%',
      6.28,
      '按照完成比例赋分',
      '目标定得偏低，明年按实际调整',
    ],
    ['', '效益指标', '社会效益指标', '空气质量', 83, '持续改善', '达成预期指标', '100%', 83, '评判等级'],
    ['总分', '', '', '', 100, '', '', '', total, '', '优'],
  ];
}

async function handMade(name: string, rows: Cell[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('大气污染防治');
  const plain: CellRow[] = rows.map((row) =>
    row.map((v) => (typeof v === 'object' && v !== null ? null : v)),
  );
  writeRows(ws, plain);
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v === 'object' && v !== null) ws.getCell(r + 1, c + 1).value = v;
    }),
  );
  const file = join(tempDir(), `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

function onlyForm(back: ImportResult): Form {
  expect(back.forms).toHaveLength(1);
  return (back.forms[0] as ImportResult['forms'][number]).form;
}

describe('a printed 预算执行率 得分', () => {
  it('that the rule does not give is kept with its reason, so the printed total survives import', async () => {
    // The reviewer wrote 9.50 where the rule (cut to two decimals in 新疆) gives 9.63.
    const back = await imported(await handMade('评审改分', xinjiangRows(9.5, 98.78)));
    expect(back.forms[0]?.layout).toBe('xinjiang');
    const form = onlyForm(back);
    expect(form.funds).toMatchObject({ printedScore: 9.5, score: 9.5, scoreReason: IMPORTED_SCORE_REASON });
    // 6.28 is the rule's own score (half up): it stays computed, not a manual score.
    expect(form.indicators.map((i) => [i.name, i.printedScore, i.score])).toEqual([
      ['巡查次数', 6.28, null],
      ['空气质量', 83, null],
    ]);
    const result = scoreForm(form, getLayout('xinjiang'));
    expect(result.execution).toMatchObject({ suggested: 9.63, final: 9.5, manual: true });
    expect(result.total).toBe(form.printedTotal);
    expect(result.total).toBe(98.78);
    const codes = result.findings.map((f) => [f.code, f.level, f.section]);
    expect(codes).toContainEqual(['imported-score', 'warning', 'funds']);
    expect(codes.filter(([, level]) => level === 'error')).toEqual([]);
    // Every cell of the form was read: the report lists none as unread.
    expect(back.report.problems).toEqual([]);
  });

  it('that the rule gives stays computed', async () => {
    const form = onlyForm(await imported(await handMade('按规则', xinjiangRows(9.63, 98.91))));
    expect(form.funds).toMatchObject({ printedScore: 9.63, score: null, scoreReason: '' });
    expect(scoreForm(form, getLayout('xinjiang')).total).toBe(98.91);
  });

  it('set in the editor survives an edit in Excel; changed in Excel, it is the new printed score', async () => {
    const form = layoutForm('national', 'project', 'f1', '项目甲');
    form.funds.score = 9;
    form.funds.scoreReason = '部分资金未按进度支付';
    const file = join(tempDir(), '改过.xlsx');
    await exportOrThrow(layoutDocument('national', [form]), file);

    const wb = await readWorkbook(file);
    const ws = wb.getWorksheet('项目甲') as ExcelJS.Worksheet;
    const header = rowWith(ws, '项目资金（万元）');
    let scoreCol = 0;
    ws.getRow(header).eachCell((cell, col) => {
      if (cell.value === '得分') scoreCol = col;
    });
    const total = header + 1;
    expect(ws.getCell(total, scoreCol).value).toBe(9);
    // Another cell changes: the sheet is read from its cells, the reason from the hidden data.
    ws.getCell(rowWith(ws, '项目名称'), 2).value = '项目甲（改）';
    await wb.xlsx.writeFile(file);
    const kept = onlyForm(await imported(file));
    expect(kept.projectName).toBe('项目甲（改）');
    expect(kept.funds).toMatchObject({ score: 9, scoreReason: '部分资金未按进度支付' });

    ws.getCell(total, scoreCol).value = 8.5;
    await wb.xlsx.writeFile(file);
    const changed = onlyForm(await imported(file));
    expect(changed.funds).toMatchObject({ score: 8.5, scoreReason: IMPORTED_SCORE_REASON });
  });
});

describe('formula cells', () => {
  it('without a saved result are each reported by row and printed title; with one they are read', async () => {
    const rows = xinjiangRows(
      { formula: 'F6*E6/D6' } as ExcelJS.CellFormulaValue,
      {
        formula: 'H6+I11+I12',
      } as ExcelJS.CellFormulaValue,
    );
    (rows[10] as Cell[])[4] = { formula: '100-E12-F6' } as ExcelJS.CellFormulaValue; // 权重, no result
    (rows[6] as Cell[])[4] = { formula: 'E6', result: 5964.31 } as ExcelJS.CellFormulaValue; // saved result
    (rows[2] as Cell[])[1] = { formula: 'CONCAT("大气","污染防治专项")' } as ExcelJS.CellFormulaValue;
    const file = await handMade('公式', rows);
    const back = await imported(file);
    const advice = '是公式且没有计算结果，未读入；请在 Excel/WPS 中打开并保存后再导入';
    expect(back.report.problems.map((p) => [p.cell, p.reason])).toEqual([
      ['B3', `第 3 行 项目名称 ${advice}`],
      ['H6', `第 6 行 得分 ${advice}`],
      ['E11', `第 11 行 权重 ${advice}`],
      ['I13', `第 13 行 总分 ${advice}`],
    ]);
    const form = onlyForm(back);
    expect(form.indicators[0]?.weight).toBeNull();
    expect(form.funds.rows[1]?.executed).toBe(5964.31);
    expect(form.funds.printedScore).toBeUndefined();
    expect(form.printedTotal).toBeUndefined();
    expect(importReportLines('公式.xlsx', back.report)).toContain(
      `  工作表“大气污染防治” E11：第 11 行 权重 ${advice}`,
    );
  });
});

describe('a form whose every cell is read', () => {
  it('reports none as unread: our exports of every layout and the sample, read from their cells', async () => {
    const sample = readDocumentSnapshot(SAMPLE_PATH);
    if (!sample.ok) throw new Error(sample.error.message);
    const docs = [
      ...LAYOUT_IDS.map((layout) =>
        layoutDocument(layout, [
          layoutForm(layout, 'department', 'f1', '部门整体'),
          layoutForm(layout, 'project', 'f2', '项目甲'),
        ]),
      ),
      sample.value,
    ];
    for (const doc of docs) {
      const file = join(tempDir(), `全读-${doc.meta.layout}-${doc.forms.length}.xlsx`);
      await exportOrThrow(doc, file);
      const wb = await readWorkbook(file);
      wb.removeWorksheet((wb.getWorksheet(DATA_SHEET) as ExcelJS.Worksheet).id);
      await wb.xlsx.writeFile(file);
      const r = await importXlsx(file, { layout: doc.meta.layout });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.report.forms.map((f) => f.from).every((from) => from === 'cells')).toBe(true);
      const unread = r.value.report.problems.filter((p) => /未读入/.test(p.reason));
      expect(unread, `${doc.meta.layout}: ${JSON.stringify(unread)}`).toEqual([]);
    }
  }, 120_000);
});
