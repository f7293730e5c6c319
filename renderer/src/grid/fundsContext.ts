/**
 * What the funds block's cells read besides their row (FundsGridContext), and its rows' heights:
 * the same for the grid (views/FundsTable.tsx) and its static first paint (views/formPreviews.tsx).
 */
import { fundsScoreRowIndex } from '../../../shared/model/funds-rows';
import type { Form, FundsRow } from '../../../shared/model/types';
import type { KindLayout } from '../../../shared/layouts/types';
import { FUNDS_LINE } from '../../../shared/review/types';
import { scoreFundsRow } from '../../../shared/scoring/execution';
import type { FormResult } from '../../../shared/scoring/types';
import type { DocumentStore } from '../state/documentStore';
import type { CellClassParams, ColDef } from 'ag-grid-community';
import type { ReviewState } from '../state/reviewState';
import type { FundsGridContext } from './fundsColumns';
import { MIN_ROW_HEIGHT, textHeight } from './rowHeights';

type StoreView = Pick<DocumentStore, 'readOnly' | 'status' | 'layout' | 'review'>;

/** A context before the first render fills it (its callbacks do nothing yet). */
export function emptyFundsContext(form: Form, result: FormResult): FundsGridContext {
  return {
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
}

/**
 * Brings `context` up to the form shown, its rows in the layout's order (`rows`). 分值/执行率/得分
 * and the reasons are on the first row even where the total is printed last (新疆), on the total
 * row where the layout prints them there (004's project form).
 */
export function updateFundsContext(
  context: FundsGridContext,
  form: Form,
  result: FormResult,
  kind: KindLayout,
  rows: FundsRow[],
  store: StoreView,
): void {
  context.form = form;
  context.execution = result.execution;
  context.totalIndex = fundsScoreRowIndex({ ...form.funds, rows }, kind);
  context.dash = kind.fundsDash ?? '—';
  context.readOnly = store.readOnly;
  context.reviewing = store.status.reviewing;
  const policy = store.layout.policy;
  context.rowExecution = kind.fundsRowScores ? (row) => scoreFundsRow(form.funds, row, policy) : null;
  context.audit = store.review.audit(form.id, FUNDS_LINE);
}

/** A row's height from its text (grid/rowHeights.ts): 资金来源, and on the score row its reasons. */
export function fundsRowHeight(
  row: FundsRow,
  index: number | null,
  context: FundsGridContext,
  widths: ReadonlyMap<string, number>,
): number {
  const texts: [string, string][] = [['source', row.source]];
  if (index === context.totalIndex)
    texts.push(
      ['deviationReason', context.form.funds.deviationReason],
      ['scoreReason', context.form.funds.scoreReason],
      ['auditOpinion', context.audit?.opinion ?? ''],
    );
  let h = MIN_ROW_HEIGHT;
  for (const [colId, text] of texts) {
    const w = widths.get(colId);
    if (w && text) h = Math.max(h, textHeight(text, w));
  }
  return Math.ceil(h);
}

/**
 * The columns with a red corner on cells that have an open comment (as Excel marks 批注). Comments
 * name model rows; the grid shows the layout's order: `toModel` takes a shown row to its model row.
 */
export function withFundsCommentMarks(
  columns: ColDef<FundsRow>[],
  review: ReviewState,
  formId: () => string,
  toModel: (shownRow: number) => number,
): ColDef<FundsRow>[] {
  return columns.map((c) => ({
    ...c,
    cellClassRules: {
      ...c.cellClassRules,
      'cell-commented': (p: CellClassParams<FundsRow>) =>
        review.hasOpenComment(formId(), {
          section: 'funds',
          row: p.node.rowIndex === null ? -1 : toModel(p.node.rowIndex),
          field: c.colId ?? '',
        }),
    },
  }));
}
