/**
 * The indicator table (绩效指标) as an AG Grid: the layout's columns, 一级/二级 merged down,
 * long text wrapped, keyboard like a spreadsheet (Enter moves down). Commits become patches.
 */
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore, type RefObject } from 'react';
import type { GetRowIdParams, GridApi, IRowNode, RowHeightParams } from 'ag-grid-community';
import type { Form, Indicator } from '../../../shared/model/types';
import { IndicatorGridContext, type AuditColId } from '../grid/indicatorContext';
import { commitAudit } from '../grid/auditEdits';
import { columnForField, indicatorCellTitles, indicatorColumns } from '../grid/indicatorColumns';
import { patchesForCell, patchesForCells } from '../grid/indicatorEdits';
import { withLibraryFill } from '../grid/libraryFill';
import { indicatorRowHeight } from '../grid/indicatorRowHeight';
import { syncRowHeights } from '../grid/rowHeights';
import { watchStickyLabels } from '../grid/stickyLabels';
import { formGridTheme } from '../grid/setup';
import { useFormGrid, type GridHandle } from '../grid/useFormGrid';
import type { FocusedLine } from '../state/focusedLine';
import { useRoleLockEvents } from '../grid/roleLock';
import { libraryWith } from '../state/indicatorLibrary';
import { showsLines, useFormResult } from '../state/useDocument';
import { useEditor } from './EditorContext';
import { GridMenu } from './GridMenu';
import { AddIndicatorButton, IndicatorPreview, takePickedCell } from './formPreviews';
import { useIndicatorActions } from './useIndicatorActions';

interface Props {
  form: Form;
  handle: RefObject<GridHandle | null>;
  focusedLine: FocusedLine;
}

/** A grid edit of the form's lines re-renders nothing here: the table repaints its rows itself. */
const repaintsItself = () => false;

