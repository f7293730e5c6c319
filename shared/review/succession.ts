/**
 * How a review item is replaced by the editor: an audit or status item keeps the value it
 * replaces (with who set it and when) in its `previous` list, and a removal is a tombstone signed
 * by who removed it. The list is the item's own history: it travels and merges with the item.
 */
import type { ReviewItems, ReviewPatch } from './patch';
import {
  auditId,
  auditItem,
  statusId,
  statusItem,
  type AuditItem,
  type AuditState,
  type ReviewItem,
  type ReviewStatus,
  type StatusItem,
  type StatusState,
} from './types';

/** Enough for any real review round; keeps a much-edited item from growing without end. */
export const PREVIOUS_CAP = 50;

/** The value an audit item holds (a tombstone holds none). */
export function auditState(item: AuditItem): AuditState {
  return item.deleted
    ? { score: null, opinion: '', by: item.by, at: item.updatedAt }
    : { score: item.score, opinion: item.opinion, by: item.by, at: item.updatedAt };
}

export function statusState(item: StatusItem): StatusState {
  return item.deleted
    ? { status: null, reason: '', by: item.by, at: item.updatedAt }
    : { status: item.status, reason: item.reason, by: item.by, at: item.updatedAt };
}

/** `next` as the successor of `current` (the item there now, a tombstone included). */
export function succeed<T extends ReviewItem>(current: ReviewItem | undefined, next: T): T {
  if (current?.kind === 'audit' && next.kind === 'audit')
    return { ...next, previous: [...(current.previous ?? []), auditState(current)].slice(-PREVIOUS_CAP) };
  if (current?.kind === 'status' && next.kind === 'status')
    return { ...next, previous: [...(current.previous ?? []), statusState(current)].slice(-PREVIOUS_CAP) };
  return next;
}

/** The tombstone that removes `current`, signed by `user`. */
export function removal(current: ReviewItem, user: string, now: string): ReviewItem {
  if (current.kind === 'comment') return { ...current, deleted: true, deletedBy: user, updatedAt: now };
  return succeed(current, { ...current, deleted: true, by: user, updatedAt: now });
}

/**
 * A review patch replayed by undo or redo, as a change of its own by `user` at `now`: it must win
 * over older copies when merged, and an audit or status keeps the value it replaces.
 */
export function replayed(
  p: ReviewPatch,
  current: ReviewItem | undefined,
  user: string,
  now: string,
): ReviewPatch {
  if (p.op === 'removeReview')
    return current && !current.deleted ? { op: 'putReview', item: removal(current, user, now) } : p;
  if (p.item.kind === 'comment') return { op: 'putReview', item: { ...p.item, updatedAt: now } };
  return { op: 'putReview', item: succeed(current, { ...p.item, by: user, updatedAt: now }) };
}

/**
 * The patch that sets a line's 核查分数 and/or 审核意见 as `user` at `now`; a line left with neither
 * loses its audit. null when nothing changes.
 */
export function auditPatch(
  items: ReviewItems,
  formId: string,
  indicatorId: string,
  change: { score?: number | null; opinion?: string },
  user: string,
  now: string,
): ReviewPatch | null {
  const current = items.get(auditId(formId, indicatorId));
  const old = current?.kind === 'audit' && !current.deleted ? current : undefined;
  const score = change.score !== undefined ? change.score : (old?.score ?? null);
  const opinion = change.opinion !== undefined ? change.opinion : (old?.opinion ?? '');
  if (old && old.score === score && old.opinion === opinion) return null;
  if (score === null && opinion.trim() === '')
    return old ? { op: 'putReview', item: removal(old, user, now) } : null;
  const item = auditItem(formId, indicatorId, { score, opinion }, user, now);
  return { op: 'putReview', item: succeed(current, item) };
}

/** The patch that sets a form's 审核状态 (null: none) as `user` at `now`; null when nothing changes. */
export function statusPatch(
  items: ReviewItems,
  formId: string,
  status: ReviewStatus | null,
  reason: string,
  user: string,
  now: string,
): ReviewPatch | null {
  const current = items.get(statusId(formId));
  const old = current?.kind === 'status' && !current.deleted ? current : undefined;
  if (status === null) return old ? { op: 'putReview', item: removal(old, user, now) } : null;
  if (old && old.status === status && old.reason === reason) return null;
  const item = statusItem(formId, status, reason, user, now);
  return { op: 'putReview', item: succeed(current, item) };
}
