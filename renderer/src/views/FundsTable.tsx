/** The funds block of a form as a small AG Grid (same keyboard as the indicator table). */
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore, type RefObject } from 'react';
import type { GridApi, IRowNode, RowHeightParams } from 'ag-grid-community';
import type { Form, FundsRow } from '../../../shared/model/types';
import {
  fundsColumnForField,
  fundsCellTitles,
  fundsColumns,
  withFundsParent,
  type FundsGridContext,
} from '../grid/fundsColumns';
import { fundsOrder } from '../grid/fundsOrder';
import { patchesForFundsCell, patchesForFundsCells } from '../grid/fundsEdits';
import { syncRowHeights } from '../grid/rowHeights';
import {
  emptyFundsContext,
  fundsRowHeight,
  updateFundsContext,
  withFundsCommentMarks,
} from '../grid/fundsContext';
import { fundsGridTheme } from '../grid/setup';
import { useFormGrid, type GridHandle } from '../grid/useFormGrid';
import { showsFunds, useFormResult } from '../state/useDocument';
import { useEditor } from './EditorContext';
import { FundsPreview, takePickedCell } from './formPreviews';
import { commitAudit } from '../grid/auditEdits';
import type { AuditColId } from '../grid/indicatorContext';
import { useRoleLockEvents } from '../grid/roleLock';
import { FUNDS_LINE } from '../../../shared/review/types';

interface Props {
  form: Form;
  handle: RefObject<GridHandle | null>;
}

export function FundsTable({ form, handle }: Props) {
  const { store, reviewUi } = useEditor();
  // A funds edit's frame paints the block at once; an indicator edit leaves it to the window's
  // render after the paint (it shows nothing an indicator changes).
  const result = useFormResult(store, form.id, showsFunds);
  const kind = store.layout.kinds[form.kind];
  const showsScore = kind.fundsColumns.some((c) => c.key === 'score');
  const auditShown = useSyncExternalStore(reviewUi.subscribe, () => reviewUi.get().auditColumns);
  const formId = useRef(form.id);
  formId.current = form.id;
  // The grid shows the rows in the layout's order; patches, comments and findings name model rows.
  const order = useMemo(() => fundsOrder(form, kind), [form, kind, form.funds.rows, store.structureVersion]);
  const orderRef = useRef(order);
  orderRef.current = order;
  const columns = useMemo(
    () =>
      withFundsCommentMarks(
        fundsColumns(kind, showsScore, auditShown),
        store.review,
        () => formId.current,
        (row) => orderRef.current.toModel(row),
      ),
    [kind, showsScore, auditShown, store],
  );
  const reviewSeen = useRef(store.review.version);
  const rowData = order.rows;
  // Findings and undo focus a model row: the grid's handle takes it to the row shown.
  const gridHandle = useRef<GridHandle | null>(null);
  useEffect(() => {
    handle.current = {
      focusCell: (row, field) => gridHandle.current?.focusCell(order.toGrid(row), field) ?? false,
    };
    return () => {
      handle.current = null;
    };
  }, [handle, order]);
  const { apiRef, containerRef, widths, gridOptions, drawn } = useFormGrid<FundsRow>({
    columns,
    rows: rowData,
    cellTitles: fundsCellTitles,
    handle: gridHandle,
    writer: {
      canAddRows: false,
      commit: (row, colId, value) => patchesForFundsCell(form, order.toModel(row), colId, value),
      write: (cells) =>
        patchesForFundsCells(
          form,
          cells.map((c) => ({ ...c, row: order.toModel(c.row) })),
        ),
    },
    showsRows: (api) => api.getDisplayedRowCount() === rowData.length,
    columnFor: fundsColumnForField,
    pickedCell: () => takePickedCell('funds', form.id),
  });
  const columnDefs = useMemo(
    () => withFundsParent(gridOptions.columnDefs ?? [], kind),
    [gridOptions.columnDefs, kind],
  );
  // Long-lived: the grid's callbacks read it; it is brought up to date on every render.
  const contextRef = useRef<FundsGridContext | null>(null);
  contextRef.current ??= emptyFundsContext(form, result);
  const context = contextRef.current;
  updateFundsContext(context, form, result, kind, order.rows, store);
  const scoreRow = context.totalIndex;
  const lockEvents = useRoleLockEvents(store);
  context.onAudit = (colId: AuditColId, value: unknown) =>
    commitAudit(store, form, result, FUNDS_LINE, colId, value, {
      formId: form.id,
      section: 'funds',
      row: order.toModel(scoreRow),
      field: colId,
    });

  const handledSeq = useRef(store.lastTouched.seq);

  // Row heights from the text (grid/fundsContext.ts), for the current column widths.
  const heightOf = useCallback(
    (node: IRowNode<FundsRow>) =>
      node.data ? fundsRowHeight(node.data, node.rowIndex, context, widths.current) : undefined,
    [context, widths],
  );
  const getRowHeight = useCallback((p: RowHeightParams<FundsRow>) => heightOf(p.node), [heightOf]);
  const onRowDataUpdated = useCallback(
    (e: { api: GridApi<FundsRow> }) => syncRowHeights(e.api, heightOf),
    [heightOf],
  );
  useEffect(() => {
    const api = apiRef.current;
    if (api && reviewSeen.current !== store.review.version) {
      reviewSeen.current = store.review.version;
      api.refreshCells({ force: true });
    }
    const touched = store.lastTouched;
    if (!api || touched.seq === handledSeq.current) return;
    handledSeq.current = touched.seq;
    if (!touched.funds.has(form.id)) return;
    api.refreshCells({ force: true });
    syncRowHeights(api, heightOf);
  });

  return (
    <div
      className={drawn ? 'funds-grid' : 'funds-grid grid-pending'}
      data-testid="funds-grid"
      ref={containerRef}
    >
      {!drawn && <FundsPreview form={form} />}
      <AgGridReact<FundsRow>
        {...gridOptions}
        columnDefs={columnDefs}
        theme={fundsGridTheme}
        context={context}
        {...lockEvents}
        getRowHeight={getRowHeight}
        onRowDataUpdated={onRowDataUpdated}
      />
    </div>
  );
}
