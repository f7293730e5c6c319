import type { Indicator } from '../../../shared/model/types';
import type { IndicatorResult } from '../../../shared/scoring/types';

/** Whether a line takes a tier: scored by tier, or a late/unreadable line that needs judgement. */
export function takesTier(ind: Indicator, l: IndicatorResult | undefined): boolean {
  if (ind.tier !== null) return true;
  if (!l) return false;
  return l.method === 'tier' || l.flags.includes('late') || l.flags.includes('needsJudgement');
}
