/**
 * The indicator table (绩效指标) as an AG Grid: the layout's columns, 一级/二级 merged down,
 * long text wrapped, keyboard like a spreadsheet (Enter moves down). Commits become patches.
 */
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import type {
  CellFocusedEvent,
  ColDef,
  ColumnResizedEvent,
  GetRowIdParams,
  GridApi,
  GridReadyEvent,
  RowHeightParams,
} from 'ag-grid-community';
import type { Form, Indicator } from '../../../shared/model/types';
import type { FormResult } from '../../../shared/scoring/types';
import { IndicatorGridContext } from '../grid/indicatorContext';
import { columnForField, indicatorColumns } from '../grid/indicatorColumns';
import { patchesForCell, patchesForCells } from '../grid/indicatorEdits';
import { indicatorRowHeight } from '../grid/indicatorRowHeight';
import { columnWidths } from '../grid/rowHeights';
import { columnFitter, formGridTheme, localeText } from '../grid/setup';
import { scrollCellIntoView } from '../sheet/sheetController';
import { sheetColumns, useSheet } from '../sheet/useSheet';
import type { FocusedLine } from '../state/focusedLine';
import { useEditor } from './EditorContext';
import { GridMenu } from './GridMenu';
import { useIndicatorActions } from './useIndicatorActions';

/** What the form view can ask of a grid: show a cell (for a finding). */
export interface GridHandle {
  /** Focuses the cell of a model field on a row; false when the grid is not ready for it. */
  focusCell(row: number, field?: string): boolean;
}

interface Props {
  form: Form;
  result: FormResult;
  handle: RefObject<GridHandle | null>;
  focusedLine: FocusedLine;
}

const DEFAULT_COL: ColDef<Indicator> = {
  resizable: true,
  sortable: false,
  suppressMovable: true,
  suppressHeaderMenuButton: true,
  suppressHeaderFilterButton: true,
  wrapText: true,
  wrapHeaderText: true,
  autoHeaderHeight: true,
};

/** Another form's rows reuse the rendered rows (ids are positions): their heights are recomputed. */
function resetRowHeights(e: { api: GridApi }): void {
  e.api.resetRowHeights();
}

