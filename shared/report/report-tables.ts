/**
 * The report's tables, each from one part of the document: the department's funds block, its
 * 基础数据表, its indicator table with the scores, and one line per project form.
 */
import { fmt2, fmtAmount, fmtPct, decimalsOf } from '../format/numbers';
import type { LayoutDef } from '../layouts/types';
import { BASIC_DATA_LABELS } from '../model/basic-data';
import { fundsTotalRow } from '../model/funds-rows';
import type { BasicData, Form, FundsRow } from '../model/types';
import type { FormResult } from '../scoring/types';
import type { OutlineColumn, OutlineTable, ReportFormLine } from './outline-types';

export interface ScoredForm {
  form: Form;
  result: FormResult;
}

const amount = (x: number | null | undefined): string => (x == null ? '' : fmtAmount(x));
const rate = (x: number | null): string => (x === null ? '' : fmtPct(x));

/** 全年执行数 / 全年预算数 of any row; null when either is missing or the budget is not above 0. */
export function rowRate(row: Pick<FundsRow, 'fullYearBudget' | 'executed'>): number | null {
  const { fullYearBudget: b, executed: e } = row;
  return b == null || e == null || b <= 0 ? null : e / b;
}

export function formName(form: Form): string {
  return form.projectName.trim() || (form.kind === 'department' ? '（未命名单位）' : '（未命名项目）');
}

export function formLine({ form, result }: ScoredForm, layout: LayoutDef): ReportFormLine {
  const total = fundsTotalRow(form.funds, layout.kinds[form.kind].fundsRows);
  return {
    formId: form.id,
    name: formName(form),
    budget: total?.fullYearBudget ?? null,
    executed: total?.executed ?? null,
    rate: result.execution.rate,
    total: result.total,
    grade: result.grade,
  };
}

/** Σ of amounts at the most decimals any of them has (no 0.30000000000000004). */
export function sumAmounts(values: ReadonlyArray<number | null>): number | null {
  const given = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (given.length === 0) return null;
  const places = Math.max(...given.map(decimalsOf));
  return Number(given.reduce((a, b) => a + b, 0).toFixed(places));
}

const col = (title: string, width: number, align: OutlineColumn['align'] = 'center'): OutlineColumn => ({
  title,
  width,
  align,
});

/** Widths given in any unit, made shares of 1. */
function shares(columns: OutlineColumn[]): OutlineColumn[] {
  const sum = columns.reduce((a, c) => a + c.width, 0);
  return columns.map((c) => ({ ...c, width: c.width / sum }));
}

const GROUP_NAMES = { income: '收入', expense: '支出' } as const;

/** The department's funds block: one line per row that has an amount. */
export function fundsTable(caption: string, form: Form): OutlineTable | null {
  const rows = form.funds.rows.filter(
    (r) => r.initialBudget != null || r.fullYearBudget != null || r.executed != null,
  );
  if (rows.length === 0) return null;
  const initial = rows.some((r) => r.initialBudget != null);
  const columns = [
    col('类别', 8),
    col('资金来源', 24, 'left'),
    ...(initial ? [col('年初预算数', 15, 'right')] : []),
    col('全年预算数', 15, 'right'),
    col('全年执行数', 15, 'right'),
    col('执行率', 12, 'right'),
  ];
  return {
    kind: 'table',
    caption,
    columns: shares(columns),
    // A group's name on its first row only, as the form's merged cell reads.
    rows: rows.map((r, i) => [
      r.group && r.group !== rows[i - 1]?.group ? GROUP_NAMES[r.group] : '',
      r.source.trim(),
      ...(initial ? [amount(r.initialBudget)] : []),
      amount(r.fullYearBudget),
      amount(r.executed),
      rate(rowRate(r)),
    ]),
  };
}

/** 经费控制情况 of the 基础数据表: the lines that carry an amount. */
export function spendingTable(caption: string, data: BasicData, year: number): OutlineTable | null {
  const rows = data.spending.filter((r) => r.lastYearFinal != null || r.budget != null || r.final != null);
  if (rows.length === 0) return null;
  const L = BASIC_DATA_LABELS;
  return {
    kind: 'table',
    caption,
    columns: shares([
      col('项目', 34, 'left'),
      col(L.lastYearFinal(year), 22, 'right'),
      col(L.budget(year), 22, 'right'),
      col(L.final(year), 22, 'right'),
    ]),
    rows: rows.map((r) => [r.item.trim(), amount(r.lastYearFinal), amount(r.budget), amount(r.final)]),
  };
}

/** The department form's indicator table with its scores, the execution line first, then 合计. */
export function indicatorTable(caption: string, { form, result }: ScoredForm): OutlineTable | null {
  if (form.indicators.length === 0) return null;
  const exec = result.execution;
  const rows = form.indicators.map((ind, i) => {
    const prev = form.indicators[i - 1];
    const line = result.indicators[i];
    // A group's 一级/二级 printed on its first line only, as the merged cell of the form reads.
    const same1 = prev !== undefined && prev.level1.trim() === ind.level1.trim();
    const same2 = same1 && prev.level2.trim() === ind.level2.trim();
    return [
      same1 ? '' : ind.level1.trim(),
      same2 ? '' : ind.level2.trim(),
      ind.name.trim(),
      ind.target.trim(),
      ind.actual.trim(),
      line?.weight == null ? '' : fmt2(line.weight),
      fmt2(line?.final ?? 0),
    ];
  });
  return {
    kind: 'table',
    caption,
    columns: shares([
      col('一级指标', 10),
      col('二级指标', 12),
      col('三级指标', 20, 'left'),
      col('指标值', 17, 'left'),
      col('实际完成值', 17, 'left'),
      col('分值', 9, 'right'),
      col('得分', 9, 'right'),
    ]),
    rows: [['', '', '预算执行率', '', rate(exec.rate), fmt2(exec.weight), fmt2(exec.final)], ...rows],
    total: ['合计', '', '', '', '', fmt2(result.weightTotal), fmt2(result.total)],
  };
}

/** Every project form: 预算, 执行, 执行率, 得分, 等级, and the sums. */
export function projectTable(caption: string, lines: readonly ReportFormLine[]): OutlineTable {
  const budget = sumAmounts(lines.map((l) => l.budget));
  const executed = sumAmounts(lines.map((l) => l.executed));
  const overall = rowRate({ fullYearBudget: budget, executed });
  return {
    kind: 'table',
    caption,
    columns: shares([
      col('序号', 6),
      col('项目名称', 34, 'left'),
      col('全年预算数', 15, 'right'),
      col('全年执行数', 15, 'right'),
      col('执行率', 11, 'right'),
      col('得分', 10, 'right'),
      col('等级', 7),
    ]),
    rows: lines.map((l, i) => [
      String(i + 1),
      l.name,
      amount(l.budget),
      amount(l.executed),
      rate(l.rate),
      fmt2(l.total),
      l.grade,
    ]),
    total: ['合计', '', amount(budget), amount(executed), rate(overall), '', ''],
  };
}
