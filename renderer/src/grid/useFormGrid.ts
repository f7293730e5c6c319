/**
 * What both grids of a form (funds block, indicator table) share: the API and container refs,
 * the spreadsheet behaviour, column widths for the text-measured row heights, fitting columns to
 * the width, committing open edits before a save, the handle that shows a finding's cell, and the
 * grid options that make AG Grid behave like the printed form and like Excel.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type {
  CellFocusedEvent,
  ColDef,
  ColumnResizedEvent,
  GridApi,
  GridOptions,
  GridReadyEvent,
} from 'ag-grid-community';
import type { SheetController, SheetWriter } from '../sheet/sheetController';
import { scrollCellIntoView } from '../sheet/sheetDom';
import { sheetColumns, useSheet } from '../sheet/useSheet';
import { useEditor } from '../views/EditorContext';
import { fitHeaderHeight } from './headerHeight';
import { columnWidths } from './rowHeights';
import { showCellTitles, type CellTitle } from './cellTitles';
import { columnFitter, localeText } from './setup';

/** What the form view can ask of a grid: show a cell (for a finding, or after an undo). */
export interface GridHandle {
  /** Focuses the cell of a model field on a row; false when the grid is not ready for it. */
  focusCell(row: number, field?: string): boolean;
}

export function defaultColumn<T>(): ColDef<T> {
  return {
    resizable: true,
    sortable: false,
    suppressMovable: true,
    suppressHeaderMenuButton: true,
    suppressHeaderFilterButton: true,
    wrapText: true,
    wrapHeaderText: true,
    // The header's height is measured by fitHeaderHeight (grid/headerHeight.ts).
    autoHeaderHeight: false,
  };
}

interface Options<T> {
  columns: ColDef<T>[];
  /** The rows to show: a new array when rows come or go or another form is shown. */
  rows: T[];
  writer: SheetWriter;
  handle: RefObject<GridHandle | null>;
  /** Whether the grid shows the rows of the current form yet (it updates a frame after React). */
  showsRows: (api: GridApi<T>) => boolean;
  /** The column that shows a model field. */
  columnFor: (field: string | undefined, shown: readonly string[]) => string;
  onFocused?: (row: number | null) => void;
  /** Tooltips of columns besides cut texts (grid/cellTitles.ts). */
  cellTitles: ReadonlyMap<string, CellTitle<T>>;
  /** A cell pressed in the preview before the grid was drawn: the cursor goes there then. */
  pickedCell?: () => { row: number; colId: string } | null;
}

