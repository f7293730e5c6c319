import { describe, expect, it } from 'vitest';
import { getLayout } from '../../shared/layouts/definitions';
import { newForm, newIndicator } from '../../shared/model/factory';
import type { Indicator, LayoutId } from '../../shared/model/types';
import { scoreExecution } from '../../shared/scoring/execution';
import { scoreForm } from '../../shared/scoring/form';
import { gradeFor } from '../../shared/layouts/grade';
import { scoreIndicator } from '../../shared/scoring/indicator';
import { round2 } from '../../shared/format/numbers';

function line(
  fields: Partial<Indicator>,
  layout: LayoutId = 'national',
  executionRate: number | null = null,
) {
  const ind = newIndicator('i1', fields);
  return scoreIndicator(ind, { policy: getLayout(layout).policy, weight: ind.weight, executionRate }, true);
}

describe('higher is better', () => {
  it('scores actual / target × weight and explains it', () => {
    const r = line({ target: '≥90%', actual: '85%', weight: 10 });
    expect(r.suggested).toBe(9.44);
    expect(r.method).toBe('ratio');
    expect(r.explanation).toContain('85%');
    expect(r.explanation).toContain('90%');
    expect(r.explanation).toContain('9.44');
  });

  it('keeps full marks above the target and flags over-achievement at the threshold', () => {
    // 002: target =8次/天, actual =10次/天 (125% ≥ 120%).
    const r = line({ target: '=8次/天', actual: '=10次/天', weight: 10 });
    expect(r.suggested).toBe(10);
    expect(r.flags).toContain('overshoot');
    expect(r.explanation).toContain('偏差原因');
    expect(line({ target: '≥100', actual: '110', weight: 10 }).flags).not.toContain('overshoot');
  });

  it('reads an actual written with an operator as its number', () => {
    expect(line({ target: '≥80%', actual: '≥85%', weight: 10 }).suggested).toBe(10);
    expect(line({ target: '= 10台', actual: '= 8台', weight: 5 }).suggested).toBe(4);
  });

  it('uses 年初指标值 when the adjusted target has no number', () => {
    expect(line({ targetInitial: '≥100个', target: '≥个', actual: '50个', weight: 4 }).suggested).toBe(2);
  });

  it('converts 元 and 万元', () => {
    expect(line({ target: '≥2万元', actual: '10000元', weight: 10 }).suggested).toBe(5);
  });

  it('flags units that cannot be compared', () => {
    expect(line({ target: '≥7个', actual: '7座', weight: 5 }).flags).toContain('unitMismatch');
  });
});

describe('lower is better', () => {
  it('full at or under the target', () => {
    expect(line({ target: '≤198.5万元', actual: '198.5万元', weight: 5 }).suggested).toBe(5);
    expect(line({ target: '≤20万元', actual: '≤13.5万元', weight: 1 }).suggested).toBe(1);
  });
  it('falls linearly to 0 at twice the target', () => {
    // 002: ≤20万元 → ≤23.85万元, 分值 3: 3 × (1 − 3.85/20) = 2.4225.
    expect(line({ target: '≤20万元', actual: '≤23.85万元', weight: 3 }).suggested).toBe(2.42);
    expect(line({ target: '≤20万元', actual: '45万元', weight: 3 }).suggested).toBe(0);
  });
});

describe('zero targets', () => {
  it('met only at 0', () => {
    expect(line({ target: '0起', actual: '0起', weight: 5 }).suggested).toBe(5);
    expect(line({ target: '=0', actual: '1', weight: 5 }).suggested).toBe(0);
    expect(line({ target: '≤0万元', actual: '0万元', weight: 2 }).method).toBe('zero');
  });
});

describe('qualitative tiers', () => {
  it('phrases select the tier, top of tier by default', () => {
    expect(line({ target: '保障', actual: '达成预期指标', weight: 15 }).suggested).toBe(15);
    expect(line({ target: '6月', actual: '如期指标并具', weight: 5 })).toMatchObject({
      tier: '部分达成',
      suggested: 4,
    });
    expect(line({ target: '提升', actual: '预期指标且未', weight: 5 })).toMatchObject({
      tier: '未达成',
      suggested: 3,
    });
  });
  it('a chosen tier and share win over the text', () => {
    expect(
      line({ target: '保障', actual: '保障', tier: '部分达成', tierShare: 0.7, weight: 10 }).suggested,
    ).toBe(7);
  });
  it('a share outside the tier is clamped and flagged', () => {
    const r = line({ target: '保障', actual: '', tier: '达成', tierShare: 0.5, weight: 10 });
    expect(r.suggested).toBe(8);
    expect(r.flags).toContain('tierShareOutOfRange');
  });
  it('an actual that repeats a qualitative target word for word is met', () => {
    expect(line({ target: '持续改善', actual: '持续改善', weight: 10 })).toMatchObject({
      tier: '达成',
      suggested: 10,
    });
  });
  it('free text that states no tier needs a judgement', () => {
    const r = line({ target: '保障', actual: '有所改善', weight: 10 });
    expect(r.suggested).toBeNull();
    expect(r.final).toBe(0);
    expect(r.flags).toContain('needsJudgement');
  });
});

