/**
 * Patches: the one way a document changes. The UI, the storage and the command line all speak
 * them; applying one returns its inverse, which is what undo replays. Fields are typed per
 * key, so a patch that sets `weight` carries a number or null and nothing else.
 */
import { setHeaderNumber, setHeaderText } from './header';
import type {
  BasicData,
  DocumentMeta,
  Form,
  Funds,
  FundsRow,
  Goals,
  HeaderNumberKey,
  HeaderTextKey,
  Indicator,
  ZipingDocument,
} from './types';

export type IndicatorField = Exclude<keyof Indicator, 'id' | 'extra'>;
export type FundsField = 'weight' | 'score' | 'scoreReason' | 'deviationReason';
export type FundsRowField = Exclude<keyof FundsRow, 'extra' | 'group'>;
export type FormField =
  | 'projectName'
  | 'department'
  | 'departmentCode'
  | 'unit'
  | 'unitCode'
  | 'year'
  | 'printedTotal'
  | 'printedGrade';
export type MetaField = 'unit' | 'year' | 'layout';

type Flat<T> = { [P in keyof T]: T[P] };
type SetOf<Op extends string, Base, Obj, K extends keyof Obj> = {
  [F in K]-?: Flat<{ op: Op; field: F; value: Obj[F] } & Base>;
}[K];

export type SetIndicator = SetOf<
  'setIndicator',
  { formId: string; indicatorId: string },
  Indicator,
  IndicatorField
>;
export type SetFunds = SetOf<'setFunds', { formId: string }, Funds, FundsField>;
export type SetFundsRow = SetOf<'setFundsRow', { formId: string; row: number }, FundsRow, FundsRowField>;
export type SetForm = SetOf<'setForm', { formId: string }, Required<Form>, FormField>;
export type SetGoals = SetOf<'setGoals', { formId: string }, Goals, keyof Goals>;
export type SetMeta = SetOf<'setMeta', object, DocumentMeta, MetaField>;
/** A header field of types.ts `HeaderValues`; '' or null clears it. */
export type SetHeader =
  | { op: 'setHeader'; formId: string; field: HeaderTextKey; value: string }
  | { op: 'setHeader'; formId: string; field: HeaderNumberKey; value: number | null };

export type Patch =
  | SetIndicator
  | SetFunds
  | SetFundsRow
  | SetForm
  | SetGoals
  | SetMeta
  | SetHeader
  /** The whole 基础数据表 at once (a small table): its inverse is the old table, null = none. */
  | { op: 'setBasicData'; formId: string; value: BasicData | null }
  | { op: 'setAnalysis'; formId: string; key: string; value: string | null }
  | { op: 'insertIndicator'; formId: string; index: number; indicator: Indicator }
  | { op: 'deleteIndicator'; formId: string; indicatorId: string }
  | { op: 'moveIndicator'; formId: string; indicatorId: string; toIndex: number }
  | { op: 'insertFundsRow'; formId: string; index: number; row: FundsRow }
  | { op: 'deleteFundsRow'; formId: string; row: number }
  | { op: 'insertForm'; index: number; form: Form }
  | { op: 'deleteForm'; formId: string }
  | { op: 'moveForm'; formId: string; toIndex: number };

export class PatchError extends Error {}

export function findForm(doc: ZipingDocument, formId: string): Form {
  const form = doc.forms.find((f) => f.id === formId);
  if (!form) throw new PatchError(`找不到表 ${formId}`);
  return form;
}

function indicatorIndex(form: Form, indicatorId: string): number {
  const i = form.indicators.findIndex((ind) => ind.id === indicatorId);
  if (i < 0) throw new PatchError(`找不到指标 ${indicatorId}`);
  return i;
}

function clampIndex(i: number, length: number): number {
  return Math.max(0, Math.min(length, Math.trunc(i)));
}

function setField<T, K extends keyof T>(obj: T, field: K, value: T[K]): T[K] {
  const old = obj[field];
  obj[field] = value;
  return old;
}

/**
 * Applies a patch in place and returns the patch that undoes it. Throws PatchError when the
 * patch names a form, row or indicator that does not exist (the document is then unchanged).
 */
