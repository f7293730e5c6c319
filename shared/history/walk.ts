/**
 * Walking the change log backwards from the current document: each logged inverse, applied in
 * reverse order, turns the document into what it was just before that change. Funds rows have no
 * ids, so the walk follows each row through insertions and deletions to tell which row of today
 * (if any) a change in the past was made to.
 */
import { applyPatch, type Patch } from '../model/patch';
import type { ZipingDocument } from '../model/types';

/** One row of the `changes` table, decoded. */
export interface LoggedChange {
  seq: number;
  at: string;
  user: string;
  patch: Patch;
  inverse: Patch;
}

export class BackwardWalk {
  /** The document as it was after the last change stepped back over (at first: the current one). */
  readonly doc: ZipingDocument;
  private readonly rowIds = new Map<string, string[]>();
  private readonly currentRows = new Map<string, number>();
  private readonly removedForms = new Map<string, string[]>();

  constructor(current: ZipingDocument) {
    this.doc = structuredClone(current);
    for (const form of this.doc.forms) {
      const ids = form.funds.rows.map((_, i) => `${form.id}:${i}`);
      ids.forEach((id, i) => this.currentRows.set(id, i));
      this.rowIds.set(form.id, ids);
    }
  }

  /** Today's index of the funds row that is row `row` of form `formId` in `doc`; null if gone since. */
  currentRowOf(formId: string, row: number): number | null {
    const id = this.rowIds.get(formId)?.[row];
    return id === undefined ? null : (this.currentRows.get(id) ?? null);
  }

  /** Steps back over `change`. Throws PatchError when the log does not fit the document. */
  stepBack(change: LoggedChange): void {
    const inv = change.inverse;
    // A line, row or form put back is inserted as an object; later steps back edit it in place,
    // so it must be a copy, or the log itself would change under the next walk.
    const carriesObject =
      inv.op === 'insertIndicator' || inv.op === 'insertFundsRow' || inv.op === 'insertForm';
    applyPatch(this.doc, carriesObject ? structuredClone(inv) : inv);
    switch (inv.op) {
      case 'deleteFundsRow':
        this.rowIds.get(inv.formId)?.splice(inv.row, 1);
        break;
      case 'insertFundsRow': {
        const rows = this.doc.forms.find((f) => f.id === inv.formId)?.funds.rows.length ?? 0;
        const at = Math.max(0, Math.min(rows - 1, Math.trunc(inv.index)));
        this.rowIds.get(inv.formId)?.splice(at, 0, `s${change.seq}`);
        break;
      }
      case 'insertForm': {
        // A form deleted and later put back (undo) keeps its rows: the later insertion, walked
        // back over first, left them here.
        const kept = this.removedForms.get(inv.form.id);
        this.rowIds.set(
          inv.form.id,
          kept?.length === inv.form.funds.rows.length
            ? kept
            : inv.form.funds.rows.map((_, i) => `s${change.seq}:${i}`),
        );
        break;
      }
      case 'deleteForm': {
        const ids = this.rowIds.get(inv.formId);
        if (ids) this.removedForms.set(inv.formId, ids);
        this.rowIds.delete(inv.formId);
        break;
      }
      default:
        break;
    }
  }
}

/**
 * The document as it was right after change `seq` (0: before any logged change), rebuilt from
 * the current one. `changes` in any order; those after `seq` are undone newest first. The
 * modification time is the one that change recorded (all patches of a step share it).
 */
export function documentAt(
  current: ZipingDocument,
  changes: readonly LoggedChange[],
  seq: number,
): ZipingDocument {
  const walk = new BackwardWalk(current);
  const newestFirst = [...changes].sort((a, b) => b.seq - a.seq);
  for (const change of newestFirst) {
    if (change.seq <= seq) break;
    walk.stepBack(change);
  }
  const last = newestFirst.find((c) => c.seq <= seq);
  const doc = walk.doc;
  if (last) {
    doc.meta.modifiedAt = last.at;
    doc.meta.modifiedBy = last.user;
  } else if (newestFirst.length > 0) {
    doc.meta.modifiedAt = doc.meta.createdAt;
    doc.meta.modifiedBy = doc.meta.createdBy;
  }
  return doc;
}
