/** Helpers of the Excel tests: forms of every layout with known contents, and reading files back. */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { expect } from 'vitest';
import { readZipEntries, zipEntryData } from '../../electron/services/excel/zip-entries';
import { exportDocument, type ExportOptions, type ExportReport } from '../../electron/services/excel/export';
import { importXlsx, type ImportResult } from '../../electron/services/excel/import';
import { getLayout } from '../../shared/layouts/definitions';
import { newForm, newIndicator } from '../../shared/model/factory';
import { emptyBasicData } from '../../shared/model/basic-data';
import { isHeaderNumberKey, setHeaderText } from '../../shared/model/header';
import type { Form, FormKind, Indicator, LayoutId, ZipingDocument } from '../../shared/model/types';

/** Typed text that a spreadsheet would take for a formula if it were not written as text. */
export const FORMULA_LIKE = ['=SUM(A1:A2)', '+86 123', '-5', '@用户'];

/**
 * One form of the layout: funds rows of the layout's template with amounts, goals, two level-1
 * groups (level-2 groups of 2 and 1 lines, then 2 lines), analysis texts, and formula-like text.
 */
export function layoutForm(layout: LayoutId, kind: FormKind = 'project', id = 'f1', name = '测试项目'): Form {
  const form = newForm(id, layout, kind, 2024, name);
  form.department = '晋城市生态环境局';
  form.departmentCode = '218';
  form.unit = '晋城市生态环境局城区分局';
  form.unitCode = '218005';
  form.funds.rows.forEach((row, i) => {
    row.initialBudget = 198.5 / (i + 1);
    row.fullYearBudget = 198.5 / (i + 1);
    row.executed = 190.25 / (i + 1);
    if (layout === 'shanxi') {
      row.targetDeclared = 0;
      row.carryover = 8.25;
    }
  });
  form.funds.deviationReason = '部分资金结转';
  form.goals = { expected: '完成 5 处重点区域洒水降尘。'.repeat(8), actual: '已完成 5 处。' };
  const e = layout === 'guangdong';
  const l1a = e ? '产出' : '产出指标';
  const l1b = e ? '效益' : '效益指标';
  const lines: Array<[string, string, string, string, string, number]> = [
    [l1a, e ? '产出数量' : '数量指标', '作业频次', '=8次/天', '=10次/天', 20],
    [l1a, e ? '产出数量' : '数量指标', '作业车辆', '≥6辆', FORMULA_LIKE[0] as string, 20],
    [l1a, e ? '产出质量' : '质量指标', '验收合格率', '=100%', '=100%', 20],
    [l1b, e ? '社会效益' : '社会效益指标', '空气质量', '持续改善', '达成预期指标', 15],
    [l1b, e ? '社会效益' : '社会效益指标', FORMULA_LIKE[1] as string, '≥90%', '95%', 15],
  ];
  form.indicators = lines.map(([level1, level2, nm, target, actual, weight], i) =>
    newIndicator(`i${i + 1}`, {
      level1,
      level2,
      name: nm,
      target,
      actual,
      weight,
      targetInitial: '=次/天',
      deviationReason: i === 0 ? FORMULA_LIKE[2] : '',
      ruleText: i === 1 ? FORMULA_LIKE[3] : '',
      basis: '上年实际',
      lastYear: '9次/天',
      evidence: '台账',
      qualitativeNote: i === 3 ? '空气质量改善' : '',
      ...(e ? { level1Weight: i < 3 ? 60 : 40, level2Weight: i < 2 ? 40 : i === 2 ? 20 : 40 } : {}),
    }),
  );
  // A manual score with its reason: only the hidden data carries the reason.
  const first = form.indicators[0];
  if (first) {
    first.score = 15;
    first.scoreReason = '完成值高于指标值较多，按偏离度调减';
  }
  for (const title of getLayout(layout).kinds[kind].analysisTitles)
    form.analysis[title] = `${title}：情况良好。`;
  return form;
}

export function layoutDocument(layout: LayoutId, forms: Form[]): ZipingDocument {
  const now = '2025-01-01T00:00:00.000Z';
  return {
    meta: {
      unit: '测试单位',
      year: 2024,
      layout,
      createdAt: now,
      createdBy: '测试',
      modifiedAt: now,
      modifiedBy: '测试',
    },
    forms,
  };
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The first row whose cell in column `col` has exactly this text. */
export function rowWith(ws: ExcelJS.Worksheet, text: string, col = 1): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, col).value === text) return r;
  throw new Error(`no row with “${text}” in column ${col} of ${ws.name}`);
}

/** The values of row r, one per merged area (row.values repeats a merged value in every cell). */
export function rowValues(ws: ExcelJS.Worksheet, r: number): unknown[] {
  const out: unknown[] = [];
  ws.getRow(r).eachCell((cell) => {
    if (cell.type !== ExcelJS.ValueType.Merge) out.push(cell.value);
  });
  return out;
}

/** Exports or fails the test with the export's message. */
export async function exportOrThrow(
  doc: ZipingDocument,
  out: string,
  options: ExportOptions = { draft: true },
): Promise<ExportReport> {
  const r = await exportDocument(doc, out, options);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

export type CellRow = Array<string | number | null>;

/** Writes hand-filled rows from (top, left); empty strings and nulls leave the cell blank. */
export function writeRows(ws: ExcelJS.Worksheet, rows: readonly CellRow[], top = 1, left = 1): void {
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== '') ws.getCell(top + r, left + c).value = v;
    }),
  );
}

