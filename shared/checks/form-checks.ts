/**
 * The checks (审核) of scoring.md §5–6, run on a scored form. Each finding names the exact
 * cell and says what to do. Errors block export (unless exported as a draft); warnings do not.
 */
import type { Form, Indicator } from '../model/types';
import type { LayoutDef } from '../layouts/types';
import { fmtNum, fmtPct, round2 } from '../format/numbers';
import { fundsScoreRowIndex, fundsTotalRow } from '../model/funds-rows';
import { gradeFor } from '../layouts/grade';
import type { FormResult, IndicatorResult } from '../scoring/types';
import { overlongTexts } from './text-length';
import type { Finding, FindingCode, FindingLevel, FindingLocation } from './types';

/** The reason an import gives to a printed score that differs from the suggestion (§6). */
export const IMPORTED_SCORE_REASON = '导入原表得分';

const EPS = 0.005;

type Emit = (
  code: FindingCode,
  level: FindingLevel,
  where: Omit<FindingLocation, 'formId'>,
  message: string,
) => void;

export function checkForm(form: Form, layout: LayoutDef, result: FormResult): Finding[] {
  const findings: Finding[] = [];
  const emit: Emit = (code, level, where, message) => {
    const f: Finding = { code, level, formId: form.id, section: where.section, message };
    if (where.row !== undefined) f.row = where.row;
    if (where.field !== undefined) f.field = where.field;
    findings.push(f);
  };

  checkHeader(form, emit);
  checkFunds(form, layout, result, emit);
  // A form without a 偏差原因 column (004's project form) cannot be asked to fill one.
  const asksReason = layout.kinds[form.kind].indicatorColumns.some((c) => c.key === 'deviationReason');
  form.indicators.forEach((ind, i) => {
    const line = result.indicators[i];
    if (line) checkIndicator(ind, i, line, layout, asksReason, emit);
  });
  checkTotals(form, layout, result, emit);
  for (const { where, why } of overlongTexts(form)) {
    const place = where.section === 'header' ? '表头' : `第 ${(where.row ?? 0) + 1} 行`;
    emit(
      'text-too-long',
      'error',
      where,
      `${place}的一格${why}，导出的文件在 Excel 中无法原样打开：请精简这段文字`,
    );
  }
  return findings;
}

function checkHeader(form: Form, emit: Emit): void {
  if (form.projectName.trim() === '') {
    const what = form.kind === 'department' ? '单位名称' : '项目名称';
    emit(
      'required-empty',
      'error',
      { section: 'header', field: 'projectName' },
      `${what}未填写：请填写${what}`,
    );
  }
}

function checkFunds(form: Form, layout: LayoutDef, result: FormResult, emit: Emit): void {
  const funds = form.funds;
  const total = fundsTotalRow(funds, layout.kinds[form.kind].fundsRows);
  const totalIndex = total ? funds.rows.indexOf(total) : 0;
  // 分值/执行率/得分 may sit on another row than the total's amounts (新疆's 单位整体 form).
  const scoreRow = fundsScoreRowIndex(funds, layout.kinds[form.kind]);
  const totalName = total && total.source.trim() !== '' ? `“${total.source.trim()}”` : '资金总额';
  const ex = result.execution;
  if (!total || total.fullYearBudget == null || total.fullYearBudget <= 0) {
    emit(
      'budget-missing',
      'error',
      { section: 'funds', row: totalIndex, field: 'fullYearBudget' },
      `全年预算数未填写或不大于 0，无法计算执行率：请填写${totalName}的全年预算数`,
    );
  }
  if (total && total.executed == null) {
    emit(
      'required-empty',
      'error',
      { section: 'funds', row: totalIndex, field: 'executed' },
      `全年执行数未填写：请填写${totalName}的全年执行数`,
    );
  }
  funds.rows.forEach((row, i) => {
    for (const field of AMOUNT_FIELDS) {
      const v = row[field];
      if (v != null && v < 0) {
        emit(
          'invalid-amount',
          'error',
          { section: 'funds', row: i, field },
          `“${row.source}”${AMOUNT_TITLES[field]} ${fmtNum(v)} 为负数：请填写不小于 0 的金额（万元）`,
        );
      }
    }
    if (row.group !== undefined) return;
    if (
      row.fullYearBudget != null &&
      row.fullYearBudget > 0 &&
      row.executed != null &&
      row.executed > row.fullYearBudget + 1e-9
    ) {
      emit(
        'executed-over-budget',
        'error',
        { section: 'funds', row: i, field: 'executed' },
        `“${row.source}”全年执行数 ${fmtNum(row.executed)} 大于全年预算数 ${fmtNum(row.fullYearBudget)}：请核对金额（执行率超过 100% 按满分计）`,
      );
    }
  });
  if (ex.manual) {
    if (ex.final < 0 || ex.final > ex.weight + EPS) {
      emit(
        'score-range',
        'error',
        { section: 'funds', row: scoreRow, field: 'score' },
        `预算执行率得分 ${fmtNum(ex.final)} 超出 0–${fmtNum(ex.weight)}：请改正`,
      );
    }
    const suggested = ex.suggested;
    const reason = funds.scoreReason.trim();
    if (suggested !== null && Math.abs(ex.final - suggested) > EPS) {
      if (reason === '') {
        emit(
          'manual-no-reason',
          'error',
          { section: 'funds', row: scoreRow, field: 'scoreReason' },
          `预算执行率得分手工改为 ${fmtNum(ex.final)}（按执行率应为 ${fmtNum(suggested)}）：请填写调整理由`,
        );
      } else if (reason === IMPORTED_SCORE_REASON) {
        emit(
          'imported-score',
          'warning',
          { section: 'funds', row: scoreRow, field: 'score' },
          `预算执行率保留了原表得分 ${fmtNum(ex.final)}（按执行率应为 ${fmtNum(suggested)}）：请复核`,
        );
      }
    }
  }
  if (
    ex.rate !== null &&
    funds.printedRate != null &&
    Math.abs(round2(ex.rate * 100) - round2(funds.printedRate * 100)) > 0.011
  ) {
    emit(
      'execution-inconsistent',
      'error',
      { section: 'funds', row: scoreRow, field: 'rate' },
      `原表执行率 ${fmtPct(funds.printedRate)} 与执行数/预算数算出的 ${fmtPct(ex.rate)} 不一致：请核对金额`,
    );
  }
  if (
    ex.suggested !== null &&
    funds.printedScore != null &&
    !ex.manual &&
    Math.abs(funds.printedScore - ex.suggested) > EPS
  ) {
    emit(
      'execution-inconsistent',
      'error',
      { section: 'funds', row: scoreRow, field: 'score' },
      `原表预算执行得分 ${fmtNum(funds.printedScore)} 与按执行率算出的 ${fmtNum(ex.suggested)} 不一致：请核对`,
    );
  }
}

