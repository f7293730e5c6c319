/**
 * The checks (审核) of scoring.md §5–6: every FindingCode is triggered by a minimal form, with
 * its level, its exact cell and a Chinese message that says what to do; the same form once fixed
 * no longer has that finding; a clean form has no findings at all; and the real transcribed
 * forms give the findings their notes (NOTES-002.md) call for.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMPORTED_SCORE_REASON } from '../../shared/checks/form-checks';
import type { Finding, FindingCode, FindingLevel, FindingSection } from '../../shared/checks/types';
import { getLayout } from '../../shared/layouts/definitions';
import { newForm, newIndicator } from '../../shared/model/factory';
import { parseFormJson } from '../../shared/model/interchange';
import {
  INDICATOR_TEXT_FIELDS,
  type Form,
  type FormKind,
  type Indicator,
  type LayoutId,
} from '../../shared/model/types';
import { scoreForm } from '../../shared/scoring/form';
import type { FormResult } from '../../shared/scoring/types';

/** Every FindingCode; tsc fails here when a code is added to or removed from types.ts. */
const ALL_CODES: Record<FindingCode, true> = {
  'weights-total': true,
  'level1-split': true,
  'score-range': true,
  'required-empty': true,
  'invalid-amount': true,
  'budget-missing': true,
  'executed-over-budget': true,
  'execution-inconsistent': true,
  'deviation-reason-missing': true,
  'manual-no-reason': true,
  'overshoot-full': true,
  'late-needs-tier': true,
  'needs-judgement': true,
  'unreadable-value': true,
  'unit-mismatch': true,
  'tier-share-out-of-range': true,
  'rule-not-applied': true,
  'imported-score': true,
  'printed-total-mismatch': true,
  'grade-mismatch': true,
  'text-too-long': true,
};

/** Codes that some test below has triggered and asserted. */
const triggered = new Set<FindingCode>();

const CHINESE = /[\u4e00-\u9fff]/;
const SAYS_WHAT_TO_DO = /：[^：]*(请|不能)[^：]*$/;

function score(form: Form, layout: LayoutId = 'national'): FormResult {
  return scoreForm(form, getLayout(layout));
}

function findingsOf(form: Form, layout: LayoutId = 'national'): Finding[] {
  return score(form, layout).findings;
}

function codesOf(form: Form, layout: LayoutId = 'national'): FindingCode[] {
  return findingsOf(form, layout).map((f) => f.code);
}

interface Expected {
  code: FindingCode;
  level: FindingLevel;
  section: FindingSection;
  /** 0-based indicator or funds row; undefined = the finding names no row. */
  row?: number;
  field: string;
}

/**
 * Asserts the form has exactly one finding with this code at this cell, of this level, whose
 * message is Chinese, says what to do (请…), and for indicator lines names the row (第 N 行).
 */
function expectFinding(form: Form, want: Expected, layout: LayoutId = 'national'): Finding {
  const all = findingsOf(form, layout);
  const atCell = all.filter(
    (f) => f.code === want.code && f.section === want.section && f.row === want.row && f.field === want.field,
  );
  expect(
    atCell,
    `${want.code} at ${want.section}/${want.row}/${want.field} in ${JSON.stringify(all)}`,
  ).toHaveLength(1);
  const f = atCell[0] as Finding;
  expect(f.level).toBe(want.level);
  expect(f.formId).toBe(form.id);
  expect(f.message).toMatch(CHINESE);
  // "problem：what to do" — every message but one says 请…; the indicator score-range message
  // states the rule instead (得分不能高于分值、不能为负), which also tells the user what to fix.
  expect(f.message).toMatch(SAYS_WHAT_TO_DO);
  if (want.section === 'indicator' && want.row !== undefined) {
    expect(f.message).toContain(`第 ${want.row + 1} 行`);
  }
  triggered.add(want.code);
  return f;
}

function expectNoFinding(form: Form, code: FindingCode, layout: LayoutId = 'national'): void {
  expect(codesOf(form, layout)).not.toContain(code);
}

function line(
  id: string,
  level1: string,
  level2: string,
  name: string,
  target: string,
  actual: string,
  weight: number,
): Indicator {
  return newIndicator(id, { level1, level2, name, target, actual, weight });
}

/**
 * A valid national project form: weights 10 (execution) + 产出 50 (成本指标 takes its share from
 * 产出) + 效益 30 + 满意度 10 = 100, every line met, budget filled and fully spent.
 */
