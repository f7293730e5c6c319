/** Chinese names of model fields, for places the layout's column titles do not cover. */
import type { FindingLocation } from '../../../shared/checks/types';
import type { LayoutDef } from '../../../shared/layouts/types';
import type { Form } from '../../../shared/model/types';

const INDICATOR_FIELDS: Record<string, string> = {
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
  auditScore: '核查分数',
  auditOpinion: '审核意见',
};

const FUNDS_FIELDS: Record<string, string> = {
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

const TOTAL_FIELDS: Record<string, string> = {
  weight: '分值合计',
  level1: '一级指标分值',
  total: '总分',
  grade: '等级',
};

export function indicatorFieldName(field: string, form: Form, layout: LayoutDef): string {
  const col = layout.kinds[form.kind].indicatorColumns.find((c) => c.key === field);
  return col?.title ?? INDICATOR_FIELDS[field] ?? field;
}

export function fundsFieldName(field: string, form: Form, layout: LayoutDef): string {
  const col = layout.kinds[form.kind].fundsColumns.find((c) => c.key === field);
  return col && field !== 'source' ? col.title : (FUNDS_FIELDS[field] ?? field);
}

/** Where a finding is, in words: 指标第 3 行 · 实际完成值. */
export function findingPlace(f: FindingLocation, form: Form, layout: LayoutDef): string {
  const field = f.field ?? '';
  switch (f.section) {
    case 'header':
      return '表头';
    case 'funds':
      return `资金 · ${f.row !== undefined ? `${form.funds.rows[f.row]?.source ?? `第 ${f.row + 1} 行`} · ` : ''}${fundsFieldName(field, form, layout)}`;
    case 'goals':
      return '年度总体目标';
    case 'indicator':
      return `指标第 ${(f.row ?? 0) + 1} 行${field ? ` · ${indicatorFieldName(field, form, layout)}` : ''}`;
    case 'total':
      return `合计${field ? ` · ${TOTAL_FIELDS[field] ?? field}` : ''}`;
    case 'analysis':
      return field || '分析';
  }
}