const AMOUNT_FIELDS = ['targetDeclared', 'initialBudget', 'fullYearBudget', 'executed', 'carryover'] as const;
const AMOUNT_TITLES: Record<(typeof AMOUNT_FIELDS)[number], string> = {
  targetDeclared: '目标申报数',
  initialBudget: '年初预算数',
  fullYearBudget: '全年预算数',
  executed: '全年执行数',
  carryover: '资金结(转)余',
};

function rowLabel(ind: Indicator, i: number): string {
  const name = ind.name.trim();
  return name ? `第 ${i + 1} 行“${name}”` : `第 ${i + 1} 行`;
}

function at(row: number, field: string): Omit<FindingLocation, 'formId'> {
  return { section: 'indicator', row, field };
}

function checkIndicator(
  ind: Indicator,
  i: number,
  line: IndicatorResult,
  layout: LayoutDef,
  asksReason: boolean,
  emit: Emit,
): void {
  const w = line.weight;
  const short = asksReason && w !== null && line.final < w - EPS && ind.deviationReason.trim() === '';
  const overridden = line.manual && line.suggested !== null && Math.abs(line.final - line.suggested) > EPS;
  // A weight of 0 or below is its own error; the score is not measured against it.
  const outOfRange = w !== null && w > 0 && (line.final < -EPS || line.final > w + EPS);
  // Most lines are clean: leave before building any message.
  if (line.flags.length === 0 && !short && !overridden && !outOfRange && ind.name.trim() !== '') return;
  const label = rowLabel(ind, i);
  const flags = line.flags;

  if (ind.name.trim() === '')
    emit('required-empty', 'error', at(i, 'name'), `第 ${i + 1} 行三级指标名称未填写：请填写指标名称`);
  if (flags.includes('missingWeight')) {
    const how = layout.policy.equalSplit ? '请填写二级指标权重或本行权重' : '请填写分值';
    emit('required-empty', 'error', at(i, 'weight'), `${label}分值未填写：${how}`);
  }
  if (flags.includes('badWeight')) {
    emit(
      'invalid-amount',
      'error',
      at(i, 'weight'),
      `${label}分值 ${fmtNum(ind.weight ?? 0)} 不大于 0：请填写大于 0 的分值`,
    );
  }
  if (flags.includes('missingTarget'))
    emit('required-empty', 'error', at(i, 'target'), `${label}指标值未填写：请填写年度指标值`);
  if (flags.includes('missingActual'))
    emit('required-empty', 'error', at(i, 'actual'), `${label}实际完成值未填写：请填写实际完成值`);

  if (w !== null && outOfRange) {
    emit(
      'score-range',
      'error',
      at(i, 'score'),
      `${label}得分 ${fmtNum(line.final)} 超出 0–${fmtNum(w)}：请改正，得分不能高于分值、不能为负`,
    );
  }
  if (overridden && line.suggested !== null) {
    if (ind.scoreReason.trim() === '') {
      emit(
        'manual-no-reason',
        'error',
        at(i, 'scoreReason'),
        `${label}得分手工改为 ${fmtNum(line.final)}（建议 ${fmtNum(line.suggested)}）：请填写调整理由`,
      );
    } else if (ind.scoreReason.trim() === IMPORTED_SCORE_REASON) {
      emit(
        'imported-score',
        'warning',
        at(i, 'score'),
        `${label}保留了原表得分 ${fmtNum(line.final)}（按规则建议 ${fmtNum(line.suggested)}）：请复核`,
      );
    }
  }
  if (!line.manual && (flags.includes('late') || flags.includes('needsJudgement'))) {
    emit(
      flags.includes('late') ? 'late-needs-tier' : 'needs-judgement',
      'error',
      at(i, flags.includes('late') ? 'tier' : 'score'),
      flags.includes('late')
        ? `${label}逾期完成：请选择等级（部分达成/未达成）或手工打分`
        : `${label}无法自动评分：请选择等级（达成/部分达成/未达成）或手工打分`,
    );
  }
  if (short) {
    emit(
      'deviation-reason-missing',
      'error',
      at(i, 'deviationReason'),
      `${label}得分低于分值：请填写偏差原因分析及改进措施`,
    );
  }
  if (
    flags.includes('overshoot') &&
    w !== null &&
    line.final >= w - EPS &&
    ind.deviationReason.trim() === ''
  ) {
    emit(
      'overshoot-full',
      'warning',
      at(i, 'actual'),
      `${label}完成值超出指标值 ${fmtPct((line.completionRate ?? 1) - 1)} 仍记满分：请说明偏差原因，或按偏离度调减得分`,
    );
  }
  if (!line.manual) {
    if (flags.includes('unreadableTarget')) {
      emit(
        'unreadable-value',
        'warning',
        at(i, 'target'),
        `${label}指标值“${ind.target.trim()}”无法识别：请按“≥90%”“≤20万元”等格式填写，或手工打分`,
      );
    }
    if (flags.includes('unreadableActual')) {
      emit(
        'unreadable-value',
        'warning',
        at(i, 'actual'),
        `${label}实际完成值“${ind.actual.trim()}”无法识别：请填写数值，或手工打分`,
      );
    }
    if (flags.includes('ruleNotApplied')) {
      emit(
        'rule-not-applied',
        'warning',
        at(i, 'ruleText'),
        `${label}评分标准无法自动套用：请按评分标准核对得分`,
      );
    }
  }
  if (flags.includes('unitMismatch')) {
    emit('unit-mismatch', 'warning', at(i, 'actual'), `${label}实际完成值与指标值单位不同：请核对单位`);
  }
  if (flags.includes('tierShareOutOfRange')) {
    emit(
      'tier-share-out-of-range',
      'warning',
      at(i, 'tierShare'),
      `${label}得分比例不在所选等级的范围内：已按等级边界计算，请核对`,
    );
  }
}

