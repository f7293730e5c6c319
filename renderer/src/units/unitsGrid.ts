/**
 * The overview's table of units (#22): one row per unit's file, the totals row pinned under them
 * (out of sorting and filtering, so it always counts every unit).
 */
import type { ColDef } from 'ag-grid-community';
import { fmt2, fmtAmount, fmtPct } from '../../../shared/format/numbers';
import type { OverviewRow } from '../../../shared/units/units-overview';
import { REVIEW_UNKNOWN } from '../../../shared/units/unit-summary';

type Col = ColDef<OverviewRow>;

const formatted =
  (f: (x: number) => string) =>
  ({ value }: { value: unknown }): string =>
    typeof value === 'number' ? f(value) : '';

const textCol = (field: keyof OverviewRow & string, headerName: string, width: number): Col => ({
  field: field as Col['field'],
  headerName,
  width,
  filter: 'agTextColumnFilter',
});

const numberCol = (
  field: keyof OverviewRow & string,
  headerName: string,
  width: number,
  format: (x: number) => string,
): Col => ({
  field: field as Col['field'],
  headerName,
  width,
  filter: 'agNumberColumnFilter',
  type: 'rightAligned',
  valueFormatter: formatted(format),
});

const count = (x: number) => String(x);

/** A 审核状态 count: "—" with why for a workbook (it records none), not 0. */
const reviewCol = (field: '待审核' | '已审核' | '退回修改', width: number): Col => ({
  ...numberCol(field, field, width, count),
  valueFormatter: ({ value }) => (typeof value === 'number' ? count(value) : REVIEW_UNKNOWN.text),
  tooltipValueGetter: ({ value }) => (value === null ? REVIEW_UNKNOWN.note : undefined),
});

export const UNIT_COLUMNS: Col[] = [
  { ...textCol('unit', '单位', 200), pinned: 'left', tooltipField: 'unit' },
  { ...numberCol('year', '年度', 76, count), valueFormatter: ({ value }) => (value ? String(value) : '') },
  textCol('layout', '地区样式', 110),
  numberCol('forms', '表数', 70, count),
  numberCol('departmentScore', '部门整体得分', 110, fmt2),
  textCol('departmentGrade', '部门整体等级', 100),
  numberCol('优', '项目优', 76, count),
  numberCol('良', '项目良', 76, count),
  numberCol('中', '项目中', 76, count),
  numberCol('差', '项目差', 76, count),
  numberCol('projectBudget', '项目预算数（万元）', 140, fmtAmount),
  numberCol('projectExecuted', '项目执行数（万元）', 140, fmtAmount),
  // A fraction; the filter compares it as shown (96 means 96%).
  {
    ...numberCol('projectRate', '执行率', 90, fmtPct),
    filterValueGetter: ({ data }) => (data?.projectRate == null ? null : data.projectRate * 100),
  },
  numberCol('errors', '错误数', 76, count),
  numberCol('warnings', '提示数', 76, count),
  reviewCol('待审核', 76),
  reviewCol('已审核', 76),
  reviewCol('退回修改', 86),
  { ...textCol('file', '文件', 320), tooltipField: 'file' },
];
