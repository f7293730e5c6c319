/**
 * An open .ziping document. Edits go to a working copy in the app's data folder, durable at once
 * (SQLite WAL, synchronous=FULL: an acknowledged edit survives a crash or a power cut); the
 * user's own file changes only on save, which writes a complete new file beside it, flushes it
 * and renames it over the old one, so the file on disk is always the old or the new version.
 *
 * The parts: open-session.ts (how a session starts), working-copy.ts, apply-edit.ts,
 * review-session.ts, save-file.ts, read-only.ts and live-sessions.ts.
 */
import type Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Patch } from '../../../shared/model/patch';
import type { LayoutId, ZipingDocument } from '../../../shared/model/types';
import type { ReviewItems, ReviewPatch } from '../../../shared/review/patch';
import { AUTHOR_DATA_REFUSED, ReviewRoleGuard } from '../../../shared/review/roles';
import type { ReviewItem } from '../../../shared/review/types';
import { applyEdit } from './apply-edit';
import { readChangeLog, type ChangeLog, type ChangeLogScope } from './change-log';
import { ok, type DocError, type DocResult } from './errors';
import { editableHere, forgetLive, lockedError, ownerHere, registerLive } from './live-sessions';
import {
  startFromFile,
  startFromWorking,
  startNew,
  type SessionOptions,
  type StartedSession,
} from './open-session';
import { acquireOwner, releaseOwner, type OwnerInfo } from './owner-lock';
import { readOnlyNotice, type ReadOnlyReason } from './read-only';
import { applyReviewEdit, writeReviewFile } from './review-session';
import { readReviewRows, reviewFilePath } from './review-store';
import { saveWorkingCopy } from './save-file';
import { workingFileOf, writeInfo, type WorkingInfo } from './working-copy';

/** What an applied edit gives back: the patches that undo it, in the order to apply them. */
export interface AppliedEdit {
  inverse: Patch[];
}

export class DocumentSession {
  /** Comments, audit scores and statuses (shared/review), the document's merged with its review file's. */
  readonly review: ReviewItems;
  /** Why the review file beside the document could not be read, if it could not. */
  reviewFileProblem: string | null;
  readOnlyReason: ReadOnlyReason | null;
  /** Who holds the document when it was opened read-only because it is in use. */
  lockedBy: OwnerInfo | null;
  private readonly db: Database.Database;
  private readonly folder: string;
  private info: WorkingInfo;
  private editSeq: number;
  /** The document as edited; never scored here (the window scores what it shows, exports score once). */
  private readonly doc: ZipingDocument;
  private closed = false;
  /** The last edit of the author's data (not review data): what a read-only save cannot keep. */
  private authorSeq: number;
  /** The last edit of review data (a read-only save writes the review file only after one). */
  private reviewSeq: number;
  /** A review file the user chose (saveReviewAs), instead of the one beside the document. */
  private reviewFileElsewhere: string | null = null;
  /** What review data each role may change here (shared/review/roles.ts). */
  private readonly roles = new ReviewRoleGuard();

