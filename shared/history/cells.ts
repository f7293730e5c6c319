/**
 * One cell of a document, wherever it lives (表头, 资金, 目标, 指标, 分析, document info), its value
 * and its Chinese place. History and comparison both speak of cells this way.
 */
import { fmtAmount } from '../format/numbers';
import { getLayout } from '../layouts/definitions';
import {
  formFieldName,
  fundsFieldName,
  GOALS_FIELD_NAMES,
  indicatorFieldName,
  META_FIELD_NAMES,
} from '../layouts/field-names';
import type { FormField, FundsField, FundsRowField, IndicatorField, MetaField, Patch } from '../model/patch';
import type { BasicData, Form, Goals, HeaderKey, LayoutId, ZipingDocument } from '../model/types';
import type { LayoutDef } from '../layouts/types';
import { headerNumber, headerText, isHeaderNumberKey } from '../model/header';
import { FUNDS_LINE } from '../review/types';

/** Every cell holds text, a number or nothing (tiers, grades and layouts are text). */
export type CellValue = string | number | null;

export type CellRef =
  | { section: 'header'; formId: string; field: FormField }
  | { section: 'funds'; formId: string; field: FundsField }
  /** `row` is the funds row's index in the document the ref is used with. */
  | { section: 'fundsRow'; formId: string; row: number; field: FundsRowField }
  | { section: 'goals'; formId: string; field: keyof Goals }
  | { section: 'indicator'; formId: string; indicatorId: string; field: IndicatorField }
  | { section: 'analysis'; formId: string; key: string }
  /** The optional header fields of some layouts (联系人, 评价金额 …). */
  | { section: 'headerExtra'; formId: string; field: HeaderKey }
  /** The 基础数据表 of a department form, as one cell (it changes as a whole). */
  | { section: 'basicData'; formId: string }
  | { section: 'meta'; field: MetaField }
  /** A line's 核查分数 / 审核意见 (review data: FUNDS_LINE for the execution line). */
  | { section: 'audit'; formId: string; indicatorId: string; field: AuditField };

export type AuditField = 'auditScore' | 'auditOpinion';
export const AUDIT_FIELD_NAMES: Record<AuditField, string> = {
  auditScore: '核查分数',
  auditOpinion: '审核意见',
};

export type CellSection = CellRef['section'];

export const SECTION_NAMES: Record<CellSection, string> = {
  header: '表头',
  funds: '资金',
  fundsRow: '资金',
  goals: '年度总体目标',
  indicator: '绩效指标',
  analysis: '分析',
  headerExtra: '表头',
  basicData: '基础数据表',
  meta: '文档信息',
  audit: '审核',
};

export function formName(form: Pick<Form, 'projectName'>): string {
  return form.projectName.trim() || '（未命名）';
}

/** The cell a set-patch writes, or null for structural patches. */
export function cellOfPatch(p: Patch): CellRef | null {
  switch (p.op) {
    case 'setForm':
      return { section: 'header', formId: p.formId, field: p.field };
    case 'setFunds':
      return { section: 'funds', formId: p.formId, field: p.field };
    case 'setFundsRow':
      return { section: 'fundsRow', formId: p.formId, row: p.row, field: p.field };
    case 'setGoals':
      return { section: 'goals', formId: p.formId, field: p.field };
    case 'setIndicator':
      return { section: 'indicator', formId: p.formId, indicatorId: p.indicatorId, field: p.field };
    case 'setAnalysis':
      return { section: 'analysis', formId: p.formId, key: p.key };
    case 'setMeta':
      return { section: 'meta', field: p.field };
    case 'setHeader':
      return { section: 'headerExtra', formId: p.formId, field: p.field };
    case 'setBasicData':
      return { section: 'basicData', formId: p.formId };
    default:
      return null;
  }
}

/** The 基础数据表 as one comparable value (its JSON); null when the form has none. */
function basicDataValue(data: BasicData | null | undefined): CellValue {
  return data ? JSON.stringify(data) : null;
}

/** The value a set-patch writes (null for structural patches). */
export function valueOfPatch(p: Patch): CellValue {
  if (p.op === 'setBasicData') return basicDataValue(p.value);
  if (p.op === 'setHeader') return p.value === '' ? null : p.value;
  return 'value' in p ? (p.value ?? null) : null;
}

/** The cell's value in `doc`; undefined when the cell is not there (form, line or row missing). */
export function cellValue(doc: ZipingDocument, ref: CellRef): CellValue | undefined {
  if (ref.section === 'meta') return doc.meta[ref.field];
  const form = doc.forms.find((f) => f.id === ref.formId);
  if (!form) return undefined;
  switch (ref.section) {
    case 'header':
      return form[ref.field] ?? null;
    case 'funds':
      return form.funds[ref.field];
    case 'fundsRow': {
      const row = form.funds.rows[ref.row];
      return row ? row[ref.field] : undefined;
    }
    case 'goals':
      return form.goals[ref.field];
    case 'indicator': {
      const ind = form.indicators.find((i) => i.id === ref.indicatorId);
      return ind ? (ind[ref.field] ?? null) : undefined;
    }
    case 'analysis':
      return form.analysis[ref.key] ?? null;
    case 'headerExtra':
      return isHeaderNumberKey(ref.field)
        ? headerNumber(form, ref.field)
        : headerText(form, ref.field) || null;
    case 'basicData':
      return basicDataValue(form.basicData);
    case 'audit':
      // Review data is not in the document: only whether its line is still there.
      return auditLineIndex(form, ref.indicatorId) === -1 ? undefined : null;
  }
}

