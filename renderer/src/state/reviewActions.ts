/** Review edits as the editor makes them: signed with the session's user and timed now. */
import type { FindingLocation } from '../../../shared/checks/types';
import {
  FUNDS_LINE,
  type CommentItem,
  type ReviewAnchor,
  type ReviewStatus,
} from '../../../shared/review/types';
import { reviewRestorePatch, type ReviewRestore } from '../../../shared/history/review-entries';
import { auditPatch, statusPatch } from '../../../shared/review/succession';
import type { DocumentStore } from './documentStore';

const now = () => new Date().toISOString();

function newCommentId(): string {
  return `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Where a comment's anchor is on screen (indicator lines by their current row). */
export function anchorLocation(
  store: DocumentStore,
  formId: string | null,
  anchor: ReviewAnchor,
): FindingLocation | null {
  if (formId === null) return null;
  const form = store.form(formId);
  if (!form) return null;
  if (anchor.indicatorId !== undefined) {
    const row = form.indicators.findIndex((i) => i.id === anchor.indicatorId);
    return {
      formId,
      section: 'indicator',
      row: Math.max(row, 0),
      ...(anchor.field ? { field: anchor.field } : {}),
    };
  }
  return {
    formId,
    section: anchor.section ?? 'header',
    ...(anchor.row !== undefined ? { row: anchor.row } : {}),
    ...(anchor.field ? { field: anchor.field } : {}),
  };
}

export function addComment(
  store: DocumentStore,
  formId: string | null,
  anchor: ReviewAnchor,
  text: string,
  parentId: string | null = null,
): void {
  const at = now();
  const item: CommentItem = {
    kind: 'comment',
    id: newCommentId(),
    formId,
    anchor,
    parentId,
    author: store.status.user,
    createdAt: at,
    updatedAt: at,
    text,
    resolved: false,
    resolvedBy: '',
  };
  store.applyReview([{ op: 'putReview', item }], anchorLocation(store, formId, anchor));
}

export function setResolved(store: DocumentStore, root: CommentItem, resolved: boolean): void {
  const at = now();
  store.applyReview(
    [
      {
        op: 'putReview',
        item: {
          ...root,
          resolved,
          resolvedBy: resolved ? store.status.user : '',
          resolvedAt: at,
          updatedAt: at,
        },
      },
    ],
    anchorLocation(store, root.formId, root.anchor),
  );
}

/** Sets a line's 核查分数 and/or 审核意见; a line left with neither has no audit. */
export function setAudit(
  store: DocumentStore,
  formId: string,
  indicatorId: string,
  change: { score?: number | null; opinion?: string },
  where: FindingLocation | null,
): void {
  const p = auditPatch(store.review.items, formId, indicatorId, change, store.status.user, now());
  if (p) store.applyReview([p], where);
}

/** Sets a form's 审核状态 (null: none); 退回修改 carries its reason. */
export function setStatus(
  store: DocumentStore,
  formId: string,
  status: ReviewStatus | null,
  reason = '',
): void {
  const p = statusPatch(store.review.items, formId, status, reason, store.status.user, now());
  if (p) store.applyReview([p], { formId, section: 'header' });
}

/** 恢复 of a review entry in the history: one ordinary (undoable) review step. */
export function restoreReview(store: DocumentStore, r: ReviewRestore): boolean {
  const p = reviewRestorePatch(r, store.review.items, store.status.user, now());
  if (!p) return false;
  const row =
    r.kind === 'audit'
      ? (store.form(r.formId)?.indicators.findIndex((i) => i.id === r.indicatorId) ?? -1)
      : -1;
  return store.applyReview(
    [p],
    r.kind === 'status'
      ? { formId: r.formId, section: 'header' }
      : r.indicatorId === FUNDS_LINE
        ? { formId: r.formId, section: 'funds' }
        : {
            formId: r.formId,
            section: 'indicator',
            row: Math.max(row, 0),
            field: 'score' in r.change ? 'auditScore' : 'auditOpinion',
          },
  );
}
