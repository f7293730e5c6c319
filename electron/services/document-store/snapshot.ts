/**
 * Reading a document without opening it for editing (command line, exports): no working copy,
 * no owner file, the user's file opened read-only. Older schemas go through a read-only session,
 * which upgrades a private copy.
 */
import type { ZipingDocument } from '../../../shared/model/types';
import { decodeDocument } from './codec';
import { fromSystemError, ok, type DocResult } from './errors';
import { probeDocument } from './probe';
import { MIGRATIONS, newestVersion } from './schema';
import { assertOurSchema, openUntrusted } from './schema-guard';
import type { SessionOptions } from './open-session';
import { DocumentSession } from './session';

export function readDocumentSnapshot(file: string, options: SessionOptions = {}): DocResult<ZipingDocument> {
  try {
    const migrations = options.migrations ?? MIGRATIONS;
    const probe = probeDocument(file, migrations);
    if (probe.version < newestVersion(migrations)) {
      const session = DocumentSession.open(file, { ...options, readOnly: true });
      if (!session.ok) return session;
      const doc = session.value.document;
      session.value.close({ discard: true });
      return ok(doc);
    }
    const db = openUntrusted(file);
    try {
      // Again on this connection: the rows read are those of the schema checked.
      assertOurSchema(db, file, migrations);
      return ok(decodeDocument(db, file));
    } finally {
      db.close();
    }
  } catch (e) {
    return { ok: false, error: fromSystemError(e, file, '读取') };
  }
}
