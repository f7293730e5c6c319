/**
 * One form as one worksheet in its layout's official print, generated top to bottom from the
 * layout definition (shared/layouts): title and year line, 金额单位, header fields, funds block,
 * goals, the indicator table with 一级/二级 merged over their rows, the total row, analysis
 * texts and 备注; A4 in the layout's orientation, one page wide, table header on every page.
 * 湖南's 基础数据表 has a sheet of its own (basic-data-sheet.ts).
 */
import type { Worksheet } from 'exceljs';
import type {
  ColumnDef,
  FundsColumnKey,
  IndicatorColumnKey,
  KindLayout,
  LayoutDef,
} from '../../../shared/layouts/types';
import type { Form, FundsRow, Indicator, LayoutId } from '../../../shared/model/types';
import { levelRuns, runsBy, type LevelRun as Run } from '../../../shared/model/level-groups';
import type { FormResult, IndicatorResult } from '../../../shared/scoring/types';
import { fieldPairs, LONG_TEXT, writeFieldRows, writePairs } from './header-rows';
import { fundsFitBasicInfo, writeBasicInfo, writeUnitLine } from './basic-info-block';
import { BASIC_INFO, headerLabels, LABELS, withCode } from './labels';
import {
  NUMBER_LOOK,
  SheetWriter,
  spans,
  spread,
  type CellValue,
  type Look,
  type Span,
} from './sheet-writer';
import { setupPrint } from './page';
import { FONTS, heightFor, LEFT, linesOf, RIGHT } from './styles';
import { round2 } from '../../../shared/format/numbers';
import { shownCompletionRate } from '../../../shared/scoring/completion';

export interface FormSheetInput {
  form: Form;
  layout: LayoutDef;
  result: FormResult;
  draft: boolean;
}

/** Rows of the sheet that tests and the importer care about. */
export interface FormSheetRows {
  indicatorHeader: number;
  total: number;
  last: number;
}

const LABEL_WIDTH = 12;
const TEXT: Look = { fmt: 'text', align: LEFT };
const LABEL: Look = { font: 'label' };
const PLAIN_TEXT: Look = { fmt: 'text' };
const DASH: Look = {};

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

function fundsSpans(kind: KindLayout, columns: number): Span[] {
  return spans(2, spread(columns, kind.fundsColumns.length));
}

/**
 * A project form's title carries the project's name, as forms.md (`XX项目支出绩效自评表`) and the
 * real forms of 002 print it (“城区分局设备购置项目项目支出绩效自评表”); department forms keep the template title.
 */
export function formTitle(form: Form, kind: KindLayout): string {
  return form.kind === 'project' ? `${form.projectName.trim()}${kind.title}` : kind.title;
}

