/**
 * One form as one worksheet in its layout's official print, generated top to bottom from the
 * layout definition (shared/layouts): title and year line, 金额单位, header fields, funds block,
 * goals, the indicator table with 一级/二级 merged over their rows, the total row, analysis
 * texts and 备注; A4 in the layout's orientation, one page wide, the table's header on every page
 * that carries indicator rows (page-breaks.ts).
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
import { FUNDS_SIDES } from '../../../shared/layouts/definitions';
import type { Form, FundsRow, Indicator, LayoutId } from '../../../shared/model/types';
import { levelRuns, runsBy, type LevelRun as Run } from '../../../shared/model/level-groups';
import type { FormResult, IndicatorResult } from '../../../shared/scoring/types';
import { fieldPairs, LONG_TEXT, writeFieldRows, writePairs } from './header-rows';
import { fundsFitBasicInfo, writeBasicInfo, writeUnitLine } from './basic-info-block';
import {
  analysisLabel,
  BASIC_INFO,
  formTitle,
  headerLabels,
  LABELS,
  sharedWeightText,
  withCode,
} from './labels';
import {
  atTop,
  NUMBER_LOOK,
  SheetWriter,
  spans,
  spread,
  type CellValue,
  type Look,
  type Span,
} from './sheet-writer';
import { setupPrint } from './page';
import { pageCapacity, Pager } from './page-breaks';
import { FONTS, heightFor, LEFT, linesOf, MAX_ROW_HEIGHT, RIGHT } from './styles';
import { round2 } from '../../../shared/format/numbers';
import { analysisEntries } from '../../../shared/layouts/analysis-titles';
import { shownCompletionRate } from '../../../shared/scoring/completion';
import { scoreFundsRow } from '../../../shared/scoring/execution';
import { fundsScoreRowIndex } from '../../../shared/model/funds-rows';
import { printedForm, rowsInLayoutOrder } from '../../../shared/model/printed-lines';

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

function fundsCell(
  key: Exclude<FundsColumnKey, 'deviationReason'>,
  row: FundsRow,
  isTotal: boolean,
  input: FormSheetInput,
  kind: KindLayout,
): { value: CellValue; look: Look } {
  const ex = input.result.execution;
  const dash = input.layout.kinds[input.form.kind].fundsDash ?? '—';
  // 002: a source row prints its own rate and score (the form's weight, never its manual score).
  const own =
    !isTotal && kind.fundsRowScores ? scoreFundsRow(input.form.funds, row, input.layout.policy) : null;
  const onTotal = (value: number | null, look: Look): { value: CellValue; look: Look } =>
    isTotal ? { value, look } : { value: dash, look: DASH };
  switch (key) {
    case 'source':
      return { value: row.source, look: TEXT };
    case 'weight':
      return onTotal(ex.weight, NUMBER_LOOK.weight);
    case 'rate':
      return own ? { value: own.rate, look: NUMBER_LOOK.percent } : onTotal(ex.rate, NUMBER_LOOK.percent);
    case 'score':
      return own ? { value: own.suggested, look: NUMBER_LOOK.score } : onTotal(ex.final, NUMBER_LOOK.score);
    default:
      return { value: row[key], look: NUMBER_LOOK.amount };
  }
}

/**
 * The funds titles from row `r`: one row, or (with a parent title such as 002's 年初预算数) two,
 * the parent over its columns and every other title down both rows. Returns the next row.
 */
function writeFundsTitles(w: SheetWriter, r: number, kind: KindLayout, places: Span[]): number {
  const parent = kind.fundsParent;
  const last = r + (parent ? 1 : 0);
  const under = kind.fundsColumns.flatMap((c, i) => (parent?.keys.includes(c.key) ? [i] : []));
  kind.fundsColumns.forEach((c, i) => {
    const [from, to] = places[i] as Span;
    const title = c.key === 'source' ? (kind.fundsSourceTitle ?? LABELS.fundsSource) : c.title;
    if (under.includes(i)) w.put({ row: last, col: from, toCol: to }, title, LABEL);
    else w.put({ row: r, col: from, toCol: to, toRow: last }, title, LABEL);
  });
  if (parent && under.length > 0) {
    const from = (places[under[0] as number] as Span)[0];
    const to = (places[under[under.length - 1] as number] as Span)[1];
    w.put({ row: r, col: from, toCol: to }, parent.title, LABEL);
  }
  return last + 1;
}

/** 004's grouped rows: each side's heading and its lines (label | 全年执行数). */
function fundsGroups(rows: readonly FundsRow[]) {
  return FUNDS_SIDES.map((side) => ({ ...side, rows: rows.filter((row) => row.group === side.group) }));
}

