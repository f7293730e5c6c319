/**
 * The change log in words: one entry per logged change, newest first — which form, where, what
 * (in Chinese, as the form titles it), the old and the new value, who and when — and the patch
 * that puts an old value back.
 */
import { PatchError, patchFormId, type Patch } from '../model/patch';
import type { Form, ZipingDocument } from '../model/types';
import {
  cellOfPatch,
  cellPlace,
  cellValue,
  formName,
  fundsRowPlace,
  indicatorLinePlace,
  linePlace,
  rowPlace,
  sameCell,
  valueOfPatch,
  type CellRef,
  type CellValue,
} from './cells';
import type { ReviewRestore } from './review-entries';
import { BackwardWalk, type LoggedChange } from './walk';

export interface HistoryEntry {
  /** The change's number in the log; 0 for review entries (they are not in the log). */
  seq: number;
  /** Unique in a listing. */
  key: string;
  /** ISO time of the change. */
  at: string;
  user: string;
  /** The form changed; null for the document's own information (单位, 年度, 样式). */
  formId: string | null;
  /** The form's name at the time. */
  formName: string;
  /**
   * 'set': one cell got a new value; 'structure': lines, rows or forms inserted, deleted or moved;
   * 'review': a 核查分数, 审核意见, 审核状态 or 批注 changed (shared/history/review-entries.ts).
   */
  kind: 'set' | 'structure' | 'review';
  /** 绩效指标 第3行（…）, 资金 第1行（…）, 表头 … as the form looked then. */
  place: string;
  /** The cell's title (实际完成值 …), or what was done to the structure (插入指标行 …). */
  what: string;
  old: CellValue;
  new: CellValue;
  /** The cell as it was named then (funds rows by their index then). */
  cellThen: CellRef | null;
  /** The same cell in today's document; null when its form, line or row is gone. */
  cell: CellRef | null;
  /** For 'set' entries whose cell is still there: the patch that writes the old value back. */
  undo: Patch | null;
  /** For review entries of an audit or status still there: the value 恢复 puts back. */
  reviewRestore: ReviewRestore | null;
  /** A comment on a whole indicator line: listed with each cell of the line. */
  lineId?: string;
}

export interface HistoryListing {
  /** Newest first. */
  entries: HistoryEntry[];
  /**
   * False when the log stopped fitting the document before its oldest change (a file edited by
   * another program): the entries are the part that fits.
   */
  complete: boolean;
}

function formAt(doc: ZipingDocument, formId: string | null): Form | undefined {
  return formId === null ? undefined : doc.forms.find((f) => f.id === formId);
}

function describeStructure(p: Patch, inverse: Patch, after: ZipingDocument): { place: string; what: string } {
  const form = formAt(after, patchFormId(p));
  switch (p.op) {
    case 'insertIndicator': {
      const index = form?.indicators.findIndex((i) => i.id === p.indicator.id) ?? -1;
      return { place: form ? indicatorLinePlace(form, index) : '绩效指标', what: '插入指标行' };
    }
    case 'deleteIndicator': {
      if (inverse.op !== 'insertIndicator') break;
      return { place: linePlace(inverse.index, inverse.indicator.name), what: '删除指标行' };
    }
    case 'moveIndicator': {
      const index = form?.indicators.findIndex((i) => i.id === p.indicatorId) ?? -1;
      const from = inverse.op === 'moveIndicator' ? inverse.toIndex + 1 : 0;
      return {
        place: form ? indicatorLinePlace(form, index) : '绩效指标',
        what: `移动指标行：第${from}行 → 第${index + 1}行`,
      };
    }
    case 'insertFundsRow': {
      const row = inverse.op === 'deleteFundsRow' ? inverse.row : p.index;
      return { place: form ? fundsRowPlace(form, row) : '资金', what: '插入资金行' };
    }
    case 'deleteFundsRow': {
      const source = inverse.op === 'insertFundsRow' ? inverse.row.source : '';
      return { place: rowPlace(p.row, source), what: '删除资金行' };
    }
    case 'insertForm':
      return { place: '表格', what: `新增表“${formName(p.form)}”` };
    case 'deleteForm':
      return {
        place: '表格',
        what: `删除表“${inverse.op === 'insertForm' ? formName(inverse.form) : p.formId}”`,
      };
    case 'moveForm': {
      // From the patches, not the document: a one-form history walks that form alone.
      const from = inverse.op === 'moveForm' ? inverse.toIndex + 1 : 0;
      return { place: '表格', what: `移动表：第${from}张 → 第${Math.max(0, Math.trunc(p.toIndex)) + 1}张` };
    }
    default:
      break;
  }
  return { place: '', what: '修改' };
}

