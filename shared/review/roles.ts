/**
 * Author and reviewer are different people (issue #19). The reviewer cannot change the author's
 * data (their session is read-only for it); the author cannot make review decisions: type a
 * 核查分数 or 审核意见, or set (or take away) 已审核 / 退回修改. Review data a reviewer sent
 * (导入审核意见) is the reviewer's own and may be taken in, and that step undone and redone.
 * The renderer checks before it changes anything; the Node side checks again, so a crafted call
 * is refused with the same words.
 */
import type { ReviewItems, ReviewPatch } from './patch';
import type { ReviewItem, ReviewStatus } from './types';

export type ReviewRole = 'author' | 'reviewer';

/** The statuses that are the reviewer's decision; the author may set 待审核 (sent for review). */
export const REVIEWER_STATUSES: readonly ReviewStatus[] = ['已审核', '退回修改'];

export const AUDIT_REFUSED =
  '填报模式不能填写或修改核查分数和审核意见：它们由审核人填写。如需审核，请用“以审核身份打开”打开文档';
export const STATUS_REFUSED =
  '填报模式不能把表设为“已审核”或“退回修改”，也不能取消审核人设的这两种状态：请修改后把表设为“待审核”';
export const AUTHOR_DATA_REFUSED =
  '审核模式不能修改填报人填写的内容：可以添加批注、填写核查分数和审核意见、设置审核状态';

/** The reviewer's part of an item: an audit's score and opinion, a decided status; else null. */
function decision(item: ReviewItem | undefined): string | null {
  if (!item || item.deleted) return null;
  if (item.kind === 'audit') return JSON.stringify([item.score, item.opinion]);
  if (item.kind === 'status' && REVIEWER_STATUSES.includes(item.status))
    return JSON.stringify([item.status, item.reason]);
  return null;
}

const refusalFor = (item: ReviewItem): string => (item.kind === 'audit' ? AUDIT_REFUSED : STATUS_REFUSED);

export class ReviewRoleGuard {
  /** Item id → the decisions 导入审核意见 brought in or replaced: the author may put them back. */
  private readonly carried = new Map<string, Set<string>>();

  /**
   * A reviewer's items read for 导入审核意见, with the items here they would replace: taking them
   * in, undoing that and redoing it are the author's to do.
   */
  carry(incoming: Iterable<ReviewItem>, here: ReviewItems): void {
    for (const item of incoming) {
      const values = this.carried.get(item.id) ?? new Set<string>();
      for (const d of [decision(item), decision(here.get(item.id))]) if (d !== null) values.add(d);
      this.carried.set(item.id, values);
    }
  }

  /** Why this change is not the current role's to make (Chinese), or null when it may be made. */
  refusal(p: ReviewPatch, items: ReviewItems, role: ReviewRole): string | null {
    if (role === 'reviewer') return null;
    const id = p.op === 'putReview' ? p.item.id : p.id;
    const live = items.get(id);
    const removing = p.op === 'removeReview' || p.item.deleted === true;
    const touched = removing ? live : p.item;
    const value = decision(touched);
    if (!touched || value === null) return null;
    return this.carried.get(id)?.has(value) ? null : refusalFor(touched);
  }

  /** The first refusal among the patches of one step (each names another item), or null. */
  refuseAny(patches: readonly ReviewPatch[], items: ReviewItems, role: ReviewRole): string | null {
    for (const p of patches) {
      const why = this.refusal(p, items, role);
      if (why !== null) return why;
    }
    return null;
  }
}
