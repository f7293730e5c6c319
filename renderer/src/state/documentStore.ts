/**
 * The open document on the renderer side. The server sends the inputs; the renderer scores them
 * itself with the shared Recalculator, so every edit repaints at once (forms not yet shown are
 * scored in idle time, `IdleScoring`). Each edit is a list of
 * typed patches: applied here first (optimistic), then sent with `doc/apply` in order. When the
 * server refuses a step, the step is undone here with its inverse and the message is shown.
 *
 * Undo is the app's own: each apply's inverse goes on the history, so a paste or a row
 * insertion (a longer patch list) is one step, and undoing is just applying that inverse.
 */
import type { CallError, DocStatus, OpenedDocument } from '../../../shared/contract';
import type { Patch } from '../../../shared/model/patch';
import { overlongPatchText } from '../../../shared/model/validate';
import type { Form, ZipingDocument } from '../../../shared/model/types';
import { getLayout } from '../../../shared/layouts/definitions';
import type { LayoutDef } from '../../../shared/layouts/types';
import { Recalculator, type ChangeSet } from '../../../shared/scoring/recalculator';
import type { FormResult } from '../../../shared/scoring/types';
import { invoke } from '../api/client';
import type { FindingLocation } from '../../../shared/checks/types';
import { UndoHistory, whereOf, type HistoryStep } from './undoHistory';
import type { ReviewPatch } from '../../../shared/review/patch';
import { replayed } from '../../../shared/review/succession';
import { ReviewRoleGuard, type ReviewRole } from '../../../shared/review/roles';
import type { ReviewItem } from '../../../shared/review/types';
import { IdleScoring } from './idleScoring';
import { ReviewState } from './reviewState';
import { savedWhere } from './saveMessage';
import { touchedBy, type Touched } from './touched';

export type MessageLevel = 'info' | 'error';

export interface StatusMessage {
  text: string;
  level: MessageLevel;
}

export type { Touched } from './touched';

let stores = 0;

function afterThisTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Meta fields every edit's answer moves, shown nowhere in the window. */
const UNSHOWN_META: ReadonlySet<string> = new Set(['modifiedAt', 'modifiedBy']);

/** The same status as far as the window shows it (modifiedAt/modifiedBy aside). */
function sameStatus(a: DocStatus, b: DocStatus): boolean {
  const shownMeta = (m: DocStatus['meta']) =>
    JSON.stringify(Object.entries(m).filter(([k]) => !UNSHOWN_META.has(k)));
  const keys = Object.keys(a) as (keyof DocStatus)[];
  return (
    keys.length === Object.keys(b).length &&
    keys.every((k) => (k === 'meta' ? shownMeta(a.meta) === shownMeta(b.meta) : a[k] === b[k]))
  );
}

export class DocumentStore {
  /** Distinguishes documents opened one after another in the same window. */
  readonly id = ++stores;
  readonly doc: ZipingDocument;
  readonly recalc: Recalculator;
  /** Scores the forms not shown yet in idle time (started by the Editor after its first paint). */
  readonly scoring: IdleScoring;
  status: DocStatus;
  message: StatusMessage | null = null;
  /** Bumped on every change; React reads it through useSyncExternalStore. */
  version = 0;
  /** Bumped when rows or forms are added, removed or moved. */
  structureVersion = 0;
  /**
   * The last change was made in a form's grid and added, removed or moved no rows or forms: the
   * grids and the form's total paint it at once, the window around the form may follow after that
   * paint (useWindowVersion, #23).
   */
  lastChangeInGrid = false;
  lastTouched: Touched = { forms: new Map(), structural: false, funds: new Set(), levels: false, seq: 0 };
  /** Calls to the server not yet answered. */
  pending = 0;
  saving = false;

  readonly history = new UndoHistory();
  /** Comments, audit scores and statuses: editable in every mode, read-only included. */
  readonly review: ReviewState;

  private readonly listeners = new Set<() => void>();
  /** What each role may change of the review data: checked here first, then again by Node. */
  private readonly roles = new ReviewRoleGuard();
  private formsById = new Map<string, Form>();
  private formsIndexed = -1;
  private queue: Promise<void> = Promise.resolve();

  constructor(opened: OpenedDocument) {
    this.doc = opened.document;
    this.status = opened.status;
    // Only what is shown is scored before the first paint; the rest in idle time.
    this.recalc = new Recalculator(this.doc, { deferred: true });
    this.scoring = new IdleScoring(this.recalc);
    this.review = new ReviewState(opened.review);
  }

  get layout(): LayoutDef {
    return getLayout(this.doc.meta.layout);
  }

  get readOnly(): boolean {
    return this.status.readOnly;
  }