/** The form's name as it was right after the change (a deleted form: from the inverse). */
function nameAfter(p: Patch, inverse: Patch, after: ZipingDocument): string {
  const form = formAt(after, patchFormId(p));
  if (form) return formName(form);
  if (inverse.op === 'insertForm') return formName(inverse.form);
  return '';
}

/** The cell `then` (a ref in the walked document) in today's document, or null when it is gone. */
function cellToday(then: CellRef, walk: BackwardWalk, current: ZipingDocument): CellRef | null {
  let ref = then;
  if (then.section === 'fundsRow') {
    const row = walk.currentRowOf(then.formId, then.row);
    if (row === null) return null;
    ref = { ...then, row };
  }
  return cellValue(current, ref) === undefined ? null : ref;
}

function undoPatch(inverse: Patch, today: CellRef | null): Patch | null {
  if (!today) return null;
  if (inverse.op === 'setFundsRow' && today.section === 'fundsRow') return { ...inverse, row: today.row };
  return inverse;
}

/**
 * Every logged change as a history entry, newest first, described against the document as it was
 * right after that change (rebuilt by walking back from `current`). With `formId`, `changes` are
 * that form's and the document's own, and only that form is walked (a thousand-form document is
 * not copied for one form's history).
 */
export function historyEntries(
  current: ZipingDocument,
  changes: readonly LoggedChange[],
  formId?: string,
): HistoryListing {
  const scope =
    formId === undefined
      ? current
      : { meta: current.meta, forms: current.forms.filter((f) => f.id === formId) };
  const walk = new BackwardWalk(scope);
  const entries: HistoryEntry[] = [];
  const newestFirst = [...changes].sort((a, b) => b.seq - a.seq);
  for (const change of newestFirst) {
    const { patch, inverse } = change;
    const after = walk.doc;
    const then = cellOfPatch(patch);
    const base = {
      seq: change.seq,
      key: `c${change.seq}`,
      reviewRestore: null,
      at: change.at,
      user: change.user,
      formId: patchFormId(patch),
      formName: nameAfter(patch, inverse, after),
    };
    if (then) {
      const { place, item } = cellPlace(after, then);
      const today = cellToday(then, walk, current);
      entries.push({
        ...base,
        kind: 'set',
        place,
        what: item,
        old: valueOfPatch(inverse),
        new: valueOfPatch(patch),
        cellThen: then,
        cell: today,
        undo: undoPatch(inverse, today),
      });
    } else {
      entries.push({
        ...base,
        kind: 'structure',
        ...describeStructure(patch, inverse, after),
        old: null,
        new: null,
        cellThen: null,
        cell: null,
        undo: null,
      });
    }
    try {
      walk.stepBack(change);
    } catch (e) {
      if (e instanceof PatchError) return { entries, complete: false };
      throw e;
    }
  }
  return { entries, complete: true };
}

export interface HistoryFilter {
  /** Only this form's changes (structure included). */
  formId?: string;
  /** Only changes of this cell of today's document. */
  cell?: CellRef;
}

export function filterHistory(entries: readonly HistoryEntry[], filter: HistoryFilter): HistoryEntry[] {
  const { formId, cell } = filter;
  return entries.filter(
    (e) =>
      (formId === undefined || e.formId === formId) &&
      (cell === undefined ||
        (e.cell !== null && sameCell(e.cell, cell)) ||
        (e.lineId !== undefined &&
          'indicatorId' in cell &&
          cell.indicatorId === e.lineId &&
          cell.formId === e.formId)),
  );
}

/**
 * The one patch that puts an entry's old value back into `doc` (applied through doc/apply, so it
 * is itself logged and undoable); null when the cell is gone or already holds that value.
 */
export function restorePatch(entry: HistoryEntry, doc: ZipingDocument): Patch | null {
  if (entry.kind !== 'set' || !entry.cell || !entry.undo) return null;
  const now = cellValue(doc, entry.cell);
  if (now === undefined || now === entry.old) return null;
  return entry.undo;
}