/**
 * 004's 自评表 under its 年度资金总额 line: 按收入性质分 on the left, 按支出性质分 on the right, then
 * the lines of both side by side (label | amount); the side with fewer lines spreads them over the
 * rows. The funds columns after 资金来源 are shared: a third the left amount, the rest the right pair.
 */
function writeFundsPairs(w: SheetWriter, r: number, form: Form, places: Span[]): number {
  const groups = fundsGroups(form.funds.rows);
  const lines = Math.max(...groups.map((g) => g.rows.length));
  if (lines === 0) return r;
  const rest = places.slice(1);
  const [a, b] = spread(rest.length, 3) as [number, number, number];
  const joined = (from: number, to: number): Span => [(rest[from] as Span)[0], (rest[to] as Span)[1]];
  const sides = [
    { label: places[0] as Span, value: joined(0, a - 1) },
    { label: joined(a, a + b - 1), value: joined(a + b, rest.length - 1) },
  ];
  groups.forEach((g, i) => {
    const side = sides[i] as (typeof sides)[number];
    w.put({ row: r, col: side.label[0], toCol: side.value[1] }, g.heading, LABEL);
    // A side with fewer lines spreads them evenly; a side without any is one framed blank.
    const heights = g.rows.length === 0 ? [lines] : spread(lines, g.rows.length);
    let at = r + 1;
    heights.forEach((h, k) => {
      const row = g.rows[k];
      const label = row ? `${k === 0 ? g.firstPrefix : ''}${row.source}：` : null;
      w.put({ row: at, col: side.label[0], toCol: side.label[1], toRow: at + h - 1 }, label, TEXT);
      const value = row ? row.executed : null;
      w.put(
        { row: at, col: side.value[0], toCol: side.value[1], toRow: at + h - 1 },
        value,
        NUMBER_LOOK.amount,
      );
      at += h;
    });
  });
  return r + 1 + lines;
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
  const form = input.form;
  const pairs = kind.fundsGroupsSideBySide === true;
  // In the layout's order, whatever order an older form keeps them in (004: 年度资金总额 last).
  const ordered = rowsInLayoutOrder(form.funds.rows, kind);
  const rows = pairs ? ordered.filter((row) => row.group === undefined) : ordered;
  const top = r;
  // 分值/执行率/得分 on the first row, or on the total wherever the layout prints it (004's project form).
  const scored = ordered[fundsScoreRowIndex({ ...form.funds, rows: ordered }, kind)];
  const scoreRow = scored ? Math.max(0, rows.indexOf(scored)) : 0;
  r = writeFundsTitles(w, r, kind, places);
  const first = r;
  rows.forEach((row, ri) => {
    cols.forEach((c, i) => {
      const [from, to] = places[i] as [number, number];
      if (c.key === 'deviationReason') {
        // One reason for the whole block, beside all its rows (002 prints it level with the sources).
        if (ri === 0)
          w.put(
            { row: r, col: from, toCol: to, toRow: r + rows.length - 1 },
            form.funds.deviationReason,
            TEXT,
          );
        return;
      }
      const { value, look } = fundsCell(c.key, row, ri === scoreRow, input, kind);
      w.put({ row: r, col: from, toCol: to }, value, look);
    });
    r++;
  });
  if (pairs) r = writeFundsPairs(w, r, form, places);
  w.put({ row: top, col: 1, toRow: Math.max(r - 1, first) }, cols[0]?.title ?? '', LABEL);
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
  if (kind.basicInfo && key === 'weight')
    return levelRuns(indicators, 1).flatMap((run) => (sharesOut(indicators, run) ? [run] : singles(run)));
  return singles([0, indicators.length - 1]);
}

const singles = ([from, to]: Run): Run[] =>
  Array.from({ length: to - from + 1 }, (_, i): Run => [from + i, from + i]);

/**
 * Whether a 一级's lines all take their weight from their 二级 (none typed) and some 二级 has
 * several lines: 000 then prints one 各项指标权重=40/指标总数 down its 三级 weights, not numbers.
 */
