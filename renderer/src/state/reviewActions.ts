/** Review edits as the editor makes them: signed with the session's user and timed now. */
import type { FindingLocation } from '../../../shared/checks/types';
import {
  auditId,
  statusId,
  type CommentItem,
  type ReviewAnchor,
  type ReviewStatus,
} from '../../../shared/review/types';
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
  store.applyReview(
    [
      {
        op: 'putReview',
        item: { ...root, resolved, resolvedBy: resolved ? store.status.user : '', updatedAt: now() },
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
  const old = store.review.audit(formId, indicatorId);
  const score = change.score !== undefined ? change.score : (old?.score ?? null);
  const opinion = change.opinion !== undefined ? change.opinion : (old?.opinion ?? '');
  if (old && old.score === score && old.opinion === opinion) return;
  if (score === null && opinion.trim() === '') {
    if (old) store.applyReview([{ op: 'removeReview', id: old.id }], where);
    return;
  }
  store.applyReview(
    [
      {
        op: 'putReview',
        item: {
          kind: 'audit',
          id: auditId(formId, indicatorId),
          formId,
          indicatorId,
          score,
          opinion,
          by: store.status.user,
          updatedAt: now(),
        },
      },
    ],
    where,
  );
}

/** Sets a form's 审核状态 (null: none); 退回修改 carries its reason. */
export function setStatus(
  store: DocumentStore,
  formId: string,
  status: ReviewStatus | null,
  reason = '',
): void {
  const old = store.review.status(formId);
  const where = { formId, section: 'header' } as const;
  if (status === null) {
    if (old) store.applyReview([{ op: 'removeReview', id: old.id }], where);
    return;
  }
  if (old && old.status === status && old.reason === reason) return;
  store.applyReview(
    [
      {
        op: 'putReview',
        item: {
          kind: 'status',
          id: statusId(formId),
          formId,
          status,
          reason,
          by: store.status.user,
          updatedAt: now(),
        },
      },
    ],
    where,
  );
}
