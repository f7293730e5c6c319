/** Lines scored by their values: numbers against the target (scoring.md §3.1), dates and deadlines. */
import type { Indicator } from '../model/types';
import { fmtNum, fmtPct } from '../format/numbers';
import type { NumberReading, TimeReading, ValueReading } from '../values/types';
import { readDeductionRule } from './deduction-rule';
import type { IndicatorFlag } from './types';
import type { IndicatorContext, RuleMode, Suggestion } from './suggestion';

export function byNumbers(
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

export function byTime(target: TimeReading, actual: TimeReading, w: number): Suggestion {
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

export function numericTarget(r: ValueReading): NumberReading | null {
  if (r.kind === 'number') return r;
  if (r.kind === 'range') {
    return { kind: 'number', raw: r.raw, op: '>=', direction: 'higher', value: r.min, unit: r.unit };
  }
  return null;
}

/** Factor that converts the actual's unit into the target's; null when they cannot be compared. */
export function unitFactor(targetUnit: string, actualUnit: string): number | null {
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
