/**
 * The form's two grids drawn as plain HTML (views/GridPreview.tsx) from the columns, context and
 * row heights the grids use: in the window's own chunk, so the first form shows before AG Grid's
 * chunk is loaded (views/lazyGrids.tsx), and while a grid draws its first rows (FundsTable,
 * IndicatorTable). They take the tables' props.
 */
import { useMemo, useSyncExternalStore } from 'react';
import type { Form, FundsRow, Indicator } from '../../../shared/model/types';
import { fundsColumns, withFundsParent } from '../grid/fundsColumns';
import {
  emptyFundsContext,
  fundsRowHeight,
  updateFundsContext,
  withFundsCommentMarks,
} from '../grid/fundsContext';
import { fundsOrder } from '../grid/fundsOrder';
import { IndicatorGridContext } from '../grid/indicatorContext';
import { indicatorColumns } from '../grid/indicatorColumns';
import { indicatorRowHeight } from '../grid/indicatorRowHeight';
import { showsFunds, showsLines, useFormResult } from '../state/useDocument';
import { useEditor } from './EditorContext';
import { GridPreview } from './GridPreview';

interface PreviewProps {
  form: Form;
}

type PreviewedGrid = 'indicator' | 'funds';

/**
 * The cell last pressed in a preview: its grid puts the cursor there once drawn (grid/useFormGrid.ts),
 * so a click made while AG Grid loads is not lost. One window, one renderer: a module's state is
 * the window's.
 */
let picked: { grid: PreviewedGrid; formId: string; row: number; colId: string } | null = null;

/**
 * The cell pressed in `grid`'s preview of form `formId`, once; null when none, or when the user
 * has since gone on to type or click elsewhere (a field, a button, a dialog keeps its focus).
 */
export function takePickedCell(grid: PreviewedGrid, formId: string): { row: number; colId: string } | null {
  const cell = picked;
  if (!cell || cell.grid !== grid) return null;
  picked = null;
  const busy = document.activeElement?.closest('input, textarea, select, button, [role="dialog"]');
  return cell.formId === formId && !busy ? { row: cell.row, colId: cell.colId } : null;
}

const pick = (grid: PreviewedGrid, formId: string) => (row: number, colId: string) => {
  picked = { grid, formId, row, colId };
};

function useAuditShown(): boolean {
  const { reviewUi } = useEditor();
  return useSyncExternalStore(reviewUi.subscribe, () => reviewUi.get().auditColumns);
}

export function IndicatorPreview({ form }: PreviewProps) {
  const { store } = useEditor();
  const result = useFormResult(store, form.id, showsLines);
  const layout = store.layout;
  const kind = layout.kinds[form.kind];
  const auditShown = useAuditShown();
  const columns = useMemo(() => indicatorColumns(kind, auditShown), [kind, auditShown]);
  const context = new IndicatorGridContext();
  context.update(form, result, layout, store.readOnly, store.review, () => undefined);
  context.reviewing = store.status.reviewing;
  return (
    <GridPreview<Indicator>
      columns={columns}
      rows={form.indicators}
      context={context}
      prepare={(widths) => {
        context.widthOf = (colId) => widths.get(colId);
      }}
      rowHeight={(row, _i, widths) => indicatorRowHeight(row, context, widths)}
      onPick={pick('indicator', form.id)}
      label="绩效指标（正在载入表格）"
      testId="indicator-preview"
    />
  );
}

/** 新增指标行 under the table; without `onClick` (the grid still loading) it waits, disabled. */
export function AddIndicatorButton({ onClick }: { onClick?: () => void }) {
  return (
    <button
      type="button"
      className="add-row"
      onClick={onClick}
      disabled={!onClick}
      title="在表格末尾新增一行指标；也可在行上按右键或 Ctrl+Shift+= 插入"
      data-testid="add-indicator"
    >
      ＋ 新增指标行
    </button>
  );
}

/** The indicator table's place while AG Grid's chunk loads: its preview and the waiting 新增 button. */
export function IndicatorPlaceholder(props: PreviewProps) {
  const { store } = useEditor();
  return (
    <>
      <IndicatorPreview {...props} />
      {!store.readOnly && <AddIndicatorButton />}
    </>
  );
}

export function FundsPreview({ form }: PreviewProps) {
  const { store } = useEditor();
  const result = useFormResult(store, form.id, showsFunds);
  const kind = store.layout.kinds[form.kind];
  const showsScore = kind.fundsColumns.some((c) => c.key === 'score');
  const auditShown = useAuditShown();
  const order = fundsOrder(form, kind);
  const columns = withFundsParent(
    withFundsCommentMarks(
      fundsColumns(kind, showsScore, auditShown),
      store.review,
      () => form.id,
      (row) => order.toModel(row),
    ),
    kind,
  );
  const rows = order.rows;
  const context = emptyFundsContext(form, result);
  updateFundsContext(context, form, result, kind, rows, store);
  return (
    <GridPreview<FundsRow>
      columns={columns}
      rows={rows}
      context={context}
      rowHeight={(row, i, widths) => fundsRowHeight(row, i, context, widths)}
      onPick={pick('funds', form.id)}
      label="资金情况（正在载入表格）"
      testId="funds-preview"
    />
  );
}
