/**
 * Form JSON, interchange format version 1 (../shared/spec/interchange.md): parsing with
 * Chinese messages that name the bad key, and writing back. Unknown keys are kept in `extra`
 * and written back, so JSON in → JSON out loses nothing.
 */
import { newForm, newIndicator } from './factory';
import {
  FORM_KINDS,
  GRADES,
  INDICATOR_TEXT_FIELDS,
  LAYOUT_IDS,
  TIERS,
  type Form,
  type FormKind,
  type Funds,
  type FundsRow,
  type Grade,
  type Indicator,
  type LayoutId,
  type Tier,
} from './types';
import { basicDataToJson, headerToJson, parseBasicData, parseHeader } from './interchange-parts';
import { extraOf, isObject, Reader, type Json } from './json-reader';

export const FORM_FORMAT = 'ziping-form';
export const FORM_VERSION = 1;

export type Result<T, E = string[]> = { ok: true; value: T } | { ok: false; error: E };

export interface ParsedForm {
  layout: LayoutId;
  form: Form;
}

const FORM_KEYS = new Set([
  'format',
  'version',
  'layout',
  'kind',
  'year',
  'projectName',
  'department',
  'departmentCode',
  'unit',
  'unitCode',
  'funds',
  'goals',
  'indicators',
  'analysis',
  'printedTotal',
  'printedGrade',
  'header',
  'basicData',
]);
const FUNDS_KEYS = new Set([
  'weight',
  'rows',
  'score',
  'scoreReason',
  'deviationReason',
  'printedRate',
  'printedScore',
]);
const ROW_KEYS = new Set([
  'source',
  'group',
  'targetDeclared',
  'initialBudget',
  'fullYearBudget',
  'executed',
  'carryover',
]);
const INDICATOR_TEXT_KEYS = INDICATOR_TEXT_FIELDS;
const INDICATOR_NUMBER_KEYS = [
  'weight',
  'tierShare',
  'score',
  'level1Weight',
  'level2Weight',
  'printedScore',
] as const;
const INDICATOR_KEYS = new Set<string>([...INDICATOR_TEXT_KEYS, ...INDICATOR_NUMBER_KEYS, 'tier']);

/** Parses one form; `id` becomes the form's id. Never throws. */
export function parseFormJson(value: unknown, id: string): Result<ParsedForm> {
  if (!isObject(value)) return { ok: false, error: ['文件内容不是一张表的 JSON 对象'] };
  if (value.format !== undefined && value.format !== FORM_FORMAT) {
    return { ok: false, error: [`format 应为 "${FORM_FORMAT}"，实际是 ${JSON.stringify(value.format)}`] };
  }
  if (value.version !== undefined && typeof value.version !== 'number') {
    return {
      ok: false,
      error: [`version 应为数字 ${FORM_VERSION}，实际是 ${JSON.stringify(value.version)}`],
    };
  }
  if (typeof value.version === 'number' && value.version > FORM_VERSION) {
    return {
      ok: false,
      error: [`该文件为第 ${value.version} 版格式，本程序只支持第 ${FORM_VERSION} 版：请升级自评表编辑器`],
    };
  }
  const r = new Reader();
  const layout = r.oneOf(value, 'layout', '', LAYOUT_IDS, 'national') as LayoutId;
  const kind = r.oneOf(value, 'kind', '', FORM_KINDS, 'project') as FormKind;
  const year = r.num(value, 'year', '') ?? new Date().getFullYear();
  const form = newForm(id, layout, kind, year, r.str(value, 'projectName', ''));
  form.department = r.str(value, 'department', '');
  form.departmentCode = r.str(value, 'departmentCode', '');
  form.unit = r.str(value, 'unit', '');
  form.unitCode = r.str(value, 'unitCode', '');

  if (value.funds !== undefined) {
    if (isObject(value.funds)) form.funds = parseFunds(value.funds, r);
    else r.errors.push('funds 应为对象');
  }
  if (isObject(value.goals)) {
    form.goals = {
      expected: r.str(value.goals, 'expected', 'goals.'),
      actual: r.str(value.goals, 'actual', 'goals.'),
    };
    const extra = extraOf(value.goals, new Set(['expected', 'actual']));
    if (extra) form.extra = { ...form.extra, goalsExtra: extra };
  }
  if (value.indicators !== undefined) {
    if (Array.isArray(value.indicators)) {
      form.indicators = value.indicators.map((v, i) => parseIndicator(v, i, r));
    } else r.errors.push('indicators 应为数组');
  }
  if (value.analysis !== undefined) {
    if (isObject(value.analysis)) {
      for (const key of Object.keys(value.analysis))
        form.analysis[key] = r.str(value.analysis, key, 'analysis.');
    } else r.errors.push('analysis 应为对象');
  }
  if (value.header !== undefined) {
    const { header, extra } = parseHeader(value.header, r);
    if (header) form.header = header;
    if (extra) form.extra = { ...form.extra, headerExtra: extra };
  }
  if (value.basicData !== undefined) {
    const basicData = parseBasicData(value.basicData, r);
    if (basicData) form.basicData = basicData;
  }
  const printedTotal = r.num(value, 'printedTotal', '');
  if (printedTotal !== null) form.printedTotal = printedTotal;
  const printedGrade = r.oneOf<Grade>(value, 'printedGrade', '', GRADES, null);
  if (printedGrade !== null) form.printedGrade = printedGrade;
  const extra = extraOf(value, FORM_KEYS);
  if (extra) form.extra = { ...form.extra, ...extra };

  return r.errors.length > 0 ? { ok: false, error: r.errors } : { ok: true, value: { layout, form } };
}

