/**
 * An open .ziping document. Edits go to a working copy in the app's data folder, durable at once
 * (SQLite WAL, synchronous=FULL: an acknowledged edit survives a crash or a power cut); the
 * user's own file changes only on save, which writes a complete new file beside it, flushes it
 * and renames it over the old one, so the file on disk is always the old or the new version.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { Patch } from '../../../shared/model/patch';
import { applyPatches, formsTouched, PatchError, patchFormId } from '../../../shared/model/patch';
import type { DocumentMeta, LayoutId, ZipingDocument } from '../../../shared/model/types';
import { currentUser, dataDir as defaultDataDir } from '../data-dir';
import { failure, fromSystemError, ok, type DocError, type DocResult } from './errors';
import type { WritePlace } from './errors';
import {
  acquireOwner,
  describeOwner,
  removeFilesOfDeadProcesses,
  readOwner,
  releaseOwner,
  type OwnerInfo,
} from './owner-lock';
import { probeDocument } from './probe';
import { MIGRATIONS, migrate, type Migration } from './schema';
import { assertOurSchema, distrustSchema, openUntrusted } from './schema-guard';
import { decodeDocument, encodeChange, encodeForm, META_KEYS } from './codec';
import {
  applyReviewPatch,
  mergeReviewItems,
  type ReviewItems,
  type ReviewPatch,
} from '../../../shared/review/patch';
import type { ReviewItem } from '../../../shared/review/types';
import {
  readReviewFile,
  readReviewRows,
  reviewFilePath,
  saveReviewFile,
  writeReviewRows,
} from './review-store';
import { readChangeLog, type ChangeLog, type ChangeLogScope } from './change-log';

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

export type ReadOnlyReason =
  'requested' | 'review' | 'locked' | 'no-permission' | 'read-only-media' | 'disk-full';

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

const WORKING_FILE = 'doc.ziping';
const INFO_FILE = 'session.json';

export function workingRoot(dataDir: string): string {
  return path.join(dataDir, 'working');
}

/** Sessions open in this process: their working copies are in use, not left by a crash. */
const liveSessions = new Map<string, DocumentSession>();

/** Whether a working copy belongs to a session open in this process (recovery leaves those alone). */
export function isOpenHere(sessionId: string): boolean {
  return liveSessions.has(sessionId);
}

/** An editable session of this process that has `file` as its document. */
function editableHere(file: string): DocumentSession | undefined {
  for (const s of liveSessions.values()) if (s.path === file && !s.readOnly) return s;
  return undefined;
}

/**
 * Upgrades an older document in its working copy. A failure of the upgrade itself is told apart
 * from a damaged file (the file opened fine; this version could not convert it); a full disk or a
 * missing permission stays what it is.
 */
