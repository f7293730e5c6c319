/**
 * The three ways a session starts: a new document, a document opened from its file (checked,
 * taken with the owner lock or opened read-only, copied into a working copy and upgraded there)
 * and a working copy a crash left (recovery). Each gives the parts a DocumentSession is made of,
 * or the failure with nothing left behind.
 */
import type Database from 'better-sqlite3';
import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { DocumentMeta, LayoutId, ZipingDocument } from '../../../shared/model/types';
import { currentUser } from '../data-dir';
import { decodeDocument, META_KEYS, metaWriter } from './codec';
import { fromSystemError, ok, type DocResult } from './errors';
import { editableHere, lockedError, ownerHere } from './live-sessions';
import { acquireOwner, releaseOwner, type OwnerInfo } from './owner-lock';
import { probeDocument } from './probe';
import type { ReadOnlyReason } from './read-only';
import { takeInReviewFile } from './review-session';
import { removeDeadSaveTemps } from './save-file';
import { MIGRATIONS, migrate, type Migration } from './schema';
import { assertOurSchema } from './schema-guard';
import {
  dataFolderPlace,
  newWorkingCopy,
  openWorkingDb,
  readEditSeq,
  snapshotInto,
  upgrade,
  workingFileOf,
  writeInfo,
  type WorkingCopy,
  type WorkingInfo,
} from './working-copy';

export interface SessionOptions {
  /** App data folder; defaults to ZIPING_DATA_DIR or the platform's. */
  dataDir?: string;
  /** Open without taking the document, e.g. a reviewer's look. */
  readOnly?: boolean;
  /**
   * Open as a reviewer: the author's data cannot be changed; review data is written into the
   * review file beside the document (review-store.ts).
   */
  review?: boolean;
  who?: { user: string; host: string };
  /** Schema migrations (tests inject newer ones); defaults to MIGRATIONS. */
  migrations?: readonly Migration[];
}

/** A working copy ready to edit: what a DocumentSession is made of. */
export interface StartedSession extends WorkingCopy {
  editSeq: number;
  readOnlyReason: ReadOnlyReason | null;
  /** Who holds the document when it was opened read-only because it is in use. */
  lockedBy: OwnerInfo | null;
  doc: ZipingDocument;
  /** Why the review file beside the document could not be read, if it could not. */
  reviewFileProblem: string | null;
}

/** A new document; `target` is where save writes it (null: ask on first save). */
export function startNew(
  target: string | null,
  init: { unit: string; year: number; layout: LayoutId },
  options: SessionOptions,
): DocResult<StartedSession> {
  const who = options.who ?? currentUser(options.dataDir);
  const now = new Date().toISOString();
  const meta: DocumentMeta = {
    ...init,
    createdAt: now,
    createdBy: who.user,
    modifiedAt: now,
    modifiedBy: who.user,
  };
  const abs = target === null ? null : path.resolve(target);
  if (abs !== null) {
    if (editableHere(abs)) return { ok: false, error: lockedError(ownerHere(abs), abs) };
    const lock = acquireOwner(abs, { user: who.user, host: who.host, pid: process.pid });
    if (lock.kind === 'held') return { ok: false, error: lockedError(lock.owner, abs) };
  }
  let working: WorkingCopy | null = null;
  try {
    working = newWorkingCopy(options.dataDir, who, abs);
    const db = working.db;
    migrate(db, options.migrations ?? MIGRATIONS);
    db.transaction(() => {
      const put = metaWriter(db);
      for (const key of META_KEYS) put.run(key, String(meta[key]));
      put.run('editSeq', '1');
    })();
    const doc = { meta, forms: [] };
    return ok({ ...working, editSeq: 1, readOnlyReason: null, lockedBy: null, doc, reviewFileProblem: null });
  } catch (e) {
    if (working) discardWorking(working);
    if (abs !== null) releaseOwner(abs, { host: who.host, pid: process.pid });
    return {
      ok: false,
      error: fromSystemError(e, abs ?? '新文档', '创建', () =>
        dataFolderPlace(options.dataDir, abs ?? '', '；没有创建文档'),
      ),
    };
  }
}

