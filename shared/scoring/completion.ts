/**
 * 完成率 as 新疆's project form prints it on every indicator line (forms.md, Layout C): 实际 /
 * 指标值 where both are numbers; a line judged by met-or-not or by tier (时效, 定性) prints how far
 * it was met: 100% met, 0% not met, a partly met line the share of its weight it earned.
 */
import type { IndicatorResult } from './types';

export function shownCompletionRate(line: IndicatorResult): number | null {
  if (line.completionRate !== null) return line.completionRate;
  if (line.tier === '达成') return 1;
  if (line.tier === '未达成') return 0;
  const weight = line.weight;
  if (weight === null || weight <= 0) return null;
  if (line.tier === '部分达成') return line.final / weight;
  // 按时完成 (time), a zero target met or missed, 直接赋分: the rule gave full marks or none.
  const metOrNot = line.method === 'time' || line.method === 'zero' || line.method === 'met';
  return metOrNot && line.suggested !== null ? line.suggested / weight : null;
}
