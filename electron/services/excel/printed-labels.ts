/** Printed labels of the official layouts, as the sheet reader recognizes them. */
import { LAYOUTS } from '../../../shared/layouts/definitions';
import type { HeaderKey } from '../../../shared/model/types';
import { LABELLED_FUNDS_GROUPS } from './labelled-funds-reader';
import { normalizeTitle } from './cell-grid';
import {
  startsAnalysis,
  DEPARTMENT_LABELS,
  FUNDS_BLOCK_TITLES,
  FUNDS_TITLES,
  HEADER_FIELD_LABELS,
  INDICATOR_TITLES,
  NAME_LABELS,
  UNIT_LABELS,
} from './column-titles';
import { BASIC_INFO, LABELS } from './labels';

/** Left captions of the indicator table besides 绩效指标 (新疆's project form: 年度绩效指标完成情况). */
export const INDICATOR_CAPTIONS = Object.values(LAYOUTS).flatMap((l) =>
  Object.values(l.kinds).flatMap((k) => k.indicatorCaption ?? []),
);

export const FIXED_LABELS = new Set(
  [
    LABELS.indicators,
    ...INDICATOR_CAPTIONS,
    LABELS.goals,
    LABELS.total,
    LABELS.grade,
    '合计',
    '—',
    '-',
    '绩效目标',
    BASIC_INFO.indicators,
    BASIC_INFO.indicatorGroup,
  ].map(normalizeTitle),
);
/** 备注 lines of every layout, and those earlier exports printed (广东's weight note, now in its table). */
export const NOTES = new Set(
  [...Object.values(LAYOUTS).flatMap((l) => l.notes), '各项指标权重=该二级指标权重/指标总数'].map(
    normalizeTitle,
  ),
);
export const GOAL_EXPECTED = new Set(['预期目标', '年度目标', '预期总体目标']);
export const IS_TOTAL = (t: string) => t.startsWith('总分') || t === '合计';

export type HeadField = 'name' | 'department' | 'unit' | HeaderKey;

export function headFieldOf(label: string): HeadField | null {
  if (NAME_LABELS.has(label)) return 'name';
  if (DEPARTMENT_LABELS.has(label)) return 'department';
  if (UNIT_LABELS.has(label)) return 'unit';
  return HEADER_FIELD_LABELS.get(label) ?? null;
}

/** A label that names the cells to its right: a header field's, a section's, the total's. */
export function isFieldLabel(title: string): boolean {
  return isAnyLabel(title) || startsAnalysis(title) || IS_TOTAL(title);
}

/** Any printed label: a cell that is never the value of a header field. */
export function isAnyLabel(title: string): boolean {
  return (
    headFieldOf(title) !== null ||
    FIXED_LABELS.has(title) ||
    FUNDS_BLOCK_TITLES.has(title) ||
    LABELLED_FUNDS_GROUPS.has(title) ||
    title === LABELS.goalsActual ||
    FUNDS_TITLES.has(title) ||
    INDICATOR_TITLES.has(title) ||
    GOAL_EXPECTED.has(title) ||
    title.startsWith('金额单位')
  );
}