describe('time', () => {
  it('dates that can be read are compared', () => {
    expect(line({ target: '2024年12月1日前', actual: '2024年11月4日', weight: 2 }).suggested).toBe(2);
    expect(line({ target: '10月底前', actual: '10月', weight: 2 }).suggested).toBe(2);
    const late = line({ target: '6月', actual: '8月', weight: 2 });
    expect(late.suggested).toBeNull();
    expect(late.flags).toContain('late');
  });
  it('a late line with a chosen tier scores by it', () => {
    expect(
      line({ target: '6月', actual: '8月', weight: 5, tier: '部分达成', tierShare: 0.6 }).suggested,
    ).toBe(3);
  });
  it('repeating periodic targets are met when repeated', () => {
    expect(line({ target: '每月', actual: '每月', weight: 1 }).suggested).toBe(1);
  });
});

describe('compound targets', () => {
  it('scores part by part and averages', () => {
    // 2个 met, 36份 of 36: both 100%; then 1 of 2 and 36 of 36: 75%.
    expect(line({ target: '2个；≥36份', actual: '2个；36份', weight: 8 }).suggested).toBe(8);
    expect(line({ target: '2个；≥36份', actual: '1个；36份', weight: 8 }).suggested).toBe(6);
  });
  it('asks for the same number of parts', () => {
    expect(line({ target: '2个；≥36份', actual: '2个', weight: 8 }).flags).toContain('needsJudgement');
  });
});

describe('linear deduction rules in 评分标准', () => {
  it('applies 每减少…扣…分 to the shortfall', () => {
    const r = line({
      target: '91',
      actual: '89',
      weight: 5,
      ruleText: '利用率达到91%，记6分，每减少1%扣0.5分。',
    });
    expect(r.method).toBe('rule');
    expect(r.suggested).toBe(4);
  });
  it('applies 每超支…扣…分 to the excess', () => {
    const r = line({ target: '≤100万元', actual: '140万元', weight: 10, ruleText: '每超支20万元扣0.5分' });
    expect(r.suggested).toBe(9);
  });
  it('never goes below 0', () => {
    expect(line({ target: '90', actual: '10', weight: 5, ruleText: '每减少1扣1分' }).suggested).toBe(0);
  });
  it('flags rules it cannot apply', () => {
    expect(line({ target: '2', actual: '3', weight: 10, ruleText: '每下降一类扣1分' }).flags).toContain(
      'ruleNotApplied',
    );
  });
});

describe('layout C (新疆)', () => {
  it('按照完成比例赋分 counts deviation both ways', () => {
    const r = line(
      { target: '>=50个', actual: '=60个', weight: 10, ruleText: '按照完成比例赋分' },
      'xinjiang',
    );
    expect(r.completionRate).toBeCloseTo(1.2);
    expect(r.suggested).toBe(8);
  });
  it('satisfaction keeps full marks above the target', () => {
    const r = line(
      { level1: '满意度指标', target: '>=90%', actual: '=99%', weight: 10, ruleText: '满意度赋分' },
      'xinjiang',
    );
    expect(r.suggested).toBe(10);
  });
  it('prints 完成率 for every numeric line', () => {
    expect(line({ target: '>=95%', actual: '=100%', weight: 10 }, 'xinjiang').completionRate).toBeCloseTo(
      1.0526,
      4,
    );
  });
  /** 6187.94 budgeted, 5964.31 spent: 96.3861%. */
  function spent() {
    const form = newForm('f', 'xinjiang', 'project', 2024, '测试');
    const row = form.funds.rows[0];
    if (!row) throw new Error('no row');
    row.fullYearBudget = 6187.94;
    row.executed = 5964.31;
    return form;
  }
  it('cuts the execution score to two decimals', () => {
    const form = spent();
    const ex = scoreExecution(form.funds, getLayout('xinjiang').policy);
    expect(round2((ex.rate ?? 0) * 100)).toBe(96.39);
    expect(ex.final).toBe(9.63);
    // The explanation says why 96.39% × 10 gives 9.63 there, and ends with the score stored.
    expect(ex.explanation).toBe('执行率 96.39% × 分值 10 = 9.6386…，截取两位小数（不四舍五入）记 9.63');
    const national = scoreExecution(form.funds, getLayout('national').policy);
    expect(national.final).toBe(9.64);
    expect(national.explanation).toBe('执行率 96.39% × 分值 10 = 9.64');
  });
  it('rounds indicator scores half up like every other region: only the execution score is cut', () => {
    // 权重 7, 完成率 110.30%: 7 × (1 − 10.30%) = 6.279 → 6.28 (a cut would give 6.27).
    const r = line(
      { target: '>=100个', actual: '=110.3个', weight: 7, ruleText: '按照完成比例赋分' },
      'xinjiang',
    );
    expect(r.completionRate).toBeCloseTo(1.103, 6);
    expect(r.suggested).toBe(6.28);
    expect(r.explanation).toMatch(/= 6\.28$/);
    // A plain ratio line too: 8.5 / 9 × 10 = 9.444… → 9.44; 7 × 2 / 3 = 4.666… → 4.67.
    expect(line({ target: '≥9个', actual: '8.5个', weight: 10 }, 'xinjiang').suggested).toBe(9.44);
    expect(line({ target: '≥3个', actual: '2个', weight: 7 }, 'xinjiang').suggested).toBe(4.67);
  });
  it('a form total adds the cut execution score to the half-up indicator scores', () => {
    const form = spent();
    form.indicators = [
      newIndicator('a', { target: '>=100个', actual: '=110.3个', weight: 7, ruleText: '按照完成比例赋分' }),
    ];
    expect(scoreForm(form, getLayout('xinjiang')).total).toBe(round2(9.63 + 6.28));
  });
});

