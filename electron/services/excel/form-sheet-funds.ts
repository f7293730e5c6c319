/** The funds block (by columns, or 湖南's side-by-side pairs) and the 年度总体目标 of a form sheet. */
import type { FundsColumnKey, KindLayout } from '../../../shared/layouts/types';
import { FUNDS_SIDES } from '../../../shared/layouts/definitions';
import type { Form, FundsRow } from '../../../shared/model/types';
import { LONG_TEXT } from './header-rows';
import { LABELS } from './labels';
import {
  NUMBER_LOOK,
  SheetWriter,
  spans,
  spread,
  type CellValue,
  type Look,
  type Span,
} from './sheet-writer';
import { scoreFundsRow } from '../../../shared/scoring/execution';
import { fundsScoreRowIndex } from '../../../shared/model/funds-rows';
import { rowsInLayoutOrder } from '../../../shared/model/printed-lines';
import { type FormSheetInput, TEXT, LABEL, DASH, halves, pieces } from './form-sheet-common';

export function fundsSpans(kind: KindLayout, columns: number): Span[] {
  return spans(2, spread(columns, kind.fundsColumns.length));
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
export function writeFundsTitles(w: SheetWriter, r: number, kind: KindLayout, places: Span[]): number {
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

export function writeFunds(
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

export function writeGoals(w: SheetWriter, r: number, form: Form): number {
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
