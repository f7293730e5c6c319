/**
 * AG Grid set-up shared by every grid: the Community modules they use, the Chinese locale, and a theme
 * close to the printed form (thin borders everywhere, CJK fonts, no rounded corners).
 */
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import { themeQuartz, type GridApi } from 'ag-grid-community';
import './modules';
import { CJK_FONTS } from './fonts';
import { fitWidths, leastWidth } from './formColumn';

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
  const rounded = fitWidths(
    natural,
    cols.map((c) => c.getMinWidth()),
    width,
  );
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
    const least = leastWidth(e.api.getAllDisplayedColumns().map((c) => c.getMinWidth()));
    if (el.style.minWidth !== `${least}px`) el.style.minWidth = `${least}px`;
    if (el.clientWidth > 0) fitColumnsTo(e.api, el.clientWidth - 2);
  };
}
