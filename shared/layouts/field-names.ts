/**
 * Chinese names of model fields: the layout's column titles where the form prints the field,
 * otherwise the names below. Used by the editor (checks, messages), history and comparison.
 */
import type { FormField, FundsField, FundsRowField, IndicatorField, MetaField } from '../model/patch';
import type { Form, Goals } from '../model/types';
import { headerFields } from './header-fields';
import type { LayoutDef } from './types';

const INDICATOR_FIELDS: Record<IndicatorField, string> = {
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  target: '指标值',
  targetInitial: '年初指标值',
  actual: '实际完成值',
  weight: '分值',
  score: '得分',
  scoreReason: '打分理由',
  tier: '评定等级',
  tierShare: '得分比例',
  deviationReason: '偏差原因',
  qualitativeNote: '定性值情况说明',
  ruleText: '评分标准',
  basis: '指标值设定依据',
  lastYear: '上年完成情况',
  evidence: '佐证资料',
  level1Weight: '一级指标权重',
  level2Weight: '二级指标权重',
  printedScore: '原表得分',
};

const FUNDS_FIELDS: Record<FundsField | FundsRowField | 'rate', string> = {
  source: '资金来源',
  targetDeclared: '目标申报数',
  initialBudget: '年初预算数',
  fullYearBudget: '全年预算数',
  executed: '全年执行数',
  carryover: '资金结(转)余',
  weight: '分值',
  rate: '执行率',
  score: '得分',
  scoreReason: '打分理由',
  deviationReason: '偏差原因',
};

const OTHER_FORM_FIELDS: Record<
  Exclude<FormField, ReturnType<typeof headerFields>[number]['field']>,
  string
> = {
  year: '年度',
  printedTotal: '原表总分',
  printedGrade: '原表等级',
};

export const GOALS_FIELD_NAMES: Record<keyof Goals, string> = {
  expected: '预期目标',
  actual: '实际完成情况',
};

export const META_FIELD_NAMES: Record<MetaField, string> = {
  unit: '单位',
  year: '年度',
  layout: '地区样式',
};

/** Every field a patch can set, per part of a form (what history and comparison go through). */
export const INDICATOR_FIELD_KEYS = Object.keys(INDICATOR_FIELDS) as IndicatorField[];
export const FUNDS_FIELD_KEYS: readonly FundsField[] = ['weight', 'score', 'scoreReason', 'deviationReason'];
export const FUNDS_ROW_FIELD_KEYS: readonly FundsRowField[] = [
  'source',
  'targetDeclared',
  'initialBudget',
  'fullYearBudget',
  'executed',
  'carryover',
];
export const FORM_FIELD_KEYS: readonly FormField[] = [
  'projectName',
  'department',
  'departmentCode',
  'unit',
  'unitCode',
  'year',
  'printedTotal',
  'printedGrade',
];
export const GOALS_FIELD_KEYS: readonly (keyof Goals)[] = ['expected', 'actual'];
export const META_FIELD_KEYS: readonly MetaField[] = ['unit', 'year', 'layout'];

export function indicatorFieldName(field: string, form: Form, layout: LayoutDef): string {
  const col = layout.kinds[form.kind].indicatorColumns.find((c) => c.key === field);
  return col?.title ?? (INDICATOR_FIELDS as Record<string, string>)[field] ?? field;
}

/** 004's titles carry their unit (全年执行数（万元）); a field's name does not. */
const withoutUnit = (title: string) => title.replace(/[（(]万元[)）]$/, '');

export function fundsFieldName(field: string, form: Form, layout: LayoutDef): string {
  const col = layout.kinds[form.kind].fundsColumns.find((c) => c.key === field);
  return col && field !== 'source'
    ? withoutUnit(col.title)
    : ((FUNDS_FIELDS as Record<string, string>)[field] ?? field);
}

/** A header field as the form's layout titles it (项目名称, 主管部门 …). */
export function formFieldName(field: FormField, form: Form, layout: LayoutDef): string {
  const header = headerFields(layout.id, form.kind).find((h) => h.field === field);
  if (header) return header.label;
  return (OTHER_FORM_FIELDS as Record<string, string>)[field] ?? field;
}
