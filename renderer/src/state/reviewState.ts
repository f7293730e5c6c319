/**
 * The review data on the renderer side (comments, audit scores, statuses), with the indexes the
 * views read: threads per form, commented cells, a form's status and audits. Changes come only
 * through review patches (DocumentStore.applyReview), which keeps undo and the server in step.
 */
import { applyReviewPatch, type ReviewItems, type ReviewPatch } from '../../../shared/review/patch';
import {
  REVIEW_STATUSES,
  auditId,
  statusId,
  type AuditItem,
  type CommentItem,
  type ReviewAnchor,
  type ReviewItem,
  type ReviewStatus,
  type StatusItem,
} from '../../../shared/review/types';

export interface Thread {
  root: CommentItem;
  replies: CommentItem[];
}

/**
 * The key of a commented place: an indicator cell by line id (field '' = the whole line), a funds
 * cell by row, a header/goals/analysis box by its field.
 */
export function anchorKey(anchor: ReviewAnchor): string {
  if (anchor.indicatorId !== undefined) return `i:${anchor.indicatorId}|${anchor.field ?? ''}`;
  return `${anchor.section ?? ''}:${anchor.row ?? ''}|${anchor.field ?? ''}`;
}

export class ReviewState {
  readonly items: ReviewItems;
  /** Bumped on every change; views compare it to know when to repaint marks. */
  version = 0;
  private threadsOf = new Map<string | null, Thread[]>();
  private openCells = new Map<string, Set<string>>();
  private indexed = -1;

  constructor(items: readonly ReviewItem[]) {
    this.items = new Map(items.map((i) => [i.id, i]));
  }

  /** Applies patches; returns their inverse (what undo replays). */
  apply(patches: readonly ReviewPatch[]): ReviewPatch[] {
    const inverse = patches.map((p) => applyReviewPatch(this.items, p)).reverse();
    this.version++;
    return inverse;
  }

  /** Comments, audits and statuses that are there (removed ones are tombstones). */
  get count(): number {
    let n = 0;
    for (const item of this.items.values()) if (!item.deleted) n++;
    return n;
  }

  audit(formId: string, indicatorId: string): AuditItem | undefined {
    const item = this.items.get(auditId(formId, indicatorId));
    return item?.kind === 'audit' && !item.deleted ? item : undefined;
  }

  status(formId: string): StatusItem | undefined {
    const item = this.items.get(statusId(formId));
    return item?.kind === 'status' && !item.deleted ? item : undefined;
  }

  /** The comment threads of a form (null: of the document itself), oldest first. */
  threads(formId: string | null): Thread[] {
    this.index();
    return this.threadsOf.get(formId) ?? [];
  }

  /** Every thread of the document, forms in the order given. */
  allThreads(formIds: readonly string[]): Thread[] {
    return [null, ...formIds].flatMap((id) => this.threads(id));
  }

  /** Whether a place (an indicator cell: or its whole line) has an unresolved comment. */
  hasOpenComment(formId: string, anchor: ReviewAnchor): boolean {
    this.index();
    const cells = this.openCells.get(formId);
    if (!cells) return false;
    if (cells.has(anchorKey(anchor))) return true;
    return anchor.indicatorId !== undefined && cells.has(anchorKey({ indicatorId: anchor.indicatorId }));
  }

  /** How many forms have each status (and how many have none), for the summary. */
  statusCounts(formIds: readonly string[]): Record<ReviewStatus | '未设置', number> {
    const counts = { 未设置: 0, ...Object.fromEntries(REVIEW_STATUSES.map((s) => [s, 0])) } as Record<
      ReviewStatus | '未设置',
      number
    >;
    for (const id of formIds) counts[this.status(id)?.status ?? '未设置']++;
    return counts;
  }

  private index(): void {
    if (this.indexed === this.version) return;
    this.indexed = this.version;
    const comments = [...this.items.values()].filter(
      (i): i is CommentItem => i.kind === 'comment' && !i.deleted,
    );
    comments.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
    const roots = new Map<string, Thread>();
    this.threadsOf = new Map();
    this.openCells = new Map();
    for (const c of comments) {
      if (c.parentId !== null) continue;
      const thread: Thread = { root: c, replies: [] };
      roots.set(c.id, thread);
      const list = this.threadsOf.get(c.formId) ?? [];
      list.push(thread);
      this.threadsOf.set(c.formId, list);
      if (!c.resolved && c.formId !== null && (c.anchor.section || c.anchor.indicatorId)) {
        const cells = this.openCells.get(c.formId) ?? new Set<string>();
        cells.add(anchorKey(c.anchor));
        this.openCells.set(c.formId, cells);
      }
    }
    for (const c of comments) if (c.parentId !== null) roots.get(c.parentId)?.replies.push(c);
  }
}
