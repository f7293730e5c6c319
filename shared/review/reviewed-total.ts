/**
 * The reviewed total (核查总分): the author's scores with each audited line replaced by its
 * 核查分数, capped and graded by the same rules as the self-evaluated total.
 */
import type { Grade } from '../model/types';
import type { ScoringPolicy } from '../layouts/types';
import { round2 } from '../format/numbers';
import { capTotal } from '../scoring/form';
import { gradeFor } from '../layouts/grade';
import type { FormResult } from '../scoring/types';
import { FUNDS_LINE, auditId, type ReviewItem } from './types';

export interface ReviewedTotal {
  /** Lines with a 核查分数. */
  audited: number;
  total: number;
  grade: Grade;
  /** Reviewed − self-evaluated. */
  difference: number;
}

/** The 核查分数 of a line, or null when the reviewer left the author's score. */
export function auditScore(
  items: ReadonlyMap<string, ReviewItem>,
  formId: string,
  indicatorId: string,
): number | null {
  const item = items.get(auditId(formId, indicatorId));
  return item?.kind === 'audit' && !item.deleted ? item.score : null;
}

/** Null when no line of the form has a 核查分数. */
export function reviewedTotal(
  result: FormResult,
  items: ReadonlyMap<string, ReviewItem>,
  policy: ScoringPolicy,
): ReviewedTotal | null {
  let audited = 0;
  const take = (indicatorId: string, own: number): number => {
    const score = auditScore(items, result.formId, indicatorId);
    if (score === null) return own;
    audited++;
    return score;
  };
  let sum = take(FUNDS_LINE, result.execution.final);
  for (const line of result.indicators) sum += take(line.id, line.final);
  if (audited === 0) return null;
  const total = capTotal(round2(sum), result.execution.rate, policy);
  return { audited, total, grade: gradeFor(total, policy), difference: round2(total - result.total) };
}
