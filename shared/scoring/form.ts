/** Totals, grade and weights of one form (scoring.md §4). */
import type { Form, Indicator } from '../model/types';
import type { KindLayout, LayoutDef, ScoringPolicy } from '../layouts/types';
import { round2 } from '../format/numbers';
import { checkForm } from '../checks/form-checks';
import { scoreExecution } from './execution';
import { gradeFor } from '../layouts/grade';
import { scoreIndicator } from './indicator';
import type { ExecutionResult, FormResult, IndicatorResult } from './types';

/** Key of an indicator's level-2 group (layout E splits weights inside it). */
export function groupKey(ind: Pick<Indicator, 'level1' | 'level2'>): string {
  return `${ind.level1.trim()}\u0000${ind.level2.trim()}`;
}

/**
 * The weight each line is scored against. Layout E: a line without its own weight gets its
 * level-2 weight divided by the number of lines in that group.
 */
export function effectiveWeight(
  ind: Indicator,
  groupSizes: ReadonlyMap<string, number>,
  policy: ScoringPolicy,
): number | null {
  if (ind.weight !== null && Number.isFinite(ind.weight)) return ind.weight;
  if (!policy.equalSplit || ind.level2Weight == null) return null;
  const n = groupSizes.get(groupKey(ind)) ?? 1;
  return ind.level2Weight / n;
}

const NO_GROUPS: ReadonlyMap<string, number> = new Map();

/** Sizes of the level-2 groups; only layouts that split weights equally need them. */
export function groupSizesOf(form: Form, policy: ScoringPolicy): ReadonlyMap<string, number> {
  if (!policy.equalSplit) return NO_GROUPS;
  const sizes = new Map<string, number>();
  for (const ind of form.indicators) {
    const key = groupKey(ind);
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return sizes;
}

export function kindLayout(layout: LayoutDef, form: Form): KindLayout {
  return layout.kinds[form.kind];
}

export function scoreLine(
  form: Form,
  index: number,
  layout: LayoutDef,
  groupSizes: ReadonlyMap<string, number>,
  execution: ExecutionResult,
  explain = false,
): IndicatorResult {
  const ind = form.indicators[index] as Indicator;
  return scoreIndicator(
    ind,
    {
      policy: layout.policy,
      weight: effectiveWeight(ind, groupSizes, layout.policy),
      executionRate: execution.rate,
    },
    explain,
  );
}

/** The explanation of one line's suggestion, for the cell the user is looking at. */
export function explainLine(form: Form, index: number, layout: LayoutDef): string {
  const execution = scoreExecution(form.funds, layout.policy, layout.kinds[form.kind].fundsRows);
  return scoreLine(form, index, layout, groupSizesOf(form, layout.policy), execution, true).explanation;
}

/** Full scoring of one form: every line, then totals, grade and checks; `explain` adds the texts. */
export function scoreForm(form: Form, layout: LayoutDef, explain = false): FormResult {
  const execution = scoreExecution(form.funds, layout.policy, layout.kinds[form.kind].fundsRows);
  const sizes = groupSizesOf(form, layout.policy);
  const lines = form.indicators.map((_, i) => scoreLine(form, i, layout, sizes, execution, explain));
  return finishForm(form, layout, execution, lines);
}

/** A layout's cap on the total by execution rate (e.g. ≤ 60 below 60% executed). */
export function capTotal(total: number, rate: number | null, policy: ScoringPolicy): number {
  if (rate === null) return total;
  const cap = policy.totalCaps.find((c) => rate < c.rateBelow);
  return cap ? Math.min(total, cap.cap) : total;
}

/** Totals, grade and checks from already scored lines (the cheap part of a rescore). */
export function finishForm(
  form: Form,
  layout: LayoutDef,
  execution: ExecutionResult,
  lines: IndicatorResult[],
): FormResult {
  const policy = layout.policy;
  let sum = execution.final;
  let weightTotal = execution.weight;
  const level1Weights: Record<string, number> = {};
  lines.forEach((line, i) => {
    sum += line.final;
    const w = line.weight ?? 0;
    weightTotal += w;
    const l1 = (form.indicators[i]?.level1 ?? '').trim();
    level1Weights[l1] = (level1Weights[l1] ?? 0) + w;
  });
  const uncappedTotal = round2(sum);
  const total = capTotal(uncappedTotal, execution.rate, policy);
  const result: FormResult = {
    formId: form.id,
    execution,
    indicators: lines,
    total,
    uncappedTotal,
    grade: gradeFor(total, policy),
    weightTotal: round2(weightTotal),
    level1Weights,
    findings: [],
  };
  result.findings = checkForm(form, layout, result);
  return result;
}