/** A document opened from its file: editable when this process can take it, else read-only. */
export function startFromFile(file: string, options: SessionOptions): DocResult<StartedSession> {
  const abs = path.resolve(file);
  const who = options.who ?? currentUser(options.dataDir);
  let readOnlyReason: ReadOnlyReason | null = options.review
    ? 'review'
    : options.readOnly
      ? 'requested'
      : null;
  let lockedBy: OwnerInfo | null = null;
  let owned = false;
  let working: WorkingCopy | null = null;
  const migrations = options.migrations ?? MIGRATIONS;
  try {
    const probe = probeDocument(abs, migrations);
    removeDeadSaveTemps(path.dirname(abs));
    if (readOnlyReason === null && probe.readOnlyReason) readOnlyReason = probe.readOnlyReason;
    if (readOnlyReason === null && editableHere(abs)) {
      // Open twice in this process (the app shows the first window instead): the second only reads.
      readOnlyReason = 'locked';
      lockedBy = ownerHere(abs);
    }
    if (readOnlyReason === null) {
      const lock = acquireOwner(abs, { user: who.user, host: who.host, pid: process.pid });
      if (lock.kind === 'acquired') owned = true;
      else if (lock.kind === 'held') {
        readOnlyReason = 'locked';
        lockedBy = lock.owner;
      } else readOnlyReason = lock.diskFull ? 'disk-full' : 'no-permission';
    }
    // Until the copy is made, nothing in it is unsaved: a crash right now offers no recovery.
    working = newWorkingCopy(options.dataDir, who, abs, Number.MAX_SAFE_INTEGER);
    if (options.review) working.info.reviewing = true;
    const w = working;
    const workingFile = workingFileOf(w.folder);
    // A consistent snapshot of the user's file; the original is never written here.
    snapshotInto(abs, `${workingFile}.copy`);
    w.db.close();
    renameSync(`${workingFile}.copy`, workingFile);
    const db = openWorkingDb(workingFile);
    w.db = db;
    // Checked again on the copy itself: what the session uses is what was checked.
    assertOurSchema(db, abs, migrations);
    // Older files are upgraded in the working copy; the user's file keeps the old version
    // (the backup) until the upgraded document is saved.
    upgrade(db, migrations, abs);
    const doc = decodeDocument(db, abs);
    const reviewFileProblem = takeInReviewFile(db, abs);
    const editSeq = readEditSeq(db);
    w.info.savedSeq = editSeq;
    writeInfo(w.folder, w.info);
    return ok({ ...w, editSeq, readOnlyReason, lockedBy, doc, reviewFileProblem });
  } catch (e) {
    if (working) discardWorking(working);
    if (owned) releaseOwner(abs, { host: who.host, pid: process.pid });
    return {
      ok: false,
      error: fromSystemError(e, abs, '打开', () => dataFolderPlace(options.dataDir, abs, '；原文件没有改动')),
    };
  }
}

/** A working copy left by a crashed session (see recovery.ts), taken over by this process. */
export function startFromWorking(
  folder: string,
  info: WorkingInfo,
  options: SessionOptions,
): DocResult<StartedSession> {
  const who = options.who ?? currentUser(options.dataDir);
  const migrations = options.migrations ?? MIGRATIONS;
  const workingFile = workingFileOf(folder);
  const named = info.originalPath ?? workingFile;
  let readOnlyReason: ReadOnlyReason | null = info.reviewing ? 'review' : null;
  let lockedBy: OwnerInfo | null = null;
  let db: Database.Database | null = null;
  let owned = false;
  try {
    db = openWorkingDb(workingFile);
    assertOurSchema(db, named, migrations);
    upgrade(db, migrations, named);
    const doc = decodeDocument(db, named);
    const editSeq = readEditSeq(db);
    const taken: WorkingInfo = { ...info, pid: process.pid, host: who.host, user: who.user };
    writeInfo(folder, taken);
    if (taken.originalPath !== null && readOnlyReason === null) {
      const lock = editableHere(taken.originalPath)
        ? ({ kind: 'held', owner: ownerHere(taken.originalPath) } as const)
        : acquireOwner(taken.originalPath, { user: who.user, host: who.host, pid: process.pid });
      if (lock.kind === 'held') {
        // Someone else has the file: the recovered edits can still be kept with "save as".
        readOnlyReason = 'locked';
        lockedBy = lock.owner;
      } else if (lock.kind === 'acquired') owned = true;
    }
    return ok({ db, folder, info: taken, editSeq, readOnlyReason, lockedBy, doc, reviewFileProblem: null });
  } catch (e) {
    db?.close();
    if (owned && info.originalPath !== null)
      releaseOwner(info.originalPath, { host: who.host, pid: process.pid });
    return {
      ok: false,
      error: fromSystemError(e, named, '恢复', () =>
        dataFolderPlace(options.dataDir, workingFile, '；未保存的修改仍在数据文件夹中，没有丢失'),
      ),
    };
  }
}

function discardWorking(working: WorkingCopy): void {
  working.db.close();
  rmSync(working.folder, { recursive: true, force: true });
}
