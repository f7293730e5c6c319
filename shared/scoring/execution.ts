/** Budget execution score (scoring.md §1). */
import type { Funds, FundsRow } from '../model/types';
import type { FundsRowTemplate, ScoringPolicy } from '../layouts/types';
import { fmtNum, fmtPct, round2, type RoundingMode } from '../format/numbers';
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

/**
 * The execution score of a weight at a rate, as the layout brings it to two decimals (新疆 cuts).
 * Also for any row of the funds block that prints its own 得分.
 */
export function executionScore(weight: number, rate: number, policy: ScoringPolicy): number {
  return round2(weight * Math.max(0, Math.min(rate, 1)), policy.executionRounding);
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
    explanation = '本样式不单独计预算执行率分值，记 0 分';
    suggested = 0;
  } else if (rate === null) {
    explanation = '全年预算数未填写或为 0，无法计算执行率';
  } else {
    const exact = weight * Math.max(0, Math.min(rate, 1));
    suggested = executionScore(weight, rate, policy);
    explanation =
      rate > 1
        ? `执行率 ${fmtPct(rate)} 超过 100%，记满分 ${fmtNum(suggested)}`
        : `执行率 ${fmtPct(rate)} × 分值 ${fmtNum(weight)} = ${product(exact, suggested, policy.executionRounding)}`;
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

/**
 * The product and the score it gives. Where the layout cuts instead of rounding and that changes
 * the score, the text shows the longer product, so that 96.39% × 10 = 9.63 does not look like a
 * slip: “9.6386…，截取两位小数（不四舍五入）记 9.63”.
 */
function product(exact: number, score: number, mode: RoundingMode): string {
  if (mode !== 'truncate' || round2(exact) === score) return fmtNum(score);
  const long = Math.floor(exact * 10000 + 1e-9) / 10000;
  const more = Math.abs(exact - long) > 1e-9 ? '…' : '';
  return `${long}${more}，截取两位小数（不四舍五入）记 ${fmtNum(score)}`;
}

/**
 * One funds row scored as if it were the total (002 prints 执行率 and 得分 on every source row):
 * the form's weight and rounding, never its manual score.
 */
export function scoreFundsRow(funds: Funds, row: FundsRow, policy: ScoringPolicy): ExecutionResult {
  return scoreExecution({ ...funds, rows: [row], score: null }, policy);
}
