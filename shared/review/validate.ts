/** Checks review data that comes from outside (IPC, HTTP, review files); Chinese messages. */
import { REVIEW_STATUSES, type ReviewAnchor, type ReviewItem } from './types';
import type { ReviewPatch } from './patch';
import { PREVIOUS_CAP } from './succession';

const SECTIONS = ['header', 'funds', 'goals', 'indicator', 'total', 'analysis'];
/** Far above any real comment; keeps a runaway paste from bloating every copy of the file. */
const MAX_TEXT = 20_000;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): boolean => typeof v === 'string' && v.length <= MAX_TEXT;
const id = (v: unknown): boolean => typeof v === 'string' && v.length > 0 && v.length <= 200;

function isAnchor(v: unknown): v is ReviewAnchor {
  if (!isObject(v)) return false;
  if (v.section !== undefined && !SECTIONS.includes(v.section as string)) return false;
  if (v.indicatorId !== undefined && !id(v.indicatorId)) return false;
  if (v.row !== undefined && !(Number.isInteger(v.row) && (v.row as number) >= 0)) return false;
  return v.field === undefined || id(v.field);
}

const optionalText = (v: unknown): boolean => v === undefined || text(v);
const score = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isFinite(v));
const isStatus = (v: unknown): boolean => (REVIEW_STATUSES as readonly unknown[]).includes(v);

/** An item's earlier values (absent in files written before they were kept). */
function isPrevious(v: unknown, isValue: (state: Record<string, unknown>) => boolean): boolean {
  if (v === undefined) return true;
  return (
    Array.isArray(v) &&
    v.length <= PREVIOUS_CAP &&
    v.every((s) => isObject(s) && text(s.by) && typeof s.at === 'string' && isValue(s))
  );
}

export function isReviewItem(v: unknown): v is ReviewItem {
  if (!isObject(v) || !id(v.id) || typeof v.updatedAt !== 'string') return false;
  if (v.deleted !== undefined && typeof v.deleted !== 'boolean') return false;
  if (!optionalText(v.deletedBy)) return false;
  if (v.formId !== null && !id(v.formId)) return false;
  switch (v.kind) {
    case 'comment':
      return (
        isAnchor(v.anchor) &&
        (v.parentId === null || id(v.parentId)) &&
        text(v.author) &&
        typeof v.createdAt === 'string' &&
        text(v.text) &&
        typeof v.resolved === 'boolean' &&
        text(v.resolvedBy) &&
        (v.resolvedAt === undefined || typeof v.resolvedAt === 'string')
      );
    case 'audit':
      return (
        id(v.formId) &&
        id(v.indicatorId) &&
        score(v.score) &&
        text(v.opinion) &&
        text(v.by) &&
        isPrevious(v.previous, (s) => score(s.score) && text(s.opinion))
      );
    case 'status':
      return (
        id(v.formId) &&
        isStatus(v.status) &&
        text(v.reason) &&
        text(v.by) &&
        isPrevious(v.previous, (s) => (s.status === null || isStatus(s.status)) && text(s.reason))
      );
    default:
      return false;
  }
}

/** Why a review patch from outside cannot be applied, or null when it is well formed. */
export function checkReviewPatch(p: unknown): string | null {
  if (!isObject(p)) return '审核修改的格式不正确';
  if (p.op === 'putReview') return isReviewItem(p.item) ? null : '批注、核查分数或审核状态的内容不完整';
  if (p.op === 'removeReview') return id(p.id) ? null : '缺少要删除的审核内容';
  return `不认识的审核修改：${String(p.op)}`;
}

export function isReviewPatch(p: unknown): p is ReviewPatch {
  return checkReviewPatch(p) === null;
}