/** A workbook of one sheet `江门` filled by `fill`, written to dir/name.xlsx; returns the path. */
export async function handFilledFile(
  dir: string,
  name: string,
  fill: (ws: ExcelJS.Worksheet) => void,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('江门'));
  const file = `${dir}/${name}.xlsx`;
  await wb.xlsx.writeFile(file);
  return file;
}

/**
 * What every sheet we print has: A4, one page wide, `titles` repeated on each page (undefined: the
 * sheet repeats its own header rows), page numbers.
 */
export function expectPrintSetup(
  ws: ExcelJS.Worksheet,
  orientation: 'portrait' | 'landscape',
  titles: string | undefined,
): void {
  expect(ws.pageSetup).toMatchObject({
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  });
  expect(ws.pageSetup.printTitlesRow).toBe(titles);
  expect(ws.headerFooter.oddFooter).toContain('&P');
}

/**
 * The manual page breaks of a sheet of the file (exceljs does not read them back): the rows after
 * which a new page begins, from the sheet's XML.
 */
export function rowBreaksOf(file: string, ws: ExcelJS.Worksheet): number[] {
  const buf = readFileSync(file);
  const entry = readZipEntries(buf, 10_000).find((e) => e.name === `xl/worksheets/sheet${ws.id}.xml`);
  if (!entry) throw new Error(`no XML for sheet ${ws.name}`);
  const data = zipEntryData(buf, entry);
  const xml = (entry.method === 8 ? inflateRawSync(data) : data).toString('utf8');
  const breaks = /<rowBreaks[^>]*>(.*?)<\/rowBreaks>/s.exec(xml)?.[1] ?? '';
  return [...breaks.matchAll(/<brk [^>]*id="(\d+)"/g)].map((m) => Number(m[1]));
}

/**
 * A form whose every long text is long: many lines; names, 年度指标值, 偏差原因 and every other text
 * column; goals, 偏差原因 of the funds, analysis, the header fields and the 基础数据表 the kind prints.
 */
export function longForm(layout: LayoutId, lines: number, kind: FormKind = 'project'): Form {
  const form = layoutForm(layout, kind);
  const base = form.indicators;
  const long = (text: string, times: number) => text.repeat(times);
  form.indicators = Array.from({ length: lines }, (_, i) => {
    const from = base[i % base.length] as Indicator;
    return {
      ...from,
      id: `l${i}`,
      level1: i < lines / 2 ? from.level1 : '满意度指标',
      level2: i < lines / 2 ? from.level2 : '服务对象满意度指标',
      name: i % 7 === 3 ? long('群众对农村人居环境整治的满意程度', 40) : `${from.name}${i}`,
      target: i % 5 === 1 ? long('≥95%，且按期完成全部建设内容并通过验收。', 60) : from.target,
      deviationReason:
        i === 4 ? '受汛期影响，部分工程延期开工，已督促施工单位增加作业面。\n'.repeat(400).trimEnd() : '',
      // Every other text column some layout prints, long on some lines.
      basis: i % 6 === 2 ? long('《2024年生态环境保护工作要点》及单位三定方案；', 30) : from.basis,
      qualitativeNote: i % 6 === 5 ? long('空气质量持续改善，优良天数比例达到考核要求。', 20) : '',
      evidence: i % 4 === 0 ? long('年度工作总结、验收报告、资金支付凭证；', 25) : from.evidence,
      lastYear: i % 8 === 6 ? long('上年完成检查126次，整改问题48个。', 20) : from.lastYear,
      ruleText:
        i % 9 === 7
          ? long('平均浓度达到35微克/立方米，记10分，每减少1微克/立方米，扣0.5分。', 15)
          : from.ruleText,
    };
  });
  form.goals.expected = long('深入打好污染防治攻坚战，推动环境质量持续向好。', 200);
  form.goals.actual = long('全年空气质量优良天数比例达到考核要求，重点任务按期完成。', 120);
  form.funds.deviationReason = long('部分资金结转至下年使用，已按进度拨付。', 30);
  const printed = getLayout(layout).kinds[kind];
  for (const title of printed.analysisTitles)
    form.analysis[title] = long(`${title}：严格按照政府采购程序进行采购，资金使用规范。`, 150);
  // The header fields the layout prints (广东: 实施文件依据 …), long where they hold text.
  const fields = [printed.nameRowFields ?? [], ...(printed.headerRows ?? []), ...(printed.goalRows ?? [])];
  for (const { key } of fields.flat())
    if (!isHeaderNumberKey(key))
      setHeaderText(form, key, long('市政府常务会议纪要（十五届（124）次）、预算方案；', 12));
  if (printed.basicData) {
    const data = emptyBasicData(printed.basicData);
    data.spending.push({
      item: long('本级专项资金：农村环境综合整治', 12),
      lastYearFinal: 1,
      budget: 2,
      final: 3,
    });
    data.savingMeasures = long('牢固树立过紧日子思想，严控一般性支出，压减会议费和差旅费。', 120);
    form.basicData = data;
  }
  return form;
}

/** An import that must succeed: its result (forms and report). */
/** The forms of a workbook; `options.layout` as the editor passes its document's layout. */
export async function imported(file: string, options: { layout?: LayoutId } = {}): Promise<ImportResult> {
  const r = await importXlsx(file, options);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Drops our hidden data, so that the import reads what the sheet shows. */
export async function withoutHiddenData(wb: ExcelJS.Workbook, file: string): Promise<void> {
  wb.removeWorksheet((wb.getWorksheet('ZipingData') as ExcelJS.Worksheet).id);
  await wb.xlsx.writeFile(file);
}
