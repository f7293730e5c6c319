/**
 * Review data in a .ziping (table review_items) and in a review file (“X.ziping-review”, JSON)
 * that a reviewer writes beside a document they may not change. The two merge item by item:
 * the later change of an item wins (shared/review/patch.ts mergeReviewItems).
 */
import type Database from 'better-sqlite3';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { mergeReviewItems, type ReviewItems } from '../../../shared/review/patch';
import type { ReviewItem } from '../../../shared/review/types';
import { isReviewItem } from '../../../shared/review/validate';
import { withFileLock } from '../file-lock';
import { shortenFileName } from '../file-names';
import { writeFileAtomic } from '../files';
import { DocFailure, failure, fromSystemError } from './errors';
import { probeDocument } from './probe';
import { assertOurSchema, openUntrusted } from './schema-guard';

export const REVIEW_FILE_FORMAT = 'ziping-review';
/** Thousands of comments fit in a few MB; anything far bigger is not a review file. */
const MAX_REVIEW_FILE_BYTES = 64 * 1024 * 1024;
/** A save holds the review file's lock for milliseconds; this long means something is wrong. */
const SAVE_LOCK_WAIT_MS = 5_000;

/** The review file's name leaves room for its save lock's `.lock` within 255 bytes. */
const REVIEW_NAME_MAX_BYTES = 250;

/**
 * Where the review of `docPath` is written when the document itself cannot be; a document name so
 * long that this would pass the file system's limit keeps its start and end (the author's open
 * looks for the same name).
 */
export function reviewFilePath(docPath: string): string {
  const ext = path.extname(docPath);
  const stem = ext.toLowerCase() === '.ziping' ? docPath.slice(0, -ext.length) : docPath;
  const file = `${stem}.ziping-review`;
  const name = path.basename(file);
  if (Buffer.byteLength(name) <= REVIEW_NAME_MAX_BYTES) return file;
  return path.join(path.dirname(file), shortenFileName(name, REVIEW_NAME_MAX_BYTES));
}

export function readReviewRows(db: Database.Database): ReviewItems {
  const items: ReviewItems = new Map();
  for (const row of db.prepare('SELECT body FROM review_items').iterate() as IterableIterator<{
    body: string;
  }>) {
    let item: unknown;
    try {
      item = JSON.parse(row.body);
    } catch {
      continue;
    }
    // A damaged or newer-shaped item is left in the file, unshown, rather than failing the open.
    if (isReviewItem(item)) items.set(item.id, item);
  }
  return items;
}

export function writeReviewRows(db: Database.Database, put: readonly ReviewItem[]): void {
  const upsert = db.prepare(
    'INSERT INTO review_items(id, kind, form_id, body, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, form_id = excluded.form_id, body = excluded.body, updated_at = excluded.updated_at',
  );
  for (const item of put) upsert.run(item.id, item.kind, item.formId, JSON.stringify(item), item.updatedAt);
}

interface ReviewFileBody {
  format: typeof REVIEW_FILE_FORMAT;
  version: 1;
  /** Which document it reviews (shown if a file is matched with the wrong document). */
  document: { unit: string; year: number };
  items: ReviewItem[];
}

/** The items of a review file; none when there is no file. Throws a DocFailure when it is unreadable. */
export function readReviewFile(file: string): ReviewItem[] {
  if (!existsSync(file)) return [];
  const name = path.basename(file);
  if (statSync(file).size > MAX_REVIEW_FILE_BYTES)
    throw failure('not-ziping', `“${name}”太大，不是审核文件：请选择 .ziping-review 文件`, file);
  let body: unknown;
  try {
    body = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw failure('damaged', `审核文件“${name}”无法读取（内容不完整或已损坏）：请让审核人重新保存`, file);
  }
  const b = body as Partial<ReviewFileBody> | null;
  if (!b || b.format !== REVIEW_FILE_FORMAT || !Array.isArray(b.items))
    throw failure('not-ziping', `“${name}”不是自评表的审核文件：请选择 .ziping-review 文件`, file);
  return b.items.filter(isReviewItem);
}

/**
 * Writes `items` into the review file, merged with what is already there (another reviewer may
 * have saved since), as a whole new file renamed over the old one. Saves are serialised by a
 * lock file beside it (`X.ziping-review.lock`): reading, merging and writing happen while no
 * other reviewer does, so no one's items are lost to a save at the same moment.
 */
export function saveReviewFile(
  file: string,
  items: Iterable<ReviewItem>,
  document: ReviewFileBody['document'],
): void {
  withFileLock(
    `${file}.lock`,
    () => {
      const merged: ReviewItems = new Map();
      mergeReviewItems(merged, readReviewFile(file));
      mergeReviewItems(merged, items);
      const body: ReviewFileBody = {
        format: REVIEW_FILE_FORMAT,
        version: 1,
        document,
        items: [...merged.values()],
      };
      writeFileAtomic(file, `${JSON.stringify(body, null, 1)}\n`);
    },
    SAVE_LOCK_WAIT_MS,
    () => failure('locked', '审核文件正被其他人保存，请稍后再试', file),
  );
}

/**
 * The review data of a review file, or of a .ziping (its own and its review file's): what a
 * reviewer sends back. Never writes to the file.
 */
export function readReviewFrom(file: string): ReviewItem[] {
  if (path.extname(file).toLowerCase() !== '.ziping') {
    if (!existsSync(file))
      throw failure('path-gone', `找不到“${path.basename(file)}”：请检查文件是否已被移动或删除`, file);
    return readReviewFile(file);
  }
  probeDocument(file);
  const items: ReviewItems = new Map();
  let db: Database.Database | null = null;
  try {
    db = openUntrusted(file);
    assertOurSchema(db, file);
    const hasTable = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'review_items'")
      .get();
    if (hasTable) mergeReviewItems(items, readReviewRows(db).values());
  } catch (e) {
    throw new DocFailure(fromSystemError(e, file, '读取'));
  } finally {
    db?.close();
  }
  mergeReviewItems(items, readReviewFile(reviewFilePath(file)));
  return [...items.values()];
}
