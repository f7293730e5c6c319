/**
 * Reading a document without opening it for editing (command line, exports): no working copy,
 * no owner file, the user's file opened read-only. Older schemas go through a read-only session,
 * which upgrades a private copy.
 */
import type { ZipingDocument } from '../../../shared/model/types';
import type { ReviewItems } from '../../../shared/review/patch';
import { decodeDocument } from './codec';
import { fromSystemError, ok, type DocResult } from './errors';
import { probeDocument } from './probe';
import { readReviewRows } from './review-store';
import { MIGRATIONS, newestVersion } from './schema';
import { assertOurSchema, openUntrusted } from './schema-guard';
import type { SessionOptions } from './open-session';
import { DocumentSession } from './session';

export function readDocumentSnapshot(file: string, options: SessionOptions = {}): DocResult<ZipingDocument> {
  const r = readSnapshotWith(file, options, false);
  return r.ok ? ok(r.value.document) : r;
}

/**
 * The snapshot with the review data the document holds (comments, audit scores, statuses), read
 * on the same connection; the review file beside it is the caller's to merge (many-units overview).
 */
export function readDocumentAndReview(
  file: string,
  options: SessionOptions = {},
): DocResult<{ document: ZipingDocument; review: ReviewItems }> {
  return readSnapshotWith(file, options, true);
}

function readSnapshotWith(
  file: string,
  options: SessionOptions,
  withReview: boolean,
): DocResult<{ document: ZipingDocument; review: ReviewItems }> {
  try {
    const migrations = options.migrations ?? MIGRATIONS;
    const probe = probeDocument(file, migrations);
    if (probe.version < newestVersion(migrations)) {
      const session = DocumentSession.open(file, { ...options, readOnly: true });
      if (!session.ok) return session;
      const value = { document: session.value.document, review: new Map(session.value.review) };
      session.value.close({ discard: true });
      return ok(value);
    }
    const db = openUntrusted(file);
    try {
      // Again on this connection: the rows read are those of the schema checked.
      assertOurSchema(db, file, migrations);
      const document = decodeDocument(db, file);
      return ok({ document, review: withReview ? readReviewRows(db) : new Map() });
    } finally {
      db.close();
    }
  } catch (e) {
    return { ok: false, error: fromSystemError(e, file, '读取') };
  }
}
