/** The funds block of a form as a small AG Grid (same keyboard as the indicator table). */
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore, type RefObject } from 'react';
import type { CellClassParams, GridApi, IRowNode, RowHeightParams } from 'ag-grid-community';
import type { Form, FundsRow } from '../../../shared/model/types';
import { fundsScoreRowIndex } from '../../../shared/model/funds-rows';
import { scoreFundsRow } from '../../../shared/scoring/execution';
import type { FormResult } from '../../../shared/scoring/types';
import {
  fundsColumnForField,
  fundsCellTitles,
  fundsColumns,
  withFundsParent,
  type FundsGridContext,
} from '../grid/fundsColumns';
import { fundsOrder } from '../grid/fundsOrder';
import { patchesForFundsCell, patchesForFundsCells } from '../grid/fundsEdits';
import { MIN_ROW_HEIGHT, syncRowHeights, textHeight } from '../grid/rowHeights';
import { fundsGridTheme } from '../grid/setup';
import { useFormGrid, type GridHandle } from '../grid/useFormGrid';
import { useEditor } from './EditorContext';
import { commitAudit } from '../grid/auditEdits';
import type { AuditColId } from '../grid/indicatorContext';
import { useRoleLockEvents } from '../grid/roleLock';
import { FUNDS_LINE } from '../../../shared/review/types';

interface Props {
  form: Form;
  result: FormResult;
  handle: RefObject<GridHandle | null>;
}

export function FundsTable({ form, result, handle }: Props) {
  const { store, reviewUi } = useEditor();
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
      fundsColumns(kind, showsScore, auditShown).map((c) => ({
        ...c,
        cellClassRules: {
          ...c.cellClassRules,
          'cell-commented': (p: CellClassParams<FundsRow>) =>
            store.review.hasOpenComment(formId.current, {
              section: 'funds',
              row: p.node.rowIndex === null ? -1 : orderRef.current.toModel(p.node.rowIndex),
              field: c.colId ?? '',
            }),
        },
      })),
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
  const { apiRef, containerRef, widths, gridOptions } = useFormGrid<FundsRow>({
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
  });
  const columnDefs = useMemo(
    () => withFundsParent(gridOptions.columnDefs ?? [], kind),
    [gridOptions.columnDefs, kind],
  );
  // Long-lived: the grid's callbacks read it; it is brought up to date on every render.
  const contextRef = useRef<FundsGridContext | null>(null);
  contextRef.current ??= {
    form,
    execution: result.execution,
    totalIndex: 0,
    dash: '—',
    readOnly: true,
    reviewing: false,
    audit: undefined,
    onAudit: () => undefined,
    rowExecution: null,
  };
  const context = contextRef.current;
  context.form = form;
  context.execution = result.execution;
  // 分值/执行率/得分 and the reasons: on the first row even where the total is printed last (新疆),
  // on the total row where the layout prints them there (004's project form).
  const scoreRow = fundsScoreRowIndex({ ...form.funds, rows: order.rows }, kind);
  context.totalIndex = scoreRow;
  context.dash = kind.fundsDash ?? '—';
  context.readOnly = store.readOnly;
  context.reviewing = store.status.reviewing;
  const lockEvents = useRoleLockEvents(store);
  const policy = store.layout.policy;
  context.rowExecution = kind.fundsRowScores ? (row) => scoreFundsRow(form.funds, row, policy) : null;
  context.audit = store.review.audit(form.id, FUNDS_LINE);
  context.onAudit = (colId: AuditColId, value: unknown) =>
    commitAudit(store, form, result, FUNDS_LINE, colId, value, {
      formId: form.id,
      section: 'funds',
      row: order.toModel(scoreRow),
      field: colId,
    });

  const handledSeq = useRef(store.lastTouched.seq);

  // Row heights from the text (see grid/rowHeights.ts): 资金来源 and the total row's reasons.
  const rowHeight = useCallback(
    (row: FundsRow, index: number | null): number => {
      const total = index === context.totalIndex;
      const texts: [string, string][] = [['source', row.source]];
      if (total)
        texts.push(
          ['deviationReason', form.funds.deviationReason],
          ['scoreReason', form.funds.scoreReason],
          ['auditOpinion', context.audit?.opinion ?? ''],
        );
      let h = MIN_ROW_HEIGHT;
      for (const [colId, text] of texts) {
        const w = widths.current.get(colId);
        if (w && text) h = Math.max(h, textHeight(text, w));
      }
      return Math.ceil(h);
    },
    [context, form],
  );
  const heightOf = useCallback(
    (node: IRowNode<FundsRow>) => (node.data ? rowHeight(node.data, node.rowIndex) : undefined),
    [rowHeight],
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
    <div className="funds-grid" data-testid="funds-grid" ref={containerRef}>
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
