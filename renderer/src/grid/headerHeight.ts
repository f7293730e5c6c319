/**
 * The header's height from its titles, wrapped in the columns' current widths. AG Grid's own
 * autoHeaderHeight keeps the height a title needed once (at a narrower width, or in a column no
 * longer shown), which left an empty band under the header; measured here like the rows are.
 */
import type { GridApi } from 'ag-grid-community';
import { textLines } from './rowHeights';

/** styles.css: .ag-header-cell-text line height, the label's padding (5 + 5) and the border. */
const HEADER_LINE = 17;
const HEADER_CHROME = 12;
export const MIN_HEADER_HEIGHT = 30;
/** Titles are bold: a few pixels more than the regular text the canvas measures. */
const BOLD_ALLOWANCE = 4;

export function headerHeightFor(titles: ReadonlyArray<{ title: string; width: number }>): number {
  let lines = 1;
  for (const { title, width } of titles)
    lines = Math.max(lines, textLines(title, Math.max(10, width - BOLD_ALLOWANCE)));
  return Math.max(MIN_HEADER_HEIGHT, lines * HEADER_LINE + HEADER_CHROME);
}

/** Sets the header's height for the displayed columns (only when it changes). */
export function fitHeaderHeight(api: GridApi): void {
  const titles = api
    .getAllDisplayedColumns()
    .map((c) => ({ title: c.getColDef().headerName ?? '', width: c.getActualWidth() }));
  const height = headerHeightFor(titles);
  if (api.getGridOption('headerHeight') !== height) api.setGridOption('headerHeight', height);
}
