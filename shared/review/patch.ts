/**
 * Review patches: the one way review data changes (the review twin of shared/model/patch.ts).
 * Applying one returns its inverse, so review edits undo like any other edit.
 */
import type { ReviewItem } from './types';

export type ReviewPatch = { op: 'putReview'; item: ReviewItem } | { op: 'removeReview'; id: string };

/** Review items by id: what a document (or a review file) holds. */
export type ReviewItems = Map<string, ReviewItem>;

/**
 * Applies a review patch in place; returns its inverse. Removing leaves a tombstone (see
 * ReviewItem.deleted) timed `now`, so the removal wins over older copies of the item.
 */
export function applyReviewPatch(
  items: ReviewItems,
  p: ReviewPatch,
  now: string = new Date().toISOString(),
): ReviewPatch {
  const id = p.op === 'putReview' ? p.item.id : p.id;
  const old = items.get(id);
  if (p.op === 'putReview') items.set(id, p.item);
  else if (old && !old.deleted)
    items.set(id, { ...old, deleted: true, updatedAt: now > old.updatedAt ? now : old.updatedAt });
  return old && !old.deleted ? { op: 'putReview', item: old } : { op: 'removeReview', id };
}

/** The items that are there (not removed). */
export function liveItems(items: ReviewItems): ReviewItem[] {
  return [...items.values()].filter((i) => !i.deleted);
}

/**
 * Merges review items from another copy (a reviewer's review file, another reviewer's copy):
 * an item the other copy changed later wins. Returns the items that changed here.
 */
export function mergeReviewItems(items: ReviewItems, incoming: Iterable<ReviewItem>): ReviewItem[] {
  const taken: ReviewItem[] = [];
  for (const item of incoming) {
    const here = items.get(item.id);
    if (here && here.updatedAt >= item.updatedAt) continue;
    items.set(item.id, item);
    taken.push(item);
  }
  return taken;
}
