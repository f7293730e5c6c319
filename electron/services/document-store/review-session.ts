/**
 * Review data of a session (comments, audit scores, statuses; shared/review): applied in memory
 * and written to the working copy, merged in from the review file beside the document on open,
 * and saved into a review file when the document itself is read-only (review-store.ts).
 */
import type Database from 'better-sqlite3';
import path from 'node:path';
import {
  applyReviewPatch,
  mergeReviewItems,
  type ReviewItems,
  type ReviewPatch,
} from '../../../shared/review/patch';
import type { ReviewItem } from '../../../shared/review/types';
import { metaWriter } from './codec';
import { fromSystemError, ok, type DocResult } from './errors';
import {
  readReviewFile,
  readReviewRows,
  reviewFilePath,
  saveReviewFile,
  writeReviewRows,
} from './review-store';

/**
 * Applies review patches to `review` and writes the items they touched to `db` at edit `seq`, as
 * one step; gives back the patches that undo it. On failure `review` is left as it was.
 */
export function applyReviewEdit(
  db: Database.Database,
  review: ReviewItems,
  patches: readonly ReviewPatch[],
  seq: number,
  file: string,
): DocResult<ReviewPatch[]> {
  const inverse = patches.map((p) => applyReviewPatch(review, p)).reverse();
  try {
    // Removed items stay as tombstones: every patched id has a row to write.
    const put: ReviewItem[] = [];
    for (const p of patches) {
      const item = review.get(p.op === 'putReview' ? p.item.id : p.id);
      if (item) put.push(item);
    }
    db.transaction(() => {
      writeReviewRows(db, put);
      metaWriter(db).run('editSeq', String(seq));
    })();
  } catch (e) {
    for (const p of inverse) applyReviewPatch(review, p);
    return { ok: false, error: fromSystemError(e, file, '保存审核意见') };
  }
  return ok(inverse);
}

/** Writes the review data into the review file `file`; a failure says where else it can go. */
export function writeReviewFile(
  file: string,
  review: ReviewItems,
  meta: { unit: string; year: number },
): DocResult<void> {
  try {
    saveReviewFile(file, review.values(), meta);
  } catch (e) {
    const error = fromSystemError(e, file, '保存审核意见');
    const elsewhere =
      error.code === 'no-permission' || error.code === 'read-only'
        ? `审核文件不能写入“${path.basename(path.dirname(file))}”文件夹（没有写入权限或位置只读）。审核意见仍在本机，没有丢失：请用“审核文件另存为”保存到其他位置，或用“另存为”把文档和审核意见存为一份副本`
        : `${error.message}。审核意见仍在本机，没有丢失：也可以用“审核文件另存为”或“另存为”保存到其他位置`;
    return { ok: false, error: { ...error, message: elsewhere } };
  }
  return ok(undefined);
}

/**
 * Merges the review file beside a document into its working copy (a reviewer's comments reach
 * the author this way). Returns why it could not be read, if it could not: the document still opens.
 */
export function takeInReviewFile(db: Database.Database, docPath: string): string | null {
  let incoming: ReviewItem[];
  try {
    incoming = readReviewFile(reviewFilePath(docPath));
  } catch (e) {
    return fromSystemError(e, reviewFilePath(docPath), '读取').message;
  }
  const taken = mergeReviewItems(readReviewRows(db), incoming);
  if (taken.length > 0) db.transaction(() => writeReviewRows(db, taken))();
  return null;
}
