/** A line's suggested score as the rules give it, and the tier rule every method may end in. */
import type { Tier } from '../model/types';
import type { ScoringPolicy } from '../layouts/types';
import { fmtNum } from '../format/numbers';
import type { IndicatorFlag, ScoringMethod } from './types';

/** Share of the weight per tier: [lowest, highest]; the default is the top of the tier. */
export const TIER_BANDS: Record<Tier, readonly [number, number]> = {
  达成: [0.8, 1],
  部分达成: [0.6, 0.8],
  未达成: [0, 0.6],
};

export interface Suggestion {
  suggested: number | null;
  explanation: () => string;
  method: ScoringMethod;
  completionRate?: number | null;
  tier?: Tier | null;
  flags?: IndicatorFlag[];
}

export function byTier(tier: Tier, share: number | null, w: number, why: string): Suggestion {
  const [lo, hi] = TIER_BANDS[tier];
  const flags: IndicatorFlag[] = [];
  let s = share ?? hi;
  if (!Number.isFinite(s) || s < lo || s > hi) {
    flags.push('tierShareOutOfRange');
    s = Math.min(hi, Math.max(lo, Number.isFinite(s) ? s : hi));
  }
  const prefix = why ? `${why}，` : '';
  return {
    suggested: w * s,
    explanation: () =>
      `${prefix}按“${tier}”取分值的 ${fmtNum(s * 100)}%：${fmtNum(w)} × ${fmtNum(s * 100)}% = ${fmtNum(w * s)}`,
    method: 'tier',
    tier,
    flags,
  };
}

export interface IndicatorContext {
  policy: ScoringPolicy;
  /** Effective weight (layout E derives it); null = not filled in. */
  weight: number | null;
  /** Budget execution rate, for lines scored by it (layout E 资金支出率). */
  executionRate: number | null;
}

export type RuleMode = 'ratio' | 'met' | 'tier' | 'satisfaction' | null;
