/**
 * The working copy of an open document: a folder per session in the app's data folder holding the
 * document (`doc.ziping`, SQLite WAL, synchronous=FULL) and what the session is (`session.json`),
 * so that a crash leaves everything recovery needs.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { dataDir as defaultDataDir } from '../data-dir';
import { writeFileAtomic } from '../files';
import { failure, fromSystemError, type WritePlace } from './errors';
import { migrate, type Migration } from './schema';
import { distrustSchema, openUntrusted } from './schema-guard';

/** What the data folder keeps about a working copy (session.json). */
export interface WorkingInfo {
  sessionId: string;
  /** The user's file; null for a new document not yet saved. */
  originalPath: string | null;
  pid: number;
  host: string;
  user: string;
  openedAt: string;
  /** editSeq of the working copy at the last successful save. */
  savedSeq: number;
  /** Opened as a reviewer: a recovered session stays one. */
  reviewing?: boolean;
}

export interface WorkingCopy {
  db: Database.Database;
  folder: string;
  info: WorkingInfo;
}

export function workingRoot(dataDir: string): string {
  return path.join(dataDir, 'working');
}

/** The document file of a working copy's folder. */
export function workingFileOf(folder: string): string {
  return path.join(folder, 'doc.ziping');
}

/** The session.json of a working copy's folder. */
export function infoFileOf(folder: string): string {
  return path.join(folder, 'session.json');
}

/** A new, empty working copy (its folder, session.json and database) for `originalPath`. */
export function newWorkingCopy(
  dataDir: string | undefined,
  who: { user: string; host: string },
  originalPath: string | null,
  savedSeq = 0,
): WorkingCopy {
  const sessionId = randomUUID();
  const folder = path.join(workingRoot(dataDir ?? defaultDataDir()), sessionId);
  mkdirSync(folder, { recursive: true });
  const info: WorkingInfo = {
    sessionId,
    originalPath,
    pid: process.pid,
    host: who.host,
    user: who.user,
    openedAt: new Date().toISOString(),
    savedSeq,
  };
  writeInfo(folder, info);
  return { db: openWorkingDb(workingFileOf(folder)), folder, info };
}

export function openWorkingDb(file: string): Database.Database {
  const db = new Database(file);
  distrustSchema(db);
  db.pragma('journal_mode = WAL');
  // FULL: every commit is flushed to the WAL before apply() returns, so a power cut loses nothing acknowledged.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  return db;
}

export function writeInfo(folder: string, info: WorkingInfo): void {
  writeFileAtomic(infoFileOf(folder), JSON.stringify(info, null, 2));
}

/** The working copy's edit counter (each applied edit adds one). */
export function readEditSeq(db: Database.Database): number {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'editSeq'").get() as
    { value?: string } | undefined;
  return Number(row?.value ?? 0);
}

/**
 * Copies a document file. Files Ziping saved stand alone (rollback journal, replaced by rename),
 * so a plain file copy is a consistent snapshot and much faster than reading it through SQLite;
 * a file with a journal or WAL beside it (written by another tool) is read through SQLite.
 */
export function snapshotInto(source: string, dest: string): void {
  if (!existsSync(`${source}-journal`) && !existsSync(`${source}-wal`)) {
    copyFileSync(source, dest);
    // The copy is ours to write whatever the original's mode (444, the Windows read-only
    // attribute): copyFile copies the mode, and a read-only working copy cannot switch to WAL.
    chmodSync(dest, 0o600);
    return;
  }
  const db = openUntrusted(source);
  try {
    db.prepare('VACUUM INTO ?').run(dest);
  } finally {
    db.close();
  }
}

/**
 * Upgrades an older document in its working copy. A failure of the upgrade itself is told apart
 * from a damaged file (the file opened fine; this version could not convert it); a full disk or a
 * missing permission stays what it is.
 */
export function upgrade(db: Database.Database, migrations: readonly Migration[], file: string): void {
  try {
    migrate(db, migrations);
  } catch (e) {
    // A full disk or a missing permission is reported by the caller, which knows where it wrote.
    if (fromSystemError(e, file, '升级').code !== 'damaged') throw e;
    const name = path.basename(file);
    const why = e instanceof Error ? e.message : String(e);
    throw failure(
      'upgrade-failed',
      `“${name}”是旧版格式，转换为本版格式时出错（${why}）：原文件没有改动；请先用制作它的版本打开，或把文件交给技术支持`,
      file,
    );
  }
}

/**
 * The data folder as the place a full disk is reported for: opening copies the document there
 * (about twice its size with the upgrade and the write-ahead log).
 */
export function dataFolderPlace(dataDir: string | undefined, file: string, note: string): WritePlace {
  const size = statSync(file, { throwIfNoEntry: false })?.size;
  return {
    folder: dataDir ?? defaultDataDir(),
    label: '数据文件夹',
    ...(size !== undefined ? { needed: 2 * size } : {}),
    note,
  };
}
