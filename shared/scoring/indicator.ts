/**
 * The suggested score of one indicator line (scoring.md §3), with a one-line explanation.
 * Pure: the same line, weight and context always give the same result.
 */
import type { Indicator } from '../model/types';
import { fmtNum, fmtPct, round2 } from '../format/numbers';
import { readValue } from '../values/reader';
import type { ValueReading } from '../values/types';
import type { IndicatorFlag, IndicatorResult } from './types';
import { byTier, type IndicatorContext, type RuleMode, type Suggestion } from './suggestion';

export { TIER_BANDS, type IndicatorContext } from './suggestion';
import { byNumbers, byTime, numericTarget } from './by-value';

/**
 * Scores one line. The explanation is only written when `explain` is set: a full rescore of a
 * document needs numbers, and the UI asks for the text of the cell the user looks at.
 */
export function scoreIndicator(ind: Indicator, ctx: IndicatorContext, explain = false): IndicatorResult {
  const s = suggest(ind, ctx);
  const flags = s.flags ?? [];
  // Rounded half up like the form prints it (every region, 新疆 too: only its execution score is
  // cut), but never above the weight: layout E weights such as 20 / 3 are not whole cents, and
  // full marks must stay exactly the weight.
  const suggested = s.suggested === null ? null : Math.min(round2(s.suggested), ctx.weight ?? Infinity);
  const manual = ind.score !== null && Number.isFinite(ind.score);
  return {
    id: ind.id,
    weight: ctx.weight,
    suggested,
    // Scores are kept to two decimals, as printed, so the total is exactly the sum of the lines.
    final: manual ? round2(ind.score as number) : (suggested ?? 0),
    manual,
    explanation: explain ? s.explanation() : '',
    method: s.method,
    completionRate: s.completionRate ?? null,
    tier: s.tier ?? null,
    flags,
  };
}

function suggest(ind: Indicator, ctx: IndicatorContext): Suggestion {
  const w = ctx.weight;
  if (w === null || !Number.isFinite(w)) {
    return {
      suggested: null,
      explanation: () => '未填写分值，无法计算得分',
      method: 'none',
      flags: ['missingWeight'],
    };
  }
  if (w <= 0) {
    return { suggested: null, explanation: () => '分值应大于 0', method: 'none', flags: ['badWeight'] };
  }
  if (ind.tier) {
    const chosen = byTier(ind.tier, ind.tierShare, w, '已选择等级');
    // The tier decides the score, but 年度指标值 and 实际完成值 are still required cells.
    if (ind.target.trim() === '' && ind.targetInitial.trim() === '')
      chosen.flags = [...(chosen.flags ?? []), 'missingTarget'];
    if (ind.actual.trim() === '') chosen.flags = [...(chosen.flags ?? []), 'missingActual'];
    return chosen;
  }

  if (isFundsLine(ind, ctx)) {
    const rate = ctx.executionRate as number;
    return {
      suggested: w * Math.min(rate, 1),
      explanation: () =>
        `支付额/预算额度 ${fmtPct(rate)} × 权重 ${fmtNum(w)} = ${fmtNum(w * Math.min(rate, 1))}`,
      method: 'funds',
      completionRate: rate,
    };
  }

  const target = targetReading(ind);
  const actual = readValue(ind.actual);
  if (target.kind === 'empty') {
    return { suggested: null, explanation: () => '未填写指标值', method: 'none', flags: ['missingTarget'] };
  }
  if (actual.kind === 'empty') {
    return {
      suggested: null,
      explanation: () => '未填写实际完成值',
      method: 'none',
      flags: ['missingActual'],
    };
  }

  // An actual that states a tier (达成预期指标, 已完成, 部分达成…) is scored by that tier.
  if (actual.kind === 'qualitative' && actual.tier)
    return byTier(actual.tier, ind.tierShare, w, `实际“${ind.actual.trim()}”`);
  if ((target.kind === 'qualitative' || target.kind === 'time') && sameText(ind.target, ind.actual)) {
    return byTier('达成', ind.tierShare, w, '实际完成值与指标值一致');
  }

  if (target.kind === 'compound') return byParts(target.parts, actual, ind, ctx, w);
  const rule = ruleMode(ind.ruleText);
  return scorePair(target, actual, ind, ctx, w, rule);
}

