/** Where a check's finding is, in words (field names: shared/layouts/field-names.ts). */
import type { FindingLocation } from '../../../shared/checks/types';
import { fundsFieldName, indicatorFieldName } from '../../../shared/layouts/field-names';
import type { LayoutDef } from '../../../shared/layouts/types';
import type { Form } from '../../../shared/model/types';

const TOTAL_FIELDS: Record<string, string> = {
  weight: '分值合计',
  level1: '一级指标分值',
  total: '总分',
  grade: '等级',
};

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
