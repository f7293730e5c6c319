/**
 * Saving a working copy into the user's file: a complete new file is written beside it
 * (VACUUM INTO a temp file, rollback journal), flushed, and renamed over the old one, so that the
 * file on disk is always the old or the new version.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { renameDurably } from '../files';
import { metaWriter } from './codec';
import { fromSystemError, ok, type DocError, type DocResult } from './errors';
import { removeFilesOfDeadProcesses } from './owner-lock';

/** Which session saved the file at which edit (recovery.ts tells saved edits by it). */
export interface SaveMark {
  sessionId: string;
  editSeq: number;
  user: string;
}

/**
 * `.~<stem>.<pid>.<ms>.tmp` beside `target`, the stem short enough that a long document name still
 * leaves room in the 255-byte name limit.
 */
export function saveTempPath(target: string): string {
  const base = path.basename(target);
  const stem = Buffer.byteLength(base) > 120 ? randomUUID().slice(0, 8) : base;
  return path.join(path.dirname(target), `.~${stem}.${process.pid}.${Date.now()}.tmp`);
}

const SAVE_TEMP = /^\.~.+\.(\d+)\.\d+\.tmp(?:-journal|-wal|-shm)?$/;

/**
 * Removes what a save killed half-way left beside documents (a full copy each): temp files whose
 * process is gone. A live process's temp file may be a save in progress and stays.
 */
export function removeDeadSaveTemps(dir: string): void {
  removeFilesOfDeadProcesses(dir, (name) => {
    const m = SAVE_TEMP.exec(name);
    return m ? Number(m[1]) : null;
  });
}

/** Writes the working copy `db` to `target` as a file that stands alone; `db` records the save. */
export function saveWorkingCopy(db: Database.Database, target: string, mark: SaveMark): DocResult<void> {
  const dir = path.dirname(target);
  const tmp = saveTempPath(target);
  // Checked first so that a missing folder (USB stick pulled out) or a folder in the way is
  // reported as such, not as whatever SQLite makes of it.
  const where = checkTarget(target);
  if (where) return { ok: false, error: where };
  removeDeadSaveTemps(dir);
  let saveRow: number | null = null;
  try {
    // The saved file says which session saved it at which edit: a crash right after the rename
    // then does not make recovery offer edits that are in the file (recovery.ts).
    const put = metaWriter(db);
    // The saved file lists itself among the saved versions; taken back out if the save fails.
    saveRow = db.transaction(() => {
      put.run('savedBySession', mark.sessionId);
      put.run('savedAtSeq', String(mark.editSeq));
      return Number(
        db
          .prepare(
            'INSERT INTO saves(change_seq, at, user, path) VALUES ((SELECT coalesce(max(seq), 0) FROM changes), ?, ?, ?)',
          )
          .run(new Date().toISOString(), mark.user, target).lastInsertRowid,
      );
    })();
    db.prepare('VACUUM INTO ?').run(tmp);
    // The saved file stands alone: rollback journal, no -wal beside it.
    const copy = new Database(tmp);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    renameDurably(tmp, target);
  } catch (e) {
    if (saveRow !== null) forgetSave(db, saveRow);
    for (const leftover of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) {
      try {
        rmSync(leftover, { force: true });
      } catch {
        // The folder itself is gone: nothing was left in it.
      }
    }
    return { ok: false, error: fromSystemError(e, target, '保存') };
  }
  return ok(undefined);
}

function forgetSave(db: Database.Database, row: number): void {
  try {
    db.prepare('DELETE FROM saves WHERE seq = ?').run(row);
  } catch {
    // The working copy cannot be written either: the save's failure is what the user is told.
  }
}

/** Why `target` cannot be written, before anything is written: its folder is gone or it is a folder. */
function checkTarget(target: string): DocError | null {
  const dir = path.dirname(target);
  const name = path.basename(target);
  try {
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error(dir), { code: 'ENOTDIR' });
  } catch (e) {
    return fromSystemError(e, target, '保存');
  }
  try {
    if (statSync(target).isDirectory())
      return {
        code: 'not-ziping',
        message: `“${name}”是一个文件夹，不能保存为文档：请换一个文件名`,
        path: target,
      };
  } catch {
    // Not there yet: a new file.
  }
  return null;
}
