/**
 * Reading a document without opening it for editing (command line, exports): no working copy,
 * no owner file, the user's file opened read-only. Older schemas go through a read-only session,
 * which upgrades a private copy.
 */
import Database from 'better-sqlite3';
import type { ZipingDocument } from '../../../shared/model/types';
import { decodeDocument } from './codec';
import { fromSystemError, ok, type DocResult } from './errors';
import { probeDocument } from './probe';
import { SCHEMA_VERSION } from './schema';
import { DocumentSession, type SessionOptions } from './session';

export function readDocumentSnapshot(file: string, options: SessionOptions = {}): DocResult<ZipingDocument> {
  try {
    const probe = probeDocument(file);
    if (probe.version < SCHEMA_VERSION) {
      const session = DocumentSession.open(file, { ...options, readOnly: true });
      if (!session.ok) return session;
      const doc = session.value.document;
      session.value.close({ discard: true });
      return ok(doc);
    }
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return ok(decodeDocument(db, file));
    } finally {
      db.close();
    }
  } catch (e) {
    return { ok: false, error: fromSystemError(e, file, '读取') };
  }
}
