/**
 * A form's columns without AG Grid: their widths as the official form has them and how they fit
 * the space there is. The grids (grid/setup.ts) and the static first form (views/GridPreview.tsx,
 * shown before AG Grid's chunk is there) size columns alike, so nothing moves when the grid
 * takes the preview's place.
 */
import type { ColDef } from 'ag-grid-community';

/** Excel character units (the layouts' widths) → pixels on screen. */
export const PX_PER_CHAR = 9;

/** A column as the official form has it: its title and its width (Excel characters → pixels). */
export function formColumn<T>(c: { key: string; title: string; width: number }): ColDef<T> {
  const width = Math.round(c.width * PX_PER_CHAR);
  return { colId: c.key, headerName: c.title, width, minWidth: minWidthFor(width) };
}

/** Columns shrink to fit the window down to this, then the grid scrolls sideways. */
export function minWidthFor(width: number): number {
  return Math.max(48, Math.round(width * 0.5));
}

/**
 * Widths that keep the official form's proportions (`natural`) and fill `width`; a column never
 * goes below its minimum (then the grid scrolls sideways). Whole pixels; the pixels lost to
 * rounding go to the widest column.
 */
export function fitWidths(natural: readonly number[], mins: readonly number[], width: number): number[] {
  const atMin = new Set<number>();
  let widths: number[] = [];
  for (;;) {
    const fixed = [...atMin].reduce((a, i) => a + (mins[i] ?? 0), 0);
    const free = natural.reduce((a, w, i) => (atMin.has(i) ? a : a + w), 0);
    const scale = free > 0 ? Math.max(0, width - fixed) / free : 0;
    widths = natural.map((w, i) => (atMin.has(i) ? (mins[i] ?? w) : w * scale));
    const under = widths.findIndex((w, i) => !atMin.has(i) && w < (mins[i] ?? 0));
    if (under < 0) break;
    atMin.add(under);
  }
  const rounded = widths.map((w) => Math.floor(w));
  const rest = width - rounded.reduce((a, w) => a + w, 0);
  if (rest > 0) {
    const widest = rounded.indexOf(Math.max(...rounded));
    rounded[widest] = (rounded[widest] ?? 0) + rest;
  }
  return rounded;
}

/** The pixels the grid's container needs at least: every column at its minimum and the borders. */
export function leastWidth(mins: readonly number[]): number {
  return mins.reduce((a, w) => a + w, 2);
}
