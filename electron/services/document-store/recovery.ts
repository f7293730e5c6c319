/**
 * Crash recovery: working copies left behind by a session that did not close (crash, power cut,
 * killed process) and that hold edits never saved into the user's file are offered at the next
 * start. Clean leftovers are removed.
 */
import Database from 'better-sqlite3';
import type { RecoverableDocument } from '../../../shared/contract';
import { isPlainId } from '../../../shared/contract/args';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { currentUser } from '../data-dir';
import type { DocResult } from './errors';
import { processAlive, releaseOwner } from './owner-lock';
import { assertOurSchema, openUntrusted } from './schema-guard';
import { isOpenHere } from './live-sessions';
import type { SessionOptions } from './open-session';
import { DocumentSession } from './session';
import { infoFileOf, workingFileOf, workingRoot, type WorkingInfo } from './working-copy';

/** A working copy with unsaved edits, as the contract shows it to the window. */
export type Recoverable = RecoverableDocument;

function readInfo(folder: string): WorkingInfo | null {
  try {
    const v = JSON.parse(readFileSync(infoFileOf(folder), 'utf8')) as WorkingInfo;
    return typeof v.sessionId === 'string' && typeof v.pid === 'number' ? v : null;
  } catch {
    return null;
  }
}

/** Whether the session that wrote `info` may still be running (then its working copy is in use). */
function inUse(info: WorkingInfo): boolean {
  if (isOpenHere(info.sessionId)) return true;
  // Abandoned in this process (a simulated crash): gone, like a dead process.
  if (info.pid === process.pid && info.host === currentUser().host) return false;
  // A session of another machine (a shared data folder) cannot be checked: left alone.
  if (info.host !== currentUser().host) return true;
  return processAlive(info.pid);
}

/**
 * Working copies of sessions that are gone and left unsaved edits; removes clean leftovers.
 * Never throws: a data folder that cannot be read offers nothing.
 */
export function listRecoverable(dataDir: string): Recoverable[] {
  const root = workingRoot(dataDir);
  let entries: string[];
  try {
    entries = existsSync(root) ? readdirSync(root) : [];
  } catch {
    return [];
  }
  const found: Recoverable[] = [];
  for (const entry of entries) {
    const folder = path.join(root, entry);
    const info = readInfo(folder);
    if (!info || !existsSync(workingFileOf(folder))) {
      // A crash while a document was being opened, before it was in the working copy: nothing
      // of the user's is here. Left alone for a minute in case an open is in progress.
      if (olderThan(folder, HALF_OPEN_GRACE_MS)) removeFolder(folder);
      continue;
    }
    if (inUse(info)) continue;
    const file = workingFileOf(folder);
    let summary: { editSeq: number; unit: string; year: number; modifiedAt: string } | null = null;
    let stub = false;
    try {
      // Read-write so SQLite replays the WAL left by the crashed session.
      const db = new Database(file, { fileMustExist: true });
      try {
        // A crash while the document was being opened leaves a working copy that never held it.
        stub = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'meta'").get() === undefined;
        const rows = (stub ? [] : db.prepare('SELECT key, value FROM meta').all()) as Array<{
          key: string;
          value: string;
        }>;
        const m = new Map(rows.map((r) => [r.key, r.value]));
        summary = {
          editSeq: Number(m.get('editSeq') ?? 0),
          unit: m.get('unit') ?? '',
          year: Number(m.get('year') ?? 0),
          modifiedAt: m.get('modifiedAt') ?? '',
        };
      } finally {
        db.close();
      }
    } catch {
      summary = null;
    }
    if (summary === null) continue; // Unreadable: left in place for a person to look at, never deleted.
    const unsaved = summary.editSeq - Math.max(info.savedSeq, savedInFile(info));
    if (stub || (unsaved <= 0 && info.originalPath !== null)) {
      // Nothing unsaved: the leftover goes, and so does the owner file the dead session left.
      if (info.originalPath !== null && info.pid !== process.pid)
        releaseOwner(info.originalPath, { host: info.host, pid: info.pid });
      removeFolder(folder);
      continue;
    }
    found.push({
      sessionId: info.sessionId,
      originalPath: info.originalPath,
      unit: summary.unit,
      year: summary.year,
      modifiedAt: summary.modifiedAt,
      unsavedEdits: Math.max(unsaved, 0),
    });
  }
  return found.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
}

const HALF_OPEN_GRACE_MS = 60_000;

function olderThan(folder: string, ms: number): boolean {
  try {
    return Date.now() - statSync(folder).mtimeMs > ms;
  } catch {
    return false;
  }
}

function removeFolder(folder: string): void {
  try {
    rmSync(folder, { recursive: true, force: true });
  } catch {
    // Tried again at the next start.
  }
}

/**
 * The edit a session had reached when it last saved, as the user's file itself records it. A
 * crash between the rename of a save and the update of session.json leaves session.json behind;
 * the file knows better. 0 when the file was saved by another session, or cannot be read.
 */
function savedInFile(info: WorkingInfo): number {
  if (info.originalPath === null || !existsSync(info.originalPath)) return 0;
  try {
    // Saved files are in rollback-journal mode: reading them read-only creates nothing beside them.
    // The file may have been replaced by anything since: its schema is checked before meta is read.
    const db = openUntrusted(info.originalPath);
    try {
      assertOurSchema(db, info.originalPath);
      const rows = db
        .prepare("SELECT key, value FROM meta WHERE key IN ('savedBySession', 'savedAtSeq')")
        .all() as Array<{ key: string; value: string }>;
      const m = new Map(rows.map((r) => [r.key, r.value]));
      return m.get('savedBySession') === info.sessionId ? Number(m.get('savedAtSeq') ?? 0) : 0;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

/** Reopens a recoverable working copy; the user then saves it (or saves it as a new file). */
export function recover(
  dataDir: string,
  sessionId: string,
  options: SessionOptions = {},
): DocResult<DocumentSession> {
  const folder = sessionFolder(dataDir, sessionId);
  const info = folder === null ? null : readInfo(folder);
  if (folder === null || !info)
    return { ok: false, error: { code: 'path-gone', message: '找不到要恢复的文档：它可能已被恢复或丢弃' } };
  if (inUse(info))
    return {
      ok: false,
      error: {
        code: 'locked',
        message: `该文档的未保存内容正由 ${info.user}（${info.host}）的自评表编辑器使用，不需要恢复`,
      },
    };
  return DocumentSession.resume(folder, info, { ...options, dataDir });
}

/** Throws away the unsaved edits of a crashed session (never those of a session still running). */
export function discardRecoverable(dataDir: string, sessionId: string): void {
  const folder = sessionFolder(dataDir, sessionId);
  if (folder === null) return;
  const info = readInfo(folder);
  if (info && inUse(info)) return;
  try {
    rmSync(folder, { recursive: true, force: true });
  } catch {
    // Left in place; offered again at the next start.
  }
}

/**
 * The working folder of a session id, or null for an id that is not one (the contract refuses
 * those already; this keeps '' or '..' from naming the working-copies folder or the data folder
 * whoever calls).
 */
function sessionFolder(dataDir: string, sessionId: string): string | null {
  return isPlainId(sessionId) ? path.join(workingRoot(dataDir), sessionId) : null;
}
