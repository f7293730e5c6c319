/** The funds block of a form as a small AG Grid (same keyboard as the indicator table). */
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import type { ColDef, ColumnResizedEvent, GridApi, GridReadyEvent, RowHeightParams } from 'ag-grid-community';
import type { Form, FundsRow } from '../../../shared/model/types';
import { fundsTotalRow } from '../../../shared/scoring/execution';
import type { FormResult } from '../../../shared/scoring/types';
import { fundsColumnForField, fundsColumns, type FundsGridContext } from '../grid/fundsColumns';
import { patchesForFundsCell, patchesForFundsCells } from '../grid/fundsEdits';
import { columnWidths, MIN_ROW_HEIGHT, textHeight } from '../grid/rowHeights';
import { columnFitter, fundsGridTheme, localeText } from '../grid/setup';
import { scrollCellIntoView } from '../sheet/sheetController';
import { sheetColumns, useSheet } from '../sheet/useSheet';
import { useEditor } from './EditorContext';
import type { GridHandle } from './IndicatorTable';

interface Props {
  form: Form;
  result: FormResult;
  handle: RefObject<GridHandle | null>;
}

const DEFAULT_COL: ColDef<FundsRow> = {
  resizable: true,
  sortable: false,
  suppressMovable: true,
  suppressHeaderMenuButton: true,
  suppressHeaderFilterButton: true,
  wrapText: true,
  wrapHeaderText: true,
  autoHeaderHeight: true,
};

export function FundsTable({ form, result, handle }: Props) {
  const { store, pendingEdits, sheetHost } = useEditor();
  const kind = store.layout.kinds[form.kind];
  const showsScore = kind.fundsColumns.some((c) => c.key === 'score');
  const apiRef = useRef<GridApi<FundsRow> | null>(null);
  const containerRef = useRef<HTMLDivElement | null>(null);
  const sheet = useSheet(
    containerRef,
    apiRef,
    {
      canAddRows: false,
      commit: (row, colId, value) => patchesForFundsCell(form, row, colId, value),
      write: (cells) => patchesForFundsCells(form, cells),
    },
    sheetHost,
  );
  const columnDefs = useMemo(
    () => sheetColumns(fundsColumns(kind, showsScore), sheet),
    [kind, showsScore, sheet],
  );
  const shown = useMemo(() => columnDefs.map((c) => c.colId ?? ''), [columnDefs]);
  const total = fundsTotalRow(form.funds);
  // Long-lived: the grid's callbacks read it; it is brought up to date on every render.
  const contextRef = useRef<FundsGridContext | null>(null);
  contextRef.current ??= { form, execution: result.execution, totalIndex: 0, readOnly: true };
  const context = contextRef.current;
  context.form = form;
  context.execution = result.execution;
  context.totalIndex = total ? form.funds.rows.indexOf(total) : 0;
  context.readOnly = store.readOnly;

  const fitColumns = useMemo(() => columnFitter(() => containerRef.current), []);
  const handledSeq = useRef(store.lastTouched.seq);
  const rowData = useMemo(() => [...form.funds.rows], [form, form.funds.rows, store.structureVersion]);

  // Row heights from the text (see grid/rowHeights.ts): 资金来源 and the total row's reasons.
  const widths = useRef<Map<string, number>>(new Map());
  const rowHeight = useCallback(
    (row: FundsRow, index: number | null): number => {
      const total = index === context.totalIndex;
      const texts: [string, string][] = [['source', row.source]];
      if (total)
        texts.push(['deviationReason', form.funds.deviationReason], ['scoreReason', form.funds.scoreReason]);
      let h = MIN_ROW_HEIGHT;
      for (const [colId, text] of texts) {
        const w = widths.current.get(colId);
        if (w && text) h = Math.max(h, textHeight(text, w));
      }
      return Math.ceil(h);
    },
    [context, form],
  );
  const getRowHeight = useCallback(
    (p: RowHeightParams<FundsRow>) => (p.data ? rowHeight(p.data, p.node.rowIndex) : undefined),
    [rowHeight],
  );
  const onColumnResized = useCallback((e: ColumnResizedEvent<FundsRow>) => {
    if (!e.finished) return;
    widths.current = columnWidths(e.api);
    e.api.resetRowHeights();
  }, []);

  useEffect(() => {
    const api = apiRef.current;
    const touched = store.lastTouched;
    if (!api || touched.seq === handledSeq.current) return;
    handledSeq.current = touched.seq;
    if (!touched.forms.has(form.id)) return;
    api.refreshCells({ force: true });
    api.resetRowHeights();
  });

  const onGridReady = useCallback((e: GridReadyEvent<FundsRow>) => {
    apiRef.current = e.api;
    widths.current = columnWidths(e.api);
  }, []);

  useEffect(() => pendingEdits.register(() => apiRef.current?.stopEditing()), [pendingEdits]);

  useEffect(() => {
    handle.current = {
      focusCell(row, field) {
        const api = apiRef.current;
        if (!api || api.getDisplayedRowCount() !== form.funds.rows.length) return false;
        const colId = fundsColumnForField(field, shown);
        api.ensureColumnVisible(colId);
        api.setFocusedCell(row, colId);
        scrollCellIntoView(containerRef.current, row, colId);
        return true;
      },
    };
    return () => {
      handle.current = null;
    };
  }, [handle, form, shown]);

  return (
    <div className="funds-grid" data-testid="funds-grid" ref={containerRef}>
      <AgGridReact<FundsRow>
        theme={fundsGridTheme}
        localeText={localeText}
        rowData={rowData}
        columnDefs={columnDefs}
        defaultColDef={DEFAULT_COL}
        context={context}
        getRowHeight={getRowHeight}
        onColumnResized={onColumnResized}
        onRowDataUpdated={(e) => e.api.resetRowHeights()}
        animateRows={false}
        domLayout="autoHeight"
        onGridReady={onGridReady}
        onCellFocused={(e) =>
          sheet.onFocused(
            e.rowIndex,
            typeof e.column === 'string' ? e.column : (e.column?.getColId() ?? null),
          )
        }
        onGridSizeChanged={fitColumns}
        onFirstDataRendered={fitColumns}
        onNewColumnsLoaded={fitColumns}
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        stopEditingWhenCellsLoseFocus
        tooltipShowDelay={400}
      />
    </div>
  );
}
