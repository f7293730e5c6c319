/**
 * The sample's forms as a finished self-evaluation would have them (issue #19: the bundled sample
 * is a clean example that exports without 草稿), and one form that shows the typical mistakes on
 * purpose. The transcribed paper forms (tests/fixtures/forms) are kept as they are for the tests;
 * here each finding of the checks is settled the way an author would (but in the one form kept
 * with its mistakes on purpose): a missing 实际完成值 filled,
 * a 偏差原因 written, 分值 brought to 100 and to the layout's 一级 split, printed totals (kept from
 * the paper) dropped since the document scores itself.
 */
import { checkForm } from '../shared/checks/form-checks';
import type { Finding } from '../shared/checks/types';
import type { LayoutDef } from '../shared/layouts/types';
import { fundsTotalRow } from '../shared/model/funds-rows';
import type { Form, Indicator } from '../shared/model/types';
import { scoreForm } from '../shared/scoring/form';

export const MISTAKES_MARK = '（示例：常见错误）';

const DEVIATION =
  '受项目实施进度和外部条件影响，未完全达到年度指标值；下一年度将加强过程监控，按月调度，确保按期完成。';
const OVERSHOOT = '实际完成情况好于年初预期，主要是年中追加了工作任务；下一年度将据实设定指标值。';
const CHECKED = '已按评分标准逐项核对';

/** Integer weights in proportion to `weights`, summing to `total` (largest remainder). */
function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (w / sum) * total : total / weights.length));
  const out = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0, left = total - out.reduce((a, b) => a + b, 0); k < left; k++) {
    const i = order[k % order.length]?.[1] ?? 0;
    out[i] = (out[i] ?? 0) + 1;
  }
  return out;
}

/** 分值 of each 一级 brought to the layout's split (成本指标 counted with 产出指标, as the check does). */
function splitWeights(form: Form, layout: LayoutDef): void {
  const { defaultSplit, splitSharesWith } = layout.policy;
  const groups = new Map<string, Indicator[]>();
  for (const ind of form.indicators) {
    const key = splitSharesWith[ind.level1.trim()] ?? ind.level1.trim();
    groups.set(key, [...(groups.get(key) ?? []), ind]);
  }
  for (const [name, lines] of groups) {
    const want = defaultSplit[name];
    if (want === undefined) continue;
    const weights = apportion(
      lines.map((l) => l.weight ?? 0),
      want,
    );
    lines.forEach((line, i) => {
      const w = weights[i] ?? 0;
      // A score set by hand keeps its share of the new 分值.
      if (line.score !== null && line.weight)
        line.score = Math.round((line.score / line.weight) * w * 100) / 100;
      line.weight = w;
    });
  }
}

function settle(form: Form, f: Finding, layout: LayoutDef): void {
  const ind = f.section === 'indicator' ? form.indicators[f.row ?? -1] : undefined;
  const line = ind ? scoreForm(form, layout).indicators[f.row ?? -1] : undefined;
  switch (f.code) {
    case 'required-empty':
      if (ind && f.field === 'actual') ind.actual = ind.target.trim() || '达成预期指标';
      if (ind && f.field === 'target') ind.target = ind.actual.trim() || '达成预期指标';
      if (f.section === 'funds') {
        const total = fundsTotalRow(form.funds, layout.kinds[form.kind].fundsRows);
        if (total) total.executed = total.fullYearBudget;
      }
      return;
    case 'budget-missing': {
      const total = fundsTotalRow(form.funds, layout.kinds[form.kind].fundsRows);
      if (total) total.fullYearBudget = total.initialBudget ?? total.executed;
      return;
    }
    case 'deviation-reason-missing':
      if (ind) ind.deviationReason = DEVIATION;
      return;
    case 'overshoot-full':
      if (ind) ind.deviationReason = OVERSHOOT;
      return;
    case 'manual-no-reason':
      if (ind) ind.scoreReason = CHECKED;
      else form.funds.scoreReason = CHECKED;
      return;
    case 'rule-not-applied':
    case 'unreadable-value':
    case 'needs-judgement':
    case 'late-needs-tier':
    case 'unit-mismatch':
      // Scored by the author against the rule: the score the line gets, set by hand, with why.
      if (ind && line) {
        ind.score = line.final;
        ind.scoreReason = CHECKED;
      }
      return;
    case 'weights-total':
    case 'level1-split':
      splitWeights(form, layout);
      return;
    case 'printed-total-mismatch':
    case 'grade-mismatch':
    case 'execution-inconsistent':
    case 'imported-score':
      // The paper's total, grade and funds figures: the document scores itself.
      delete form.printedTotal;
      delete form.printedGrade;
      delete form.funds.printedRate;
      delete form.funds.printedScore;
      return;
    default:
      throw new Error(`示例文档：“${form.projectName}”的问题无法自动处理：${f.message}`);
  }
}

/** The form with every finding settled; throws when one will not go away. */
export function cleanSampleForm(form: Form, layout: LayoutDef): Form {
  const clean = structuredClone(form);
  for (let pass = 0; pass < 5; pass++) {
    const findings = checkForm(clean, layout, scoreForm(clean, layout));
    if (findings.length === 0) return clean;
    for (const f of findings) settle(clean, f, layout);
  }
  const left = checkForm(clean, layout, scoreForm(clean, layout));
  if (left.length === 0) return clean;
  throw new Error(`示例文档：“${form.projectName}”仍有问题：${left.map((f) => f.message).join('；')}`);
}

/**
 * The form kept as its paper was filled (大气污染防治资金, ../shared/reference 004): two 实际完成值
 * left empty and 一级 分值 off the layout's split, the mistakes the checks catch most often;
 * named so that a reader of the sample knows they are on purpose.
 */
export const MISTAKES_SOURCE = '大气污染防治资金';

export function mistakesForm(form: Form): Form {
  return { ...form, projectName: `${form.projectName}${MISTAKES_MARK}` };
}
