/**
 * The suggested score of one indicator line (scoring.md §3), with a one-line explanation.
 * Pure: the same line, weight and context always give the same result.
 */
import type { Indicator, Tier } from '../model/types';
import type { ScoringPolicy } from '../layouts/types';
import { fmtNum, fmtPct, round2 } from '../format/numbers';
import { readValue } from '../values/reader';
import type { NumberReading, TimeReading, ValueReading } from '../values/types';
import { readDeductionRule } from './deduction-rule';
import type { IndicatorFlag, IndicatorResult, ScoringMethod } from './types';

/** Share of the weight per tier: [lowest, highest]; the default is the top of the tier. */
export const TIER_BANDS: Record<Tier, readonly [number, number]> = {
  达成: [0.8, 1],
  部分达成: [0.6, 0.8],
  未达成: [0, 0.6],
};

export interface IndicatorContext {
  policy: ScoringPolicy;
  /** Effective weight (layout E derives it); null = not filled in. */
  weight: number | null;
  /** Budget execution rate, for lines scored by it (layout E 资金支出率). */
  executionRate: number | null;
}

interface Suggestion {
  suggested: number | null;
  explanation: () => string;
  method: ScoringMethod;
  completionRate?: number | null;
  tier?: Tier | null;
  flags?: IndicatorFlag[];
}

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

type RuleMode = 'ratio' | 'met' | 'tier' | 'satisfaction' | null;

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

function byNumbers(
  t: NumberReading,
  a: NumberReading,
  ind: Indicator,
  ctx: IndicatorContext,
  w: number,
  rule: RuleMode,
): Suggestion {
  const flags: IndicatorFlag[] = [];
  const conv = unitFactor(t.unit, a.unit);
  if (conv === null) flags.push('unitMismatch');
  const av = a.value * (conv ?? 1);
  const tv = t.value;
  const completionRate = tv !== 0 ? av / tv : null;
  const unit = t.unit;
  const show = (x: number) => `${fmtNum(x)}${unit}`;

  const deduction = readDeductionRule(ind.ruleText);
  if (deduction) {
    const diff = deduction.when === 'short' ? Math.max(0, tv - av) : Math.max(0, av - tv);
    const score = Math.max(0, w - (deduction.points * diff) / deduction.step);
    return {
      suggested: score,
      explanation: () =>
        diff === 0
          ? `实际 ${show(av)} 达到指标值 ${show(tv)}，按评分标准记满分 ${fmtNum(w)}`
          : `按评分标准每${deduction.when === 'short' ? '减少' : '超出'} ${fmtNum(deduction.step)} 扣 ${fmtNum(deduction.points)} 分：${deduction.when === 'short' ? '差' : '超'} ${fmtNum(diff)}，${fmtNum(w)} − ${fmtNum((deduction.points * diff) / deduction.step)} = ${fmtNum(score)}`,
      method: 'rule',
      completionRate,
      flags,
    };
  }
  if (ind.ruleText !== '' && /[每扣]/.test(ind.ruleText) && /分/.test(ind.ruleText))
    flags.push('ruleNotApplied');

  if (t.direction === 'zero') {
    const met = av === 0;
    return {
      suggested: met ? w : 0,
      explanation: () =>
        met ? `指标值为 0，实际为 0，记满分 ${fmtNum(w)}` : `指标值为 0，实际 ${show(av)} 不为 0，记 0 分`,
      method: 'zero',
      completionRate: null,
      flags,
    };
  }

  if (t.direction === 'lower' && rule !== 'satisfaction') {
    if (av <= tv) {
      return {
        suggested: w,
        explanation: () => `实际 ${show(av)} 不高于指标值 ${show(tv)}，记满分 ${fmtNum(w)}`,
        method: 'lower',
        completionRate,
        flags,
      };
    }
    const score = Math.max(0, w * (1 - (av - tv) / tv));
    return {
      suggested: score,
      explanation: () =>
        `实际 ${show(av)} 超出指标值 ${show(tv)} ${fmtPct((av - tv) / tv)}：${fmtNum(w)} × (1 − ${fmtPct((av - tv) / tv)}) = ${fmtNum(score)}`,
      method: 'lower',
      completionRate,
      flags,
    };
  }

  if (tv <= 0) {
    return {
      suggested: av >= tv ? w : 0,
      explanation: () =>
        av >= tv
          ? `实际 ${show(av)} 达到指标值，记满分 ${fmtNum(w)}`
          : `实际 ${show(av)} 未达到指标值，记 0 分`,
      method: 'met',
      completionRate,
      flags,
    };
  }

  const ratio = av / tv;
  if (rule === 'met') {
    const met = ratio >= 1;
    return {
      suggested: met ? w : 0,
      explanation: () =>
        met
          ? `直接赋分：实际 ${show(av)} 达到指标值 ${show(tv)}，记 ${fmtNum(w)}`
          : `直接赋分：实际 ${show(av)} 未达到指标值 ${show(tv)}，记 0 分`,
      method: 'met',
      completionRate,
      flags,
    };
  }

  const bothWays = ctx.policy.ratioBothWays && rule === 'ratio' && !isSatisfaction(ind);
  if (bothWays) {
    const score = w * Math.max(0, 1 - Math.abs(ratio - 1));
    return {
      suggested: score,
      explanation: () =>
        `按照完成比例赋分：完成率 ${fmtPct(ratio)}，偏离 ${fmtPct(Math.abs(ratio - 1))}，${fmtNum(w)} × (1 − ${fmtPct(Math.abs(ratio - 1))}) = ${fmtNum(score)}`,
      method: 'ratioBothWays',
      completionRate,
      flags,
    };
  }

  const score = w * Math.min(ratio, 1);
  const overshoot = ratio >= ctx.policy.overshootThreshold;
  if (overshoot) flags.push('overshoot');
  // The warning goes inside, so that the text still ends with the score it gives.
  const explanation = () =>
    ratio >= 1
      ? `实际 ${show(av)} / 指标值 ${show(tv)} = ${fmtPct(ratio)} ≥ 100%${overshoot ? `（完成值超出指标值 ${fmtPct(ratio - 1)}，请说明偏差原因，必要时按偏离度调减）` : ''}，记满分 ${fmtNum(w)}`
      : `实际 ${show(av)} / 指标值 ${show(tv)} = ${fmtPct(ratio)}，× 分值 ${fmtNum(w)} = ${fmtNum(score)}`;
  return { suggested: score, explanation, method: 'ratio', completionRate, flags };
}

