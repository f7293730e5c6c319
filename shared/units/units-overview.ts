/**
 * The app's overview of many units (#22) as data: the totals row under the units, and every unit's
 * forms as 汇总 rows so that the 汇总 view's charts (shared/summary/charts) draw them unchanged.
 */
import { rowRate, sumAmounts } from '../report/report-tables';
import type { Summary, SummaryRow } from '../summary/summary';
import { summaryTotals } from '../summary/summary';
import type { FormRow, UnitRow } from './unit-summary';

/** A unit's row in the overview's table; the totals row has `file` ''. */
export type OverviewRow = UnitRow & { totals?: true };

export function overviewTotals(units: readonly UnitRow[]): OverviewRow {
  const sum = (pick: (u: UnitRow) => number) => units.reduce((n, u) => n + pick(u), 0);
  // The 审核状态 counts of the units that have them (workbooks have none); none known: unknown.
  const reviews = (pick: (u: UnitRow) => number | null) => {
    const known = units.map(pick).filter((n) => n !== null);
    return known.length === 0 && units.length > 0 ? null : known.reduce((n, x) => n + x, 0);
  };
  const budget = sumAmounts(units.map((u) => u.projectBudget));
  const executed = sumAmounts(units.map((u) => u.projectExecuted));
  const scored = units.filter((u) => u.departmentScore !== null);
  return {
    totals: true,
    file: '',
    unit: `合计（${units.length} 个单位）`,
    year: 0,
    layout: '',
    forms: sum((u) => u.forms),
    // The mean of the department scores there are.
    departmentScore:
      scored.length === 0 ? null : scored.reduce((n, u) => n + (u.departmentScore ?? 0), 0) / scored.length,
    departmentGrade: null,
    优: sum((u) => u.优),
    良: sum((u) => u.良),
    中: sum((u) => u.中),
    差: sum((u) => u.差),
    projectBudget: budget,
    projectExecuted: executed,
    projectRate: rowRate({ fullYearBudget: budget, executed }),
    errors: sum((u) => u.errors),
    warnings: sum((u) => u.warnings),
    待审核: reviews((u) => u.待审核),
    已审核: reviews((u) => u.已审核),
    退回修改: reviews((u) => u.退回修改),
  };
}

/** Every unit's forms as one 汇总 (names carry the unit: the same project name recurs across units). */
export function overviewSummary(forms: readonly FormRow[]): Summary {
  const rows: SummaryRow[] = forms.map((f) => ({
    formId: `${f.file}\u0000${f.formId}`,
    name: `${f.unit}·${f.name}`,
    budget: f.budget,
    executed: f.executed,
    rate: f.rate,
    total: f.score,
    grade: f.grade,
    kind: f.kind === '部门整体' ? 'department' : 'project',
    kindName: f.kind,
    reviewed: null,
    reviewedGrade: null,
    status: f.status,
    errors: f.errors,
  }));
  return { rows, totals: summaryTotals(rows) };
}
