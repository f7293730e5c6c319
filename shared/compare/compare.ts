/**
 * Two documents side by side: forms added and removed (matched by id), every cell whose value
 * differs (表头, 资金, 目标, 指标 matched by id, 分析), indicator lines added, removed or moved,
 * and each form's total and grade before and after, scored by the scoring engine.
 */
import {
  FORM_FIELD_KEYS,
  FUNDS_FIELD_KEYS,
  FUNDS_ROW_FIELD_KEYS,
  GOALS_FIELD_KEYS,
  INDICATOR_FIELD_KEYS,
  META_FIELD_KEYS,
} from '../layouts/field-names';
import { getLayout } from '../layouts/definitions';
import { HEADER_KEYS, type Form, type Grade, type ZipingDocument } from '../model/types';
import { scoreForm } from '../scoring/form';
import {
  cellPlace,
  cellValue,
  formName,
  fundsRowPlace,
  indicatorLinePlace,
  type CellRef,
  type CellValue,
} from '../history/cells';
import { movedIds } from './moved';

export interface CellChange {
  /** The cell in the newer document (funds rows by index: they are the layout's fixed rows). */
  cell: CellRef;
  place: string;
  what: string;
  old: CellValue;
  new: CellValue;
}

export interface LineChange {
  kind: 'added' | 'removed' | 'moved';
  section: 'indicator' | 'fundsRow';
  /** Indicator lines: the line's id; funds rows: null. */
  indicatorId: string | null;
  /** 绩效指标 第3行（…）: in the newer document, or in the older one for removed lines. */
  place: string;
}

export interface FormScore {
  total: number;
  grade: Grade;
}

export interface FormComparison {
  formId: string;
  /** The name in the newer document (the older one's for a removed form). */
  name: string;
  status: 'added' | 'removed' | 'changed' | 'unchanged';
  before: FormScore | null;
  after: FormScore | null;
  cells: CellChange[];
  lines: LineChange[];
}

export interface DocumentComparison {
  /** 单位, 年度, 地区样式. */
  meta: CellChange[];
  /** The newer document's forms in its order, then the removed ones in the older one's order. */
  forms: FormComparison[];
}

function same(a: CellValue | undefined, b: CellValue | undefined): boolean {
  return (a ?? null) === (b ?? null);
}

function scoreOf(form: Form, doc: ZipingDocument): FormScore {
  const r = scoreForm(form, getLayout(doc.meta.layout));
  return { total: r.total, grade: r.grade };
}

/** Cells of `refs` whose values in `a` and `b` differ, named as in `b`. */
function changedCells(a: ZipingDocument, b: ZipingDocument, refs: readonly CellRef[]): CellChange[] {
  const out: CellChange[] = [];
  for (const cell of refs) {
    const old = cellValue(a, cell);
    const now = cellValue(b, cell);
    if (same(old, now)) continue;
    const { place, item } = cellPlace(b, cell);
    out.push({ cell, place, what: item, old: old ?? null, new: now ?? null });
  }
  return out;
}

/** Every cell two versions of one form both have. */
function sharedCells(a: Form, b: Form): CellRef[] {
  const formId = b.id;
  const refs: CellRef[] = [];
  for (const field of FORM_FIELD_KEYS) refs.push({ section: 'header', formId, field });
  for (const field of FUNDS_FIELD_KEYS) refs.push({ section: 'funds', formId, field });
  const rows = Math.min(a.funds.rows.length, b.funds.rows.length);
  for (let row = 0; row < rows; row++)
    for (const field of FUNDS_ROW_FIELD_KEYS) refs.push({ section: 'fundsRow', formId, row, field });
  for (const field of GOALS_FIELD_KEYS) refs.push({ section: 'goals', formId, field });
  const inA = new Set(a.indicators.map((i) => i.id));
  for (const ind of b.indicators) {
    if (!inA.has(ind.id)) continue;
    for (const field of INDICATOR_FIELD_KEYS)
      refs.push({ section: 'indicator', formId, indicatorId: ind.id, field });
  }
  const keys = new Set([...Object.keys(a.analysis), ...Object.keys(b.analysis)]);
  for (const key of keys) refs.push({ section: 'analysis', formId, key });
  for (const field of HEADER_KEYS) refs.push({ section: 'headerExtra', formId, field });
  refs.push({ section: 'basicData', formId });
  return refs;
}

function lineChanges(a: Form, b: Form): LineChange[] {
  const out: LineChange[] = [];
  const idsA = a.indicators.map((i) => i.id);
  const idsB = b.indicators.map((i) => i.id);
  const setA = new Set(idsA);
  const setB = new Set(idsB);
  b.indicators.forEach((ind, i) => {
    if (!setA.has(ind.id))
      out.push({ kind: 'added', section: 'indicator', indicatorId: ind.id, place: indicatorLinePlace(b, i) });
  });
  a.indicators.forEach((ind, i) => {
    if (!setB.has(ind.id))
      out.push({
        kind: 'removed',
        section: 'indicator',
        indicatorId: ind.id,
        place: indicatorLinePlace(a, i),
      });
  });
  const moved = movedIds(
    idsA.filter((id) => setB.has(id)),
    idsB.filter((id) => setA.has(id)),
  );
  b.indicators.forEach((ind, i) => {
    if (moved.has(ind.id))
      out.push({ kind: 'moved', section: 'indicator', indicatorId: ind.id, place: indicatorLinePlace(b, i) });
  });
  for (let row = a.funds.rows.length; row < b.funds.rows.length; row++)
    out.push({ kind: 'added', section: 'fundsRow', indicatorId: null, place: fundsRowPlace(b, row) });
  for (let row = b.funds.rows.length; row < a.funds.rows.length; row++)
    out.push({ kind: 'removed', section: 'fundsRow', indicatorId: null, place: fundsRowPlace(a, row) });
  return out;
}

/** `a` is the older document (原值), `b` the newer (新值). */
export function compareDocuments(a: ZipingDocument, b: ZipingDocument): DocumentComparison {
  const meta = changedCells(
    a,
    b,
    META_FIELD_KEYS.map((field) => ({ section: 'meta', field })),
  );
  const formsA = new Map(a.forms.map((f) => [f.id, f]));
  const idsB = new Set(b.forms.map((f) => f.id));
  const forms: FormComparison[] = b.forms.map((fb) => {
    const fa = formsA.get(fb.id);
    const after = scoreOf(fb, b);
    if (!fa) {
      return {
        formId: fb.id,
        name: formName(fb),
        status: 'added',
        before: null,
        after,
        cells: [],
        lines: [],
      };
    }
    const cells = changedCells(a, b, sharedCells(fa, fb));
    const lines = lineChanges(fa, fb);
    return {
      formId: fb.id,
      name: formName(fb),
      status: cells.length > 0 || lines.length > 0 ? 'changed' : 'unchanged',
      before: scoreOf(fa, a),
      after,
      cells,
      lines,
    };
  });
  for (const fa of a.forms) {
    if (idsB.has(fa.id)) continue;
    forms.push({
      formId: fa.id,
      name: formName(fa),
      status: 'removed',
      before: scoreOf(fa, a),
      after: null,
      cells: [],
      lines: [],
    });
  }
  return { meta, forms };
}
