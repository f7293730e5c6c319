/**
 * One form as one worksheet in its layout's official print, generated top to bottom from the
 * layout definition (shared/layouts): title and year line, 金额单位, header fields, funds block,
 * goals, the indicator table with 一级/二级 merged over their rows, the total row, analysis
 * texts and 备注; A4 in the layout's orientation, one page wide, the table's header on every page
 * that carries indicator rows (page-breaks.ts).
 * 湖南's 基础数据表 has a sheet of its own (basic-data-sheet.ts).
 */
import type { Worksheet } from 'exceljs';
import type { ColumnDef, IndicatorColumnKey, KindLayout } from '../../../shared/layouts/types';
import type { Form, Indicator, LayoutId } from '../../../shared/model/types';
import { levelRuns } from '../../../shared/model/level-groups';
import { fieldPairs, LONG_TEXT, writeFieldRows, writePairs } from './header-rows';
import { fundsFitBasicInfo, writeBasicInfo, writeUnitLine } from './basic-info-block';
import { analysisLabel, BASIC_INFO, formTitle, headerLabels, LABELS, withCode } from './labels';
import { NUMBER_LOOK, SheetWriter, spans } from './sheet-writer';
import { setupPrint } from './page';
import { pageCapacity, Pager } from './page-breaks';
import { LEFT, RIGHT } from './styles';
import { round2 } from '../../../shared/format/numbers';
import { analysisEntries } from '../../../shared/layouts/analysis-titles';
import { printedForm } from '../../../shared/model/printed-lines';
import { type FormSheetInput, LABEL_WIDTH, TEXT, LABEL, halves, pieces } from './form-sheet-common';
import { fundsSpans, writeFunds, writeGoals } from './form-sheet-funds';
import { writeIndicators } from './form-sheet-indicators';

export type { FormSheetInput } from './form-sheet-common';

/** Rows of the sheet that tests and the importer care about. */
export interface FormSheetRows {
  indicatorHeader: number;
  total: number;
  last: number;
}

/**
 * Grid columns: the label column, then one per indicator column; the funds block spreads its
 * columns over them, widening a span that is narrower than its funds column (执行率 must fit).
 */
export function gridOf(kind: KindLayout): { widths: number[]; columns: number } {
  const columns = Math.max(kind.indicatorColumns.length, kind.fundsColumns.length);
  const widths = [LABEL_WIDTH];
  for (let i = 0; i < columns; i++) widths.push(kind.indicatorColumns[i]?.width ?? 10);
  fundsSpans(kind, columns).forEach(([from, to], i) => {
    let have = 0;
    for (let c = from; c <= to; c++) have += widths[c - 1] ?? 0;
    const missing = (kind.fundsColumns[i]?.width ?? 0) - have;
    if (missing > 0)
      for (let c = from; c <= to; c++) widths[c - 1] = (widths[c - 1] ?? 0) + missing / (to - from + 1);
  });
  return { widths, columns };
}

export function writeFormSheet(ws: Worksheet, input: FormSheetInput): FormSheetRows {
  const { form, layout } = input;
  const kind = layout.kinds[form.kind];
  const grid = gridOf(kind);
  const w = new SheetWriter(ws, grid.widths);
  const last = w.lastCol;

  let r = 1;
  // 000 prints the template title alone; the project's name is in its 基本情况 block. 004's project
  // form prints nothing above its 项目支出名称.
  if (!kind.untitled) {
    const title = kind.basicInfo ? kind.title : formTitle(form, kind);
    w.put({ row: r, col: 1, toCol: last }, title, { font: 'title', border: false });
    w.needHeight(r++, 32);
  }
  if (kind.basicInfo) {
    writeUnitLine(w, r++, form);
    r = writeBasicInfo(w, r, form, kind);
    if (!fundsFitBasicInfo(form, kind)) r = writeFunds(w, r, input, kind, grid.columns);
  } else {
    if (!kind.untitled) r = writeYearLines(w, r, form.year);
    r = writeHeader(w, r, form, kind, layout.id);
    r = writeFieldRows(w, r, kind.headerRows ?? [], form);
    r = writeFunds(w, r, input, kind, grid.columns);
    r = writeGoals(w, r, form);
    r = writeFieldRows(w, r, kind.goalRows ?? [], form);
  }
  const indicatorHeader = r;
  const pager = new Pager(ws, pageCapacity(grid.widths, layout.orientation));
  // 004's project form prints its whole tree, a 二级 without lines as a blank row.
  const table = writeIndicators(w, r, printedForm(input, kind), kind, pager);
  r = table.next;
  const total = r;
  r = writeTotal(w, r, input, kind);
  r = writeAnalysis(w, r, form, kind);
  for (const note of layout.notes) {
    w.put({ row: r++, col: 1, toCol: last }, note, { font: 'note', align: LEFT, border: false });
  }
  pager.placeRows(
    total,
    r - 1,
    (row) => w.heightOf(row),
    (row) => w.isTitleRow(row),
  );
  w.labelsAtTopOverPages(pager.pageStarts);
  w.finish();
  // The table's header is repeated by the sheet's own rows, on the pages that carry the table only.
  setupPrint(ws, layout.orientation, null, input.draft);
  return { indicatorHeader, total, last: r - 1 };
}

/** （2024年度） and 金额单位：万元 under the title. */
function writeYearLines(w: SheetWriter, r: number, year: number): number {
  w.put({ row: r++, col: 1, toCol: w.lastCol }, `（${year}年度）`, { font: 'subtitle', border: false });
  w.put({ row: r++, col: 1, toCol: w.lastCol }, LABELS.unitLine, {
    font: 'subtitle',
    border: false,
    align: RIGHT,
  });
  return r;
}