export function IndicatorTable({ form, result, handle, focusedLine }: Props) {
  const { store, pendingEdits, sheetHost } = useEditor();
  const layout = store.layout;
  const kind = layout.kinds[form.kind];
  const context = useMemo(() => new IndicatorGridContext(), []);
  context.update(form, result, layout, store.readOnly);
  const apiRef = useRef<GridApi<Indicator> | null>(null);
  const containerRef = useRef<HTMLDivElement | null>(null);
  const fitColumns = useMemo(() => columnFitter(() => containerRef.current), []);
  const handledSeq = useRef(store.lastTouched.seq);

  const sheet = useSheet(
    containerRef,
    apiRef,
    {
      canAddRows: true,
      commit: (row, colId, value) => {
        const ind = form.indicators[row];
        if (!ind) return { ok: false, message: '找不到这一行：它可能已被删除' };
        return patchesForCell(form, ind.id, colId, value, layout);
      },
      write: (cells, addRows) => patchesForCells(form, layout, cells, addRows),
    },
    sheetHost,
  );
  const columnDefs = useMemo(() => sheetColumns(indicatorColumns(kind), sheet), [kind, sheet]);
  const { menu, closeMenu, addRow } = useIndicatorActions(form, store, sheet, apiRef, containerRef);
  const shownColumns = useMemo(() => columnDefs.map((c) => c.colId ?? ''), [columnDefs]);
  // A new list only when rows come or go (or another form is shown); edits repaint rows in place.
  const rowData = useMemo(() => [...form.indicators], [form, form.indicators, store.structureVersion]);

  // Row heights come from the text (see grid/rowHeights.ts), for the current column widths.
  const widths = useRef<Map<string, number>>(new Map());
  const getRowHeight = useCallback(
    (p: RowHeightParams<Indicator>) =>
      p.data ? indicatorRowHeight(p.data, context, widths.current) : undefined,
    [context],
  );
  const onColumnResized = useCallback((e: ColumnResizedEvent<Indicator>) => {
    if (!e.finished) return;
    widths.current = columnWidths(e.api);
    e.api.resetRowHeights();
  }, []);

  // Rows are known by their position: switching forms then updates the rendered rows in place
  // (values and heights) instead of tearing them down, which is several times faster.
  const getRowId = useCallback(
    (p: GetRowIdParams<Indicator>) => `r${context.form?.indicators.indexOf(p.data) ?? -1}`,
    [context],
  );

  // Repaint the rows the last change touched (their scores, merges and flags).
  useEffect(() => {
    const api = apiRef.current;
    const touched = store.lastTouched;
    if (!api || touched.seq === handledSeq.current) return;
    handledSeq.current = touched.seq;
    const ids = touched.forms.get(form.id);
    if (!ids) return;
    if (ids === 'all') api.refreshCells({ force: true });
    else {
      for (const id of ids) {
        const node = api.getRowNode(`r${form.indicators.findIndex((i) => i.id === id)}`);
        if (node?.data) node.updateData(node.data);
      }
    }
    // Text and merges may have changed: heights are cheap to recompute, so check every row.
    let moved = false;
    api.forEachNode((node) => {
      if (!node.data) return;
      const h = indicatorRowHeight(node.data, context, widths.current);
      if (h !== node.rowHeight) {
        node.setRowHeight(h);
        moved = true;
      }
    });
    if (moved) api.onRowHeightChanged();
  });

  const onCellFocused = useCallback(
    (e: CellFocusedEvent<Indicator>) => {
      const ind = e.rowIndex === null ? undefined : form.indicators[e.rowIndex];
      focusedLine.set(ind ? ind.id : null);
      sheet.onFocused(e.rowIndex, typeof e.column === 'string' ? e.column : (e.column?.getColId() ?? null));
    },
    [form, focusedLine, sheet],
  );

  const onGridReady = useCallback((e: GridReadyEvent<Indicator>) => {
    apiRef.current = e.api;
    widths.current = columnWidths(e.api);
  }, []);

  useEffect(() => pendingEdits.register(() => apiRef.current?.stopEditing()), [pendingEdits]);

  useEffect(() => {
    handle.current = {
      focusCell(row, field) {
        const api = apiRef.current;
        if (!api || api.getDisplayedRowCount() !== form.indicators.length) return false;
        const first = api.getDisplayedRowAtIndex(0);
        if (form.indicators.length > 0 && first?.data !== form.indicators[0]) return false;
        const colId = columnForField(field, shownColumns);
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
  }, [handle, form, shownColumns]);

  return (
    <div className="indicator-grid" data-testid="indicator-grid" ref={containerRef}>
      <AgGridReact<Indicator>
        theme={formGridTheme}
        localeText={localeText}
        rowData={rowData}
        columnDefs={columnDefs}
        defaultColDef={DEFAULT_COL}
        context={context}
        getRowId={getRowId}
        getRowHeight={getRowHeight}
        onColumnResized={onColumnResized}
        onRowDataUpdated={resetRowHeights}
        animateRows={false}
        domLayout="autoHeight"
        onCellFocused={onCellFocused}
        onGridReady={onGridReady}
        onGridSizeChanged={fitColumns}
        onFirstDataRendered={fitColumns}
        onNewColumnsLoaded={fitColumns}
        enableCellSpan
        suppressRowTransform
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        stopEditingWhenCellsLoseFocus
        tooltipShowDelay={400}
        suppressDragLeaveHidesColumns
        overlayNoRowsTemplate="本表还没有指标行"
      />
      {menu && <GridMenu menu={menu} onClose={closeMenu} />}
      {!store.readOnly && (
        <button
          type="button"
          className="add-row"
          onClick={addRow}
          title="在表格末尾新增一行指标；也可在行上按右键或 Ctrl+Shift+= 插入"
          data-testid="add-indicator"
        >
          ＋ 新增指标行
        </button>
      )}
    </div>
  );
}