function ruleMode(ruleText: string): RuleMode {
  if (ruleText === '') return null;
  if (/完成比例/.test(ruleText)) return 'ratio';
  if (/直接赋分/.test(ruleText)) return 'met';
  if (/评判等级/.test(ruleText)) return 'tier';
  if (/满意度赋分/.test(ruleText)) return 'satisfaction';
  return null;
}

function scorePair(
  target: ValueReading,
  actual: ValueReading,
  ind: Indicator,
  ctx: IndicatorContext,
  w: number,
  rule: RuleMode,
): Suggestion {
  const t = numericTarget(target);
  if (t && actual.kind === 'number') return byNumbers(t, actual, ind, ctx, w, rule);
  if (target.kind === 'time' && actual.kind === 'time') return byTime(target, actual, w);
  if (target.kind === 'time' || (target.kind === 'qualitative' && actual.kind !== 'number')) {
    return {
      suggested: null,
      explanation: () => '无法自动判断是否达成：请选择等级（达成/部分达成/未达成）或手工打分',
      method: 'none',
      flags: ['needsJudgement'],
    };
  }
  const flags: IndicatorFlag[] = [];
  if (!t && target.kind !== 'qualitative') flags.push('unreadableTarget');
  if (actual.kind !== 'number' && actual.kind !== 'qualitative') flags.push('unreadableActual');
  if (flags.length === 0) flags.push('needsJudgement');
  return {
    suggested: null,
    explanation: () =>
      `指标值“${ind.target.trim()}”与实际完成值“${ind.actual.trim()}”无法比较：请选择等级或手工打分`,
    method: 'none',
    flags,
  };
}

function byParts(
  parts: ValueReading[],
  actual: ValueReading,
  ind: Indicator,
  ctx: IndicatorContext,
  w: number,
): Suggestion {
  const actualParts = actual.kind === 'compound' ? actual.parts : null;
  if (!actualParts || actualParts.length !== parts.length) {
    return {
      suggested: null,
      explanation: () => `复合指标值有 ${parts.length} 项，实际完成值应按“；”分成同样的 ${parts.length} 项`,
      method: 'none',
      flags: ['needsJudgement'],
    };
  }
  const shares: number[] = [];
  const flags = new Set<IndicatorFlag>();
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as ValueReading;
    const a = actualParts[i] as ValueReading;
    const s =
      a.kind === 'qualitative' && a.tier
        ? byTier(a.tier, null, 1, '')
        : scorePair(part, a, ind, ctx, 1, null);
    for (const f of s.flags ?? []) flags.add(f);
    if (s.suggested === null) {
      return {
        suggested: null,
        explanation: () => `第 ${i + 1} 项无法自动评分：${s.explanation()}`,
        method: 'none',
        flags: [...flags],
      };
    }
    shares.push(s.suggested);
  }
  const avg = shares.reduce((a, b) => a + b, 0) / shares.length;
  return {
    suggested: w * avg,
    explanation: () =>
      `复合指标 ${shares.length} 项分别完成 ${shares.map((x) => fmtPct(x)).join('、')}，平均 × 分值 ${fmtNum(w)} = ${fmtNum(w * avg)}`,
    method: 'ratio',
    flags: [...flags],
  };
}

/** The target as read; falls back to 年初指标值 when the adjusted target holds no number. */
function targetReading(ind: Indicator): ValueReading {
  const t = readValue(ind.target);
  if ((t.kind === 'empty' || t.kind === 'operatorOnly') && ind.targetInitial.trim() !== '') {
    const initial = readValue(ind.targetInitial);
    if (initial.kind !== 'operatorOnly' && initial.kind !== 'empty') return initial;
  }
  return t;
}

/** Lines that layout E scores by the budget execution rate (资金支出率) read the funds block. */
export function dependsOnFunds(ind: Indicator): boolean {
  return /资金支出率|预算执行率/.test(ind.name);
}

function isFundsLine(ind: Indicator, ctx: IndicatorContext): boolean {
  return (
    ctx.executionRate !== null &&
    ctx.policy.executionWeight === 0 &&
    dependsOnFunds(ind) &&
    ind.target.trim() === '' &&
    ind.actual.trim() === ''
  );
}

function sameText(a: string, b: string): boolean {
  const x = a.replace(/\s+/g, '');
  return x !== '' && x === b.replace(/\s+/g, '');
}