function upgrade(db: Database.Database, migrations: readonly Migration[], file: string): void {
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
function dataFolderPlace(options: SessionOptions, file: string, note: string): WritePlace {
  const size = statSync(file, { throwIfNoEntry: false })?.size;
  return {
    folder: options.dataDir ?? defaultDataDir(),
    label: '数据文件夹',
    ...(size !== undefined ? { needed: 2 * size } : {}),
    note,
  };
}

function lockedError(owner: OwnerInfo, file: string): DocError {
  return {
    code: 'locked',
    message: `${describeOwner(owner)}正在使用“${path.basename(file)}”：请换一个文件名`,
    path: file,
  };
}

/** The owner of a file this process holds (for the notice of a second window on it). */
function ownerHere(file: string): OwnerInfo {
  const me = currentUser();
  return readOwner(file) ?? { app: 'ziping', user: me.user, host: me.host, pid: process.pid, since: '' };
}

/** What an applied edit gives back: the patches that undo it, in the order to apply them. */
export interface AppliedEdit {
  inverse: Patch[];
}

export class DocumentSession {
  /** Comments, audit scores and statuses (shared/review), the document's merged with its review file's. */
  readonly review: ReviewItems;
  /** Why the review file beside the document could not be read, if it could not. */
  reviewFileProblem: string | null = null;
  private closed = false;
  /** The last edit of the author's data (not review data): what a read-only save cannot keep. */
  private authorSeq: number;
  /** The last edit of review data (a read-only save writes the review file only after one). */
  private reviewSeq: number;
  /** A review file the user chose (saveReviewAs), instead of the one beside the document. */
  private reviewFileElsewhere: string | null = null;

  private constructor(
    private readonly db: Database.Database,
    private readonly folder: string,
    private info: WorkingInfo,
    private editSeq: number,
    public readOnlyReason: ReadOnlyReason | null,
    /** Who holds the document when it was opened read-only because it is in use. */
    public lockedBy: OwnerInfo | null,
    /** The document as edited; never scored here (the window scores what it shows, exports score once). */
    private readonly doc: ZipingDocument,
  ) {
    this.review = readReviewRows(db);
    // Recovered author edits of a read-only session are unsaved until saved elsewhere.
    this.authorSeq = info.reviewing ? info.savedSeq : editSeq;
    this.reviewSeq = editSeq;
    liveSessions.set(info.sessionId, this);
  }

  get id(): string {
    return this.info.sessionId;
  }
  /** Who edits in this session (signs review data and the change log). */
  get user(): string {
    return this.info.user;
  }
  get reviewing(): boolean {
    return this.readOnlyReason === 'review';
  }
  get path(): string | null {
    return this.info.originalPath;
  }
  get document(): ZipingDocument {
    return this.doc;
  }
  get readOnly(): boolean {
    return this.readOnlyReason !== null;
  }
  /** Edits not yet saved into the user's file. */
  get dirty(): boolean {
    return this.editSeq > this.info.savedSeq;
  }
  get workingFile(): string {
    return path.join(this.folder, WORKING_FILE);
  }

  /** A Chinese line for the read-only notice, or null when the document is editable. */
  readOnlyNotice(): string | null {
    switch (this.readOnlyReason) {
      case null:
        return null;
      case 'locked':
        return `该文档正由 ${this.lockedBy ? describeOwner(this.lockedBy) : '其他用户'} 打开，现以只读方式打开；可以“另存为”保存副本`;
      case 'no-permission':
        return '没有修改该文件的权限（或文件设为只读），现以只读方式打开；可以“另存为”保存到其他位置';
      case 'read-only-media':
        return '该文件位于只读位置（如光盘或写保护的U盘），现以只读方式打开；可以“另存为”保存到其他位置';
      case 'disk-full':
        return '文档所在的磁盘已满，无法记下谁在编辑它，现以只读方式打开；请在该磁盘上腾出空间后重新打开，或“另存为”保存到其他位置';
      case 'requested':
        return '以只读方式打开';
      case 'review':
        return `审核模式：作者填写的内容不能修改；批注、核查分数和审核状态保存到审核文件“${path.basename(this.reviewFile ?? '')}”`;
    }
  }

  // ------------------------------------------------------------------ create / open

  /** A new document; `target` is where save writes it (null: ask on first save). */
  static create(
    target: string | null,
    init: { unit: string; year: number; layout: LayoutId },
    options: SessionOptions = {},
  ): DocResult<DocumentSession> {
    const who = options.who ?? currentUser();
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
    let working: { db: Database.Database; folder: string } | null = null;
    try {
      const { db, folder, info } = DocumentSession.newWorking(options, who, abs);
      working = { db, folder };
      migrate(db, options.migrations ?? MIGRATIONS);
      db.transaction(() => {
        const put = db.prepare(
          'INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
        );
        for (const key of META_KEYS) put.run(key, String(meta[key]));
        put.run('editSeq', '1');
      })();
      return ok(new DocumentSession(db, folder, info, 1, null, null, { meta, forms: [] }));
    } catch (e) {
      working?.db.close();
      if (working) rmSync(working.folder, { recursive: true, force: true });
      if (abs !== null) releaseOwner(abs, { host: who.host, pid: process.pid });
      return {
        ok: false,
        error: fromSystemError(e, abs ?? '新文档', '创建', () =>
          dataFolderPlace(options, abs ?? '', '；没有创建文档'),
        ),
      };
    }
  }

  static open(file: string, options: SessionOptions = {}): DocResult<DocumentSession> {
    const abs = path.resolve(file);
    const who = options.who ?? currentUser();
    let readOnlyReason: ReadOnlyReason | null = options.review
      ? 'review'
      : options.readOnly
        ? 'requested'
        : null;
    let lockedBy: OwnerInfo | null = null;
    let owned = false;
    let working: { db: Database.Database; folder: string; info: WorkingInfo } | null = null;
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
      working = DocumentSession.newWorking(options, who, abs, Number.MAX_SAFE_INTEGER);
      if (options.review) working.info.reviewing = true;
      const w = working;
      // A consistent snapshot of the user's file; the original is never written here.
      snapshotInto(abs, path.join(w.folder, WORKING_FILE) + '.copy');
      w.db.close();
      renameSync(path.join(w.folder, WORKING_FILE) + '.copy', path.join(w.folder, WORKING_FILE));
      const db = openWorkingDb(path.join(w.folder, WORKING_FILE));
      w.db = db;
      // Checked again on the copy itself: what the session uses is what was checked.
      assertOurSchema(db, abs, migrations);
      // Older files are upgraded in the working copy; the user's file keeps the old version
      // (the backup) until the upgraded document is saved.
      upgrade(db, migrations, abs);
      const doc = decodeDocument(db, abs);
      const problem = takeInReviewFile(db, abs);
      const editSeq = Number(
        (db.prepare("SELECT value FROM meta WHERE key = 'editSeq'").get() as { value?: string } | undefined)
          ?.value ?? 0,
      );
      w.info.savedSeq = editSeq;
      writeInfo(w.folder, w.info);
      const session = new DocumentSession(db, w.folder, w.info, editSeq, readOnlyReason, lockedBy, doc);
      session.reviewFileProblem = problem;
      return ok(session);
    } catch (e) {
      working?.db.close();
      if (working) rmSync(working.folder, { recursive: true, force: true });
      if (owned) releaseOwner(abs, { host: who.host, pid: process.pid });
      return {
        ok: false,
        error: fromSystemError(e, abs, '打开', () => dataFolderPlace(options, abs, '；原文件没有改动')),
      };
    }
  }

  /** Reopens a working copy left by a crashed session (see recovery.ts). */
  static resume(folder: string, info: WorkingInfo, options: SessionOptions = {}): DocResult<DocumentSession> {
    const who = options.who ?? currentUser();
    let readOnlyReason: ReadOnlyReason | null = info.reviewing ? 'review' : null;
    let lockedBy: OwnerInfo | null = null;
    let db: Database.Database | null = null;
    let owned = false;
    try {
      db = openWorkingDb(path.join(folder, WORKING_FILE));
      assertOurSchema(
        db,
        info.originalPath ?? path.join(folder, WORKING_FILE),
        options.migrations ?? MIGRATIONS,
      );
      upgrade(db, options.migrations ?? MIGRATIONS, info.originalPath ?? path.join(folder, WORKING_FILE));
      const doc = decodeDocument(db, info.originalPath ?? path.join(folder, WORKING_FILE));
      const editSeq = Number(
        (db.prepare("SELECT value FROM meta WHERE key = 'editSeq'").get() as { value?: string } | undefined)
          ?.value ?? 0,
      );
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
      return ok(new DocumentSession(db, folder, taken, editSeq, readOnlyReason, lockedBy, doc));
    } catch (e) {
      db?.close();
      if (owned && info.originalPath !== null)
        releaseOwner(info.originalPath, { host: who.host, pid: process.pid });
      return {
        ok: false,
        error: fromSystemError(e, info.originalPath ?? path.join(folder, WORKING_FILE), '恢复', () =>
          dataFolderPlace(
            options,
            path.join(folder, WORKING_FILE),
            '；未保存的修改仍在数据文件夹中，没有丢失',
          ),
        ),
      };
    }
  }

  private static newWorking(
    options: SessionOptions,
    who: { user: string; host: string },
    originalPath: string | null,
    savedSeq = 0,
  ): { db: Database.Database; folder: string; info: WorkingInfo } {
    const sessionId = randomUUID();
    const folder = path.join(workingRoot(options.dataDir ?? defaultDataDir()), sessionId);
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
    return { db: openWorkingDb(path.join(folder, WORKING_FILE)), folder, info };
  }

  // ------------------------------------------------------------------ edit

  /**
   * Applies patches as one step: checked and applied in memory, written to the working copy in
   * one transaction. Nothing is scored here: the window's recalculator scores what it shows and
   * exports score once. When this returns ok, the edit is on disk. On any failure the document
   * is left exactly as it was.
   */
  apply(patches: readonly Patch[]): DocResult<AppliedEdit> {
    if (this.closed) return { ok: false, error: this.closedError() };
    if (this.readOnly)
      return { ok: false, error: { code: 'read-only', message: this.readOnlyNotice() ?? '文档为只读' } };
    let inverse: Patch[];
    try {
      inverse = applyPatches(this.doc, patches);
    } catch (e) {
      if (e instanceof PatchError)
        return { ok: false, error: { code: 'invalid-change', message: `无法修改：${e.message}` } };
      throw e;
    }
    try {
      this.persist(patches, inverse);
    } catch (e) {
      applyPatches(this.doc, inverse);
      const place = (): WritePlace => ({
        folder: path.dirname(path.dirname(this.folder)),
        label: '数据文件夹',
        note: '；这次修改没有保存，之前的修改没有丢失',
      });
      return {
        ok: false,
        error: fromSystemError(e, this.info.originalPath ?? this.workingFile, '保存修改', place),
      };
    }
    return ok({ inverse });
  }

  private persist(patches: readonly Patch[], inverse: readonly Patch[]): void {
    const db = this.db;
    const who = this.info.user;
    const now = new Date().toISOString();
    const doc = this.document;
    const touched = formsTouched(patches);
    const reorder = patches.some(
      (p) => p.op === 'insertForm' || p.op === 'deleteForm' || p.op === 'moveForm',
    );
    const metaChanged = patches.some((p) => p.op === 'setMeta');
    const seq = this.editSeq + 1;
    db.transaction(() => {
      const upsert = db.prepare(
        'INSERT INTO forms(id, position, body) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET position = excluded.position, body = excluded.body',
      );
      for (const formId of touched.removed) db.prepare('DELETE FROM forms WHERE id = ?').run(formId);
      if (reorder) {
        doc.forms.forEach((form, i) => upsert.run(form.id, i, encodeForm(form)));
      } else {
        for (const formId of touched.changed) {
          const i = doc.forms.findIndex((f) => f.id === formId);
          const form = doc.forms[i];
          if (form) upsert.run(form.id, i, encodeForm(form));
        }
      }
      const putMeta = db.prepare(
        'INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      );
      if (metaChanged) for (const key of META_KEYS) putMeta.run(key, String(doc.meta[key]));
      putMeta.run('modifiedAt', now);
      putMeta.run('modifiedBy', who);
      putMeta.run('editSeq', String(seq));
      const log = db.prepare('INSERT INTO changes(at, user, form_id, patch, inverse) VALUES (?, ?, ?, ?, ?)');
      patches.forEach((p, i) => {
        const undo = inverse[patches.length - 1 - i];
        log.run(now, who, patchFormId(p), encodeChange(p), encodeChange(undo ?? null));
      });
    })();
    doc.meta.modifiedAt = now;
    doc.meta.modifiedBy = who;
    this.editSeq = seq;
    this.authorSeq = seq;
  }

  /**
   * Applies review patches (comments, audit scores, statuses) as one step. Allowed in every
   * mode, read-only included: they never touch the author's data. Durable in the working copy
   * at once; saved into the document, or into the review file when the document is read-only.
   */
  applyReview(patches: readonly ReviewPatch[]): DocResult<ReviewPatch[]> {
    if (this.closed) return { ok: false, error: this.closedError() };
    const inverse = patches.map((p) => applyReviewPatch(this.review, p)).reverse();
    const seq = this.editSeq + 1;
    try {
      // Removed items stay as tombstones: every patched id has a row to write.
      const put: ReviewItem[] = [];
      for (const p of patches) {
        const item = this.review.get(p.op === 'putReview' ? p.item.id : p.id);
        if (item) put.push(item);
      }
      this.db.transaction(() => {
        writeReviewRows(this.db, put);
        this.db
          .prepare(
            "INSERT INTO meta(key, value) VALUES ('editSeq', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
          )
          .run(String(seq));
      })();
    } catch (e) {
      for (const p of inverse) applyReviewPatch(this.review, p);
      return {
        ok: false,
        error: fromSystemError(e, this.info.originalPath ?? this.workingFile, '保存审核意见'),
      };
    }
    this.editSeq = seq;
    this.reviewSeq = seq;
    return ok(inverse);
  }

  /** Where review data is saved while the document itself is read-only; null for a new document. */
  get reviewFile(): string | null {
    if (this.reviewFileElsewhere !== null) return this.reviewFileElsewhere;
    return this.info.originalPath === null ? null : reviewFilePath(this.info.originalPath);
  }

  /**
   * Saves the review data into a review file the user chose (the folder of a read-only document
   * may not be writable either); later saves of this session go there too. The author takes it
   * in with 导入审核意见.
   */
  saveReviewAs(file: string): DocResult<void> {
    if (this.closed) return { ok: false, error: this.closedError() };
    if (!this.readOnly)
      return {
        ok: false,
        error: { code: 'invalid-change', message: '该文档可以直接保存，审核意见随文档一起保存：请用“保存”' },
      };
    const before = this.reviewFileElsewhere;
    this.reviewFileElsewhere = path.resolve(file);
    const saved = this.saveReview(true);
    if (!saved.ok && saved.error.code !== 'read-only') this.reviewFileElsewhere = before;
    return saved;
  }

  /**
   * A read-only save keeps what it can: the review data, into the review file. Author edits a
   * read-only session recovered cannot be saved here and keep it unsaved (“另存为” keeps them).
   */
  private saveReview(always = false): DocResult<void> {
    const file = this.reviewFile;
    const refused = {
      ok: false,
      error: { code: 'read-only', message: this.readOnlyNotice() ?? '文档为只读' },
    } as const;
    if (file === null || (!always && this.reviewSeq <= this.info.savedSeq)) return refused;
    try {
      const { unit, year } = this.document.meta;
      saveReviewFile(file, this.review.values(), { unit, year });
    } catch (e) {
      const error = fromSystemError(e, file, '保存审核意见');
      const elsewhere =
        error.code === 'no-permission' || error.code === 'read-only'
          ? `审核文件不能写入“${path.basename(path.dirname(file))}”文件夹（没有写入权限或位置只读）。审核意见仍在本机，没有丢失：请用“审核文件另存为”保存到其他位置，或用“另存为”把文档和审核意见存为一份副本`
          : `${error.message}。审核意见仍在本机，没有丢失：也可以用“审核文件另存为”或“另存为”保存到其他位置`;
      return { ok: false, error: { ...error, message: elsewhere } };
    }
    if (this.authorSeq > this.info.savedSeq) return refused;
    this.info = { ...this.info, savedSeq: this.editSeq };
    this.recordInfo();
    return ok(undefined);
  }

  // ------------------------------------------------------------------ save

  save(): DocResult<void> {
    if (this.closed) return { ok: false, error: this.closedError() };
    if (this.readOnly) return this.saveReview();
    const target = this.info.originalPath;
    if (target === null)
      return {
        ok: false,
        error: { code: 'needs-path', message: '新文档还没有文件名：请用“另存为”选择保存位置' },
      };
    return this.writeTo(target);
  }

  /** Writes the document to a new file and continues editing that file. */
  saveAs(file: string): DocResult<void> {
    if (this.closed) return { ok: false, error: this.closedError() };
    const target = path.resolve(file);
    const me = { user: this.info.user, host: this.info.host, pid: process.pid };
    const other = target !== this.info.originalPath;
    // "Save as" onto the very file that is read-only here is a save, and refused like one.
    if (!other && this.readOnly) return this.save();
    if (other) {
      const here = editableHere(target);
      if (here && here !== this) return { ok: false, error: lockedError(ownerHere(target), target) };
      const lock = acquireOwner(target, me);
      if (lock.kind === 'held') return { ok: false, error: lockedError(lock.owner, target) };
    }
    const written = this.writeTo(target);
    if (!written.ok) {
      if (other) releaseOwner(target, me);
      return written;
    }
    if (this.info.originalPath !== null && other && this.readOnlyReason === null) {
      releaseOwner(this.info.originalPath, me);
    }
    // The copy is the saver's own: a reviewer who saves one edits it as its author.
    this.info = { ...this.info, originalPath: target, reviewing: false };
    this.readOnlyReason = null;
    this.lockedBy = null;
    this.recordInfo();
    return ok(undefined);
  }

  private writeTo(target: string): DocResult<void> {
    const dir = path.dirname(target);
    const base = path.basename(target);
    // Short enough that a long document name still leaves room in the 255-byte name limit.
    const stem = Buffer.byteLength(base) > 120 ? randomUUID().slice(0, 8) : base;
    const tmp = path.join(dir, `.~${stem}.${process.pid}.${Date.now()}.tmp`);
    // Checked first so that a missing folder (USB stick pulled out) or a folder in the way is
    // reported as such, not as whatever SQLite makes of it.
    const where = checkTarget(target);
    if (where) return { ok: false, error: where };
    removeDeadSaveTemps(dir);
    let saveRow: number | null = null;
    try {
      // The saved file says which session saved it at which edit: a crash right after the rename
      // then does not make recovery offer edits that are in the file (recovery.ts).
      const mark = this.db.prepare(
        'INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      );
      // The saved file lists itself among the saved versions; taken back out if the save fails.
      saveRow = this.db.transaction(() => {
        mark.run('savedBySession', this.info.sessionId);
        mark.run('savedAtSeq', String(this.editSeq));
        return Number(
          this.db
            .prepare(
              'INSERT INTO saves(change_seq, at, user, path) VALUES ((SELECT coalesce(max(seq), 0) FROM changes), ?, ?, ?)',
            )
            .run(new Date().toISOString(), this.info.user, target).lastInsertRowid,
        );
      })();
      this.db.prepare('VACUUM INTO ?').run(tmp);
      // The saved file stands alone: rollback journal, no -wal beside it.
      const copy = new Database(tmp);
      try {
        copy.pragma('journal_mode = DELETE');
      } finally {
        copy.close();
      }
      fsyncFile(tmp);
      renameSync(tmp, target);
      fsyncDir(dir);
    } catch (e) {
      if (saveRow !== null) this.forgetSave(saveRow);
      for (const leftover of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) {
        try {
          rmSync(leftover, { force: true });
        } catch {
          // The folder itself is gone: nothing was left in it.
        }
      }
      return { ok: false, error: fromSystemError(e, target, '保存') };
    }
    this.info = { ...this.info, savedSeq: this.editSeq };
    this.recordInfo();
    return ok(undefined);
  }

  private forgetSave(row: number): void {
    try {
      this.db.prepare('DELETE FROM saves WHERE seq = ?').run(row);
    } catch {
      // The working copy cannot be written either: the save's failure is what the user is told.
    }
  }

  /**
   * Records the session in the data folder. The user's file is already saved when this runs; if
   * the data folder cannot be written, the next start offers edits that were in fact saved,
   * which loses nothing, so the save still stands.
   */
  private recordInfo(): void {
    try {
      writeInfo(this.folder, this.info);
    } catch {
      // See above.
    }
  }

  /** A closed session has no working copy to read or write (not a fault of the user's file). */
  private closedError(): DocError {
    const name = this.info.originalPath === null ? '新文档' : `“${path.basename(this.info.originalPath)}”`;
    return { code: 'read-only', message: `${name}已关闭：请重新打开后再修改或保存` };
  }

  // ------------------------------------------------------------------ close

  /**
   * Closes the document; unsaved edits need `discard` (the app asks "save changes?" first).
   * A read-only session can hold unsaved edits too (recovered work whose file someone else has
   * open): those are kept until the user saves them elsewhere or discards them.
   */
  close(options: { discard?: boolean } = {}): DocResult<void> {
    if (this.closed) return ok(undefined);
    if (this.dirty && !options.discard) {
      return {
        ok: false,
        error: { code: 'unsaved-changes', message: '文档有未保存的修改：请先保存，或选择不保存关闭' },
      };
    }
    this.db.close();
    this.closed = true;
    liveSessions.delete(this.info.sessionId);
    if (this.info.originalPath !== null && this.readOnlyReason === null) {
      releaseOwner(this.info.originalPath, { host: this.info.host, pid: process.pid });
    }
    try {
      rmSync(this.folder, { recursive: true, force: true });
    } catch {
      // Left for the next start to clean up: it holds nothing unsaved.
    }
    return ok(undefined);
  }

  /** For tests and crash simulation: drop the handle without cleaning up, as a crash would. */
  abandon(): void {
    if (!this.closed) this.db.close();
    this.closed = true;
    liveSessions.delete(this.info.sessionId);
  }

  /** The working copy's change log (all, or one form's) and saved versions, for history and comparison. */
  readChangeLog(scope: ChangeLogScope = {}): DocResult<ChangeLog> {
    if (this.closed) return { ok: false, error: this.closedError() };
    return ok(readChangeLog(this.db, scope));
  }
}

/**
 * Merges the review file beside a document into its working copy (a reviewer's comments reach
 * the author this way). Returns why it could not be read, if it could not: the document still opens.
 */
function takeInReviewFile(db: Database.Database, docPath: string): string | null {
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

/**
 * Copies a document file. Files Ziping saved stand alone (rollback journal, replaced by rename),
 * so a plain file copy is a consistent snapshot and much faster than reading it through SQLite;
 * a file with a journal or WAL beside it (written by another tool) is read through SQLite.
 */
function snapshotInto(source: string, dest: string): void {
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
  const file = path.join(folder, INFO_FILE);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(info, null, 2));
  fsyncFile(tmp);
  renameSync(tmp, file);
}

export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function fsyncDir(dir: string): void {
  // Makes the rename itself durable; directories cannot be opened this way on Windows.
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems (network shares) refuse fsync on directories; the rename stands.
  }
}
