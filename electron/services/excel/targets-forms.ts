/**
 * A declaration read from a 绩效目标申报表 → a new form of the document's layout: names, 指标值 as
 * the targets, weights (declared, or the layout's default split, said so), goals and funds;
 * 实际完成值 left empty. What the form has no place for is listed, never dropped silently.
 */
import { getLayout } from '../../../shared/layouts/definitions';
import { newForm, newIndicator } from '../../../shared/model/factory';
import type { Form, FundsRow, LayoutId } from '../../../shared/model/types';
import { proposeDefaultWeights } from '../../../shared/model/weight-split';
import { fmtAmount, fmtNum } from '../../../shared/format/numbers';
import type { Declaration } from './targets-blocks';
import type { TargetNote } from './targets-indicators';
import { alignLevels } from './targets-levels';
import { ADJUSTED_SOURCES, INITIAL_SOURCE, TOTAL_SOURCES } from './targets-labels';

export interface DeclarationReport {
  sheet: string;
  cell: string;
  name: string;
  kind: Form['kind'];
  indicators: number;
  /** What was read, one phrase each. */
  read: string[];
  /** What was not read (or needs checking), with the reason. */
  notes: TargetNote[];
}

/** Words a layout's funds row and a declared source are compared by: 其中：当年财政拨款 ~ 财政拨款. */
const sourceKey = (s: string) => s.replace(/^其中[:：]?/, '').replace(/当年|财政/g, '');

function totalRow(layout: LayoutId, form: Form): FundsRow | undefined {
  const def = getLayout(layout).kinds[form.kind].fundsRows;
  const i = def.findIndex((r) => r.total === true);
  return form.funds.rows[i >= 0 ? i : 0];
}

function placeFunds(d: Declaration, layout: LayoutId, form: Form, report: DeclarationReport): void {
  const placed: string[] = [];
  const total = totalRow(layout, form);
  // 山西 prints the 目标申报数: the declared amount itself.
  const declares = getLayout(layout).kinds[form.kind].fundsColumns.some((c) => c.key === 'targetDeclared');
  // 年初 and 调整后 amounts are the total's two budgets; set after 年度资金总额, they win over it.
  const stages = d.funds.filter((f) => f.source === INITIAL_SOURCE || ADJUSTED_SOURCES.has(f.source));
  for (const { source, amount, cell } of d.funds.filter((f) => !stages.includes(f))) {
    const row = TOTAL_SOURCES.has(source)
      ? total
      : (form.funds.rows.find((r) => !r.group && sourceKey(r.source) === sourceKey(source)) ??
        form.funds.rows.find((r) => sourceKey(r.source) === sourceKey(source)));
    if (!row) {
      report.notes.push({
        cell,
        text: fmtAmount(amount),
        reason: `${source}：${getLayout(layout).name}的自评表资金表没有这一行，未导入`,
      });
      continue;
    }
    // A declaration states one amount for the year: it is both the 年初 and the 全年预算数.
    row.initialBudget = amount;
    row.fullYearBudget = amount;
    if (declares) row.targetDeclared = amount;
    placed.push(`${row.source} ${fmtAmount(amount)} 万元`);
  }
  if (placed.length > 0)
    report.read.push(
      `资金：${placed.join('，')}（记为${declares ? '目标申报数、' : ''}年初预算数和全年预算数）`,
    );
  for (const { source, amount } of stages) {
    if (!total) continue;
    const initial = source === INITIAL_SOURCE;
    total[initial ? 'initialBudget' : 'fullYearBudget'] = amount;
    report.read.push(
      `${source} ${fmtAmount(amount)} 万元（记为${total.source}的${initial ? '年初' : '全年'}预算数）`,
    );
  }
  if (placed.length === 0 && stages.length === 0)
    report.notes.push({ reason: '没有找到资金（年度资金总额、财政拨款、其他资金）：请在自评表中填写' });
}