function writeHeader(w: SheetWriter, r: number, form: Form, kind: KindLayout, layout: LayoutId): number {
  const labels = headerLabels(layout, form.kind);
  const last = w.lastCol;
  const name = { label: labels.name, value: form.projectName, look: TEXT };
  writePairs(w, r++, [name, ...fieldPairs(form, kind.nameRowFields ?? [])]);
  if (kind.nameOnly) return r;
  const [deptCols, unitCols] = halves(last - 2);
  const [dept, unitLabel, unit] = spans(2, [deptCols, 1, unitCols] as const);
  w.put({ row: r, col: 1 }, labels.department, LABEL);
  w.put({ row: r, col: dept[0], toCol: dept[1] }, withCode(form.departmentCode, form.department), TEXT);
  w.put({ row: r, col: unitLabel[0], toCol: unitLabel[1] }, labels.unit, LABEL);
  w.put({ row: r++, col: unit[0], toCol: unit[1] }, withCode(form.unitCode, form.unit), TEXT);
  return r;
}

/** The sum of a level's weights, each group counted once; null when none is filled in. */
function levelWeightSum(indicators: readonly Indicator[], level: 1 | 2): number | null {
  const key = level === 1 ? 'level1Weight' : 'level2Weight';
  const weights = levelRuns(indicators, level)
    .map(([from]) => indicators[from]?.[key] ?? null)
    .filter((v): v is number => v !== null);
  return weights.length === 0 ? null : round2(weights.reduce((s, v) => s + v, 0));
}

/** 000's 合计 row: the sum under every weight column and the total score; no 等级. */
function writeSums(
  w: SheetWriter,
  r: number,
  input: FormSheetInput,
  cols: ColumnDef<IndicatorColumnKey>[],
): number {
  const { form, result } = input;
  w.put({ row: r, col: 1, toCol: 2 }, BASIC_INFO.total, LABEL);
  cols.forEach((c, i) => {
    if (i === 0) return;
    const at = { row: r, col: i + 2, toCol: i === cols.length - 1 ? w.lastCol : i + 2 };
    if (c.key === 'level1Weight' || c.key === 'level2Weight')
      w.put(at, levelWeightSum(form.indicators, c.key === 'level1Weight' ? 1 : 2), NUMBER_LOOK.weight);
    else if (c.key === 'weight') w.put(at, result.weightTotal, NUMBER_LOOK.weight);
    else if (c.key === 'score') w.put(at, result.total, NUMBER_LOOK.score);
    else w.put(at, null);
  });
  return r + 1;
}

function writeTotal(w: SheetWriter, r: number, input: FormSheetInput, kind: KindLayout): number {
  const cols = kind.indicatorColumns;
  if (kind.basicInfo) return writeSums(w, r, input, cols);
  const colOf = (key: IndicatorColumnKey) => cols.findIndex((c) => c.key === key) + 2;
  const { printsGrade, gradeAlone } = input.layout;
  // 002's total row: 总分 … the total | 优, no sum of the weights.
  const weightCol = gradeAlone ? 1 : colOf('weight');
  const scoreCol = colOf('score');
  const labelEnd = Math.max(1, Math.min(weightCol > 1 ? weightCol : scoreCol, scoreCol) - 1);
  w.put({ row: r, col: 1, toCol: labelEnd }, LABELS.total, LABEL);
  if (weightCol > 1 && weightCol < scoreCol) {
    w.put({ row: r, col: weightCol }, input.result.weightTotal, NUMBER_LOOK.weight);
    if (scoreCol - weightCol > 1) w.put({ row: r, col: weightCol + 1, toCol: scoreCol - 1 }, null);
  }
  w.put(
    { row: r, col: scoreCol },
    input.result.total,
    kind.totalInPoints ? NUMBER_LOOK.points : NUMBER_LOOK.score,
  );
  if (scoreCol < w.lastCol) {
    const grade = !printsGrade
      ? null
      : gradeAlone
        ? input.result.grade
        : `${LABELS.grade}：${input.result.grade}`;
    w.put({ row: r, col: scoreCol + 1, toCol: w.lastCol }, grade, LABEL);
  }
  return r + 1;
}

/**
 * The layout's analysis rows, each with the text stored under its title or a variant of it, then
 * any other text the form carries, so that nothing typed is left out (shared/layouts/analysis-titles);
 * the layout's captions (002: 项目绩效分析, 自评结果分析) down the left of the titles they group, each
 * caption one column further right.
 */
function writeAnalysis(w: SheetWriter, r: number, form: Form, kind: KindLayout): number {
  const labelEnd = Math.min(3, w.lastCol - 1);
  const captions = (kind.analysisCaptions ?? []).slice(0, labelEnd - 1);
  const covering = (t: number) => captions.filter((c) => c.from <= t && t < c.from + c.count).length;
  const rowsOf: Array<[number, number]> = [];
  analysisEntries(form.analysis, kind.analysisTitles).forEach(({ title, text }, t) => {
    const parts = pieces(w, text, [labelEnd + 1, w.lastCol]);
    const place = { row: r, col: 1 + covering(t), toCol: labelEnd, toRow: r + parts.length - 1 };
    w.put(place, analysisLabel(title, kind, form.year), LABEL);
    rowsOf.push([r, r + parts.length - 1]);
    for (const part of parts) w.put({ row: r++, col: labelEnd + 1, toCol: w.lastCol }, part, LONG_TEXT);
  });
  captions.forEach((c, depth) => {
    const first = rowsOf[c.from];
    const last = rowsOf[Math.min(c.from + c.count, rowsOf.length) - 1];
    if (first && last) w.put({ row: first[0], col: 1 + depth, toRow: last[1] }, c.caption, LABEL);
  });
  return r;
}
