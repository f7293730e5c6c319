/**
 * Linear deduction rules written in 评分标准 (scoring.md §3): "每减少1微克/立方米，扣0.5分",
 * "每超支20万元扣0.5分", "每下降5%扣0.5分". Only rules with a numeric step are read; the rest
 * are shown to the user to apply by hand.
 */
import { normalizeValueText } from '../values/normalize';

export interface DeductionRule {
  /** short = points off per step below the target; over = per step above it. */
  when: 'short' | 'over';
  step: number;
  unit: string;
  points: number;
}

const RULE =
  /每(减少|下降|降低|低于|少|超支|超出|超过|增加|多|延迟|推迟|延误)(\d+(?:\.\d+)?)([^\d,，;。扣]*?)[,，]?扣(?:减)?(\d+(?:\.\d+)?)分/;
const SHORT = new Set(['减少', '下降', '降低', '低于', '少']);

export function readDeductionRule(ruleText: string): DeductionRule | null {
  if (!ruleText) return null;
  const m = RULE.exec(normalizeValueText(ruleText));
  if (!m) return null;
  const step = Number(m[2]);
  const points = Number(m[4]);
  if (!(step > 0) || !(points >= 0)) return null;
  return { when: SHORT.has(m[1] ?? '') ? 'short' : 'over', step, unit: m[3] ?? '', points };
}
