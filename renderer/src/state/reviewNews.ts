/**
 * What reached the author since they last looked (issue #19): comments, 退回修改 and 核查意见 by
 * others, newer than the per-document “seen” marker kept in the data folder (review/seen).
 */
import type { FindingLocation } from '../../../shared/checks/types';
import { FUNDS_LINE, type ReviewItem } from '../../../shared/review/types';
import { anchorLocation } from './reviewActions';
import type { DocumentStore } from './documentStore';

export interface NewsItem {
  id: string;
  kind: 'comment' | 'returned' | 'audit';
  formId: string | null;
  /** The comment, the reason for 退回修改, or the 核查分数 / 审核意见, in words. */
  text: string;
  by: string;
  location: FindingLocation | null;
}

export interface ReviewNews {
  items: NewsItem[];
  /** The newest change among them: what “seen” moves to. */
  latest: string;
}

function newsOf(store: DocumentStore, item: ReviewItem): NewsItem | null {
  if (item.deleted) return null;
  const me = store.status.user;
  if (item.kind === 'comment') {
    if (item.author === me || item.resolved) return null;
    const location = anchorLocation(store, item.formId, item.anchor);
    return { id: item.id, kind: 'comment', formId: item.formId, text: item.text, by: item.author, location };
  }
  if (item.by === me) return null;
  if (item.kind === 'status') {
    if (item.status !== '退回修改') return null;
    const text = item.reason === '' ? '退回修改' : `退回修改：${item.reason}`;
    const location: FindingLocation = { formId: item.formId, section: 'header' };
    return { id: item.id, kind: 'returned', formId: item.formId, text, by: item.by, location };
  }
  const score = item.score === null ? '' : `核查分数 ${item.score}`;
  const text = [score, item.opinion].filter((t) => t !== '').join('；');
  const row = store.form(item.formId)?.indicators.findIndex((i) => i.id === item.indicatorId) ?? -1;
  const location: FindingLocation =
    item.indicatorId === FUNDS_LINE
      ? { formId: item.formId, section: 'funds' }
      : { formId: item.formId, section: 'indicator', row: Math.max(row, 0), field: 'auditScore' };
  return { id: item.id, kind: 'audit', formId: item.formId, text, by: item.by, location };
}

/** Review items by others changed after `seen` (null: never looked), oldest first; null: none. */
export function reviewNews(store: DocumentStore, seen: string | null): ReviewNews | null {
  const fresh = [...store.review.items.values()]
    .filter((i) => seen === null || i.updatedAt > seen)
    .sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0));
  const items = fresh.map((i) => newsOf(store, i)).filter((n): n is NewsItem => n !== null);
  const last = fresh[fresh.length - 1];
  return items.length === 0 || !last ? null : { items, latest: last.updatedAt };
}

/** 收到审核意见：3 条批注，1 张表退回修改，2 项核查意见 (only the kinds there are). */
export function newsHeadline(news: ReviewNews): string {
  const count = (kind: NewsItem['kind']) => news.items.filter((i) => i.kind === kind).length;
  const parts = [
    [count('comment'), '条批注'],
    [count('returned'), '张表退回修改'],
    [count('audit'), '项核查意见'],
  ] as const;
  return `收到审核意见：${parts
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} ${what}`)
    .join('，')}`;
}
