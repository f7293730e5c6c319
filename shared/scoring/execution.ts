/** Budget execution score (scoring.md §1). */
import type { Funds } from '../model/types';
import type { FundsRowTemplate, ScoringPolicy } from '../layouts/types';
import { fmtNum, fmtPct, round2 } from '../format/numbers';
import { fundsTotalRow } from '../model/funds-rows';
import type { ExecutionResult } from './types';

/** 全年执行数 / 全年预算数 of the total row (`templates`: the form's layout funds rows). */
export function executionRate(funds: Funds, templates: readonly FundsRowTemplate[] = []): number | null {
  const row = fundsTotalRow(funds, templates);
  const budget = row?.fullYearBudget;
  const executed = row?.executed;
  if (
    budget == null ||
    executed == null ||
    !Number.isFinite(budget) ||
    !Number.isFinite(executed) ||
    budget <= 0
  ) {
    return null;
  }
  return executed / budget;
}

export function scoreExecution(
  funds: Funds,
  policy: ScoringPolicy,
  templates: readonly FundsRowTemplate[] = [],
): ExecutionResult {
  const weight = funds.weight ?? policy.executionWeight;
  const rate = executionRate(funds, templates);
  const manual = funds.score !== null && Number.isFinite(funds.score);
  let suggested: number | null = null;
  let explanation: string;
  if (weight <= 0) {
    explanation = '本样式不单独计预算执行率分值';
    suggested = 0;
  } else if (rate === null) {
    explanation = '全年预算数未填写或为 0，无法计算执行率';
  } else {
    suggested = round2(weight * Math.max(0, Math.min(rate, 1)), policy.rounding);
    explanation =
      rate > 1
        ? `执行率 ${fmtPct(rate)} 超过 100%，按满分 ${fmtNum(weight)} 计`
        : `执行率 ${fmtPct(rate)} × 分值 ${fmtNum(weight)} = ${fmtNum(suggested)}`;
  }
  return {
    rate,
    weight,
    suggested,
    final: manual ? round2(funds.score as number) : (suggested ?? 0),
    manual,
    explanation,
  };
}
