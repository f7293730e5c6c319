/**
 * Excel import from real files on disk: our own exports come back identical (every layout, the
 * sample document, the transcribed real forms); a sheet edited in Excel is read from its cells
 * and keeps what the print does not show; hand-made official-layout workbooks with shifted rows
 * and columns, blank rows, merged cells, moved columns and extra sheets are read by their titles,
 * with every cell not understood reported; hostile files are refused with a Chinese message.
 */
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocumentSnapshot } from '../../electron/services/document-store/snapshot';
import { importXlsx, type ImportResult } from '../../electron/services/excel/import';
import { IMPORTED_SCORE_REASON } from '../../shared/checks/form-checks';
import { formToJson } from '../../shared/model/interchange';
import { LAYOUT_IDS, type ZipingDocument } from '../../shared/model/types';
import { SAMPLE_PATH } from '../../scripts/build-sample';
import { fixtureDocument } from '../support/documents';
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
import { makeZip, minimalXlsx, sheetXmlWithRows } from '../support/zip';

const tempDir = useTempDir('ziping-excel-import-');

async function roundTrip(doc: ZipingDocument, name: string): Promise<ImportResult> {
  const file = join(tempDir(), `${name}.xlsx`);
  await exportOrThrow(doc, file);
  const back = await imported(file);
  expect(back.meta).toEqual({ unit: doc.meta.unit, year: doc.meta.year, layout: doc.meta.layout });
  expect(back.forms.map((f) => formToJson(f.form, f.layout))).toEqual(
    doc.forms.map((f) => formToJson(f, doc.meta.layout)),
  );
  expect(back.report.problems).toEqual([]);
  return back;
}

describe('our own exports come back identical', () => {
  it.each(LAYOUT_IDS)(
    'layout %s: project and department forms, manual scores and reasons',
    async (layout) => {
      const doc = layoutDocument(layout, [
        layoutForm(layout, 'department', 'f1', '部门整体'),
        layoutForm(layout, 'project', 'f2', '项目甲'),
      ]);
      const back = await roundTrip(doc, `往返-${layout}`);
      expect(back.forms[1]?.form.indicators[0]).toMatchObject({
        score: 15,
        scoreReason: '完成值高于指标值较多，按偏离度调减',
      });
      expect(back.report.forms.map((f) => f.from)).toEqual(['stored', 'stored']);
      expect(back.report.skipped).toEqual([{ sheet: '汇总', reason: '汇总表由各表算出，不导入' }]);
    },
  );

  it('the sample document and the transcribed real forms', async () => {
    const sample = readDocumentSnapshot(SAMPLE_PATH);
    if (!sample.ok) throw new Error(sample.error.message);
    await roundTrip(sample.value, '示例');
    await roundTrip(fixtureDocument('shanxi'), '晋城');
  });

  it('an unchanged re-save keeps the stored data; a sheet edited in Excel is read from its cells', async () => {
    const doc = layoutDocument('shanxi', [
      layoutForm('shanxi', 'project', 'f1', '项目甲'),
      layoutForm('shanxi', 'project', 'f2', '项目乙'),
    ]);
    const file = join(tempDir(), '改过.xlsx');
    await exportOrThrow(doc, file);
    const wb = await readWorkbook(file);
    await wb.xlsx.writeFile(file);
    expect((await imported(file)).report.forms.map((f) => f.from)).toEqual(['stored', 'stored']);

    const ws = wb.getWorksheet('项目乙') as ExcelJS.Worksheet;
    const header = rowWith(ws, '绩效指标');
    const actualCol = rowValues(ws, header).indexOf('实际完成值') + 1;
    ws.eachRow((row) => {
      const cell = row.getCell(actualCol);
      if (cell.value === '=100%') cell.value = '=98%';
    });
    await wb.xlsx.writeFile(file);
    const back = await imported(file);
    expect(back.report.forms.map((f) => f.from)).toEqual(['stored', 'cells']);
    expect(back.report.problems.map((p) => p.reason).join()).toContain('在 Excel 中改过');
    const form = back.forms[1]?.form;
    const original = doc.forms[1];
    expect(form?.indicators.map((i) => i.actual)).toEqual(
      original?.indicators.map((i) => (i.actual === '=100%' ? '=98%' : i.actual)),
    );
    // What the print does not show comes back from the hidden data.
    expect(form?.indicators[0]).toMatchObject({
      score: 15,
      scoreReason: '完成值高于指标值较多，按偏离度调减',
    });
    expect(form?.indicators.map((i) => i.basis)).toEqual(original?.indicators.map((i) => i.basis));
    expect(form?.funds.rows).toEqual(original?.funds.rows);
    expect(form?.goals).toEqual(original?.goals);
    expect(form?.analysis).toEqual(original?.analysis);
  });
});

