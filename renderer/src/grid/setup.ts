/**
 * AG Grid set-up shared by every grid: the Community modules they use, the Chinese locale, and a theme
 * close to the printed form (thin borders everywhere, CJK fonts, no rounded corners).
 */
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import { themeQuartz, type ColDef, type GridApi } from 'ag-grid-community';
import './modules';
import { CJK_FONTS } from './fonts';

export const localeText: Record<string, string> = AG_GRID_LOCALE_CN;

export const formGridTheme = themeQuartz.withParams({
  fontFamily: CJK_FONTS,
  headerFontFamily: CJK_FONTS,
  cellFontFamily: CJK_FONTS,
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 700,
  headerBackgroundColor: '#f3f5f8',
  headerTextColor: '#1f2933',
  foregroundColor: '#1f2933',
  borderColor: '#9aa5b1',
  columnBorder: true,
  headerColumnBorder: true,
  rowBorder: true,
  wrapperBorderRadius: 0,
  wrapperBorder: true,
  spacing: 5,
  cellHorizontalPadding: 6,
  rowHeight: 26,
  headerHeight: 30,
  oddRowBackgroundColor: '#ffffff',
  rowHoverColor: '#f1f7ff',
  accentColor: '#1565c0',
});

/** The funds block: no empty band under its few rows. */
export const fundsGridTheme = formGridTheme.withParams({ autoHeightMinBodyHeight: 0 });

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
 * Widths keep the official form's proportions (colDef.width) and fill the space there is; a
 * column never goes below its minWidth (then the grid scrolls sideways). Done here rather than
 * with sizeColumnsToFit, which overshoots by a few pixels when several columns reach their
 * minimum and then shows a horizontal scrollbar over the last row.
 */
export function fitColumnsTo(api: GridApi, width: number): void {
  const cols = api.getAllDisplayedColumns();
  if (cols.length === 0 || width <= 0) return;
  const natural = cols.map((c) => c.getColDef().width ?? c.getActualWidth());
  const mins = cols.map((c) => c.getMinWidth());
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
  // The pixels lost to rounding go to the widest column.
  const rest = width - rounded.reduce((a, w) => a + w, 0);
  if (rest > 0) {
    const widest = rounded.indexOf(Math.max(...rounded));
    rounded[widest] = (rounded[widest] ?? 0) + rest;
  }
  const changes = cols
    .map((key, i) => ({ key, newWidth: rounded[i] ?? key.getActualWidth() }))
    .filter((c) => c.newWidth !== c.key.getActualWidth());
  if (changes.length > 0) api.setColumnWidths(changes, true, 'sizeColumnsToFit');
}

/**
 * Fits the columns to the grid's container (its inner width, less the grid's borders). The
 * container is never narrower than the columns at their minimum: past that the form scrolls
 * sideways, not the grid (whose header sticks to the form's scroll area, styles.css).
 */
export function columnFitter(container: () => HTMLElement | null): (e: { api: GridApi }) => void {
  return (e) => {
    const el = container();
    if (!el) return;
    const least = e.api.getAllDisplayedColumns().reduce((a, c) => a + c.getMinWidth(), 2);
    if (el.style.minWidth !== `${least}px`) el.style.minWidth = `${least}px`;
    if (el.clientWidth > 0) fitColumnsTo(e.api, el.clientWidth - 2);
  };
}