function checkTotals(form: Form, layout: LayoutDef, result: FormResult, emit: Emit): void {
  const total = { section: 'total' as const };
  if (Math.abs(result.weightTotal - 100) > EPS) {
    emit(
      'weights-total',
      'error',
      { ...total, field: 'weight' },
      `分值合计为 ${fmtNum(result.weightTotal)}（含预算执行率 ${fmtNum(result.execution.weight)}），应为 100：请调整各指标分值`,
    );
  }
  if (layout.kinds[form.kind].checkSplit) {
    const split = mergedSplit(result.level1Weights, layout.policy.splitSharesWith);
    const expected = layout.policy.defaultSplit;
    const names = new Set([...Object.keys(expected), ...Object.keys(split)]);
    const differs = [...names].some((n) => Math.abs((split[n] ?? 0) - (expected[n] ?? 0)) > EPS);
    if (differs && form.indicators.length > 0) {
      const want = Object.entries(expected)
        .map(([n, v]) => `${n} ${v}`)
        .join('、');
      const have = Object.entries(split)
        .map(([n, v]) => `${n || '（未填一级指标）'} ${fmtNum(v)}`)
        .join('、');
      emit(
        'level1-split',
        'warning',
        { ...total, field: 'level1' },
        `一级指标分值为 ${have}，与本样式默认的 ${want} 不同：请确认符合本地要求`,
      );
    }
  }
  if (form.printedTotal != null && Math.abs(form.printedTotal - result.total) > EPS) {
    emit(
      'printed-total-mismatch',
      'error',
      { ...total, field: 'total' },
      `原表总分 ${fmtNum(form.printedTotal)} 与各项得分合计 ${fmtNum(result.total)} 不一致：请核对各项得分或总分`,
    );
  }
  if (form.printedGrade != null) {
    const basis = form.printedTotal ?? result.total;
    const expected = gradeFor(basis, layout.policy);
    if (expected !== form.printedGrade) {
      emit(
        'grade-mismatch',
        'error',
        { ...total, field: 'grade' },
        `原表等级“${form.printedGrade}”与总分 ${fmtNum(basis)} 对应的等级“${expected}”不符：请改正等级`,
      );
    }
  }
}

function mergedSplit(
  level1Weights: Record<string, number>,
  sharesWith: Record<string, string>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, w] of Object.entries(level1Weights)) {
    const key = sharesWith[name] ?? name;
    out[key] = round2((out[key] ?? 0) + w);
  }
  return out;
}