  private constructor(started: StartedSession) {
    this.db = started.db;
    this.folder = started.folder;
    this.info = started.info;
    this.editSeq = started.editSeq;
    this.readOnlyReason = started.readOnlyReason;
    this.lockedBy = started.lockedBy;
    this.doc = started.doc;
    this.reviewFileProblem = started.reviewFileProblem;
    this.review = readReviewRows(this.db);
    // Recovered author edits of a read-only session are unsaved until saved elsewhere.
    this.authorSeq = this.info.reviewing ? this.info.savedSeq : this.editSeq;
    this.reviewSeq = this.editSeq;
    registerLive(this.info.sessionId, this);
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
  /** The name the user gave changed: what this session signs from now on. */
  setUser(user: string): void {
    if (this.closed || user === this.info.user) return;
    this.info = { ...this.info, user };
    this.recordInfo();
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
    return workingFileOf(this.folder);
  }

  /** A Chinese line for the read-only notice, or null when the document is editable. */
  readOnlyNotice(): string | null {
    return readOnlyNotice(this.readOnlyReason, this.lockedBy, this.reviewFile);
  }

  // ------------------------------------------------------------------ create / open

  /** A new document; `target` is where save writes it (null: ask on first save). */
  static create(
    target: string | null,
    init: { unit: string; year: number; layout: LayoutId },
    options: SessionOptions = {},
  ): DocResult<DocumentSession> {
    return DocumentSession.from(startNew(target, init, options));
  }

  static open(file: string, options: SessionOptions = {}): DocResult<DocumentSession> {
    return DocumentSession.from(startFromFile(file, options));
  }

  /** Reopens a working copy left by a crashed session (see recovery.ts). */
  static resume(folder: string, info: WorkingInfo, options: SessionOptions = {}): DocResult<DocumentSession> {
    return DocumentSession.from(startFromWorking(folder, info, options));
  }

  private static from(started: DocResult<StartedSession>): DocResult<DocumentSession> {
    return started.ok ? ok(new DocumentSession(started.value)) : started;
  }

  // ------------------------------------------------------------------ edit

  /**
   * Applies patches as one step: checked and applied in memory, written to the working copy in
   * one transaction (apply-edit.ts). When this returns ok, the edit is on disk. On any failure
   * the document is left exactly as it was.
   */
  apply(patches: readonly Patch[]): DocResult<AppliedEdit> {
    if (this.closed) return { ok: false, error: this.closedError() };
    if (this.reviewing) return { ok: false, error: { code: 'role', message: AUTHOR_DATA_REFUSED } };
    if (this.readOnly)
      return { ok: false, error: { code: 'read-only', message: this.readOnlyNotice() ?? '文档为只读' } };
    const seq = this.editSeq + 1;
    const applied = applyEdit(this.db, this.doc, patches, {
      user: this.info.user,
      seq,
      file: this.info.originalPath ?? this.workingFile,
      dataFolder: path.dirname(path.dirname(this.folder)),
    });
    if (!applied.ok) return applied;
    this.editSeq = seq;
    this.authorSeq = seq;
    return ok({ inverse: applied.value });
  }

  /**
   * Applies review patches (comments, audit scores, statuses) as one step. Allowed in every
   * mode, read-only included: they never touch the author's data. Durable in the working copy
   * at once; saved into the document, or into the review file when the document is read-only.
   */
  applyReview(patches: readonly ReviewPatch[]): DocResult<ReviewPatch[]> {
    if (this.closed) return { ok: false, error: this.closedError() };
    const refused = this.roles.refuseAny(patches, this.review, this.reviewing ? 'reviewer' : 'author');
    if (refused !== null) return { ok: false, error: { code: 'role', message: refused } };
    const seq = this.editSeq + 1;
    const file = this.info.originalPath ?? this.workingFile;
    const applied = applyReviewEdit(this.db, this.review, patches, seq, file);
    if (!applied.ok) return applied;
    this.editSeq = seq;
    this.reviewSeq = seq;
    return applied;
  }

  /** A reviewer's items offered for 导入审核意见 (review/read): the author may take them in. */
  offerReview(items: readonly ReviewItem[]): void {
    this.roles.carry(items, this.review);
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
    const { unit, year } = this.doc.meta;
    const written = writeReviewFile(file, this.review, { unit, year });
    if (!written.ok) return written;
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
    const mark = { sessionId: this.info.sessionId, editSeq: this.editSeq, user: this.info.user };
    const saved = saveWorkingCopy(this.db, target, mark);
    if (!saved.ok) return saved;
    this.info = { ...this.info, savedSeq: this.editSeq };
    this.recordInfo();
    return saved;
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
    forgetLive(this.info.sessionId);
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
    forgetLive(this.info.sessionId);
  }

  /** The working copy's change log (all, or one form's) and saved versions, for history and comparison. */
  readChangeLog(scope: ChangeLogScope = {}): DocResult<ChangeLog> {
    if (this.closed) return { ok: false, error: this.closedError() };
    return ok(readChangeLog(this.db, scope));
  }
}
