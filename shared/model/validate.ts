/**
 * Validation of data that crosses a trust boundary (IPC, HTTP, files): a patch or a form from
 * outside is checked field by field before anything applies it. Returns Chinese messages.
 */
import { tooLongForCell, tooLongForForm } from './cell-limit';
import type { FormField, FundsField, FundsRowField, IndicatorField, MetaField, Patch } from './patch';
import { GRADES, LAYOUT_IDS, TIERS, type Form, type HeaderKey, type Indicator } from './types';

type Check = (v: unknown) => boolean;

const str: Check = (v) => typeof v === 'string';
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const numOrNull: Check = (v) => v === null || num(v);
const oneOf =
  (values: readonly unknown[], nullable = false): Check =>
  (v) =>
    (nullable && v === null) || values.includes(v);

const INDICATOR_FIELDS: Record<IndicatorField, Check> = {
  level1: str,
  level2: str,
  name: str,
  targetInitial: str,
  target: str,
  actual: str,
  weight: numOrNull,
  tier: oneOf(TIERS, true),
  tierShare: numOrNull,
  score: numOrNull,
  scoreReason: str,
  deviationReason: str,
  qualitativeNote: str,
  ruleText: str,
  basis: str,
  lastYear: str,
  evidence: str,
  level1Weight: numOrNull,
  level2Weight: numOrNull,
  printedScore: numOrNull,
};
const FUNDS_FIELDS: Record<FundsField, Check> = {
  weight: numOrNull,
  score: numOrNull,
  scoreReason: str,
  deviationReason: str,
};
const FUNDS_ROW_FIELDS: Record<FundsRowField, Check> = {
  source: str,
  targetDeclared: numOrNull,
  initialBudget: numOrNull,
  fullYearBudget: numOrNull,
  executed: numOrNull,
  carryover: numOrNull,
};
const FORM_FIELDS: Record<FormField, Check> = {
  projectName: str,
  department: str,
  departmentCode: str,
  unit: str,
  unitCode: str,
  year: (v) => Number.isInteger(v),
  printedTotal: numOrNull,
  printedGrade: oneOf(GRADES, true),
};
const META_FIELDS: Record<MetaField, Check> = {
  unit: str,
  year: (v) => Number.isInteger(v),
  layout: oneOf(LAYOUT_IDS),
};
const GOALS_FIELDS = { expected: str, actual: str };
const HEADER_FIELDS: Record<HeaderKey, Check> = {
  evaluationYear: str,
  contact: str,
  phone: str,
  email: str,
  projectLevel: str,
  basisDocuments: str,
  goalAchieved: str,
  evaluationAmount: numOrNull,
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function fieldOk(table: Record<string, Check>, field: unknown, value: unknown): boolean {
  if (typeof field !== 'string' || !Object.hasOwn(table, field)) return false;
  return (table[field] as Check)(value);
}

export function isIndicator(v: unknown): v is Indicator {
  if (!isObject(v) || typeof v.id !== 'string' || v.id === '') return false;
  for (const [field, check] of Object.entries(INDICATOR_FIELDS)) {
    const value = v[field];
    const optional = field === 'level1Weight' || field === 'level2Weight' || field === 'printedScore';
    if (optional && value === undefined) continue;
    if (!check(value)) return false;
  }
  return v.extra === undefined || isObject(v.extra);
}

/** Stored header values: only known keys, none of them empty (header.ts never stores one). */
function isHeader(v: unknown): boolean {
  return (
    isObject(v) &&
    Object.entries(v).every(
      ([k, value]) => value !== null && value !== '' && fieldOk(HEADER_FIELDS, k, value),
    )
  );
}

function isBasicData(v: unknown): boolean {
  if (!isObject(v) || !isObject(v.building) || !Array.isArray(v.spending)) return false;
  const building = v.building;
  return (
    numOrNull(v.authorizedStaff) &&
    numOrNull(v.actualStaff) &&
    typeof v.savingMeasures === 'string' &&
    ['approvedArea', 'actualArea', 'budgetInvestment', 'actualInvestment'].every((k) =>
      numOrNull(building[k]),
    ) &&
    v.spending.every(
      (row) =>
        isObject(row) &&
        typeof row.item === 'string' &&
        numOrNull(row.lastYearFinal) &&
        numOrNull(row.budget) &&
        numOrNull(row.final),
    )
  );
}

/** Enough of a form's shape that the editor can rely on it. */
export function isForm(v: unknown): v is Form {
  return (
    isObject(v) &&
    typeof v.id === 'string' &&
    v.id !== '' &&
    (v.kind === 'project' || v.kind === 'department') &&
    Number.isInteger(v.year) &&
    ['projectName', 'department', 'departmentCode', 'unit', 'unitCode'].every(
      (k) => typeof v[k] === 'string',
    ) &&
    isObject(v.funds) &&
    Array.isArray(v.funds.rows) &&
    v.funds.rows.every((r) => isObject(r) && typeof r.source === 'string') &&
    isObject(v.goals) &&
    typeof v.goals.expected === 'string' &&
    typeof v.goals.actual === 'string' &&
    isObject(v.analysis) &&
    Object.values(v.analysis).every((t) => typeof t === 'string') &&
    Array.isArray(v.indicators) &&
    v.indicators.every(isIndicator) &&
    (v.header === undefined || isHeader(v.header)) &&
    (v.basicData === undefined || isBasicData(v.basicData))
  );
}

const int = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** The refusal of a text over its limit (`long`: a goal or analysis text), with what to do. */
function tooLong(text: string, long: boolean): string | null {
  if (long) {
    const why = tooLongForForm(text);
    return why && `${why}：请把这段文字精简到上限以内（详细材料可作为附件另行提供）`;
  }
  const why = tooLongForCell(text);
  return why && `${why}，Excel 无法原样打开这样的文件：请把这段文字精简到上限以内`;
}

/**
 * The first text anywhere in a value that is too long for the one Excel cell the export writes it
 * into, as the export's own sentence; goals and analysis texts (`long`) are spread over several
 * rows by the export and have only the bound of tooLongForForm.
 */
function overlongText(v: unknown, key = '', long = false): string | null {
  if (typeof v === 'string') return tooLong(v, long);
  if (typeof v !== 'object' || v === null) return null;
  const inLong = long || key === 'goals' || key === 'analysis';
  for (const [k, value] of Object.entries(v)) {
    const why = overlongText(value, k, inLong);
    if (why) return why;
  }
  return null;
}

/**
 * Why a patch's text cannot be kept (too long for its Excel cell), or null. Checked by the
 * server (IPC and HTTP alike) rather than kept until the export refuses it, and by the editor
 * before it applies an edit, so that a refused text does not cost the undo history.
 */
export function overlongPatchText(p: unknown): string | null {
  if (!isObject(p)) return null;
  if (p.op === 'setGoals' || p.op === 'setAnalysis')
    return typeof p.value === 'string' ? tooLong(p.value, true) : null;
  return overlongText(p);
}

/** Checks one patch received from outside; returns a Chinese message saying what is wrong. */
export function checkPatch(p: unknown): string | null {
  if (!isObject(p) || typeof p.op !== 'string') return '修改内容格式不正确';
  const tooLong = overlongPatchText(p);
  if (tooLong) return tooLong;
  const formId = typeof p.formId === 'string' && p.formId !== '';
  switch (p.op) {
    case 'setIndicator':
      return formId && typeof p.indicatorId === 'string' && fieldOk(INDICATOR_FIELDS, p.field, p.value)
        ? null
        : `指标修改不正确：${String(p.field)}`;
    case 'setFunds':
      return formId && fieldOk(FUNDS_FIELDS, p.field, p.value) ? null : `资金修改不正确：${String(p.field)}`;
    case 'setFundsRow':
      return formId && int(p.row) && fieldOk(FUNDS_ROW_FIELDS, p.field, p.value)
        ? null
        : `资金行修改不正确：${String(p.field)}`;
    case 'setForm':
      return formId && fieldOk(FORM_FIELDS, p.field, p.value) ? null : `表头修改不正确：${String(p.field)}`;
    case 'setGoals':
      return formId && fieldOk(GOALS_FIELDS, p.field, p.value)
        ? null
        : `绩效目标修改不正确：${String(p.field)}`;
    case 'setHeader':
      return formId && fieldOk(HEADER_FIELDS, p.field, p.value) ? null : `表头修改不正确：${String(p.field)}`;
    case 'setBasicData':
      return formId && (p.value === null || isBasicData(p.value)) ? null : '基础数据表修改不正确';
    case 'setMeta':
      return fieldOk(META_FIELDS, p.field, p.value) ? null : `文档信息修改不正确：${String(p.field)}`;
    case 'setAnalysis':
      return formId && typeof p.key === 'string' && (p.value === null || typeof p.value === 'string')
        ? null
        : '分析文字修改不正确';
    case 'insertIndicator':
      return formId && int(p.index) && isIndicator(p.indicator) ? null : '插入的指标行不正确';
    case 'deleteIndicator':
      return formId && typeof p.indicatorId === 'string' ? null : '删除的指标行不正确';
    case 'moveIndicator':
      return formId && typeof p.indicatorId === 'string' && int(p.toIndex) ? null : '移动的指标行不正确';
    case 'insertFundsRow':
      return formId && int(p.index) && isObject(p.row) && typeof p.row.source === 'string'
        ? null
        : '插入的资金行不正确';
    case 'deleteFundsRow':
      return formId && int(p.row) ? null : '删除的资金行不正确';
    case 'insertForm':
      return int(p.index) && isForm(p.form) ? null : '插入的表不正确';
    case 'deleteForm':
      return formId ? null : '删除的表不正确';
    case 'moveForm':
      return formId && int(p.toIndex) ? null : '移动的表不正确';
    default:
      return `不认识的修改：${p.op}`;
  }
}

export function isPatch(p: unknown): p is Patch {
  return checkPatch(p) === null;
}

/** Most patches one step may carry (an import of many forms is one insertForm each). */
export const MAX_PATCHES = 100_000;