describe('texts longer than one row can show', () => {
  it('are split over several rows on export and joined again when read from the cells', async () => {
    const form = layoutForm('shanxi');
    form.goals.expected = '深入打好污染防治攻坚战，推动全市环境质量持续向好。'.repeat(120);
    form.analysis['主要经验做法'] = '严格按照政府采购程序进行采购。\n'.repeat(150);
    const doc = layoutDocument('shanxi', [form]);
    const file = join(tempDir(), '长文字.xlsx');
    await exportOrThrow(doc, file);
    const wb = await readWorkbook(file);
    const ws = wb.getWorksheet('测试项目') as ExcelJS.Worksheet;
    ws.eachRow((row) => expect(row.height ?? 0).toBeLessThanOrEqual(409));
    const goals = rowWith(ws, '年度总体目标');
    expect(ws.getCell(goals + 2, 2).value).not.toBeNull(); // the text goes on in a second row
    wb.removeWorksheet((wb.getWorksheet('ZipingData') as ExcelJS.Worksheet).id);
    await wb.xlsx.writeFile(file);
    const back = await imported(file);
    expect(back.report.forms[0]?.from).toBe('cells');
    expect(back.forms[0]?.form.goals).toEqual(form.goals);
    expect(back.forms[0]?.form.analysis).toEqual(form.analysis);
  });
});

describe('sheets renamed or deleted after export', () => {
  it('a renamed sheet is still found by its contents; a deleted one is reported', async () => {
    const doc = layoutDocument('national', [
      layoutForm('national', 'project', 'f1', '项目甲'),
      layoutForm('national', 'project', 'f2', '项目乙'),
    ]);
    const file = join(tempDir(), '改名.xlsx');
    await exportOrThrow(doc, file);
    const wb = await readWorkbook(file);
    (wb.getWorksheet('项目甲') as ExcelJS.Worksheet).name = '甲（改名）';
    wb.removeWorksheet((wb.getWorksheet('项目乙') as ExcelJS.Worksheet).id);
    await wb.xlsx.writeFile(file);
    const back = await imported(file);
    expect(back.report.forms.map((f) => [f.sheet, f.from])).toEqual([['甲（改名）', 'stored']]);
    expect(back.forms.map((f) => formToJson(f.form, f.layout))).toEqual(
      doc.forms.slice(0, 1).map((f) => formToJson(f, 'national')),
    );
    expect(back.report.problems).toEqual([
      { sheet: '项目乙', reason: expect.stringContaining('找不到它的工作表') },
    ]);
  });
});

type Row = Array<string | number | null>;

/** Writes rows starting at (top, left), with merges given relative to that corner (1-based). */
function place(
  ws: ExcelJS.Worksheet,
  top: number,
  left: number,
  rows: Row[],
  merges: Array<[number, number, number, number]> = [],
) {
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== '') ws.getCell(top + r, left + c).value = v;
    }),
  );
  for (const [r1, c1, r2, c2] of merges)
    ws.mergeCells(top + r1 - 1, left + c1 - 1, top + r2 - 1, left + c2 - 1);
}