function cleanForm(kind: FormKind = 'project', layout: LayoutId = 'national'): Form {
  const form = newForm(
    'f1',
    layout,
    kind,
    2024,
    kind === 'department' ? '某市生态环境局' : '道路洒水降尘服务',
  );
  const total = form.funds.rows[0];
  if (!total) throw new Error('layout has no funds rows');
  total.initialBudget = 100;
  total.fullYearBudget = 100;
  total.executed = 100;
  form.indicators = [
    line('i1', '产出指标', '数量指标', '配置作业车辆', '≥10台', '10台', 20),
    line('i2', '产出指标', '质量指标', '扬尘治理达标率', '≥95%', '100%', 15),
    line('i3', '产出指标', '时效指标', '合同签订时间', '10月底前', '9月', 10),
    line('i4', '成本指标', '经济成本指标', '单车作业成本', '≤5万元', '4.8万元', 5),
    line('i5', '效益指标', '社会效益指标', '环境空气质量', '持续改善', '持续改善', 30),
    line('i6', '满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '95%', 10),
  ];
  return form;
}

function ind(form: Form, i: number): Indicator {
  const x = form.indicators[i];
  if (!x) throw new Error(`no indicator ${i}`);
  return x;
}

function fundsTotal(form: Form) {
  const row = form.funds.rows[0];
  if (!row) throw new Error('no funds row');
  return row;
}

describe('clean form', () => {
  it('scores 100 with zero findings (the checks are not noisy)', () => {
    const form = cleanForm();
    const result = score(form);
    expect(result.findings).toEqual([]);
    expect(result.weightTotal).toBe(100);
    expect(result.total).toBe(100);
    expect(result.grade).toBe('优');
    expect(result.execution).toMatchObject({ rate: 1, weight: 10, final: 10 });
    expect(result.indicators.map((l) => l.final)).toEqual([20, 15, 10, 5, 30, 10]);
  });

  it('stays clean with a printed total, grade, rate and score that match', () => {
    const form = cleanForm();
    form.printedTotal = 100;
    form.printedGrade = '优';
    form.funds.printedRate = 1;
    form.funds.printedScore = 10;
    expect(findingsOf(form)).toEqual([]);
  });

  it('stays clean under the Shanxi layout (B), which prints the grade', () => {
    expect(findingsOf(cleanForm('project', 'shanxi'), 'shanxi')).toEqual([]);
  });

  it('a clean department form has no findings either', () => {
    expect(findingsOf(cleanForm('department'))).toEqual([]);
  });
});

describe('weights-total', () => {
  it('is an error when the weights add up to more than 100', () => {
    const form = cleanForm();
    ind(form, 0).weight = 25;
    const f = expectFinding(form, {
      code: 'weights-total',
      level: 'error',
      section: 'total',
      field: 'weight',
    });
    expect(f.row).toBeUndefined();
    expect(f.message).toContain('105');
    expect(f.message).toContain('100');
    ind(form, 0).weight = 20;
    expectNoFinding(form, 'weights-total');
    expect(findingsOf(form)).toEqual([]);
  });

  it('is an error when the weights add up to less than 100, the execution weight counted', () => {
    const form = cleanForm();
    form.funds.weight = 5;
    const f = expectFinding(form, {
      code: 'weights-total',
      level: 'error',
      section: 'total',
      field: 'weight',
    });
    expect(f.message).toContain('95');
    form.funds.weight = 10;
    expectNoFinding(form, 'weights-total');
  });
});

describe('level1-split', () => {
  it('is a warning (not an error) when the level-1 split differs from 产出50/效益30/满意度10', () => {
    const form = cleanForm();
    ind(form, 0).weight = 10; // 产出 40 (with 成本)
    ind(form, 4).weight = 40; // 效益 40; total still 100
    const f = expectFinding(form, {
      code: 'level1-split',
      level: 'warning',
      section: 'total',
      field: 'level1',
    });
    expect(f.message).toContain('产出指标 50');
    expect(findingsOf(form).filter((x) => x.level === 'error')).toEqual([]);
    expectNoFinding(form, 'weights-total');
    ind(form, 0).weight = 20;
    ind(form, 4).weight = 30;
    expectNoFinding(form, 'level1-split');
  });

  it('counts 成本指标 with 产出指标 (no warning for the default split)', () => {
    const form = cleanForm();
    // 成本指标 as its own level 1 (5) + 产出 (45) = 50: the clean form already proves this.
    expect(score(form).level1Weights).toMatchObject({ 产出指标: 45, 成本指标: 5 });
    expectNoFinding(form, 'level1-split');
  });

  it('is not raised for department forms, whatever the split', () => {
    for (const layout of ['national', 'hunan', 'shanxi', 'xinjiang'] as const) {
      const form = cleanForm('department', layout);
      ind(form, 0).weight = 10;
      ind(form, 4).weight = 40;
      expect(codesOf(form, layout)).not.toContain('level1-split');
      expect(codesOf(form, layout)).not.toContain('weights-total');
      // the same split on a project form of the layout does warn
      const project = cleanForm('project', layout);
      ind(project, 0).weight = 10;
      ind(project, 4).weight = 40;
      expect(codesOf(project, layout)).toContain('level1-split');
    }
  });
});

describe('score-range', () => {
  it('is an error when a manual score is above the weight', () => {
    const form = cleanForm();
    ind(form, 0).score = 25;
    ind(form, 0).scoreReason = '酌情加分';
    const f = expectFinding(form, {
      code: 'score-range',
      level: 'error',
      section: 'indicator',
      row: 0,
      field: 'score',
    });
    expect(f.message).toContain('25');
    expect(f.message).toContain('0–20');
    ind(form, 0).score = 20;
    expectNoFinding(form, 'score-range');
    ind(form, 0).score = null;
    ind(form, 0).scoreReason = '';
    expect(findingsOf(form)).toEqual([]);
  });

  it('is an error when a manual score is negative', () => {
    const form = cleanForm();
    ind(form, 1).score = -1;
    ind(form, 1).scoreReason = '扣分';
    ind(form, 1).deviationReason = '质量不达标';
    expectFinding(form, {
      code: 'score-range',
      level: 'error',
      section: 'indicator',
      row: 1,
      field: 'score',
    });
    ind(form, 1).score = 0;
    expectNoFinding(form, 'score-range');
  });

  it('is an error when the budget execution score is set above its weight', () => {
    const form = cleanForm();
    form.funds.score = 12;
    form.funds.scoreReason = '加分';
    const f = expectFinding(form, {
      code: 'score-range',
      level: 'error',
      section: 'funds',
      row: 0,
      field: 'score',
    });
    expect(f.message).toContain('预算执行率');
    form.funds.score = 10;
    expectNoFinding(form, 'score-range');
  });
});

describe('required-empty', () => {
  it('projectName', () => {
    const form = cleanForm();
    form.projectName = '  ';
    const f = expectFinding(form, {
      code: 'required-empty',
      level: 'error',
      section: 'header',
      field: 'projectName',
    });
    expect(f.row).toBeUndefined();
    expect(f.message).toContain('项目名称');
    form.projectName = '道路洒水降尘服务';
    expect(findingsOf(form)).toEqual([]);
  });

  it('projectName of a department form is called 单位名称', () => {
    const form = cleanForm('department');
    form.projectName = '';
    const f = expectFinding(form, {
      code: 'required-empty',
      level: 'error',
      section: 'header',
      field: 'projectName',
    });
    expect(f.message).toContain('单位名称');
  });

  it('indicator name', () => {
    const form = cleanForm();
    ind(form, 3).name = '';
    expectFinding(form, {
      code: 'required-empty',
      level: 'error',
      section: 'indicator',
      row: 3,
      field: 'name',
    });
    ind(form, 3).name = '单车作业成本';
    expect(findingsOf(form)).toEqual([]);
  });

  it('weight', () => {
    const form = cleanForm();
    ind(form, 1).weight = null;
    const f = expectFinding(form, {
      code: 'required-empty',
      level: 'error',
      section: 'indicator',
      row: 1,
      field: 'weight',
    });
    expect(f.message).toContain('分值');
    ind(form, 1).weight = 15;
    expect(findingsOf(form)).toEqual([]);
  });

  it('target', () => {
    const form = cleanForm();
    ind(form, 1).target = '';
    const f = expectFinding(form, {
      code: 'required-empty',
      level: 'error',
      section: 'indicator',
      row: 1,
      field: 'target',
    });
    expect(f.message).toContain('指标值');
    ind(form, 1).target = '≥95%';
    expect(findingsOf(form)).toEqual([]);
  });

  it('actual', () => {
    const form = cleanForm();
    ind(form, 5).actual = ' ';
    const f = expectFinding(form, {
      code: 'required-empty',
      level: 'error',
      section: 'indicator',
      row: 5,
      field: 'actual',
    });
    expect(f.message).toContain('实际完成值');
    ind(form, 5).actual = '95%';
    expect(findingsOf(form)).toEqual([]);
  });

  it('executed (全年执行数)', () => {
    const form = cleanForm();
    fundsTotal(form).executed = null;
    const f = expectFinding(form, {
      code: 'required-empty',
      level: 'error',
      section: 'funds',
      row: 0,
      field: 'executed',
    });
    expect(f.message).toContain('全年执行数');
    fundsTotal(form).executed = 100;
    expect(findingsOf(form)).toEqual([]);
  });
});

describe('budget-missing', () => {
  it('is an error when 全年预算数 is empty', () => {
    const form = cleanForm();
    fundsTotal(form).fullYearBudget = null;
    const f = expectFinding(form, {
      code: 'budget-missing',
      level: 'error',
      section: 'funds',
      row: 0,
      field: 'fullYearBudget',
    });
    expect(f.message).toContain('全年预算数');
    expect(score(form).execution.rate).toBeNull();
    fundsTotal(form).fullYearBudget = 100;
    expect(findingsOf(form)).toEqual([]);
  });

  it('is an error when 全年预算数 is 0', () => {
    const form = cleanForm();
    fundsTotal(form).fullYearBudget = 0;
    fundsTotal(form).executed = 0;
    expectFinding(form, {
      code: 'budget-missing',
      level: 'error',
      section: 'funds',
      row: 0,
      field: 'fullYearBudget',
    });
    fundsTotal(form).fullYearBudget = 100;
    fundsTotal(form).executed = 100;
    expectNoFinding(form, 'budget-missing');
  });

  it('names the total row of a department form', () => {
    const form = cleanForm('department');
    fundsTotal(form).fullYearBudget = null;
    expectFinding(form, {
      code: 'budget-missing',
      level: 'error',
      section: 'funds',
      row: 0,
      field: 'fullYearBudget',
    });
  });
});

describe('invalid-amount', () => {
  it('is an error for a negative amount, and the execution score never goes below 0', () => {
    const form = cleanForm();
    fundsTotal(form).executed = -5;
    expectFinding(form, {
      code: 'invalid-amount',
      level: 'error',
      section: 'funds',
      row: 0,
      field: 'executed',
    });
    expect(score(form).execution.final).toBe(0);
    fundsTotal(form).executed = 100;
    expect(findingsOf(form)).toEqual([]);
  });

  it('a negative 全年预算数 is a missing budget, not an over-spend', () => {
    const form = cleanForm();
    fundsTotal(form).fullYearBudget = -100;
    const codes = codesOf(form);
    expect(codes).toContain('budget-missing');
    expect(codes).toContain('invalid-amount');
    expect(codes).not.toContain('executed-over-budget');
  });

  it('is an error for a weight of 0 or below, named as such', () => {
    const form = cleanForm();
    const ind = form.indicators[0] as Indicator;
    ind.weight = -5;
    const f = expectFinding(form, {
      code: 'invalid-amount',
      level: 'error',
      section: 'indicator',
      row: 0,
      field: 'weight',
    });
    expect(f.message).toContain('不大于 0');
    expect(codesOf(form)).not.toContain('score-range');
  });
});

describe('required cells with a chosen tier', () => {
  it('a tier scores the line but 年度指标值 and 实际完成值 are still required', () => {
    const form = cleanForm();
    const ind = form.indicators[0] as Indicator;
    ind.target = '';
    ind.actual = '';
    ind.tier = '达成';
    expectFinding(form, {
      code: 'required-empty',
      level: 'error',
      section: 'indicator',
      row: 0,
      field: 'target',
    });
    expectFinding(form, {
      code: 'required-empty',
      level: 'error',
      section: 'indicator',
      row: 0,
      field: 'actual',
    });
    expect(score(form).indicators[0]?.final).toBe(ind.weight);
  });
});

describe('executed-over-budget', () => {
  it('is an error on the total row, and the score is capped at the weight', () => {
    const form = cleanForm();
    fundsTotal(form).executed = 120;
    const f = expectFinding(form, {
      code: 'executed-over-budget',
      level: 'error',
      section: 'funds',
      row: 0,
      field: 'executed',
    });
    expect(f.message).toContain('120');
    expect(score(form).execution.final).toBe(10);
    fundsTotal(form).executed = 100;
    expect(findingsOf(form)).toEqual([]);
  });

  it('names the detail row where it happens', () => {
    const form = cleanForm();
    const detail = form.funds.rows[1];
    if (!detail) throw new Error('no detail row');
    detail.fullYearBudget = 50;
    detail.executed = 60;
    const f = expectFinding(form, {
      code: 'executed-over-budget',
      level: 'error',
      section: 'funds',
      row: 1,
      field: 'executed',
    });
    expect(f.message).toContain(detail.source);
    detail.executed = 50;
    expect(findingsOf(form)).toEqual([]);
  });
});

describe('execution-inconsistent', () => {
  it('printed rate that does not match 执行数/预算数', () => {
    const form = cleanForm();
    form.funds.printedRate = 0.9;
    const f = expectFinding(form, {
      code: 'execution-inconsistent',
      level: 'error',
      section: 'funds',
      row: 0,
      field: 'rate',
    });
    expect(f.message).toContain('90.00%');
    expect(f.message).toContain('100.00%');
    form.funds.printedRate = 1;
    expect(findingsOf(form)).toEqual([]);
  });

  it('printed rate rounded to two decimals of a percent is accepted (002-07: 76.9 / 80 = 96.13%)', () => {
    const form = cleanForm();
    fundsTotal(form).fullYearBudget = 80;
    fundsTotal(form).executed = 76.9;
    form.funds.printedRate = 0.9613;
    form.funds.printedScore = 9.61;
    expectNoFinding(form, 'execution-inconsistent');
  });

  it('printed execution score that does not match the rate', () => {
    const form = cleanForm();
    form.funds.printedScore = 9;
    const f = expectFinding(form, {
      code: 'execution-inconsistent',
      level: 'error',
      section: 'funds',
      row: 0,
      field: 'score',
    });
    expect(f.message).toContain('9');
    form.funds.printedScore = 10;
    expect(findingsOf(form)).toEqual([]);
  });
});

describe('deviation-reason-missing', () => {
  it('is an error when a line scores below its weight with no 偏差原因', () => {
    const form = cleanForm();
    ind(form, 1).actual = '90%'; // 90 / 95 × 15 = 14.21
    expect(score(form).indicators[1]?.final).toBe(14.21);
    const f = expectFinding(form, {
      code: 'deviation-reason-missing',
      level: 'error',
      section: 'indicator',
      row: 1,
      field: 'deviationReason',
    });
    expect(f.message).toContain('偏差原因');
    ind(form, 1).deviationReason = '部分路段施工，未能达标；明年加强调度';
    expect(findingsOf(form)).toEqual([]);
  });
});

describe('manual-no-reason', () => {
  it('is an error when a manual score differs from the suggestion and has no reason', () => {
    const form = cleanForm();
    ind(form, 0).score = 15;
    ind(form, 0).deviationReason = '车辆故障停运';
    const f = expectFinding(form, {
      code: 'manual-no-reason',
      level: 'error',
      section: 'indicator',
      row: 0,
      field: 'scoreReason',
    });
    expect(f.message).toContain('15');
    expect(f.message).toContain('20');
    ind(form, 0).scoreReason = '按实际作业天数酌情扣分';
    expectNoFinding(form, 'manual-no-reason');
    expectNoFinding(form, 'imported-score');
    expect(findingsOf(form)).toEqual([]);
  });

  it('is not raised for a manual score equal to the suggestion', () => {
    const form = cleanForm();
    ind(form, 0).score = 20;
    expect(findingsOf(form)).toEqual([]);
  });

  it('is an error for a manual budget execution score without reason', () => {
    const form = cleanForm();
    form.funds.score = 8;
    expectFinding(form, {
      code: 'manual-no-reason',
      level: 'error',
      section: 'funds',
      row: 0,
      field: 'scoreReason',
    });
    form.funds.scoreReason = '资金拨付滞后';
    expectNoFinding(form, 'manual-no-reason');
  });
});

describe('imported-score', () => {
  it('is a warning (not manual-no-reason) when the reason is exactly 导入原表得分', () => {
    expect(IMPORTED_SCORE_REASON).toBe('导入原表得分');
    const form = cleanForm();
    ind(form, 0).score = 15;
    ind(form, 0).scoreReason = IMPORTED_SCORE_REASON;
    ind(form, 0).deviationReason = '车辆故障停运';
    const f = expectFinding(form, {
      code: 'imported-score',
      level: 'warning',
      section: 'indicator',
      row: 0,
      field: 'score',
    });
    expect(f.message).toContain('15');
    expect(f.message).toContain('20');
    expectNoFinding(form, 'manual-no-reason');
    expect(findingsOf(form).filter((x) => x.level === 'error')).toEqual([]);
    // the reviewer writes their own reason: the warning goes away
    ind(form, 0).scoreReason = '复核后维持原表得分：车辆故障停运';
    expectNoFinding(form, 'imported-score');
    expect(findingsOf(form)).toEqual([]);
  });

  it('is not raised when the imported score equals the suggestion', () => {
    const form = cleanForm();
    ind(form, 0).score = 20;
    ind(form, 0).scoreReason = IMPORTED_SCORE_REASON;
    expect(findingsOf(form)).toEqual([]);
  });

  it('is a warning for a printed budget execution score kept on import, too', () => {
    const form = cleanForm();
    const suggested = scoreForm(form, getLayout('national')).execution.suggested;
    form.funds.score = 7.5;
    form.funds.scoreReason = IMPORTED_SCORE_REASON;
    const f = expectFinding(form, {
      code: 'imported-score',
      level: 'warning',
      section: 'funds',
      row: 0,
      field: 'score',
    });
    expect(f.message).toContain('预算执行率');
    expect(f.message).toContain('7.5');
    expect(f.message).toContain(String(suggested));
    expectNoFinding(form, 'manual-no-reason');
    form.funds.scoreReason = '复核后维持原表得分';
    expectNoFinding(form, 'imported-score');
  });
});

describe('overshoot-full', () => {
  it('is a warning when actual ≥ 1.2 × target and full marks are kept with no 偏差原因', () => {
    const form = cleanForm();
    ind(form, 0).actual = '12台';
    expect(score(form).indicators[0]?.final).toBe(20);
    const f = expectFinding(form, {
      code: 'overshoot-full',
      level: 'warning',
      section: 'indicator',
      row: 0,
      field: 'actual',
    });
    expect(f.message).toContain('20.00%');
    ind(form, 0).deviationReason = '年中追加作业区域，指标值设定偏低';
    expect(findingsOf(form)).toEqual([]);
  });

  it('is not raised below the threshold (1.1 ×)', () => {
    const form = cleanForm();
    ind(form, 0).actual = '11台';
    expect(findingsOf(form)).toEqual([]);
  });

  it('is not raised once the reviewer reduces the score by the deviation (002: 8 → 10 次/天, 7.5)', () => {
    const form = cleanForm();
    ind(form, 0).target = '=8次/天';
    ind(form, 0).actual = '=10次/天';
    ind(form, 0).weight = 10;
    ind(form, 1).weight = 25;
    expectFinding(form, {
      code: 'overshoot-full',
      level: 'warning',
      section: 'indicator',
      row: 0,
      field: 'actual',
    });
    ind(form, 0).score = 7.5;
    ind(form, 0).scoreReason = '完成值高于指标值较多，按偏离度调减';
    ind(form, 0).deviationReason = '作业频次增加';
    expect(findingsOf(form)).toEqual([]);
    expect(score(form).total).toBe(97.5);
  });
});

describe('late-needs-tier', () => {
  it('is an error when a time target is missed (6月 → 8月) and no tier is chosen', () => {
    const form = cleanForm();
    ind(form, 2).target = '6月';
    ind(form, 2).actual = '8月';
    const f = expectFinding(form, {
      code: 'late-needs-tier',
      level: 'error',
      section: 'indicator',
      row: 2,
      field: 'tier',
    });
    expect(f.message).toContain('逾期');
    expect(score(form).indicators[2]?.suggested).toBeNull();
    ind(form, 2).tier = '部分达成';
    ind(form, 2).deviationReason = '招标流程延误两个月';
    expectNoFinding(form, 'late-needs-tier');
    expect(findingsOf(form)).toEqual([]);
    expect(score(form).indicators[2]?.final).toBe(8);
  });

  it('is not raised when on time (6月 → 5月)', () => {
    const form = cleanForm();
    ind(form, 2).target = '6月';
    ind(form, 2).actual = '5月';
    expect(findingsOf(form)).toEqual([]);
  });

  it('is cleared by a manual score with reason', () => {
    const form = cleanForm();
    ind(form, 2).target = '6月';
    ind(form, 2).actual = '8月';
    ind(form, 2).score = 6;
    ind(form, 2).scoreReason = '逾期两个月';
    ind(form, 2).deviationReason = '招标流程延误';
    expect(findingsOf(form)).toEqual([]);
  });
});

describe('needs-judgement', () => {
  it('is an error when a qualitative line cannot be scored automatically', () => {
    const form = cleanForm();
    ind(form, 4).target = '保障';
    ind(form, 4).actual = '有所改善';
    const f = expectFinding(form, {
      code: 'needs-judgement',
      level: 'error',
      section: 'indicator',
      row: 4,
      field: 'score',
    });
    expect(f.message).toContain('达成');
    ind(form, 4).tier = '达成';
    expect(findingsOf(form)).toEqual([]);
  });

  it('is not raised when the actual selects a tier (达成预期指标)', () => {
    const form = cleanForm();
    ind(form, 4).target = '保障';
    ind(form, 4).actual = '达成预期指标';
    expect(findingsOf(form)).toEqual([]);
  });
});

describe('unreadable-value', () => {
  it('is a warning on a target that holds only an operator (≥%)', () => {
    const form = cleanForm();
    ind(form, 1).target = '≥%';
    const f = expectFinding(form, {
      code: 'unreadable-value',
      level: 'warning',
      section: 'indicator',
      row: 1,
      field: 'target',
    });
    expect(f.message).toContain('≥%');
    ind(form, 1).target = '≥95%';
    expect(findingsOf(form)).toEqual([]);
  });

  it('is a warning on an actual that holds only an operator (≥%)', () => {
    const form = cleanForm();
    ind(form, 5).actual = '≥%';
    expectFinding(form, {
      code: 'unreadable-value',
      level: 'warning',
      section: 'indicator',
      row: 5,
      field: 'actual',
    });
    expectNoFinding(form, 'needs-judgement');
    ind(form, 5).actual = '95%';
    expect(findingsOf(form)).toEqual([]);
  });

  it('is not raised once the line is scored by hand', () => {
    const form = cleanForm();
    ind(form, 5).actual = '≥%';
    ind(form, 5).score = 10;
    ind(form, 5).scoreReason = '满意度调查结果 96%';
    expectNoFinding(form, 'unreadable-value');
  });
});

describe('unit-mismatch', () => {
  it('is a warning when actual and target units differ (台 vs 个)', () => {
    const form = cleanForm();
    ind(form, 0).actual = '10个';
    expectFinding(form, {
      code: 'unit-mismatch',
      level: 'warning',
      section: 'indicator',
      row: 0,
      field: 'actual',
    });
    ind(form, 0).actual = '10台';
    expect(findingsOf(form)).toEqual([]);
  });

  it('is not raised for money units that convert (万元 vs 元)', () => {
    const form = cleanForm();
    ind(form, 3).actual = '48000元';
    expect(findingsOf(form)).toEqual([]);
  });
});

describe('tier-share-out-of-range', () => {
  it('is a warning when the share is outside the chosen tier', () => {
    const form = cleanForm();
    ind(form, 4).tier = '达成';
    ind(form, 4).tierShare = 0.5;
    ind(form, 4).deviationReason = '部分区域未改善';
    const f = expectFinding(form, {
      code: 'tier-share-out-of-range',
      level: 'warning',
      section: 'indicator',
      row: 4,
      field: 'tierShare',
    });
    expect(f.message).toContain('等级');
    expect(score(form).indicators[4]?.final).toBe(24); // clamped to 80% of 30
    ind(form, 4).tierShare = 0.9;
    expectNoFinding(form, 'tier-share-out-of-range');
    expect(findingsOf(form)).toEqual([]);
  });
});

describe('rule-not-applied', () => {
  it('is a warning when the 评分标准 mentions a deduction that cannot be read', () => {
    const form = cleanForm();
    ind(form, 1).ruleText = '未达标的酌情扣分';
    expectFinding(form, {
      code: 'rule-not-applied',
      level: 'warning',
      section: 'indicator',
      row: 1,
      field: 'ruleText',
    });
    ind(form, 1).ruleText = '每低于1%扣1分';
    expectNoFinding(form, 'rule-not-applied');
    expect(findingsOf(form)).toEqual([]);
  });

  it('applies a readable rule (每减少1%扣1分) instead of warning', () => {
    const form = cleanForm();
    ind(form, 1).ruleText = '每减少1%扣1分';
    ind(form, 1).actual = '93%';
    ind(form, 1).deviationReason = '雨季影响';
    const result = score(form);
    expect(result.indicators[1]?.final).toBe(13);
    expect(result.findings).toEqual([]);
  });
});

describe('printed-total-mismatch', () => {
  it('is an error when the printed total is not the sum of the lines', () => {
    const form = cleanForm();
    form.printedTotal = 90;
    const f = expectFinding(form, {
      code: 'printed-total-mismatch',
      level: 'error',
      section: 'total',
      field: 'total',
    });
    expect(f.row).toBeUndefined();
    expect(f.message).toContain('90');
    expect(f.message).toContain('100');
    form.printedTotal = 100;
    expect(findingsOf(form)).toEqual([]);
  });
});

describe('grade-mismatch', () => {
  it('is an error when the printed grade does not match the total', () => {
    const form = cleanForm();
    form.printedGrade = '良';
    const f = expectFinding(form, {
      code: 'grade-mismatch',
      level: 'error',
      section: 'total',
      field: 'grade',
    });
    expect(f.message).toContain('良');
    expect(f.message).toContain('优');
    form.printedGrade = '优';
    expect(findingsOf(form)).toEqual([]);
  });

  it('judges the printed grade against the printed total when there is one', () => {
    const form = cleanForm();
    form.printedTotal = 85;
    form.printedGrade = '优';
    const codes = codesOf(form);
    expect(codes).toContain('printed-total-mismatch');
    expect(codes).toContain('grade-mismatch');
    form.printedGrade = '良';
    expect(codesOf(form)).not.toContain('grade-mismatch');
  });
});

describe('text-too-long', () => {
  // Excel keeps at most 32,767 characters in a cell; a longer one makes it call the file damaged.
  it('is an error for an indicator cell or a header field longer than one Excel cell holds', () => {
    const form = cleanForm();
    const ind = form.indicators[1] as Indicator;
    ind.deviationReason = '因'.repeat(32_768);
    const f = expectFinding(form, {
      code: 'text-too-long',
      level: 'error',
      section: 'indicator',
      row: 1,
      field: 'deviationReason',
    });
    expect(f.message).toContain('32,768 字');
    ind.deviationReason = '因'.repeat(32_767);
    expect(findingsOf(form)).toEqual([]);

    form.unit = '单'.repeat(40_000);
    expectFinding(form, { code: 'text-too-long', level: 'error', section: 'header', field: 'unit' });
    form.unit = '某单位';
    form.header = { contact: '联'.repeat(40_000) };
    expectFinding(form, { code: 'text-too-long', level: 'error', section: 'header', field: 'contact' });
  });

  it('covers every text field of a line', () => {
    for (const field of INDICATOR_TEXT_FIELDS) {
      const form = cleanForm();
      (form.indicators[0] as Indicator)[field] = '长'.repeat(33_000);
      expect(
        findingsOf(form)
          .filter((f) => f.code === 'text-too-long')
          .map((f) => [f.row, f.field]),
        field,
      ).toEqual([[0, field]]);
    }
  });

  it('leaves long goals and analysis texts alone: the export spreads them over rows', () => {
    const form = cleanForm();
    form.goals.expected = '目'.repeat(100_000);
    form.analysis['偏差原因分析'] = '析'.repeat(100_000);
    expectNoFinding(form, 'text-too-long');
  });
});

describe('every finding code', () => {
  it('has been triggered by a test above', () => {
    expect([...triggered].sort()).toEqual(Object.keys(ALL_CODES).sort());
  });
});

describe('real transcribed forms (tests/fixtures/forms)', () => {
  const dir = new URL('../fixtures/forms/', import.meta.url);
  const load = (name: string) => {
    const raw: unknown = JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8'));
    const parsed = parseFormJson(raw, name);
    if (!parsed.ok) throw new Error(parsed.error.join('; '));
    return { ...parsed.value, result: scoreForm(parsed.value.form, getLayout(parsed.value.layout)) };
  };
  const WRONG = ['002-02', '002-04', '002-08', '002-13', '002-16'];
  const RIGHT = [
    '002-01',
    '002-03',
    '002-05',
    '002-06',
    '002-07',
    '002-09',
    '002-10',
    '002-11',
    '002-12',
    '002-14',
    '002-15',
    '002-17',
    '004-02',
    '004-03',
    '004-04',
    '004-05',
    '004-06',
    '004-07',
  ];

  it.each(WRONG)('%s has wrong printed arithmetic: printed-total-mismatch', (name) => {
    const { form, result } = load(name);
    const f = result.findings.find((x) => x.code === 'printed-total-mismatch');
    expect(f).toMatchObject({ level: 'error', section: 'total', field: 'total' });
    expect(f?.message).toContain(String(form.printedTotal));
  });

  it.each(RIGHT)('%s has right printed arithmetic: no printed-total-mismatch or grade-mismatch', (name) => {
    const { form, result } = load(name);
    expect(form.printedTotal).not.toBeNull();
    expect(result.total).toBe(form.printedTotal);
    const codes = result.findings.map((x) => x.code);
    expect(codes).not.toContain('printed-total-mismatch');
    expect(codes).not.toContain('grade-mismatch');
  });

  it('002-13 also has grade-mismatch (良 printed, total printed 69.75)', () => {
    const { result } = load('002-13');
    const f = result.findings.find((x) => x.code === 'grade-mismatch');
    expect(f).toMatchObject({ level: 'error', section: 'total', field: 'grade' });
    expect(f?.message).toContain('良');
    expect(f?.message).toContain('中');
  });

  it('002-06 (全年预算数 0) has budget-missing on the 资金总额 row', () => {
    const { result } = load('002-06');
    expect(result.findings.filter((x) => x.code === 'budget-missing')).toEqual([
      expect.objectContaining({ level: 'error', section: 'funds', row: 0, field: 'fullYearBudget' }),
    ]);
  });

  it('forms with the national split and weights 100 have no weights-total', () => {
    for (const name of ['002-01', '002-03', '002-05']) {
      expect(load(name).result.findings.map((x) => x.code)).not.toContain('weights-total');
    }
  });

  it('forms whose weights do not add up to 100 (002-02, 002-08, 002-16) have weights-total', () => {
    for (const name of ['002-02', '002-08', '002-16']) {
      expect(load(name).result.findings.map((x) => x.code)).toContain('weights-total');
    }
  });
});
