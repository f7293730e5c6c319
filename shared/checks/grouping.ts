/**
 * The checks panel's view of findings: grouped by kind with a count (得分低于分值：请填写偏差原因
 * ×27), so a form with many of one mistake reads as one line of work, not a flood. Totals problems
 * (分值合计 not 100, 原表总分/等级 not matching) always come first, then errors, then warnings; within
 * that, kinds in the order they first occur.
 */
import type { Finding, FindingCode } from './types';

export interface FindingGroup {
  /** Stable key of the kind: the code, refined by field where one code covers several things. */
  key: string;
  title: string;
  level: Finding['level'];
  /** The findings of this kind, in the order given. */
  findings: Finding[];
}

const TITLES: Record<FindingCode, string> = {
  'weights-total': '分值合计不是 100：请调整各指标分值',
  'level1-split': '一级指标分值与本样式默认不同：请确认',
  'score-range': '得分超出 0 到分值的范围：请改正',
  'required-empty': '必填内容未填写',
  'invalid-amount': '金额或分值无效：请改正',
  'budget-missing': '全年预算数未填写：无法计算执行率',
  'executed-over-budget': '执行数大于预算数：请核对金额',
  'execution-inconsistent': '原表执行率或得分与金额不一致：请核对',
  'deviation-reason-missing': '得分低于分值：请填写偏差原因',
  'manual-no-reason': '手工改分未写理由：请填写调整理由',
  'overshoot-full': '超额完成仍记满分：请说明偏差原因',
  'late-needs-tier': '逾期完成：请选择等级或手工打分',
  'needs-judgement': '无法自动评分：请选择等级或手工打分',
  'unreadable-value': '指标值或完成值无法识别',
  'unit-mismatch': '完成值与指标值单位不同：请核对',
  'tier-share-out-of-range': '得分比例不在等级范围内：请核对',
  'rule-not-applied': '评分标准无法自动套用：请核对得分',
  'imported-score': '保留了原表得分：请复核',
  'printed-total-mismatch': '原表总分与各项得分合计不一致：请核对',
  'grade-mismatch': '原表等级与总分不符：请改正',
  'text-too-long': '文字超出 Excel 一格的长度：请精简',
};

/** 必填内容 by the field left empty, so that 实际完成值 and 指标值 are separate pieces of work. */
const REQUIRED_TITLES: Record<string, string> = {
  projectName: '名称未填写',
  name: '三级指标名称未填写',
  weight: '分值未填写',
  target: '指标值未填写',
  actual: '实际完成值未填写',
  executed: '全年执行数未填写',
};

/** The codes that concern the whole form's score: shown above everything else. */
const TOTALS: ReadonlySet<FindingCode> = new Set([
  'weights-total',
  'printed-total-mismatch',
  'grade-mismatch',
]);

export function findingKind(f: Finding): { key: string; title: string } {
  if (f.code === 'required-empty') {
    const title = REQUIRED_TITLES[f.field ?? ''];
    if (title) return { key: `${f.code}:${f.field ?? ''}`, title: `${title}：请填写` };
  }
  return { key: f.code, title: TITLES[f.code] };
}

function rank(g: FindingGroup): number {
  const totals = g.findings.some((f) => TOTALS.has(f.code)) ? 0 : 2;
  return totals + (g.level === 'error' ? 0 : 1);
}

/** Findings grouped by kind (and level), totals first, then errors, then warnings. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const kind = findingKind(f);
    const key = `${kind.key}|${f.level}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, title: kind.title, level: f.level, findings: [] };
      groups.set(key, group);
    }
    group.findings.push(f);
  }
  // Array.prototype.sort is stable: equal ranks keep the order of first occurrence.
  return [...groups.values()].sort((a, b) => rank(a) - rank(b));
}

/** The collapsed panel's line: counts and the first thing to fix. */
export function checksSummary(groups: readonly FindingGroup[]): {
  errors: number;
  warnings: number;
  first: Finding | null;
} {
  let errors = 0;
  let warnings = 0;
  for (const g of groups) {
    if (g.level === 'error') errors += g.findings.length;
    else warnings += g.findings.length;
  }
  const first = groups.find((g) => g.level === 'error')?.findings[0] ?? groups[0]?.findings[0] ?? null;
  return { errors, warnings, first };
}
