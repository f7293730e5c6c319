/**
 * What the indicator grid's callbacks read: the form, its current result and whether editing is
 * allowed. One instance per grid, updated on every render, so column definitions never change
 * when only values do.
 */
import { EMPTY_LIBRARY, type IndicatorLibrary } from '../../../shared/library/indicator-library';
import type { LayoutDef } from '../../../shared/layouts/types';
import type { Form } from '../../../shared/model/types';
import { explainLine } from '../../../shared/scoring/form';
import type { FormResult, IndicatorResult } from '../../../shared/scoring/types';
import type { ReviewState } from '../state/reviewState';

/** A committed 核查分数 or 审核意见 cell (review data: not a patch of the author's inputs). */
export type AuditEdit = (indicatorId: string, colId: AuditColId, value: unknown) => void;
export type AuditColId = 'auditScore' | 'auditOpinion';

export class IndicatorGridContext {
  form: Form | null = null;
  result: FormResult | null = null;
  layout: LayoutDef | null = null;
  readOnly = true;
  /** 审核模式: the author's cells are locked, the audit cells open (grid/roleLock.ts). */
  reviewing = false;
  review: ReviewState | null = null;
  onAudit: AuditEdit = () => undefined;
  /** The indicator library as it stands when an editor opens (see state/indicatorLibrary.ts). */
  library: () => IndicatorLibrary = () => EMPTY_LIBRARY;
  /** A column's width in pixels as laid out now (for the text clamp); undefined before layout. */
  widthOf: (colId: string) => number | undefined = () => undefined;
  private lines = new Map<string, IndicatorResult>();
  private linesOf: FormResult | null = null;

  update(
    form: Form,
    result: FormResult,
    layout: LayoutDef,
    readOnly: boolean,
    review: ReviewState,
    onAudit: AuditEdit,
  ): void {
    this.review = review;
    this.onAudit = onAudit;
    this.form = form;
    this.result = result;
    this.layout = layout;
    this.readOnly = readOnly;
  }

  line(indicatorId: string): IndicatorResult | undefined {
    if (this.linesOf !== this.result) {
      this.lines = new Map((this.result?.indicators ?? []).map((l) => [l.id, l]));
      this.linesOf = this.result;
    }
    return this.lines.get(indicatorId);
  }

  /** The engine's explanation of a line's suggestion; formatted only when someone looks. */
  explain(indicatorId: string): string {
    const { form, layout } = this;
    if (!form || !layout) return '';
    const index = form.indicators.findIndex((i) => i.id === indicatorId);
    return index < 0 ? '' : explainLine(form, index, layout);
  }
}