describe('layout E (广东) equal split', () => {
  it('a level-3 weight is the level-2 weight over the number of its indicators', () => {
    const form = newForm('f', 'guangdong', 'project', 2024, '江门市级环境保护专项资金');
    form.indicators = [
      newIndicator('a', {
        level1: '产出',
        level2: '产出数量',
        level2Weight: 20,
        name: '巡查次数',
        target: '≥12次',
        actual: '12次',
      }),
      newIndicator('b', {
        level1: '产出',
        level2: '产出数量',
        level2Weight: 20,
        name: '镇街覆盖',
        target: '73个',
        actual: '73个',
      }),
      newIndicator('c', {
        level1: '产出',
        level2: '产出数量',
        level2Weight: 20,
        name: '报告',
        target: '≥4份',
        actual: '3份',
      }),
    ];
    const r = scoreForm(form, getLayout('guangdong'));
    expect(r.indicators.map((l) => round2(l.weight ?? 0))).toEqual([6.67, 6.67, 6.67]);
    expect(r.indicators[2]?.suggested).toBe(5);
  });
  it('资金支出率 scores by the execution rate', () => {
    const form = newForm('f', 'guangdong', 'project', 2024, '江门');
    const total = form.funds.rows[0];
    if (!total) throw new Error('no row');
    total.fullYearBudget = 1173.2;
    total.executed = 586.25;
    form.indicators = [
      newIndicator('a', { level1: '决策', level2: '资金管理', name: '资金支出率', weight: 12 }),
    ];
    const r = scoreForm(form, getLayout('guangdong'));
    expect(r.indicators[0]?.method).toBe('funds');
    expect(r.indicators[0]?.suggested).toBe(round2((12 * 586.25) / 1173.2));
    expect(r.execution.weight).toBe(0);
  });
});

describe('execution, totals and grade', () => {
  it('a rate above 100% scores full', () => {
    const form = newForm('f', 'national', 'project', 2024, 'x');
    const row = form.funds.rows[0];
    if (!row) throw new Error('no row');
    row.fullYearBudget = 100;
    row.executed = 120;
    expect(scoreExecution(form.funds, getLayout('national').policy).final).toBe(10);
  });
  it('no budget: no rate, no score', () => {
    const form = newForm('f', 'national', 'project', 2024, 'x');
    const ex = scoreExecution(form.funds, getLayout('national').policy);
    expect(ex.rate).toBeNull();
    expect(ex.suggested).toBeNull();
    expect(ex.final).toBe(0);
  });
  it('a manual score wins over the suggestion', () => {
    const r = line({
      target: '≥5次',
      actual: '≥10次',
      weight: 4,
      score: 2,
      scoreReason: '超额较多，按偏离度调减',
    });
    expect(r).toMatchObject({ suggested: 4, final: 2, manual: true });
  });
  it('grades by the national bands', () => {
    const p = getLayout('national').policy;
    expect([90, 89.99, 80, 79.99, 60, 59.99].map((t) => gradeFor(t, p))).toEqual([
      '优',
      '良',
      '良',
      '中',
      '中',
      '差',
    ]);
  });
  it('caps the total by the execution rate when the layout asks for it', () => {
    const base = getLayout('national');
    const layout = {
      ...base,
      policy: {
        ...base.policy,
        totalCaps: [
          { rateBelow: 0.6, cap: 69 },
          { rateBelow: 0.7, cap: 79 },
          { rateBelow: 0.8, cap: 89 },
        ],
      },
    };
    const form = newForm('f', 'national', 'project', 2024, 'x');
    const row = form.funds.rows[0];
    if (!row) throw new Error('no row');
    row.fullYearBudget = 100;
    row.executed = 75;
    form.indicators = [
      newIndicator('a', { level1: '产出指标', name: 'n', target: '1个', actual: '1个', weight: 90 }),
    ];
    const r = scoreForm(form, layout);
    expect(r.uncappedTotal).toBe(97.5);
    expect(r.total).toBe(89);
    expect(r.grade).toBe('良');
  });
});
