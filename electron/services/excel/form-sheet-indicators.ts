/** The indicator table of a form sheet: titles, lines with 一级/二级 merged, cut at page ends. */
import type { ColumnDef, IndicatorColumnKey, KindLayout } from '../../../shared/layouts/types';
import type { Indicator } from '../../../shared/model/types';
import { levelRuns, runsBy, type LevelRun as Run } from '../../../shared/model/level-groups';
import type { IndicatorResult } from '../../../shared/scoring/types';
import { BASIC_INFO, LABELS, sharedWeightText } from './labels';
import { atTop, NUMBER_LOOK, SheetWriter, type CellValue, type Look } from './sheet-writer';
import { Pager } from './page-breaks';
import { FONTS, heightFor, linesOf, MAX_ROW_HEIGHT } from './styles';
import { shownCompletionRate } from '../../../shared/scoring/completion';
import { type FormSheetInput, TEXT, LABEL, PLAIN_TEXT } from './form-sheet-common';

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
export function mergeLevel(key: IndicatorColumnKey): 1 | 2 | 0 {
  if (key === 'level1' || key === 'level1Weight') return 1;
  if (key === 'level2' || key === 'level2Weight') return 2;
  return 0;
}

/**
 * The runs a column's cells are merged over: 一级/二级 and their weights always; in 000's table
 * also 评分标准 and 参考佐证材料, where one text serves consecutive lines of a 一级指标.
 */
export function columnRuns(
  key: IndicatorColumnKey,
  indicators: readonly Indicator[],
  kind: KindLayout,
): Run[] {
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
export function isGrouped(key: IndicatorColumnKey, kind: KindLayout): boolean {
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
export function writeIndicators(
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
export function grown(hs: readonly number[], points: number): number[] {
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
