/**
 * The 汇总 of a document: one row per form with the numbers its own form shows (the report's
 * formLine, the form's score and checks, the review data), and a totals row. Pure: the screen
 * passes its cached results, Node passes scoreForm's.
 */
import type { LayoutDef } from '../layouts/types';
import { GRADES, type Form, type FormKind, type Grade } from '../model/types';
import type { ReportFormLine } from '../report/outline-types';
import { formLine, rowRate, sumAmounts } from '../report/report-tables';
import { reviewedTotal } from '../review/reviewed-total';
import { statusId, type ReviewItem, type ReviewStatus } from '../review/types';
import type { FormResult } from '../scoring/types';

export const KIND_NAMES: Record<FormKind, string> = { department: '部门整体', project: '项目' };

/** The report's line of the form (名称, 预算, 执行, 执行率, 得分, 等级) and what the screen adds. */
export interface SummaryRow extends ReportFormLine {
  kind: FormKind;
  /** 类型 as printed: 部门整体 / 项目. */
  kindName: string;
  /** 核查得分 and its grade; null when no line of the form was audited. */
  reviewed: number | null;
  reviewedGrade: Grade | null;
  status: ReviewStatus | null;
  errors: number;
}

export interface SummaryTotals {
  forms: number;
  budget: number | null;
  executed: number | null;
  /** Σ执行 / Σ预算. */
  rate: number | null;
  gradeCounts: Record<Grade, number>;
  /** Mean of the forms' totals; null without forms. */
  averageScore: number | null;
  /** Σ(得分 × 预算) / Σ预算 over the forms with a budget above 0; null when none has one. */
  weightedScore: number | null;
}

export interface Summary {
  rows: SummaryRow[];
  totals: SummaryTotals;
}

export type ReviewItems = ReadonlyMap<string, ReviewItem>;

/** The 审核状态 of a form, or null when none is set (or it was removed). */
export function formStatus(items: ReviewItems, formId: string): ReviewStatus | null {
  const item = items.get(statusId(formId));
  return item?.kind === 'status' && !item.deleted ? item.status : null;
}

export function summaryRow(
  form: Form,
  result: FormResult,
  layout: LayoutDef,
  items: ReviewItems,
): SummaryRow {
  const line = formLine({ form, result }, layout);
  const reviewed = reviewedTotal(result, items, layout.policy);
  let errors = 0;
  for (const f of result.findings) if (f.level === 'error') errors++;
  return {
    ...line,
    kind: form.kind,
    kindName: KIND_NAMES[form.kind],
    reviewed: reviewed?.total ?? null,
    reviewedGrade: reviewed?.grade ?? null,
    status: formStatus(items, form.id),
    errors,
  };
}

export function summaryTotals(rows: readonly SummaryRow[]): SummaryTotals {
  const budget = sumAmounts(rows.map((r) => r.budget));
  const executed = sumAmounts(rows.map((r) => r.executed));
  const gradeCounts = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  let scores = 0;
  let weighted = 0;
  let weights = 0;
  for (const r of rows) {
    gradeCounts[r.grade]++;
    scores += r.total;
    if (r.budget !== null && r.budget > 0) {
      weighted += r.total * r.budget;
      weights += r.budget;
    }
  }
  return {
    forms: rows.length,
    budget,
    executed,
    rate: rowRate({ fullYearBudget: budget, executed }),
    gradeCounts,
    averageScore: rows.length === 0 ? null : scores / rows.length,
    weightedScore: weights === 0 ? null : weighted / weights,
  };
}

/** Department form first, then the projects in the document's order (as the sidebar lists them). */
export function buildSummary(
  forms: readonly Form[],
  resultOf: (form: Form) => FormResult,
  layout: LayoutDef,
  items: ReviewItems,
): Summary {
  const ordered = [
    ...forms.filter((f) => f.kind === 'department'),
    ...forms.filter((f) => f.kind !== 'department'),
  ];
  const rows = ordered.map((f) => summaryRow(f, resultOf(f), layout, items));
  return { rows, totals: summaryTotals(rows) };
}