function parseFunds(obj: Json, r: Reader): Funds {
  const funds: Funds = {
    weight: r.num(obj, 'weight', 'funds.'),
    rows: [],
    score: r.num(obj, 'score', 'funds.'),
    scoreReason: r.str(obj, 'scoreReason', 'funds.'),
    deviationReason: r.str(obj, 'deviationReason', 'funds.'),
  };
  const printedRate = r.num(obj, 'printedRate', 'funds.');
  if (printedRate !== null) funds.printedRate = printedRate;
  const printedScore = r.num(obj, 'printedScore', 'funds.');
  if (printedScore !== null) funds.printedScore = printedScore;
  funds.rows = r.list(obj, 'rows', 'funds.', (row, path) => {
    const out: FundsRow = {
      source: r.str(row, 'source', path),
      targetDeclared: r.num(row, 'targetDeclared', path),
      initialBudget: r.num(row, 'initialBudget', path),
      fullYearBudget: r.num(row, 'fullYearBudget', path),
      executed: r.num(row, 'executed', path),
      carryover: r.num(row, 'carryover', path),
    };
    const group = r.oneOf(row, 'group', path, ['income', 'expense'] as const, null);
    if (group) out.group = group;
    const extra = extraOf(row, ROW_KEYS);
    if (extra) out.extra = extra;
    return out;
  });
  const extra = extraOf(obj, FUNDS_KEYS);
  if (extra) funds.extra = extra;
  return funds;
}

function parseIndicator(v: unknown, i: number, r: Reader): Indicator {
  const path = `indicators[${i}].`;
  const ind = newIndicator(`i${i + 1}`);
  if (!isObject(v)) {
    r.errors.push(`indicators[${i}] 应为对象`);
    return ind;
  }
  for (const key of INDICATOR_TEXT_KEYS) ind[key] = r.str(v, key, path);
  ind.weight = r.num(v, 'weight', path);
  ind.tierShare = r.num(v, 'tierShare', path);
  ind.score = r.num(v, 'score', path);
  ind.tier = r.oneOf<Tier>(v, 'tier', path, TIERS, null);
  for (const key of ['level1Weight', 'level2Weight', 'printedScore'] as const) {
    const n = r.num(v, key, path);
    if (n !== null) ind[key] = n;
  }
  const extra = extraOf(v, INDICATOR_KEYS);
  if (extra) ind.extra = extra;
  return ind;
}

/** Writes one form in interchange format version 1 (ids are internal and not written). */
export function formToJson(form: Form, layout: LayoutId): Json {
  const { goalsExtra, headerExtra, ...formExtra } = form.extra ?? {};
  const out: Json = {
    format: FORM_FORMAT,
    version: FORM_VERSION,
    layout,
    kind: form.kind,
    year: form.year,
    projectName: form.projectName,
    department: form.department,
    departmentCode: form.departmentCode,
    unit: form.unit,
    unitCode: form.unitCode,
    funds: fundsToJson(form.funds),
    goals: {
      ...(isObject(goalsExtra) ? goalsExtra : {}),
      expected: form.goals.expected,
      actual: form.goals.actual,
    },
    indicators: form.indicators.map(indicatorToJson),
    analysis: { ...form.analysis },
  };
  const header = headerToJson(form.header, isObject(headerExtra) ? headerExtra : undefined);
  if (header) out.header = header;
  if (form.basicData) out.basicData = basicDataToJson(form.basicData);
  if (form.printedTotal != null) out.printedTotal = form.printedTotal;
  if (form.printedGrade != null) out.printedGrade = form.printedGrade;
  return { ...formExtra, ...out };
}

/**
 * The text of a form JSON file, as the editor's export (all forms, an array) and `ziping
 * export-json` (one form a file) write it: indented by two spaces, ending with a newline.
 */
export function formJsonText(forms: Form | readonly Form[], layout: LayoutId): string {
  const value = isFormList(forms) ? forms.map((f) => formToJson(f, layout)) : formToJson(forms, layout);
  return `${JSON.stringify(value, null, 2)}\n`;
}

function isFormList(forms: Form | readonly Form[]): forms is readonly Form[] {
  return Array.isArray(forms);
}

function fundsToJson(funds: Funds): Json {
  const out: Json = {
    ...funds.extra,
    weight: funds.weight,
    rows: funds.rows.map((row) => {
      const r: Json = { ...row.extra, source: row.source };
      if (row.group) r.group = row.group;
      r.targetDeclared = row.targetDeclared;
      r.initialBudget = row.initialBudget;
      r.fullYearBudget = row.fullYearBudget;
      r.executed = row.executed;
      r.carryover = row.carryover;
      return r;
    }),
    score: funds.score,
    scoreReason: funds.scoreReason,
    deviationReason: funds.deviationReason,
  };
  if (funds.printedRate != null) out.printedRate = funds.printedRate;
  if (funds.printedScore != null) out.printedScore = funds.printedScore;
  return out;
}

function indicatorToJson(ind: Indicator): Json {
  const out: Json = {
    ...ind.extra,
    level1: ind.level1,
    level2: ind.level2,
    name: ind.name,
    targetInitial: ind.targetInitial,
    target: ind.target,
    actual: ind.actual,
    weight: ind.weight,
    tier: ind.tier,
    tierShare: ind.tierShare,
    score: ind.score,
    scoreReason: ind.scoreReason,
    deviationReason: ind.deviationReason,
    qualitativeNote: ind.qualitativeNote,
    ruleText: ind.ruleText,
    basis: ind.basis,
    lastYear: ind.lastYear,
    evidence: ind.evidence,
  };
  for (const key of ['level1Weight', 'level2Weight', 'printedScore'] as const) {
    if (ind[key] != null) out[key] = ind[key];
  }
  return out;
}