  /** 审核模式 (reviewer) or the author's (填报) mode: who may change what (shared/review/roles.ts). */
  get role(): ReviewRole {
    return this.status.reviewing ? 'reviewer' : 'author';
  }

  /** A status from Node that is not an edit's answer (the user's name changed). */
  updateStatus(status: DocStatus): void {
    this.status = { ...status, dirty: status.dirty || this.status.dirty };
    this.emit();
  }

  /** A reviewer's items read for 导入审核意见: the author may take them in (and undo that). */
  carryReview(items: readonly ReviewItem[]): void {
    this.roles.carry(items, this.review.items);
  }

  form(formId: string): Form | undefined {
    if (this.formsIndexed !== this.structureVersion) {
      this.formsById = new Map(this.doc.forms.map((f) => [f.id, f]));
      this.formsIndexed = this.structureVersion;
    }
    return this.formsById.get(formId);
  }

  /** The form's result, scored now if idle time has not reached it yet. */
  result(formId: string): FormResult {
    return this.scoring.result(formId);
  }

  /** The form's result once scored; null while it waits for idle time (a placeholder is shown). */
  scoredResult(formId: string): FormResult | null {
    return this.recalc.scoredResult(formId);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  /**
   * Applies patches as one step (one undo): locally at once, then on the server. Returns false
   * (and shows why) when nothing was applied. `inGrid`: typed, pasted or filled in a form's grid.
   */
  apply(patches: Patch[], inGrid = false): boolean {
    if (patches.length === 0) return true;
    const change = this.run(patches, inGrid);
    if (!change) return false;
    this.history.record({ patches: change.inverse, where: this.where(patches) });
    return true;
  }

  /**
   * Applies review patches as one undo step, here at once and then on the server (which writes
   * them into the document, or into the review file when the document is read-only).
   */
  applyReview(patches: ReviewPatch[], where: FindingLocation | null = null): boolean {
    if (patches.length === 0) return true;
    if (this.refusedByRole(patches)) return false;
    this.history.record({ patches: [], review: this.runReview(patches), where });
    return true;
  }

  /** Says in the status bar why this role may not make these review changes (never silently). */
  private refusedByRole(patches: readonly ReviewPatch[]): boolean {
    const why = this.roles.refuseAny(patches, this.review.items, this.role);
    if (why === null) return false;
    this.setMessage(`${why}（这次修改未做）`, 'error');
    return true;
  }

  private runReview(patches: ReviewPatch[]): ReviewPatch[] {
    const inverse = this.review.apply(patches);
    this.status = { ...this.status, dirty: true };
    this.message = null;
    this.emit();
    this.enqueue(
      () => invoke('review/apply', { patches }),
      (error) => {
        this.history.clear();
        this.review.apply(inverse);
        this.setMessage(`${error.message}（这次审核意见的修改已撤销）`, 'error', false);
        this.emit();
      },
    );
    return inverse;
  }

  /** Undoes the last step; returns where it was, so the view can show it (null: nothing). */
  undo(): FindingLocation | null {
    return this.replay(
      () => this.history.takeUndo(),
      (s) => this.history.pushRedo(s),
      (s) => this.history.pushUndo(s),
      '没有可以撤销的操作',
    );
  }

  redo(): FindingLocation | null {
    return this.replay(
      () => this.history.takeRedo(),
      (s) => this.history.pushUndo(s),
      (s) => this.history.pushRedo(s),
      '没有可以重做的操作',
    );
  }

  private replay(
    take: () => HistoryStep | undefined,
    done: (inverse: HistoryStep) => void,
    putBack: (step: HistoryStep) => void,
    nothing: string,
  ): FindingLocation | null {
    const step = take();
    if (!step) {
      this.setMessage(nothing);
      return null;
    }
    if (step.review) {
      // An undo or redo is a change of its own, by this user: it must win over older copies when
      // merged, and an audit or status keeps the value it replaces (its history).
      const now = new Date().toISOString();
      const restamped = step.review.map((p) =>
        replayed(p, this.review.items.get(p.op === 'putReview' ? p.item.id : p.id), this.status.user, now),
      );
      if (this.refusedByRole(restamped)) {
        putBack(step);
        return null;
      }
      done({ patches: [], review: this.runReview(restamped), where: step.where });
      return step.where;
    }
    const change = this.run(step.patches);
    if (!change) {
      putBack(step);
      return null;
    }
    const where = this.where(step.patches) ?? step.where;
    done({ patches: change.inverse, where });
    return where;
  }

  private where(patches: readonly Patch[]): FindingLocation | null {
    return whereOf(
      patches,
      (formId, id) => this.form(formId)?.indicators.findIndex((i) => i.id === id) ?? -1,
    );
  }

  /** Applies patches locally and sends them; null (with the reason shown) when refused. */
  private run(patches: Patch[], inGrid = false): ChangeSet | null {
    if (this.readOnly) {
      this.setMessage(this.status.readOnlyNotice ?? '文档为只读，不能修改', 'error');
      return null;
    }
    // The server refuses these; refused here first, nothing is applied and the history is kept.
    for (const p of patches) {
      const tooLong = overlongPatchText(p);
      if (tooLong) {
        this.setMessage(`${tooLong}（这次修改未做）`, 'error');
        return null;
      }
    }
    let change: ChangeSet;
    try {
      change = this.recalc.batch(patches);
    } catch (e) {
      this.setMessage(e instanceof Error ? e.message : String(e), 'error', false);
      this.emit();
      return null;
    }
    this.touch(patches, change);
    this.status = { ...this.status, dirty: true };
    this.message = null;
    this.emit(inGrid && !this.lastTouched.structural);
    this.send(patches, change.inverse);
    return change;
  }

  /** Waits until every edit sent so far has been answered. */
  flush(): Promise<void> {
    return this.queue;
  }

  async save(): Promise<boolean> {
    return this.saveWith(() => invoke('doc/save', {}));
  }

  async saveAs(path: string): Promise<boolean> {
    return this.saveWith(() => invoke('doc/saveAs', { path }));
  }

  /**
   * Read-only sessions: saves the review data into a review file the user chose (when the one
   * beside the document cannot be written); later saves go there too.
   */
  async saveReviewAs(path: string): Promise<boolean> {
    const saved = await this.saveWith(() => invoke('review/saveAs', { path }));
    if (saved) this.setMessage(`审核意见已保存到 ${this.status.reviewFile ?? path}`);
    return saved;
  }

  setMessage(text: string, level: MessageLevel = 'info', notify = true): void {
    this.message = { text, level };
    if (notify) this.emit();
  }

  private async saveWith(
    call: () => Promise<{ ok: true; value: DocStatus } | { ok: false; error: CallError }>,
  ): Promise<boolean> {
    if (this.saving) return false;
    this.saving = true;
    this.setMessage('正在保存…');
    try {
      await this.flush();
      const r = await call();
      if (!r.ok) {
        this.setMessage(r.error.message, 'error');
        return false;
      }
      this.status = r.value;
      this.setMessage(savedWhere(r.value));
      return true;
    } finally {
      this.saving = false;
      this.emit();
    }
  }

  private send(patches: Patch[], inverse: Patch[]): void {
    this.enqueue(
      () => invoke('doc/apply', { patches }),
      (error) => this.rollback(patches, inverse, error),
    );
  }

  /** Sends one step after the ones before it; `refused` takes it back when the server says no. */
  private enqueue(
    call: () => Promise<{ ok: true; value: DocStatus } | { ok: false; error: CallError }>,
    refused: (error: CallError) => void,
  ): void {
    this.pending++;
    this.queue = this.queue.then(async () => {
      // Sent from a task of its own: the keystroke's task ends sooner and the edit is painted
      // first. The order of the steps is the queue's, so nothing changes for the server.
      await afterThisTask();
      const r = await call().catch((e: unknown): { ok: false; error: CallError } => ({
        ok: false,
        error: { code: 'internal', message: `保存修改失败：${e instanceof Error ? e.message : String(e)}` },
      }));
      this.pending--;
      if (r.ok) {
        // Keep the optimistic dirty mark while later edits are still on their way.
        const status = { ...r.value, dirty: r.value.dirty || this.pending > 0 };
        // Most answers change nothing shown: re-rendering the window for them would land in the
        // middle of the next keystroke.
        const shownSame = sameStatus(status, this.status);
        this.status = status;
        // Each answer's modifiedAt is new: kept, but without re-rendering the window for it.
        if (!shownSame) this.emit();
        return;
      }
      refused(r.error);
    });
  }

  private rollback(patches: Patch[], inverse: Patch[], error: CallError): void {
    // Later steps were made on top of the refused one: their inverses no longer fit.
    this.history.clear();
    try {
      const change = this.recalc.batch(inverse);
      this.touch(patches, change);
      this.setMessage(`${error.message}（这次修改已撤销）`, 'error', false);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      this.setMessage(`${error.message}；撤销本次修改失败：${detail}。请重新打开文档`, 'error', false);
    }
    this.emit();
  }

  private touch(patches: readonly Patch[], change: ChangeSet): void {
    const touched = touchedBy(patches, change, (id) => this.form(id), this.lastTouched.seq + 1);
    if (touched.structural) this.structureVersion++;
    this.lastTouched = touched;
  }

  private emit(inGrid = false): void {
    this.lastChangeInGrid = inGrid;
    this.version++;
    for (const l of this.listeners) l();
  }
}