export function useFormGrid<T>({
  columns,
  rows,
  writer,
  handle,
  showsRows,
  columnFor,
  onFocused,
  cellTitles,
  pickedCell,
}: Options<T>) {
  const { pendingEdits, sheetHost } = useEditor();
  const apiRef = useRef<GridApi<T> | null>(null);
  const containerRef = useRef<HTMLDivElement | null>(null);
  const widths = useRef<Map<string, number>>(new Map());
  const sheet: SheetController = useSheet(containerRef, apiRef, writer, sheetHost);
  const columnDefs = useMemo(() => sheetColumns(columns, sheet), [columns, sheet]);
  const shown = useMemo(() => columnDefs.map((c) => c.colId ?? ''), [columnDefs]);
  const fitColumns = useMemo(() => {
    const fit = columnFitter(() => containerRef.current);
    return (e: { api: GridApi<T> }) => {
      fit(e);
      fitHeaderHeight(e.api);
    };
  }, []);
  const focused = useRef(onFocused);
  focused.current = onFocused;

  useEffect(() => pendingEdits.register(() => apiRef.current?.stopEditing()), [pendingEdits]);

  const ready = useRef(showsRows);
  ready.current = showsRows;
  const columnOf = useRef(columnFor);
  columnOf.current = columnFor;
  useEffect(() => {
    handle.current = {
      focusCell(row, field) {
        const api = apiRef.current;
        if (!api || !ready.current(api)) return false;
        const colId = columnOf.current(field, shown);
        api.ensureIndexVisible(row);
        api.ensureColumnVisible(colId);
        api.setFocusedCell(row, colId);
        scrollCellIntoView(containerRef.current, row, colId);
        return true;
      },
    };
    return () => {
      handle.current = null;
    };
  }, [handle, shown]);

  // New rows go to the grid in the commit that shows the new form (a layout effect), not in
  // AgGridReact's own passive effect: that one runs after the first paint, so switching forms
  // painted the new header over the old rows and took an extra frame.
  const latestRows = useRef(rows);
  latestRows.current = rows;
  const [initialRows] = useState(rows);
  useLayoutEffect(() => {
    const api = apiRef.current;
    if (api && api.getGridOption('rowData') !== rows) api.setGridOption('rowData', rows);
  }, [rows]);

  // Until the grid has drawn its first rows, the table shows its static preview over it
  // (views/formPreviews.tsx): no empty frame between the preview and the grid.
  const [drawn, setDrawn] = useState(false);
  const onFirstDataRendered = useCallback(
    (e: { api: GridApi<T> }) => {
      fitColumns(e);
      setDrawn(true);
    },
    [fitColumns],
  );

  const picked = useRef(pickedCell);
  picked.current = pickedCell;
  useEffect(() => {
    const cell = drawn ? picked.current?.() : null;
    if (cell) apiRef.current?.setFocusedCell(cell.row, cell.colId);
  }, [drawn]);

  const defaultColDef = useMemo(() => defaultColumn<T>(), []);
  const onGridReady = useCallback((e: GridReadyEvent<T>) => {
    apiRef.current = e.api;
    widths.current = columnWidths(e.api);
    if (e.api.getGridOption('rowData') !== latestRows.current)
      e.api.setGridOption('rowData', latestRows.current);
    // No rows, no firstDataRendered: the empty grid (its 没有指标行 line) is all there is to draw.
    if (latestRows.current.length === 0) setDrawn(true);
  }, []);
  const onColumnResized = useCallback((e: ColumnResizedEvent<T>) => {
    if (!e.finished) return;
    widths.current = columnWidths(e.api);
    fitHeaderHeight(e.api);
    e.api.resetRowHeights();
    // Which texts are cut (and end in …) depends on the widths: the class rules are worked out
    // again (a refresh without force repaints no cell whose value stayed).
    e.api.refreshCells();
  }, []);
  const onCellFocused = useCallback(
    (e: CellFocusedEvent<T>) => {
      focused.current?.(e.rowIndex);
      sheet.onFocused(e.rowIndex, typeof e.column === 'string' ? e.column : (e.column?.getColId() ?? null));
    },
    [sheet],
  );
  // AG Grid hands cellFocused to listeners from a timer of its own, which can run after the
  // edit's frame and its after-paint work (the line detail). The browser's focus moves in the
  // keystroke's task, after the grid has taken its new cell: the focused line is told there, and
  // the line detail shows it right after that frame. The range is left to the sheet
  // (a right click moves the browser's focus but keeps the grid's cell and range).
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const onFocusIn = () => {
      const cell = apiRef.current?.getFocusedCell();
      if (cell) focused.current?.(cell.rowIndex);
    };
    container.addEventListener('focusin', onFocusIn);
    return () => container.removeEventListener('focusin', onFocusIn);
  }, []);

  useEffect(() => {
    const container = containerRef.current;
    return container ? showCellTitles(container, () => apiRef.current, cellTitles) : undefined;
  }, [cellTitles]);

  const gridOptions: GridOptions<T> = {
    localeText,
    columnDefs,
    // Fixed after mount: later rows are handed over above.
    rowData: initialRows,
    defaultColDef,
    animateRows: false,
    domLayout: 'autoHeight',
    // The page scrolls, not the grid: its scroll-to-top on new rows only forced a layout.
    suppressScrollOnNewData: true,
    enterNavigatesVertically: true,
    enterNavigatesVerticallyAfterEdit: true,
    stopEditingWhenCellsLoseFocus: true,
    tooltipShowDelay: 400,
    // The system's own tooltips (a title): they show at once on a resting pointer and cost no
    // element of the grid's. Only headers use AG Grid's; cells set theirs on hover (cellTitles.ts).
    enableBrowserTooltips: true,
    onGridSizeChanged: fitColumns,
    onFirstDataRendered,
    onNewColumnsLoaded: fitColumns,
    onGridReady,
    onColumnResized,
    onCellFocused,
  };
  return { apiRef, containerRef, widths, sheet, gridOptions, drawn };
}