export function applyPatch(doc: ZipingDocument, p: Patch): Patch {
  switch (p.op) {
    case 'setIndicator': {
      const form = findForm(doc, p.formId);
      const ind = form.indicators[indicatorIndex(form, p.indicatorId)] as Indicator;
      const old = setField(ind, p.field, p.value);
      return { ...p, value: old } as Patch;
    }
    case 'setFunds': {
      const funds = findForm(doc, p.formId).funds;
      return { ...p, value: setField(funds, p.field, p.value) } as Patch;
    }
    case 'setFundsRow': {
      const row = findForm(doc, p.formId).funds.rows[p.row];
      if (!row) throw new PatchError(`找不到资金行 ${p.row + 1}`);
      return { ...p, value: setField(row, p.field, p.value) } as Patch;
    }
    case 'setForm': {
      const form = findForm(doc, p.formId);
      const old = form[p.field];
      (form as Record<FormField, unknown>)[p.field] = p.value;
      return { ...p, value: old ?? null } as Patch;
    }
    case 'setHeader': {
      const form = findForm(doc, p.formId);
      return p.field === 'evaluationAmount'
        ? { ...p, value: setHeaderNumber(form, p.field, p.value) }
        : { ...p, value: setHeaderText(form, p.field, p.value) };
    }
    case 'setBasicData': {
      const form = findForm(doc, p.formId);
      const old = form.basicData ?? null;
      if (p.value === null) delete form.basicData;
      else form.basicData = p.value;
      return { ...p, value: old };
    }
    case 'setGoals': {
      const goals = findForm(doc, p.formId).goals;
      return { ...p, value: setField(goals, p.field, p.value) };
    }
    case 'setMeta':
      return { ...p, value: setField(doc.meta, p.field, p.value) } as Patch;
    case 'setAnalysis': {
      const form = findForm(doc, p.formId);
      const old = form.analysis[p.key] ?? null;
      if (p.value === null) delete form.analysis[p.key];
      else form.analysis[p.key] = p.value;
      return { ...p, value: old };
    }
    case 'insertIndicator': {
      const form = findForm(doc, p.formId);
      if (form.indicators.some((i) => i.id === p.indicator.id))
        throw new PatchError(`指标 ${p.indicator.id} 已存在`);
      form.indicators.splice(clampIndex(p.index, form.indicators.length), 0, p.indicator);
      return { op: 'deleteIndicator', formId: p.formId, indicatorId: p.indicator.id };
    }
    case 'deleteIndicator': {
      const form = findForm(doc, p.formId);
      const index = indicatorIndex(form, p.indicatorId);
      const [indicator] = form.indicators.splice(index, 1);
      return { op: 'insertIndicator', formId: p.formId, index, indicator: indicator as Indicator };
    }
    case 'moveIndicator': {
      const form = findForm(doc, p.formId);
      const from = indicatorIndex(form, p.indicatorId);
      const [ind] = form.indicators.splice(from, 1);
      form.indicators.splice(clampIndex(p.toIndex, form.indicators.length), 0, ind as Indicator);
      return { op: 'moveIndicator', formId: p.formId, indicatorId: p.indicatorId, toIndex: from };
    }
    case 'insertFundsRow': {
      const rows = findForm(doc, p.formId).funds.rows;
      const index = clampIndex(p.index, rows.length);
      rows.splice(index, 0, p.row);
      return { op: 'deleteFundsRow', formId: p.formId, row: index };
    }
    case 'deleteFundsRow': {
      const rows = findForm(doc, p.formId).funds.rows;
      if (!rows[p.row]) throw new PatchError(`找不到资金行 ${p.row + 1}`);
      const [row] = rows.splice(p.row, 1);
      return { op: 'insertFundsRow', formId: p.formId, index: p.row, row: row as FundsRow };
    }
    case 'insertForm': {
      if (doc.forms.some((f) => f.id === p.form.id)) throw new PatchError(`表 ${p.form.id} 已存在`);
      doc.forms.splice(clampIndex(p.index, doc.forms.length), 0, p.form);
      return { op: 'deleteForm', formId: p.form.id };
    }
    case 'deleteForm': {
      const index = doc.forms.findIndex((f) => f.id === p.formId);
      if (index < 0) throw new PatchError(`找不到表 ${p.formId}`);
      const [form] = doc.forms.splice(index, 1);
      return { op: 'insertForm', index, form: form as Form };
    }
    case 'moveForm': {
      const from = doc.forms.findIndex((f) => f.id === p.formId);
      if (from < 0) throw new PatchError(`找不到表 ${p.formId}`);
      const [form] = doc.forms.splice(from, 1);
      doc.forms.splice(clampIndex(p.toIndex, doc.forms.length), 0, form as Form);
      return { op: 'moveForm', formId: p.formId, toIndex: from };
    }
  }
}

/** The form a patch touches, or null for document-level patches. */
export function patchFormId(p: Patch): string | null {
  switch (p.op) {
    case 'setMeta':
      return null;
    case 'insertForm':
      return p.form.id;
    default:
      return p.formId;
  }
}

/**
 * Applies patches in order as one step and returns the patches that undo it, in the order to
 * apply them. If one fails, the ones before it are undone and it throws: the document is then
 * unchanged. `around` sees each patch just before and just after it applies (the recalculator
 * notes what a patch makes dirty on both sides of it).
 */
export function applyPatches(
  doc: ZipingDocument,
  patches: readonly Patch[],
  around?: (p: Patch, when: 'before' | 'after') => void,
): Patch[] {
  const inverse: Patch[] = [];
  try {
    for (const p of patches) {
      around?.(p, 'before');
      inverse.unshift(applyPatch(doc, p));
      around?.(p, 'after');
    }
  } catch (e) {
    for (const undo of inverse) applyPatch(doc, undo);
    throw e;
  }
  return inverse;
}

/**
 * The forms a list of patches changes and those it leaves deleted (a form deleted and inserted
 * again is changed, not deleted).
 */
export function formsTouched(patches: readonly Patch[]): { changed: Set<string>; removed: Set<string> } {
  const changed = new Set<string>();
  const removed = new Set<string>();
  for (const p of patches) {
    const formId = patchFormId(p);
    if (formId === null) continue;
    if (p.op === 'deleteForm') {
      removed.add(formId);
      changed.delete(formId);
    } else {
      removed.delete(formId);
      changed.add(formId);
    }
  }
  return { changed, removed };
}