/** A 山西 form as people fill it in Excel: shifted to B3, blank rows, merged and blank level cells, numbers as text. */
function shanxiByHand(ws: ExcelJS.Worksheet) {
  const rows: Row[] = [
    ['城区分局设备购置项目项目支出绩效自评表 (2024年度)'],
    [],
    ['项目名称', '城区分局设备购置项目'],
    ['主管部门及代码', '218-晋城市生态环境局', '', '', '', '预算单位', '218005-晋城市生态环境局城区分局'],
    [
      '项目资金预算安排及执行进度(万元)',
      '',
      '年初预算数',
      '',
      '全年预算数',
      '全年执行数',
      '资金结(转)余',
      '执行率',
      '得分',
      '偏差原因',
    ],
    ['', '', '目标申报数', '预算编制数'],
    ['', '资金总额:', 9.32, 9.32, 9.233, 9.233, 0, '100', 10],
    ['', '市县区财政资金', '9.32', '9.32', '9.233', '9.233', '0', '100.00%', '10.00', '无其他结余部'],
    [],
    ['年度总体目标', '年度目标', '', '', '', '实际完成情况'],
    [
      '',
      '2024年完成12台安可设备更新替换工作。',
      '',
      '',
      '',
      '2024年完成了12台安可设备更新替换工作，较2023年度增加2台。',
    ],
    [
      '绩效指标',
      '一级指标',
      '二级指标',
      '三级指标',
      '年初指标值',
      '调整后指标值',
      '实际完成值',
      '定性值情况说明',
      '分值',
      '得分',
      '偏差原因分析及改进措施',
    ],
    ['', '产出指标', '数量指标', '购置台式机数量', '= 10台', '= 10台', '= 10台', '', 10, 10],
    ['', '', '', '购置笔记本电脑', '= 2台', '= 2台', '= 2台', '', '10', '10'],
    [],
    [
      '',
      '',
      '时效指标',
      '开展采购、验收',
      '',
      '6月',
      '部分达成预期指标并具有一定效果',
      '',
      5,
      3,
      '6月完成采购流程、7月完成验收',
    ],
    ['', '效益指标', '社会效益', '保障网络数据安全', '', '保障', '达成预期指标', '', 15, 15],
    ['', '满意度指标', '服务对象满意度', '工作人员满意度', '≥%', '≥80%', '≥85%', '', 10, 10],
    ['总 分', '', '', '', '', '', '', '', '', 58, '优'],
    ['项目绩效分析', '自评结果分析', '项目实施和预算执行情况', '已完成12台国产电脑的购置及验收。'],
    ['', '', '产出情况', '完成12台（10台台式机、2台笔记本电脑）。'],
    ['', '主要经验做法', '', '严格按照政府采购程序。'],
    ['备注：1.“年初预算数”项下的“目标申报数”和“预算编制数”为并列关系。'],
    ['', '', '', '', '', '', '', '', '', '', '', '', '', '随手写的批注'],
  ];
  place(ws, 3, 2, rows, [
    [1, 1, 1, 11],
    [3, 2, 3, 11],
    [5, 3, 5, 4],
    [5, 1, 8, 1],
    [10, 1, 11, 1],
    [12, 1, 18, 1],
    [13, 2, 16, 2], // 产出指标 merged over its rows, the blank row inside included
    [20, 3, 20, 3],
    [22, 2, 22, 3],
  ]);
}