function placeIndicators(d: Declaration, layout: LayoutId, form: Form, report: DeclarationReport): void {
  for (const block of d.blocks) {
    report.notes.push(...block.notes);
    if (block.longTerm)
      report.notes.push({
        cell: block.cell,
        reason: `长期绩效指标 ${block.lines.length} 条：自评表评的是年度指标，未导入`,
      });
  }
  const blocks = d.blocks.filter((b) => !b.longTerm);
  if (blocks.some((b) => b.withActuals))
    report.notes.push({
      reason:
        '这是自评表（有“实际完成值”列），不是申报表：只读入了指标值；导入自评表请用“导入”（ziping import）',
    });
  const lines = blocks.flatMap((b) => b.lines);
  form.indicators = lines.map((l, i) => {
    const line = newIndicator(`i${i + 1}`, {
      level1: l.level1,
      level2: l.level2,
      name: l.name,
      target: l.target,
      basis: l.basis,
      weight: l.weight,
    });
    if (l.key) line.extra = { keyIndicator: true };
    return line;
  });
  report.indicators = lines.length;
  const renamed = alignLevels(layout, form.kind, form.indicators);
  if (renamed.length > 0)
    report.read.push(`指标层级按${getLayout(layout).name}的名称记：${renamed.join('，')}`);
  if (lines.length === 0) {
    report.notes.push({ reason: '没有年度绩效指标：请在自评表中填写指标' });
    return;
  }
  const keys = lines.filter((l) => l.key).length;
  const withTarget = lines.filter((l) => l.target !== '').length;
  report.read.push(
    `年度绩效指标 ${lines.length} 条（指标值 ${withTarget} 条${keys > 0 ? `，★核心指标 ${keys} 条` : ''}）`,
  );
  const weighed = lines.filter((l) => l.weight !== null);
  if (weighed.length > 0) {
    const sum = weighed.reduce((s, l) => s + (l.weight ?? 0), 0);
    report.read.push(`分值 ${weighed.length} 条，合计 ${fmtNum(sum)}`);
    const missing = lines.filter((l) => l.weight === null).map((l) => `“${l.name}”`);
    if (missing.length > 0)
      report.notes.push({ reason: `${missing.join('、')}没有分值：其余指标有分值，未按默认分配，请填写` });
    return;
  }
  const def = getLayout(layout);
  const { outside } = proposeDefaultWeights(def, form.indicators);
  const how =
    outside.length > 0
      ? `一级指标${outside.map((o) => `“${o}”`).join('、')}不在默认分配中，${100 - def.policy.executionWeight} 分按一级指标平均分配、再平均分给各条指标`
      : `按${def.name}的默认分配（${Object.entries(def.policy.defaultSplit)
          .map(([k, v]) => `${k} ${v}`)
          .join('、')}，预算执行率 ${def.policy.executionWeight}）平均分给各条指标`;
  report.notes.push({ reason: `申报表没有分值：权重${how}，请核对` });
}

/** The form of declaration `d` in the document's layout and year, and what was read. */
export function declarationForm(
  d: Declaration,
  layout: LayoutId,
  year: number,
  id: string,
): { form: Form; report: DeclarationReport } {
  const form = newForm(id, layout, d.kind, year, d.name);
  const report: DeclarationReport = {
    sheet: d.sheet,
    cell: d.cell,
    name: d.name,
    kind: d.kind,
    indicators: 0,
    read: [],
    notes: [...d.notes],
  };
  form.department = d.department;
  form.unit = d.unit || (d.kind === 'department' ? d.name : '');
  const header = [
    d.department ? `主管部门“${d.department}”` : '',
    d.unit ? `实施单位“${d.unit}”` : '',
  ].filter((s) => s !== '');
  if (header.length > 0) report.read.push(header.join('，'));
  else if (d.kind === 'project')
    report.notes.push({ reason: '没有找到主管部门和实施单位：请在自评表中填写' });
  placeFunds(d, layout, form, report);
  form.goals.expected = d.annualGoal || d.overallGoal;
  if (d.annualGoal) report.read.push('年度目标（记为预期目标）');
  else if (d.overallGoal) report.notes.push({ reason: '没有年度目标：预期目标取自总体目标，请核对' });
  else report.notes.push({ reason: '没有找到年度目标：请在自评表中填写预期目标' });
  if (d.tasks > 0) report.notes.push({ reason: `年度主要任务 ${d.tasks} 项：自评表没有对应栏目，未导入` });
  placeIndicators(d, layout, form, report);
  return { form, report };
}
