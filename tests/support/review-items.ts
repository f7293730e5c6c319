/** Review items for tests, signed and timed like the editor signs them. */
import type { DocumentSession } from '../../electron/services/document-store';
import type { DocResult } from '../../electron/services/document-store/errors';
import type { ReviewPatch } from '../../shared/review/patch';
import {
  auditItem,
  statusItem,
  type AuditItem,
  type CommentItem,
  type ReviewAnchor,
  type ReviewItem,
  type ReviewStatus,
  type StatusItem,
} from '../../shared/review/types';

let clock = Date.parse('2025-03-01T08:00:00.000Z');
/** Strictly increasing times, so “the later change wins” is deterministic. */
export function tick(): string {
  clock += 1000;
  return new Date(clock).toISOString();
}

export function comment(
  id: string,
  formId: string | null,
  text: string,
  extra: { anchor?: ReviewAnchor; parentId?: string; author?: string } = {},
): CommentItem {
  const at = tick();
  return {
    kind: 'comment',
    id,
    formId,
    anchor: extra.anchor ?? {},
    parentId: extra.parentId ?? null,
    author: extra.author ?? '审核人',
    createdAt: at,
    updatedAt: at,
    text,
    resolved: false,
    resolvedBy: '',
  };
}

export function audit(formId: string, indicatorId: string, score: number | null, opinion = ''): AuditItem {
  return auditItem(formId, indicatorId, { score, opinion }, '审核人', tick());
}

export function status(formId: string, value: ReviewStatus, reason = ''): StatusItem {
  return statusItem(formId, value, reason, '审核人', tick());
}

/**
 * The author taking in a reviewer's items (导入审核意见): offered as 'review/read' offers them,
 * then applied as one step. The author's own session may not make review decisions itself.
 */
export function takeIn(session: DocumentSession, items: ReviewItem[]): DocResult<ReviewPatch[]> {
  session.offerReview(items);
  return session.applyReview(items.map((item) => ({ op: 'putReview', item })));
}