/** A national form with the columns in another order, an unknown column and a weight that is not a number. */
function nationalMoved(ws: ExcelJS.Worksheet) {
  place(ws, 1, 1, [
    ['项目支出绩效自评表'],
    ['（2023年度）'],
    ['项目支出名称', '大气污染防治资金'],
    ['主管部门', '衡阳市生态环境局', '实施单位', '衡阳市生态环境局机关'],
    ['项目资金（万元）', '资金来源', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    ['', '年度资金总额', 0, 813.54, 813.54, 10, 1, 10],
    ['', '其中：当年财政拨款', 0, 813.54, 813.54, '—', '—', '—'],
    ['年度总体目标', '预期目标', '', '实际完成情况'],
    ['', '改善环境质量', '', '已完成全年目标'],
    [
      '绩效指标',
      '一级指标',
      '二级指标',
      '三级指标',
      '实际完成值',
      '年度指标值',
      '得分',
      '分值',
      '备用列',
      '偏差原因分析及改进措施',
    ],
    ['', '产出指标', '数量指标', '企业大气环境空气质量', '100%', '100%', 5, 5, '甲'],
    ['', '', '质量指标', '改善环境质量', '100%', '达标', 9, '十分', '', '部分指标未达标'],
    ['总分', '', '', '', '', '', 24, 100],
  ]);
  ws.getCell('G6').numFmt = '0.00%';
}

describe('hand-filled official-layout workbooks', () => {
  let back: ImportResult;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    place(wb.addWorksheet('说明'), 1, 1, [['本工作簿由各单位填报'], ['请勿改动表头']]);
    shanxiByHand(wb.addWorksheet('设备购置'));
    nationalMoved(wb.addWorksheet('大气'));
    wb.addWorksheet('空白');
    const file = join(tempDir(), '手填.xlsx');
    await wb.xlsx.writeFile(file);
    back = await imported(file);
  });

  it('finds every form sheet and says why the others were skipped', () => {
    expect(back.meta).toBeNull();
    expect(back.report.forms.map((f) => [f.sheet, f.from, f.indicators, f.fundsRows])).toEqual([
      ['设备购置', 'cells', 5, 2],
      ['大气', 'cells', 2, 2],
    ]);
    expect(back.report.skipped.map((s) => s.sheet)).toEqual(['说明', '空白']);
    expect(back.report.skipped[0]?.reason).toContain('一级指标');
  });

  it('reads a shifted 山西 form with blank rows and merged cells by its titles', () => {
    const { layout, form } = back.forms[0] as ImportResult['forms'][number];
    expect(layout).toBe('shanxi');
    expect(form).toMatchObject({
      kind: 'project',
      year: 2024,
      projectName: '城区分局设备购置项目',
      department: '晋城市生态环境局',
      departmentCode: '218',
      unit: '晋城市生态环境局城区分局',
      unitCode: '218005',
      goals: {
        expected: '2024年完成12台安可设备更新替换工作。',
        actual: '2024年完成了12台安可设备更新替换工作，较2023年度增加2台。',
      },
      printedTotal: 58,
      printedGrade: '优',
    });
    expect(form.funds.rows).toEqual([
      {
        source: '资金总额',
        targetDeclared: 9.32,
        initialBudget: 9.32,
        fullYearBudget: 9.233,
        executed: 9.233,
        carryover: 0,
      },
      {
        source: '市县区财政资金',
        targetDeclared: 9.32,
        initialBudget: 9.32,
        fullYearBudget: 9.233,
        executed: 9.233,
        carryover: 0,
      },
    ]);
    expect(form.funds).toMatchObject({ printedRate: 1, printedScore: 10, deviationReason: '无其他结余部' });
    expect(
      form.indicators.map((i) => [i.level1, i.level2, i.name, i.targetInitial, i.target, i.actual, i.weight]),
    ).toEqual([
      ['产出指标', '数量指标', '购置台式机数量', '= 10台', '= 10台', '= 10台', 10],
      ['产出指标', '数量指标', '购置笔记本电脑', '= 2台', '= 2台', '= 2台', 10],
      ['产出指标', '时效指标', '开展采购、验收', '', '6月', '部分达成预期指标并具有一定效果', 5],
      ['效益指标', '社会效益', '保障网络数据安全', '', '保障', '达成预期指标', 15],
      ['满意度指标', '服务对象满意度', '工作人员满意度', '≥%', '≥80%', '≥85%', 10],
    ]);
    expect(form.indicators[2]).toMatchObject({
      printedScore: 3,
      deviationReason: '6月完成采购流程、7月完成验收',
    });
    // printed scores the rules do not give become manual scores with the import reason
    for (const ind of form.indicators) {
      if (ind.score !== null) expect(ind.scoreReason).toBe(IMPORTED_SCORE_REASON);
    }
    expect(form.analysis).toEqual({
      项目实施和预算执行情况: '已完成12台国产电脑的购置及验收。',
      产出情况及分析: '完成12台（10台台式机、2台笔记本电脑）。',
      主要经验做法: '严格按照政府采购程序。',
    });
  });

  it('reads moved columns by their titles', () => {
    const { layout, form } = back.forms[1] as ImportResult['forms'][number];
    expect(layout).toBe('national');
    expect(form).toMatchObject({ year: 2023, projectName: '大气污染防治资金', printedTotal: 24 });
    expect(form.funds.rows.map((r) => [r.source, r.fullYearBudget, r.executed])).toEqual([
      ['年度资金总额', 813.54, 813.54],
      ['其中：当年财政拨款', 813.54, 813.54],
    ]);
    expect(form.funds).toMatchObject({ weight: 10, printedRate: 1, printedScore: 10 });
    expect(
      form.indicators.map((i) => [i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.printedScore]),
    ).toEqual([
      ['产出指标', '数量指标', '企业大气环境空气质量', '100%', '100%', 5, 5],
      ['产出指标', '质量指标', '改善环境质量', '达标', '100%', null, 9],
    ]);
  });

  it('reports every cell it did not understand, with its address', () => {
    const problems = back.report.problems.map(
      (p) => `${p.sheet}!${p.cell ?? ''} ${p.text ?? ''} ${p.reason}`,
    );
    expect(problems).toContainEqual(expect.stringMatching(/^设备购置!O26 随手写的批注 不在表样的任何位置/));
    expect(problems).toContainEqual(expect.stringMatching(/^大气!I10 备用列 表头不认识/));
    expect(problems).toContainEqual(expect.stringMatching(/^大气!I11 甲 不在表样/));
    expect(problems).toContainEqual(expect.stringMatching(/^大气!H12 十分 分值应为数字/));
    expect(problems.filter((p) => p.startsWith('设备购置'))).toHaveLength(1);
    expect(
      problems.filter((p) => p.startsWith('大气')),
      problems.join('\n'),
    ).toHaveLength(3);
  });
});