function byTime(target: TimeReading, actual: TimeReading, w: number): Suggestion {
  const due = deadlineOf(target);
  const done = completionOf(actual, target.year);
  if (due === null || done === null) {
    return {
      suggested: null,
      explanation: () =>
        `时间“${actual.raw.trim()}”与指标值“${target.raw.trim()}”无法比较：请选择等级或手工打分`,
      method: 'none',
      flags: ['needsJudgement'],
    };
  }
  if (done <= due) {
    return {
      suggested: w,
      explanation: () => `按时完成（${actual.raw.trim()}，要求${target.raw.trim()}），记满分 ${fmtNum(w)}`,
      method: 'time',
    };
  }
  return {
    suggested: null,
    explanation: () =>
      `逾期完成（${actual.raw.trim()}，要求${target.raw.trim()}）：请选择等级（部分达成/未达成）`,
    method: 'time',
    flags: ['late'],
  };
}

/** Day number of a deadline: the last day the target allows. */
function deadlineOf(t: TimeReading): number | null {
  if (t.bound !== 'by' && t.bound !== 'on') return null;
  if (t.month === undefined && t.year === undefined) return null;
  const year = t.year ?? 0;
  const month = t.month ?? 12;
  const day = t.day ?? 31;
  return year * 400 + month * 32 + day;
}

/** Day number of a completion: the earliest day the actual names. */
function completionOf(a: TimeReading, targetYear: number | undefined): number | null {
  if (a.bound !== 'by' && a.bound !== 'on') return null;
  if (a.month === undefined && a.year === undefined) return null;
  const year = a.year ?? targetYear ?? 0;
  const month = a.month ?? 12;
  const day = a.day ?? (a.end ? 31 : 1);
  return (targetYear === undefined ? 0 : year) * 400 + month * 32 + day;
}

function byTier(tier: Tier, share: number | null, w: number, why: string): Suggestion {
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

/** The target as read; falls back to 年初指标值 when the adjusted target holds no number. */
function targetReading(ind: Indicator): ValueReading {
  const t = readValue(ind.target);
  if ((t.kind === 'empty' || t.kind === 'operatorOnly') && ind.targetInitial.trim() !== '') {
    const initial = readValue(ind.targetInitial);
    if (initial.kind !== 'operatorOnly' && initial.kind !== 'empty') return initial;
  }
  return t;
}

function numericTarget(r: ValueReading): NumberReading | null {
  if (r.kind === 'number') return r;
  if (r.kind === 'range') {
    return { kind: 'number', raw: r.raw, op: '>=', direction: 'higher', value: r.min, unit: r.unit };
  }
  return null;
}

/** Factor that converts the actual's unit into the target's; null when they cannot be compared. */
function unitFactor(targetUnit: string, actualUnit: string): number | null {
  const t = targetUnit.trim();
  const a = actualUnit.trim();
  if (t === a || t === '' || a === '') return 1;
  const money: Record<string, number> = { 元: 1, 千元: 1e3, 万元: 1e4, 亿元: 1e8 };
  const tm = money[t];
  const am = money[a];
  if (tm !== undefined && am !== undefined) return am / tm;
  // 个 vs 座 or 次 vs 次/天: people mix counters freely; compare numbers but flag it.
  return null;
}

function isSatisfaction(ind: Indicator): boolean {
  return /满意/.test(ind.level1) || /满意/.test(ind.level2);
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
