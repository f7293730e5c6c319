/**
 * The app's own undo/redo (AG Grid's is cleared by row changes and knows nothing of the form
 * outside the grid). A step is the patch list to run to go back (or forward again): every apply
 * returns its inverse, so undoing is applying, and the inverse of that is the redo.
 */
import type { Patch } from '../../../shared/model/patch';
import type { ReviewPatch } from '../../../shared/review/patch';
import type { FindingLocation } from '../../../shared/checks/types';

export interface HistoryStep {
  /** Patches that take the document to the other side of the step. */
  patches: Patch[];
  /** A review step (comment, audit score, status) instead: review patches that take it back. */
  review?: ReviewPatch[];
  /** What the step touched first, so undo can show it. */
  where: FindingLocation | null;
}

/** Enough for a day's work on a form; the oldest steps go first. */
const LIMIT = 1000;

export class UndoHistory {
  private readonly undos: HistoryStep[] = [];
  private redos: HistoryStep[] = [];

  /** A new edit: it can be undone, and what was undone before can no longer be redone. */
  record(step: HistoryStep): void {
    this.undos.push(step);
    if (this.undos.length > LIMIT) this.undos.shift();
    this.redos = [];
  }

  get canUndo(): boolean {
    return this.undos.length > 0;
  }

  get canRedo(): boolean {
    return this.redos.length > 0;
  }

  takeUndo(): HistoryStep | undefined {
    return this.undos.pop();
  }

  takeRedo(): HistoryStep | undefined {
    return this.redos.pop();
  }

  /** After an undo ran: its inverse goes on the redo stack. */
  pushRedo(step: HistoryStep): void {
    this.redos.push(step);
  }

  /** After a redo ran: its inverse goes back on the undo stack (the redo stack stays). */
  pushUndo(step: HistoryStep): void {
    this.undos.push(step);
  }

  clear(): void {
    this.undos.length = 0;
    this.redos = [];
  }
}

/** The place a patch list points at first: its form, and the indicator row and field if any. */
export function whereOf(patches: readonly Patch[], rowOf: (formId: string, indicatorId: string) => number) {
  for (const p of patches) {
    switch (p.op) {
      case 'setIndicator': {
        const row = rowOf(p.formId, p.indicatorId);
        return { formId: p.formId, section: 'indicator', row: row < 0 ? 0 : row, field: p.field } as const;
      }
      case 'insertIndicator':
        return { formId: p.formId, section: 'indicator', row: p.index } as const;
      case 'setFundsRow':
        return { formId: p.formId, section: 'funds', row: p.row, field: p.field } as const;
      case 'setFunds':
        return { formId: p.formId, section: 'funds', field: p.field } as const;
      case 'setForm':
      case 'setHeader':
        return { formId: p.formId, section: 'header', field: p.field } as const;
      case 'setGoals':
        return { formId: p.formId, section: 'goals', field: p.field } as const;
      case 'setAnalysis':
        return { formId: p.formId, section: 'analysis', field: p.key } as const;
      case 'insertForm':
      case 'setBasicData':
        return { formId: 'form' in p ? p.form.id : p.formId, section: 'header' } as const;
      case 'setMeta':
        break;
      default:
        if ('formId' in p) return { formId: p.formId, section: 'indicator' } as const;
    }
  }
  return null;
}
