/**
 * The 汇总 table's rows and columns: one row per form, the totals row pinned under them (AG Grid
 * leaves pinned rows out of sorting and filtering, so 合计 stays last and counts every form).
 */
import type { ColDef } from 'ag-grid-community';
import { fmt2, fmtAmount, fmtPct } from '../../../shared/format/numbers';
import { GRADES } from '../../../shared/model/types';
import type { Summary, SummaryTotals } from '../../../shared/summary/summary';

export interface SummaryGridRow {
  /** null: the totals row. */
  formId: string | null;
  kindName: string;
  name: string;
  budget: number | null;
  executed: number | null;
  rate: number | null;
  total: number | null;
  grade: string;
  reviewed: number | null;
  status: string;
  errors: number | null;
}

export function gridRows(summary: Summary): SummaryGridRow[] {
  return summary.rows.map((r) => ({
    formId: r.formId,
    kindName: r.kindName,
    name: r.name,
    budget: r.budget,
    executed: r.executed,
    rate: r.rate,
    total: r.total,
    grade: r.grade,
    reviewed: r.reviewed,
    status: r.status ?? '未设置',
    errors: r.errors,
  }));
}

export function totalsRow(t: SummaryTotals): SummaryGridRow {
  const score = (x: number | null) => (x === null ? '—' : fmt2(x));
  return {
    formId: null,
    kindName: '合计',
    // The counts and averages in the wide name cell: the grade and score cells are narrow.
    name:
      `共 ${t.forms} 张表：${GRADES.map((g) => `${g} ${t.gradeCounts[g]}`).join(' · ')}；` +
      `平均得分 ${score(t.averageScore)}，按预算加权 ${score(t.weightedScore)}`,
    budget: t.budget,
    executed: t.executed,
    rate: t.rate,
    total: t.averageScore,
    grade: '',
    reviewed: null,
    status: '',
    errors: null,
  };
}

const blankOr =
  (f: (x: number) => string) =>
  ({ value }: { value: unknown }): string =>
    typeof value === 'number' ? f(value) : '';

const text = (field: keyof SummaryGridRow, headerName: string, width: number): ColDef<SummaryGridRow> => ({
  field,
  headerName,
  width,
  filter: 'agTextColumnFilter',
});

const num = (
  field: keyof SummaryGridRow,
  headerName: string,
  width: number,
  format: (x: number) => string,
): ColDef<SummaryGridRow> => ({
  field,
  headerName,
  width,
  filter: 'agNumberColumnFilter',
  type: 'rightAligned',
  valueFormatter: blankOr(format),
});

/** The grade in its badge's colour (styles.css). */
const GRADE_CELL: Record<string, string> = {
  优: 'grade-text-a',
  良: 'grade-text-b',
  中: 'grade-text-c',
  差: 'grade-text-d',
};

export const SUMMARY_COLUMNS: ColDef<SummaryGridRow>[] = [
  text('kindName', '类型', 90),
  { ...text('name', '项目名称', 260), flex: 1, minWidth: 180, tooltipField: 'name' },
  num('budget', '全年预算数（万元）', 130, fmtAmount),
  num('executed', '全年执行数（万元）', 130, fmtAmount),
  // The rate is a fraction; the filter compares it as typed on screen (96 means 96%).
  {
    ...num('rate', '执行率', 96, fmtPct),
    filterValueGetter: ({ data }) => (data?.rate == null ? null : data.rate * 100),
  },
  num('total', '自评得分', 90, fmt2),
  {
    ...text('grade', '等级', 70),
    cellClass: ({ value }) => (typeof value === 'string' && value in GRADE_CELL ? GRADE_CELL[value] : ''),
  },
  num('reviewed', '核查得分', 90, fmt2),
  num('errors', '错误数', 76, String),
  // Last and left-aligned: AG Grid's vertical scrollbar lies over the last column's right edge.
  text('status', '审核状态', 100),
];