export function writeFormSheet(ws: Worksheet, input: FormSheetInput): FormSheetRows {
  const { form, layout } = input;
  const kind = layout.kinds[form.kind];
  const grid = gridOf(kind);
  const w = new SheetWriter(ws, grid.widths);
  const last = w.lastCol;

  let r = 1;
  // 000 prints the template title alone; the project's name is in its 基本情况 block.
  const title = kind.basicInfo ? kind.title : formTitle(form, kind);
  w.put({ row: r, col: 1, toCol: last }, title, { font: 'title', border: false });
  w.needHeight(r++, 32);
  if (kind.basicInfo) {
    writeUnitLine(w, r++, form);
    r = writeBasicInfo(w, r, form, kind);
    if (!fundsFitBasicInfo(form, kind)) r = writeFunds(w, r, input, kind, grid.columns);
  } else {
    w.put({ row: r++, col: 1, toCol: last }, `（${form.year}年度）`, { font: 'subtitle', border: false });
    w.put({ row: r++, col: 1, toCol: last }, LABELS.unitLine, {
      font: 'subtitle',
      border: false,
      align: RIGHT,
    });
    r = writeHeader(w, r, form, kind, layout.id);
    r = writeFieldRows(w, r, kind.headerRows ?? [], form);
    r = writeFunds(w, r, input, kind, grid.columns);
    r = writeGoals(w, r, form);
    r = writeFieldRows(w, r, kind.goalRows ?? [], form);
  }
  const indicatorHeader = r;
  const table = writeIndicators(w, r, input, kind);
  r = table.next;
  const total = r;
  r = writeTotal(w, r, input, kind);
  r = writeAnalysis(w, r, form, kind);
  for (const note of layout.notes) {
    w.put({ row: r++, col: 1, toCol: last }, note, { font: 'note', align: LEFT, border: false });
  }
  w.finish();
  setupPrint(ws, layout.orientation, `${indicatorHeader}:${table.headerEnd}`, input.draft);
  return { indicatorHeader, total, last: r - 1 };
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

function fundsCell(
  key: FundsColumnKey,
  row: FundsRow,
  isTotal: boolean,
  input: FormSheetInput,
): { value: CellValue; look: Look } {
  const ex = input.result.execution;
  const dash = input.layout.kinds[input.form.kind].fundsDash ?? '—';
  const onTotal = (value: number | null, look: Look): { value: CellValue; look: Look } =>
    isTotal ? { value, look } : { value: dash, look: DASH };
  switch (key) {
    case 'source':
      return { value: row.source, look: TEXT };
    case 'weight':
      return onTotal(ex.weight, NUMBER_LOOK.weight);
    case 'rate':
      return onTotal(ex.rate, NUMBER_LOOK.percent);
    case 'score':
      return onTotal(ex.final, NUMBER_LOOK.score);
    case 'deviationReason':
      return { value: isTotal ? input.form.funds.deviationReason : '', look: TEXT };
    default:
      return { value: row[key], look: NUMBER_LOOK.amount };
  }
}

function writeFunds(
  w: SheetWriter,
  r: number,
  input: FormSheetInput,
  kind: KindLayout,
  columns: number,
): number {
  const cols = kind.fundsColumns;
  const places = fundsSpans(kind, columns);
  const rows = input.form.funds.rows;
  w.put({ row: r, col: 1, toRow: r + rows.length }, cols[0]?.title ?? '', LABEL);
  cols.forEach((c, i) => {
    const [from, to] = places[i] as [number, number];
    w.put({ row: r, col: from, toCol: to }, c.key === 'source' ? LABELS.fundsSource : c.title, LABEL);
  });
  r++;
  rows.forEach((row, ri) => {
    cols.forEach((c, i) => {
      const [from, to] = places[i] as [number, number];
      const { value, look } = fundsCell(c.key, row, ri === 0, input);
      w.put({ row: r, col: from, toCol: to }, value, look);
    });
    r++;
  });
  return r;
}

/** Two parts of `count` columns, the larger first. */
function halves(count: number): [number, number] {
  return [Math.ceil(count / 2), Math.floor(count / 2)];
}

/** Pieces of a long text for the rows of a cell spanning `span` columns (see splitForRows). */
function pieces(w: SheetWriter, text: string, span: Span): string[] {
  return w.pieces(text, span[0], span[1]);
}

function writeGoals(w: SheetWriter, r: number, form: Form): number {
  const last = w.lastCol;
  const [expected, actual] = spans(2, halves(last - 1));
  const texts = [pieces(w, form.goals.expected, expected), pieces(w, form.goals.actual, actual)] as const;
  const rows = Math.max(texts[0].length, texts[1].length);
  w.put({ row: r, col: 1, toRow: r + rows }, LABELS.goals, LABEL);
  w.put({ row: r, col: expected[0], toCol: expected[1] }, LABELS.goalsExpected, LABEL);
  w.put({ row: r++, col: actual[0], toCol: actual[1] }, LABELS.goalsActual, LABEL);
  for (let i = 0; i < rows; i++) {
    w.put({ row: r, col: expected[0], toCol: expected[1] }, texts[0][i] ?? '', LONG_TEXT);
    w.put({ row: r++, col: actual[0], toCol: actual[1] }, texts[1][i] ?? '', LONG_TEXT);
  }
  return r;
}

function indicatorCell(
  key: IndicatorColumnKey,
  ind: Indicator,
  line: IndicatorResult | undefined,
): { value: CellValue; look: Look } {
  switch (key) {
    case 'weight':
      return { value: line?.weight ?? ind.weight, look: NUMBER_LOOK.weight };
    case 'level1Weight':
    case 'level2Weight':
      return { value: ind[key] ?? null, look: NUMBER_LOOK.weight };
    case 'score':
      return { value: line?.final ?? null, look: NUMBER_LOOK.score };
    case 'completionRate':
      return { value: line ? shownCompletionRate(line) : null, look: NUMBER_LOOK.percent };
    case 'level1':
    case 'level2':
      return { value: ind[key], look: PLAIN_TEXT };
    default:
      return { value: ind[key], look: TEXT };
  }
}

/** Which level a merged column follows: 一级 (and its weight) or 二级 (and its weight). */
function mergeLevel(key: IndicatorColumnKey): 1 | 2 | 0 {
  if (key === 'level1' || key === 'level1Weight') return 1;
  if (key === 'level2' || key === 'level2Weight') return 2;
  return 0;
}

/**
 * The runs a column's cells are merged over: 一级/二级 and their weights always; in 000's table
 * also 评分标准 and 参考佐证材料, where one text serves consecutive lines of a 一级指标.
 */
function columnRuns(key: IndicatorColumnKey, indicators: readonly Indicator[], kind: KindLayout): Run[] {
  const level = mergeLevel(key);
  if (level !== 0) return levelRuns(indicators, level);
  if (kind.basicInfo && (key === 'ruleText' || key === 'evidence'))
    return runsBy(indicators, (ind) =>
      ind[key].trim() === '' ? null : `${ind.level1.trim()}\u0000${ind[key]}`,
    );
  return indicators.map((_, i): Run => [i, i]);
}

const WEIGHT_OF: Partial<Record<IndicatorColumnKey, IndicatorColumnKey>> = {
  level1: 'level1Weight',
  level2: 'level2Weight',
  name: 'weight',
};

const GROUPED_TITLE_ROWS = 3;

/**
 * 000's table header: 评价指标 over the level columns, each level's title over 名称 | 权重(%), the
 * other titles down all three rows.
 */
function writeGroupedTitles(w: SheetWriter, r: number, cols: ColumnDef<IndicatorColumnKey>[]): void {
  const lastOf = (i: number) => (i === cols.length - 1 ? w.lastCol : i + 2);
  let groupEnd = 1;
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i] as ColumnDef<IndicatorColumnKey>;
    const weight = cols[i + 1];
    if (weight && WEIGHT_OF[c.key] === weight.key) {
      w.put({ row: r + 1, col: i + 2, toCol: i + 3 }, c.title, LABEL);
      w.put({ row: r + 2, col: i + 2 }, BASIC_INFO.levelName, LABEL);
      w.put({ row: r + 2, col: i + 3 }, weight.title, LABEL);
      groupEnd = i + 3;
      i++;
      continue;
    }
    const title = c.key === 'evidence' ? `${c.title}\n${BASIC_INFO.evidenceNote}` : c.title;
    w.put({ row: r, col: i + 2, toCol: lastOf(i), toRow: r + 2 }, title, LABEL);
    // A title down three rows is shown by their sum: the last row takes what the others lack.
    const need = heightFor(linesOf(title, w.spanWidth(i + 2, lastOf(i))), FONTS.label.size);
    w.needHeight(r + 2, need - 2 * heightFor(1, FONTS.label.size));
  }
  if (groupEnd > 1) w.put({ row: r, col: 2, toCol: groupEnd }, BASIC_INFO.indicatorGroup, LABEL);
}