describe('bad files are refused with a clear Chinese message', () => {
  const huge = Buffer.alloc(20 * 2 ** 20);
  it.each<[string, () => Buffer, string, RegExp]>([
    [
      'a zip bomb whose sizes lie',
      () => minimalXlsx(sheetXmlWithRows(1), [{ name: 'xl/media/a.bin', data: huge, declaredSize: 1000 }]),
      'too-large',
      /压缩炸弹/,
    ],
    [
      'a zip bomb that says what it is',
      () =>
        minimalXlsx(sheetXmlWithRows(1), [{ name: 'xl/media/a.bin', data: huge.subarray(0, 12 * 2 ** 20) }]),
      'too-large',
      /压缩比/,
    ],
    [
      'an entry of 2 GB',
      () => makeZip([{ name: 'xl/workbook.xml', data: Buffer.from('x'), declaredSize: 2 ** 31 }]),
      'too-large',
      /2048 MB/,
    ],
    ['a sheet of 100,000 rows', () => minimalXlsx(sheetXmlWithRows(100_000)), 'too-large', /超过 10000 行/],
    [
      '205,000 cells in 5,000 rows',
      () => minimalXlsx(sheetXmlWithRows(5000, 41)),
      'too-large',
      /单元格（.*）超过 200000/,
    ],
    [
      'broken XML',
      () => minimalXlsx('<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1"><v>1</v></row></c>'),
      'damaged',
      /已损坏/,
    ],
    ['not a zip', () => Buffer.from('这不是 Excel 文件'), 'not-xlsx', /不是 \.xlsx 文件/],
    [
      'an old .xls',
      () => Buffer.from('d0cf11e0a1b11ae10000000000000000', 'hex'),
      'not-xlsx',
      /另存为 \.xlsx/,
    ],
    [
      'a zip that is not a workbook',
      () => makeZip([{ name: 'a.txt', data: Buffer.from('a') }]),
      'not-xlsx',
      /workbook/,
    ],
    ['a truncated file', () => minimalXlsx(sheetXmlWithRows(5)).subarray(0, 300), 'damaged', /已损坏/],
    ['a workbook without forms', () => minimalXlsx(sheetXmlWithRows(5)), 'no-form-found', /没有找到自评表/],
  ])('%s', async (name, make, code, message) => {
    const file = join(tempDir(), `${name}.xlsx`);
    writeFileSync(file, make());
    const r = await importXlsx(file);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.message).toMatch(message);
    expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(r.error.message).not.toMatch(/[A-Za-z]{12,}/);
  });

  it('a missing file', async () => {
    const r = await importXlsx(join(tempDir(), '没有这个文件.xlsx'));
    expect(r.ok || r.error.message).toContain('找不到文件');
  });
});