/** The line an audit belongs to (FUNDS_LINE: the execution line, index -2); -1 when gone. */
function auditLineIndex(form: Form, indicatorId: string): number {
  return indicatorId === FUNDS_LINE ? -2 : form.indicators.findIndex((i) => i.id === indicatorId);
}

/** Where a line's audit sits: 绩效指标 第3行（…）, or 资金 for the execution line. */
export function auditLinePlace(form: Form, indicatorId: string): string {
  const index = auditLineIndex(form, indicatorId);
  return index === -2 ? `${SECTION_NAMES.funds} 预算执行率` : indicatorLinePlace(form, index);
}

/** What a layout calls an optional header field (联系人 …). */
function headerExtraName(field: HeaderKey, form: Form, layout: LayoutDef): string {
  const kind = layout.kinds[form.kind];
  const defs = [
    ...(kind.nameRowFields ?? []),
    ...(kind.headerRows ?? []).flat(),
    ...(kind.goalRows ?? []).flat(),
  ];
  return defs.find((d) => d.key === field)?.label ?? field;
}

/** 绩效指标 第3行（指标名）: an indicator line as people find it on the form. */
export function linePlace(index: number, name: string): string {
  const shown = name.trim();
  return `绩效指标 第${index + 1}行${shown ? `（${shown}）` : ''}`;
}

export function indicatorLinePlace(form: Form, index: number): string {
  return linePlace(index, form.indicators[index]?.name ?? '');
}

/** 资金 第1行（年度资金总额）. */
export function rowPlace(row: number, source: string): string {
  const shown = source.trim();
  return `资金 第${row + 1}行${shown ? `（${shown}）` : ''}`;
}

export function fundsRowPlace(form: Form, row: number): string {
  return rowPlace(row, form.funds.rows[row]?.source ?? '');
}

/** Where a cell is and what it is called, in the document `doc` (layout and kind as there). */
export function cellPlace(doc: ZipingDocument, ref: CellRef): { place: string; item: string } {
  if (ref.section === 'meta') return { place: SECTION_NAMES.meta, item: META_FIELD_NAMES[ref.field] };
  const form = doc.forms.find((f) => f.id === ref.formId);
  const layout = getLayout(doc.meta.layout as LayoutId);
  if (!form)
    return {
      place: SECTION_NAMES[ref.section],
      item: 'field' in ref ? ref.field : 'key' in ref ? ref.key : SECTION_NAMES[ref.section],
    };
  switch (ref.section) {
    case 'header':
      return { place: SECTION_NAMES.header, item: formFieldName(ref.field, form, layout) };
    case 'funds':
      return { place: SECTION_NAMES.funds, item: fundsFieldName(ref.field, form, layout) };
    case 'fundsRow':
      return { place: fundsRowPlace(form, ref.row), item: fundsFieldName(ref.field, form, layout) };
    case 'goals':
      return { place: SECTION_NAMES.goals, item: GOALS_FIELD_NAMES[ref.field] };
    case 'indicator': {
      const index = form.indicators.findIndex((i) => i.id === ref.indicatorId);
      return { place: indicatorLinePlace(form, index), item: indicatorFieldName(ref.field, form, layout) };
    }
    case 'analysis':
      return { place: SECTION_NAMES.analysis, item: ref.key };
    case 'headerExtra':
      return { place: SECTION_NAMES.headerExtra, item: headerExtraName(ref.field, form, layout) };
    case 'basicData':
      return { place: SECTION_NAMES.basicData, item: '基础数据表' };
    case 'audit':
      return { place: auditLinePlace(form, ref.indicatorId), item: AUDIT_FIELD_NAMES[ref.field] };
  }
}

/**
 * A value as shown in history and comparison: amounts (万元) and scores with two decimals at least (an amount typed with more keeps them), years
 * as years, an empty cell as （空）.
 */
export function formatCellValue(v: CellValue | undefined, ref?: CellRef | null): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (typeof v === 'number') {
    const isYear = ref && 'field' in ref && ref.field === 'year';
    return isYear ? String(v) : fmtAmount(v);
  }
  return v;
}

/** Whether two refs name the same cell (funds rows by their index in the same document). */
export function sameCell(a: CellRef, b: CellRef): boolean {
  return cellKey(a) === cellKey(b);
}

export function cellKey(ref: CellRef): string {
  switch (ref.section) {
    case 'meta':
      return `meta|${ref.field}`;
    case 'fundsRow':
      return `${ref.formId}|fundsRow|${ref.row}|${ref.field}`;
    case 'indicator':
    case 'audit':
      return `${ref.formId}|${ref.section}|${ref.indicatorId}|${ref.field}`;
    case 'analysis':
      return `${ref.formId}|analysis|${ref.key}`;
    case 'basicData':
      return `${ref.formId}|basicData`;
    default:
      return `${ref.formId}|${ref.section}|${ref.field}`;
  }
}
