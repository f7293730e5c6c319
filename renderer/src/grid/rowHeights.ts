/**
 * Row heights from the text, without measuring the DOM. AG Grid's autoHeight measures every cell
 * after it renders (a forced layout each): about a millisecond per cell, over a second for a
 * 60-line form. Here each cell's text is measured on a canvas with the grid's font and wrapped
 * like the cell wraps it (CJK anywhere, other text at spaces), which is close enough to size rows
 * and costs microseconds. Heights are recomputed when a row changes or a column is resized.
 */
import type { Column, GridApi, IRowNode } from 'ag-grid-community';
import { CJK_FONTS } from './fonts';

export const FONT_SIZE = 13;
/** Lines as tight as Excel's (issue #19: more rows on a 1366×768 screen); styles.css agrees. */
export const LINE_HEIGHT = 18;
/** Padding (3 + 3) and the row border, as styled in styles.css. */
const ROW_CHROME = 7;
/** Horizontal padding of a cell (6 + 6) and its border. */
const CELL_CHROME = 13;
export const MIN_ROW_HEIGHT = 26;
/**
 * A cell shows at most this many lines (the rest behind an ellipsis, whole in its tooltip and
 * editor): one long text never makes a row taller than the screen.
 */
export const CLAMP_LINES = 3;
/**
 * The app's own columns beside the form's (打分理由, 审核意见) stop sooner: in 审核模式 they sit in
 * narrower columns, and a third line there cost the table rows on a laptop screen (issue #19).
 */
export const SHORT_CLAMP_LINES = 2;
const SHORT_CLAMP_COLUMNS: ReadonlySet<string> = new Set(['scoreReason', 'auditOpinion']);

/** Lines a column's cells show at most (styles.css: .cell-clamped, .cell-short-clamp). */
export function clampLinesOf(colId: string): number {
  return SHORT_CLAMP_COLUMNS.has(colId) ? SHORT_CLAMP_LINES : CLAMP_LINES;
}

let ctx: CanvasRenderingContext2D | null | undefined;
const widthCache = new Map<string, number>();

function measure(text: string): number {
  if (ctx === undefined) {
    ctx = document.createElement('canvas').getContext('2d');
    if (ctx)
      ctx.font = `${FONT_SIZE}px ${CJK_FONTS.map((f) => (f.includes(' ') || /[^\x20-\x7e]/.test(f) ? `"${f}"` : f)).join(', ')}`;
  }
  if (!ctx) return text.length * FONT_SIZE;
  let w = widthCache.get(text);
  if (w === undefined) {
    w = ctx.measureText(text).width;
    if (widthCache.size > 20000) widthCache.clear();
    widthCache.set(text, w);
  }
  return w;
}

/** Lines a paragraph takes in `avail` pixels: words of Latin text stay whole, CJK breaks anywhere. */
function paragraphLines(text: string, avail: number): number {
  if (text === '') return 1;
  if (measure(text) <= avail) return 1;
  // Tokens: a run of non-space Latin characters, or one other character (CJK, punctuation, space).
  const tokens = text.match(/[\x21-\x7e]+|[\s\S]/g) ?? [text];
  let lines = 1;
  let used = 0;
  for (const token of tokens) {
    let w = measure(token);
    if (used + w <= avail) {
      used += w;
      continue;
    }
    if (token.trim() === '') {
      used = 0;
      lines++;
      continue;
    }
    lines++;
    // A token wider than the cell wraps anywhere (overflow-wrap: anywhere).
    while (w > avail) {
      w -= avail;
      lines++;
    }
    used = w;
  }
  return lines;
}

/** Lines a text takes in a column of `width` pixels. */
export function textLines(text: string, width: number): number {
  const avail = Math.max(10, width - CELL_CHROME);
  let lines = 0;
  for (const p of text.split('\n')) lines += paragraphLines(p, avail);
  return lines;
}

/** Whether a text is cut to `lines` (CLAMP_LINES unless told) in a column of `width` pixels. */
export function isClamped(text: string, width: number | undefined, lines = CLAMP_LINES): boolean {
  return width !== undefined && text !== '' && textLines(text, width) > lines;
}

/** Height a text needs in a column of `width` pixels, at most `lines` (CLAMP_LINES) lines. */
export function textHeight(text: string, width: number, lines = CLAMP_LINES): number {
  return Math.min(lines, textLines(text, width)) * LINE_HEIGHT + ROW_CHROME;
}

/** Current pixel widths of the displayed columns, by colId. */
export function columnWidths(api: GridApi): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of api.getAllDisplayedColumns() as Column[]) out.set(c.getColId(), c.getActualWidth());
  return out;
}

/**
 * Gives every row (or only `rows`) the height `heightOf` works out, and tells the grid once, only
 * if one changed. AG Grid's resetRowHeights forgets them all and relays the grid out even when
 * none moved (a forced layout or two: most of a form switch when the new form's rows are as tall
 * as the old).
 */
export function syncRowHeights<T>(
  api: GridApi<T>,
  heightOf: (node: IRowNode<T>) => number | undefined,
  rows?: readonly IRowNode<T>[],
): void {
  let moved = false;
  const check = (node: IRowNode<T>) => {
    const h = heightOf(node);
    if (h !== undefined && h !== node.rowHeight) {
      node.setRowHeight(h);
      moved = true;
    }
  };
  if (rows) rows.forEach(check);
  else api.forEachNode(check);
  if (moved) api.onRowHeightChanged();
}