function sharesOut(indicators: readonly Indicator[], [from, to]: Run): boolean {
  const lines = indicators.slice(from, to + 1);
  if (lines.some((ind) => ind.weight !== null || ind.level1Weight == null || ind.level2Weight == null))
    return false;
  return levelRuns(lines, 2).some(([a, b]) => b > a);
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

/**
 * Columns whose cells are merged over several lines (一级/二级; 000's 评分标准/佐证 and its shared-out
 * 三级 weights): their text stays whole.
 */
function isGrouped(key: IndicatorColumnKey, kind: KindLayout): boolean {
  return (
    mergeLevel(key) !== 0 ||
    (!!kind.basicInfo && (key === 'ruleText' || key === 'evidence' || key === 'weight'))
  );
}

interface LineCell {
  look: Look;
  /** The value, or a long text's pieces: one row each (Excel shows at most 409 points a row). */
  parts: CellValue[];
}

/**
 * Rows top..bottom cut where a new page starts: [first, last] row pairs; `skip(p)` rows at the top
 * of page p belong to no piece (the table's header printed again there).
 */
function cutAtPages(
  top: number,
  bottom: number,
  pageStarts: readonly number[],
  skip: (p: number) => number = () => 0,
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = top;
  for (const p of pageStarts) {
    if (p > start && p <= bottom) {
      out.push([start, p - 1]);
      start = p + skip(p);
    }
  }
  out.push([start, bottom]);
  return out;
}

/**
 * The indicator table: a line whose text is longer than one row shows goes on over as many rows as
 * it needs (its other cells merged down beside them); where a page ends, the next page starts with
 * the table's header again and the merged 一级/二级 labels are cut there and printed on both sides.
 */
function writeIndicators(
  w: SheetWriter,
  r: number,
  input: FormSheetInput,
  kind: KindLayout,
  pager: Pager,
): { next: number; headerEnd: number } {
  const { form, result } = input;
  const cols = kind.indicatorColumns;
  const lastOf = (i: number) => (i === cols.length - 1 ? w.lastCol : i + 2);
  const titleRows = kind.basicInfo ? GROUPED_TITLE_ROWS : 1;
  const label = kind.basicInfo ? BASIC_INFO.indicators : (kind.indicatorCaption ?? LABELS.indicators);
  const size = FONTS.cell.size;
  const writeTitles = (at: number) => {
    if (kind.basicInfo) writeGroupedTitles(w, at, cols);
    else cols.forEach((c, i) => w.put({ row: at, col: i + 2, toCol: lastOf(i) }, c.title, LABEL));
  };

  const lines = form.indicators.map((ind, i) =>
    cols.map((c, ci): LineCell | null => {
      if (isGrouped(c.key, kind)) return null;
      const { value, look } = indicatorCell(c.key, ind, result.indicators[i]);
      const long = typeof value === 'string' && value !== '';
      return { look, parts: long ? w.pieces(value, ci + 2, lastOf(ci), size) : [value] };
    }),
  );
  const textHeight = (text: CellValue, ci: number) =>
    typeof text === 'string' && text !== '' ? w.heightOfText(text, ci + 2, lastOf(ci), size) : 0;
  const rowHeights = lines.map((cells) => {
    const count = Math.max(1, ...cells.map((c) => c?.parts.length ?? 1));
    return Array.from({ length: count }, (_, j) =>
      Math.max(heightFor(1, size), ...cells.map((c, ci) => (c ? textHeight(c.parts[j] ?? null, ci) : 0))),
    );
  });
  // The run of lines each grouped column merges a line into.
  const runOf = cols.map((c) => {
    const of: Run[] = [];
    if (isGrouped(c.key, kind))
      for (const run of columnRuns(c.key, form.indicators, kind))
        for (let x = run[0]; x <= run[1]; x++) of[x] = run;
    return of;
  });
  const sum = (hs: readonly number[]) => hs.reduce((p, q) => p + q, 0);
  // What a grouped column prints over a run of lines (000: a 一级 whose lines share its weight out
  // prints 各项指标权重=40/指标总数 over them).
  const groupedValue = (key: IndicatorColumnKey, from: number, to: number): CellValue => {
    const ind = form.indicators[from] as Indicator;
    return key === 'weight' && to > from && ind.level1Weight != null
      ? sharedWeightText(ind.level1Weight)
      : indicatorCell(key, ind, result.indicators[from]).value;
  };
  /**
   * Line x's row heights on a page that carries lines a..b: where x ends the part of a grouped cell
   * on this page, the rows of that part together are as tall as its text; what they lack goes to
   * x's rows, and rows are added to x where those are at Excel's largest.
   */
  const heightsOn = (x: number, a: number, b: number): number[] => {
    let hs = rowHeights[x] as number[];
    runOf.forEach((of, ci) => {
      const run = of[x];
      if (!run || Math.min(run[1], b) !== x) return;
      const key = (cols[ci] as ColumnDef<IndicatorColumnKey>).key;
      let above = 0;
      for (let y = Math.max(run[0], a); y < x; y++) above += sum(rowHeights[y] as number[]);
      hs = grown(hs, textHeight(groupedValue(key, run[0], run[1]), ci) - above);
    });
    return hs;
  };
  const linesHeight = (a: number, b: number) => {
    let h = 0;
    for (let x = a; x <= b; x++) h += sum(heightsOn(x, a, b));
    return h;
  };

  // Place the header and the lines on pages, the header again on every page the table goes on to.
  pager.placeRows(
    1,
    r - 1,
    (row) => w.heightOf(row),
    (row) => w.isTitleRow(row),
  );
  const headers: number[] = [];
  let at = r;
  const header = () => {
    writeTitles(at);
    headers.push(at);
    const heights = Array.from({ length: titleRows }, (_, k) => w.heightOf(at + k));
    if (headers.length === 1 && lines.length > 0 && !pager.fits(sum(heights) + linesHeight(0, 0)))
      pager.breakBefore(at);
    heights.forEach((h, k) => pager.place(at + k, h));
    at += titleRows;
  };
  header();
  const first: number[] = [];
  let onlyHeader = true;
  // Page by page: as many lines as fit (a line taller than a page goes on over pages by itself).
  for (let a = 0; a < lines.length;) {
    if (!onlyHeader && !pager.fits(linesHeight(a, a))) {
      pager.breakBefore(at);
      header();
    }
    let b = a;
    while (b + 1 < lines.length && pager.fits(linesHeight(a, b + 1))) b++;
    for (let x = a; x <= b; x++) {
      first.push(at);
      rowHeights[x] = heightsOn(x, a, b);
      for (const h of rowHeights[x] as number[]) {
        pager.place(at, h);
        w.needHeight(at++, h);
      }
    }
    onlyHeader = false;
    a = b + 1;
  }
  const lastRowOf = (i: number) => (first[i] as number) + (rowHeights[i] as number[]).length - 1;

  // The table's label and the 一级/二级 labels are cut where a page starts and printed on both sides.
  for (const [top, end] of cutAtPages(r, at - 1, pager.pageStarts))
    w.put(end > top ? { row: top, col: 1, toRow: end } : { row: top, col: 1 }, label, LABEL);
  lines.forEach((cells, i) => {
    const top = first[i] as number;
    const bottom = lastRowOf(i);
    cells.forEach((cell, ci) => {
      cell?.parts.forEach((part, j) => {
        const place = { row: top + j, col: ci + 2, toCol: lastOf(ci) };
        if (j < cell.parts.length - 1 || top + j === bottom) return w.put(place, part, cell.look);
        // A cell merged down over a page break shows at the top of its first page, not mid-way.
        const overBreak = pager.pageStarts.some((p) => p > top + j && p <= bottom);
        w.put({ ...place, toRow: bottom }, part, overBreak ? atTop(cell.look) : cell.look);
      });
    });
  });
  cols.forEach((c, ci) => {
    if (!isGrouped(c.key, kind)) return;
    for (const [from, to] of columnRuns(c.key, form.indicators, kind)) {
      const value = groupedValue(c.key, from, to);
      const look =
        typeof value === 'string' && c.key === 'weight'
          ? PLAIN_TEXT
          : indicatorCell(c.key, form.indicators[from] as Indicator, result.indicators[from]).look;
      // 000's 评分标准/佐证 are cut only between lines (within a line a repeat would read as more text).
      const cuts = mergeLevel(c.key) === 0 ? headers.slice(1) : pager.pageStarts;
      const pieces = cutAtPages(first[from] as number, lastRowOf(to), cuts, (p) =>
        headers.includes(p) ? titleRows : 0,
      );
      for (const [top, bottom] of pieces) {
        const place = { row: top, col: ci + 2, toCol: lastOf(ci) };
        w.put(bottom > top ? { ...place, toRow: bottom } : place, value, look);
      }
    }
  });
  return { next: at, headerEnd: r + titleRows - 1 };
}

/**
 * Row heights `hs` grown to `points` together: each row up to Excel's largest from the last one up,
 * then rows added below.
 */
function grown(hs: readonly number[], points: number): number[] {
  const out = [...hs];
  let short = points - out.reduce((p, q) => p + q, 0);
  for (let k = out.length - 1; k >= 0 && short > 0; k--) {
    const add = Math.min(short, MAX_ROW_HEIGHT - (out[k] as number));
    if (add > 0) {
      out[k] = (out[k] as number) + add;
      short -= add;
    }
  }
  for (; short > 0; short -= MAX_ROW_HEIGHT)
    out.push(Math.min(MAX_ROW_HEIGHT, Math.max(short, heightFor(1, FONTS.cell.size))));
  return out;
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
