/**
 * The 汇总 (shared/summary): over generated documents of every layout, each row carries the numbers
 * its form shows (scoreForm's total, grade, rate and findings, the funds total row, the review
 * data), and the totals row is their sums, counts and averages.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getLayout } from '../../shared/layouts/definitions';
import { fundsTotalRow } from '../../shared/model/funds-rows';
import { GRADES, LAYOUT_IDS, type ZipingDocument } from '../../shared/model/types';
import { FUNDS_LINE, auditItem, statusItem, type ReviewItem } from '../../shared/review/types';
import { scoreForm } from '../../shared/scoring/form';
import { buildSummary, summaryTotals } from '../../shared/summary/summary';
import { generatedDocument } from '../support/documents';
import { departmentForm } from '../support/report';

const AT = '2025-03-01T00:00:00.000Z';

/** Some budgets missing or with cents, so that sums and rates meet their edge cases. */
function varied(doc: ZipingDocument, cuts: readonly number[]): ZipingDocument {
  doc.forms.forEach((form, i) => {
    const row = form.funds.rows[0];
    if (!row) return;
    const cut = cuts[i % Math.max(1, cuts.length)] ?? 0;
    if (cut === 1) row.fullYearBudget = null;
    if (cut === 2) row.executed = null;
    if (cut === 3 && row.fullYearBudget != null) row.fullYearBudget += 0.1;
  });
  return doc;
}

/** A status on every third form, an audit of the execution line on every fourth. */
function reviewOf(doc: ZipingDocument): Map<string, ReviewItem> {
  const items: ReviewItem[] = [];
  doc.forms.forEach((form, i) => {
    if (i % 3 === 0) items.push(statusItem(form.id, i % 2 === 0 ? '已审核' : '退回修改', '', '审核人', AT));
    if (i % 4 === 0) items.push(auditItem(form.id, FUNDS_LINE, { score: 0, opinion: '' }, '审核人', AT));
  });
  return new Map(items.map((x) => [x.id, x]));
}

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? expect(a).toBe(b) : expect(a).toBeCloseTo(b, 6);

describe('汇总', () => {
  it('equals the forms’ own numbers and their sums', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom(...LAYOUT_IDS),
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 8 }),
        fc.boolean(),
        (forms, lines, layoutId, seed, cuts, withDepartment) => {
          const doc = varied(generatedDocument(forms, lines, layoutId, seed), cuts);
          if (withDepartment) doc.forms.push(departmentForm(doc.meta.year));
          const layout = getLayout(layoutId);
          const items = reviewOf(doc);
          const { rows, totals } = buildSummary(doc.forms, (f) => scoreForm(f, layout), layout, items);

          expect(rows.map((r) => r.formId).sort()).toEqual(doc.forms.map((f) => f.id).sort());
          if (withDepartment) expect(rows[0]?.kind).toBe('department');
          for (const row of rows) {
            const index = doc.forms.findIndex((f) => f.id === row.formId);
            const form = doc.forms[index];
            if (!form) throw new Error(`没有表 ${row.formId}`);
            const result = scoreForm(form, layout);
            const funds = fundsTotalRow(form.funds, layout.kinds[form.kind].fundsRows);
            expect(row.total).toBe(result.total);
            expect(row.grade).toBe(result.grade);
            expect(row.rate).toBe(result.execution.rate);
            expect(row.budget).toBe(funds?.fullYearBudget ?? null);
            expect(row.executed).toBe(funds?.executed ?? null);
            expect(row.errors).toBe(result.findings.filter((f) => f.level === 'error').length);
            expect(row.status).toBe(index % 3 === 0 ? (index % 2 === 0 ? '已审核' : '退回修改') : null);
            // The audit sets the execution line to 0: the reviewed total is the rest of the form.
            if (index % 4 === 0) {
              expect(row.reviewed).not.toBeNull();
              expect(row.reviewed ?? 0).toBeLessThanOrEqual(result.total + 1e-9);
            } else expect(row.reviewed).toBeNull();
          }

          const budgets = rows.flatMap((r) => (r.budget === null ? [] : [r.budget]));
          const executed = rows.flatMap((r) => (r.executed === null ? [] : [r.executed]));
          const sum = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0));
          close(totals.budget, sum(budgets));
          close(totals.executed, sum(executed));
          const b = totals.budget;
          const e = totals.executed;
          close(totals.rate, b === null || e === null || b <= 0 ? null : e / b);
          expect(totals.forms).toBe(doc.forms.length);
          for (const g of GRADES)
            expect(totals.gradeCounts[g]).toBe(rows.filter((r) => r.grade === g).length);
          close(
            totals.averageScore,
            rows.length === 0 ? null : (sum(rows.map((r) => r.total)) ?? 0) / rows.length,
          );
          const funded = rows.filter((r) => (r.budget ?? 0) > 0);
          const weight = sum(funded.map((r) => r.budget ?? 0));
          close(
            totals.weightedScore,
            weight === null ? null : (sum(funded.map((r) => r.total * (r.budget ?? 0))) ?? 0) / weight,
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('adds amounts without floating-point dust and leaves the rate empty without a budget', () => {
    const doc = generatedDocument(3, 2);
    const budgets = [0.1, 0.2, null];
    doc.forms.forEach((f, i) => {
      const row = f.funds.rows[0];
      if (row) row.fullYearBudget = budgets[i] ?? null;
    });
    const layout = getLayout('national');
    const { totals } = buildSummary(doc.forms, (f) => scoreForm(f, layout), layout, new Map());
    expect(totals.budget).toBe(0.3);
    expect(summaryTotals([]).rate).toBeNull();
    expect(summaryTotals([]).averageScore).toBeNull();
  });
});
