/**
 * Looks at a file before opening it as a document: is it there, is it an SQLite file, is it
 * ours, is it complete, which schema version, can we write where it lives. Never modifies it.
 */
import type Database from 'better-sqlite3';
import { accessSync, closeSync, constants, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { DocFailure, failure, fromSystemError, notClosedFailure } from './errors';
import {
  APPLICATION_ID,
  MIGRATIONS,
  applicationIdOf,
  newestVersion,
  schemaVersionOf,
  type Migration,
} from './schema';
import {
  assertOurSchema,
  expectedSchema,
  openUntrusted,
  readSchema,
  schemaTooLargeError,
} from './schema-guard';

const SQLITE_MAGIC = 'SQLite format 3\u0000';
/** B-tree page type of a table leaf (SQLite file format, 1.6). */
const LEAF_TABLE_PAGE = 0x0d;
/** Rows sqlite_master may have: ours has about ten at every version, with room to grow. */
const MAX_SCHEMA_ROWS = 64;

export interface Probe {
  /** Schema version of the file (older ones are upgraded in the working copy). */
  version: number;
  /** Why the file cannot be written in place, if it cannot. */
  readOnlyReason: 'no-permission' | 'read-only-media' | null;
}

function name(p: string): string {
  return path.basename(p);
}

/**
 * `migrations` make the schemas this app can read (tests inject extra ones). The file's schema
 * must be exactly theirs at its version (schema-guard.ts) before any of its rows is read.
 * Throws a DocFailure; nothing is created beside the file, not even SQLite's -wal or -shm.
 */
export function probeDocument(file: string, migrations: readonly Migration[] = MIGRATIONS): Probe {
  const schemaVersion = newestVersion(migrations);
  let size: number;
  let mode: number;
  try {
    const st = statSync(file);
    mode = st.mode;
    if (st.isDirectory())
      throw failure('not-ziping', `“${name(file)}”是文件夹，不是自评表文档：请选择 .ziping 文件`, file);
    size = st.size;
  } catch (e) {
    throw new DocFailure(fromSystemError(e, file, '打开'));
  }
  if (size === 0)
    throw failure('not-ziping', `“${name(file)}”是空文件，不是自评表文档：请选择正确的文件或使用备份`, file);

  // The database header (100 bytes) and the b-tree header of page 1, which holds sqlite_master.
  const header = Buffer.alloc(108);
  let read = 0;
  try {
    const fd = openSync(file, 'r');
    try {
      read = readSync(fd, header, 0, header.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw new DocFailure(fromSystemError(e, file, '读取'));
  }
  if (read < 16 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw failure('not-ziping', `“${name(file)}”不是自评表文档（.ziping）：请选择正确的文件`, file);
  }
  if (read < 100)
    throw (
      notClosedFailure(file) ??
      failure('damaged', `“${name(file)}”不完整（文件被截断）：请使用备份或上次保存的版本`, file)
    );
  // Page size (bytes 16–17, 1 means 65536) × page count (28–31) must fit in the file.
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCount = header.readUInt32BE(28);
  if (pageCount > 0 && pageSize * pageCount > size) {
    throw (
      notClosedFailure(file) ??
      failure('damaged', `“${name(file)}”不完整（文件被截断）：请使用备份或上次保存的版本`, file)
    );
  }
  // Another application's database is told apart by its header alone: opening it with SQLite,
  // even read-only, would create -wal and -shm files beside a WAL-mode database.
  if (header.readUInt32BE(68) !== APPLICATION_ID) {
    throw failure(
      'not-ziping',
      `“${name(file)}”是其他程序的数据库，不是自评表文档：请选择 .ziping 文件`,
      file,
    );
  }
  // The saved file is always in rollback-journal mode; one of ours in WAL mode (bytes 18–19) is a
  // working copy taken out of the data folder, whose latest edits may sit in a -wal file beside it.
  if (header[18] !== 1 || header[19] !== 1) {
    throw failure(
      'not-ziping',
      `“${name(file)}”是编辑过程中的工作副本，不是保存好的文档：请打开原来的 .ziping 文件；未保存的修改会在下次启动时提示恢复`,
      file,
    );
  }

  // Our schema is a dozen rows on page 1, a leaf. SQLite parses the whole schema on open (ten
  // thousand views take seconds), so a bigger one is refused before SQLite reads it.
  if (read < header.length || header[100] !== LEAF_TABLE_PAGE || header.readUInt16BE(103) > MAX_SCHEMA_ROWS)
    throw new DocFailure(schemaTooLargeError(file));

  let db: Database.Database | null = null;
  let version: number;
  try {
    db = openUntrusted(file);
    if (applicationIdOf(db) !== APPLICATION_ID) {
      throw failure(
        'not-ziping',
        `“${name(file)}”是其他程序的数据库，不是自评表文档：请选择 .ziping 文件`,
        file,
      );
    }
    version = schemaVersionOf(db);
    if (version > schemaVersion) {
      const needed = minAppVersion(db);
      throw failure(
        'newer-version',
        `“${name(file)}”由更新版本的自评表编辑器保存，需要 ${needed ? `${needed} 或更高版本` : '更高版本'}才能打开：请升级本软件`,
        file,
      );
    }
    // Before any row is read: quick_check evaluates CHECK constraints, decoding reads tables.
    assertOurSchema(db, file, migrations, version);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok')
      throw failure('damaged', `“${name(file)}”已损坏（${String(check)}）：请使用备份或上次保存的版本`, file);
  } catch (e) {
    if (e instanceof DocFailure) throw e;
    throw new DocFailure(fromSystemError(e, file, '打开'));
  } finally {
    db?.close();
  }
  return { version, readOnlyReason: writability(file, mode) };
}

/** The version a newer file asks for, read only if its meta is our plain table (not a view). */
function minAppVersion(db: Database.Database): string | null {
  try {
    const ours = expectedSchema(1).find((e) => e.name === 'meta');
    const theirs = readSchema(db).find((e) => e.name === 'meta');
    if (!ours || theirs?.type !== 'table' || theirs.sql !== ours.sql) return null;
    const row = db.prepare("SELECT value FROM meta WHERE key = 'minAppVersion'").get() as
      { value?: string } | undefined;
    return row?.value ?? null;
  } catch {
    return null;
  }
}

/**
 * Saving replaces the file through its folder, so both must be writable. A file without write
 * bits (the read-only attribute on Windows) is read-only even for an administrator.
 */
function writability(file: string, mode: number): Probe['readOnlyReason'] {
  if ((mode & 0o222) === 0) return 'no-permission';
  for (const target of [file, path.dirname(file)]) {
    try {
      accessSync(target, constants.W_OK);
    } catch (e) {
      return (e as { code?: string }).code === 'EROFS' ? 'read-only-media' : 'no-permission';
    }
  }
  return null;
}