function writeIndicators(
  w: SheetWriter,
  r: number,
  input: FormSheetInput,
  kind: KindLayout,
): { next: number; headerEnd: number } {
  const { form, result } = input;
  const cols = kind.indicatorColumns;
  const n = form.indicators.length;
  const lastOf = (i: number) => (i === cols.length - 1 ? w.lastCol : i + 2);
  const titleRows = kind.basicInfo ? GROUPED_TITLE_ROWS : 1;
  const label = kind.basicInfo ? BASIC_INFO.indicators : (kind.indicatorCaption ?? LABELS.indicators);
  w.put({ row: r, col: 1, toRow: r + titleRows - 1 + n }, label, LABEL);
  if (kind.basicInfo) writeGroupedTitles(w, r, cols);
  else cols.forEach((c, i) => w.put({ row: r, col: i + 2, toCol: lastOf(i) }, c.title, LABEL));
  const first = r + titleRows;
  cols.forEach((c, i) => {
    for (const [from, to] of columnRuns(c.key, form.indicators, kind)) {
      const { value, look } = indicatorCell(
        c.key,
        form.indicators[from] as Indicator,
        result.indicators[from],
      );
      const at = { row: first + from, col: i + 2, toCol: lastOf(i) };
      w.put(to > from ? { ...at, toRow: first + to } : at, value, look);
    }
  });
  return { next: first + n, headerEnd: first - 1 };
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
  const weightCol = colOf('weight');
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
    const grade = input.layout.printsGrade ? `${LABELS.grade}：${input.result.grade}` : null;
    w.put({ row: r, col: scoreCol + 1, toCol: w.lastCol }, grade, LABEL);
  }
  return r + 1;
}

/** The layout's analysis texts, then any other the form carries, so that nothing typed is left out. */
export function analysisTitles(form: Form, kind: KindLayout): string[] {
  const titles = [...kind.analysisTitles];
  for (const key of Object.keys(form.analysis)) if (!titles.includes(key)) titles.push(key);
  return titles;
}

function writeAnalysis(w: SheetWriter, r: number, form: Form, kind: KindLayout): number {
  const labelEnd = Math.min(3, w.lastCol - 1);
  for (const title of analysisTitles(form, kind)) {
    const parts = pieces(w, form.analysis[title] ?? '', [labelEnd + 1, w.lastCol]);
    w.put({ row: r, col: 1, toCol: labelEnd, toRow: r + parts.length - 1 }, title, LABEL);
    for (const part of parts) w.put({ row: r++, col: labelEnd + 1, toCol: w.lastCol }, part, LONG_TEXT);
  }
  return r;
}
