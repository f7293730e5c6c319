/**
 * Review data (批注, 核查分数, 审核状态): what reviewers add to a document beside the author's
 * inputs. It is kept apart from the forms so that a reviewer can write it without touching the
 * author's data, into a review file beside a document they may not change.
 */
import type { FindingSection } from '../checks/types';

export const REVIEW_STATUSES = ['待审核', '已审核', '退回修改'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** The audit line of the funds block (预算执行率), beside the indicators' ids. */
export const FUNDS_LINE = '@funds';

/**
 * Where a comment sits inside its form: no section = the whole form; an indicator line by its id
 * (stable when lines move), a funds row by index; with `field` a single cell.
 */
export interface ReviewAnchor {
  section?: FindingSection;
  indicatorId?: string;
  row?: number;
  field?: string;
}

interface ItemBase {
  id: string;
  /** The form it belongs to; null = the whole document. */
  formId: string | null;
  /** ISO time of the last change: the newer copy wins when review files are merged. */
  updatedAt: string;
  /**
   * Removed: kept as a tombstone so that merging a copy that still has the item (the review file,
   * another reviewer's copy) does not bring it back. Views skip it.
   */
  deleted?: boolean;
  /** Who removed it (history); absent in files written before it was recorded. */
  deletedBy?: string;
}

export interface CommentItem extends ItemBase {
  kind: 'comment';
  anchor: ReviewAnchor;
  /** The first comment of its thread; replies name it. */
  parentId: string | null;
  author: string;
  createdAt: string;
  text: string;
  resolved: boolean;
  resolvedBy: string;
  /** When it was marked resolved (history); absent in older files. */
  resolvedAt?: string;
}

/**
 * An earlier value of an audit or status item, with who set it and when: the item's own history,
 * so that it travels and merges with the item (the newer item's list is the longer one).
 */
export interface AuditState {
  score: number | null;
  opinion: string;
  by: string;
  at: string;
}

export interface StatusState {
  /** null: no status (the item was removed then). */
  status: ReviewStatus | null;
  reason: string;
  by: string;
  at: string;
}

export interface AuditItem extends ItemBase {
  kind: 'audit';
  formId: string;
  /** An indicator's id, or FUNDS_LINE for the execution line. */
  indicatorId: string;
  /** 核查分数; null = the reviewer accepts the author's score. */
  score: number | null;
  /** 审核意见. */
  opinion: string;
  by: string;
  /** Earlier values, oldest first, at most PREVIOUS_CAP; absent in older files. */
  previous?: AuditState[];
}

export interface StatusItem extends ItemBase {
  kind: 'status';
  formId: string;
  status: ReviewStatus;
  /** Why it was sent back (退回修改); may be empty otherwise. */
  reason: string;
  by: string;
  /** Earlier values, oldest first, at most PREVIOUS_CAP; absent in older files. */
  previous?: StatusState[];
}

export type ReviewItem = CommentItem | AuditItem | StatusItem;

export function auditId(formId: string, indicatorId: string): string {
  return `audit:${formId}:${indicatorId}`;
}

export function statusId(formId: string): string {
  return `status:${formId}`;
}

/** A line's audit as `by` sets it at `at` (without history: see succession.ts). */
export function auditItem(
  formId: string,
  indicatorId: string,
  value: { score: number | null; opinion: string },
  by: string,
  at: string,
): AuditItem {
  const { score, opinion } = value;
  return {
    kind: 'audit',
    id: auditId(formId, indicatorId),
    formId,
    indicatorId,
    score,
    opinion,
    by,
    updatedAt: at,
  };
}

/** A form's status as `by` sets it at `at` (without history). */
export function statusItem(
  formId: string,
  status: ReviewStatus,
  reason: string,
  by: string,
  at: string,
): StatusItem {
  return { kind: 'status', id: statusId(formId), formId, status, reason, by, updatedAt: at };
}