export function IndicatorTable({ form, handle, focusedLine }: Props) {
  const { store, reviewUi } = useEditor();
  // Any change but a grid edit re-renders the table at once; a grid edit of its lines is repainted
  // in place below, without a render, and the window re-renders it after the paint.
  const result = useFormResult(store, form.id, repaintsItself);
  const layout = store.layout;
  const kind = layout.kinds[form.kind];
  const context = useMemo(() => new IndicatorGridContext(), []);
  const onAudit = useCallback(
    (indicatorId: string, colId: AuditColId, value: unknown) => {
      const row = form.indicators.findIndex((i) => i.id === indicatorId);
      commitAudit(store, form, store.result(form.id), indicatorId, colId, value, {
        formId: form.id,
        section: 'indicator',
        row,
        field: colId,
      });
    },
    [form, store],
  );
  context.update(form, result, layout, store.readOnly, store.review, onAudit);
  context.reviewing = store.status.reviewing;
  const lockEvents = useRoleLockEvents(store);
  context.library = () => libraryWith(store.doc);
  const handledSeq = useRef(store.lastTouched.seq);
  const auditShown = useSyncExternalStore(reviewUi.subscribe, () => reviewUi.get().auditColumns);
  const columns = useMemo(() => indicatorColumns(kind, auditShown), [kind, auditShown]);
  const reviewSeen = useRef(store.review.version);

  // A new list only when rows come or go (or another form is shown); edits repaint rows in place.
  const rowData = useMemo(() => [...form.indicators], [form, form.indicators, store.structureVersion]);
  const { apiRef, containerRef, widths, sheet, gridOptions, drawn } = useFormGrid<Indicator>({
    columns,
    rows: rowData,
    cellTitles: indicatorCellTitles,
    handle,
    writer: {
      canAddRows: true,
      commit: (row, colId, value) => {
        const ind = form.indicators[row];
        if (!ind) return { ok: false, message: '找不到这一行：它可能已被删除' };
        const outcome = patchesForCell(form, ind.id, colId, value, layout);
        return colId === 'name'
          ? withLibraryFill(form, ind, value, outcome, layout, libraryWith(store.doc))
          : outcome;
      },
      write: (cells, addRows) => patchesForCells(form, layout, cells, addRows),
    },
    showsRows: (api) => {
      if (api.getDisplayedRowCount() !== form.indicators.length) return false;
      return form.indicators.length === 0 || api.getDisplayedRowAtIndex(0)?.data === form.indicators[0];
    },
    columnFor: columnForField,
    pickedCell: () => takePickedCell('indicator', form.id),
    onFocused: (row) => {
      const ind = row === null ? undefined : form.indicators[row];
      focusedLine.set(ind ? ind.id : null);
    },
  });
  context.widthOf = (colId) => widths.current.get(colId);
  const { menu, closeMenu, addRow } = useIndicatorActions(form, store, sheet, apiRef, containerRef);

  // Row heights come from the text (see grid/rowHeights.ts), for the current column widths.
  const heightOf = useCallback(
    (node: { data?: Indicator | undefined }) =>
      node.data ? indicatorRowHeight(node.data, context, widths.current) : undefined,
    [context, widths],
  );
  const getRowHeight = useCallback((p: RowHeightParams<Indicator>) => heightOf(p.node), [heightOf]);
  // Another form's rows reuse the rendered rows (ids are positions): their heights are checked.
  const onRowDataUpdated = useCallback(
    (e: { api: GridApi<Indicator> }) => syncRowHeights(e.api, heightOf),
    [heightOf],
  );
  // Rows are known by their position: switching forms then updates the rendered rows in place
  // (values and heights) instead of tearing them down, which is several times faster.
  const getRowId = useCallback(
    (p: GetRowIdParams<Indicator>) => `r${context.form?.indicators.indexOf(p.data) ?? -1}`,
    [context],
  );

  useEffect(
    () => (containerRef.current ? watchStickyLabels(containerRef.current) : undefined),
    [containerRef],
  );

  // Repaint the rows the last change touched (their scores, merges and flags): after each render,
  // and at once after a grid edit of this form's lines (no render then).
  const repaint = useRef<() => void>(() => undefined);
  repaint.current = () => {
    const api = apiRef.current;
    if (api && reviewSeen.current !== store.review.version) {
      // Comment marks and audit cells: few, and anywhere in the form (an 审核意见 sizes its row).
      reviewSeen.current = store.review.version;
      api.refreshCells({ force: true });
      syncRowHeights(api, heightOf);
    }
    const touched = store.lastTouched;
    if (!api || touched.seq === handledSeq.current) return;
    handledSeq.current = touched.seq;
    const ids = touched.forms.get(form.id);
    if (!ids) return;
    // Rows whose height can have changed; undefined: any (texts and merges anywhere).
    let resized: IRowNode<Indicator>[] | undefined;
    if (ids === 'all') api.refreshCells({ force: true });
    else {
      const rows = [...ids].flatMap((id) => {
        const node = api.getRowNode(`r${form.indicators.findIndex((i) => i.id === id)}`);
        return node?.data ? [{ node, data: node.data }] : [];
      });
      // New data makes AG Grid work out every merged cell again (and re-render every row a
      // moment later): only worth it when a level changed; scores and values just repaint.
      if (touched.levels) for (const { node, data } of rows) node.updateData(data);
      else {
        resized = rows.map((r) => r.node);
        // Not forced: only the cells whose value or text changed are drawn again; the class
        // rules (flags, marks) are worked out for every cell anyway.
        api.refreshCells({ rowNodes: resized });
      }
    }
    syncRowHeights(api, heightOf, resized);
  };
  useEffect(() => repaint.current());
  const formId = form.id;
  useEffect(
    () =>
      store.subscribe(() => {
        if (!store.lastChangeInGrid || !showsLines(store.lastTouched, formId)) return;
        // After the task's own work: AG Grid is still closing its editor when the store tells.
        queueMicrotask(() => {
          context.result = store.result(formId);
          repaint.current();
        });
      }),
    [store, formId, context],
  );

  return (
    <div
      className={drawn ? 'indicator-grid' : 'indicator-grid grid-pending'}
      data-testid="indicator-grid"
      ref={containerRef}
    >
      {!drawn && <IndicatorPreview form={form} />}
      <AgGridReact<Indicator>
        {...gridOptions}
        theme={formGridTheme}
        context={context}
        {...lockEvents}
        getRowId={getRowId}
        getRowHeight={getRowHeight}
        onRowDataUpdated={onRowDataUpdated}
        enableCellSpan
        suppressRowTransform
        suppressDragLeaveHidesColumns
        overlayNoRowsTemplate="本表还没有指标行"
      />
      {menu && <GridMenu menu={menu} onClose={closeMenu} />}
      {!store.readOnly && <AddIndicatorButton onClick={addRow} />}
    </div>
  );
}
