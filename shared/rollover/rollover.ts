/**
 * 新建下一年度文档: last year's document → the forms of the next year. What was declared (names,
 * weights, targets, rules, 设定依据, goals) is carried; what happened (实际完成值, scores, reasons,
 * analysis, printed results) is cleared; last year's 实际完成值 becomes 上年完成情况 where the layout
 * prints that column, and last year's 本年决算数 becomes 上年决算数 in the 基础数据表. Review data and
 * history are not part of a form, so a new document never has them.
 */
import { getLayout } from '../layouts/definitions';
import { newFundsRow, newIndicator } from '../model/factory';
import { validYear, YEAR_RULE } from '../model/year';
import type {
  BasicData,
  Form,
  FundsRow,
  HeaderValues,
  Indicator,
  LayoutId,
  ZipingDocument,
} from '../model/types';

export interface RolloverReport {
  fromYear: number;
  year: number;
  forms: number;
  indicators: number;
  /** Lines whose 上年完成情况 was filled from last year's 实际完成值. */
  lastYearFilled: number;
  /** 基础数据表 lines whose 上年决算数 was filled from last year's 本年决算数. */
  basicDataLastYear: number;
  /** What the user must fill again, in words. */
  cleared: string[];
}

export type RolloverResult =
  | {
      ok: true;
      meta: { unit: string; year: number; layout: LayoutId };
      forms: Form[];
      report: RolloverReport;
    }
  | { ok: false; message: string };

export const ROLLOVER_CLEARED = [
  '实际完成值、业绩值',
  '得分、手工得分及理由',
  '偏差原因、定性说明、佐证资料',
  '资金的预算数和执行数',
  '年度总体目标的实际完成情况',
  '分析说明',
  '审核意见、批注和修改记录',
] as const;

/** What was carried and what is to fill, a line each (the CLI prints them, the editor shows them). */
export function describeRollover(r: RolloverReport): string[] {
  const lines = [
    `带入 ${r.forms} 张表、${r.indicators} 条指标（指标名称、权重、指标值、评分标准、设定依据、年度总体目标）`,
  ];
  if (r.lastYearFilled > 0)
    lines.push(`上年完成情况：${r.lastYearFilled} 条取自 ${r.fromYear} 年度的实际完成值`);
  if (r.basicDataLastYear > 0) {
    lines.push(`基础数据表：${r.basicDataLastYear} 行上年决算数取自 ${r.fromYear} 年度的本年决算数`);
  }
  lines.push(`已清空，请按 ${r.year} 年度填写：${r.cleared.join('；')}`);
  return lines;
}

export function rolloverDocument(doc: ZipingDocument): RolloverResult {
  const year = doc.meta.year + 1;
  if (!validYear(year)) {
    return { ok: false, message: `下一年度 ${year} 超出了可用年度（${YEAR_RULE}）：请检查原文档的年度` };
  }
  const layout = doc.meta.layout;
  let lastYearFilled = 0;
  let basicDataLastYear = 0;
  let indicators = 0;
  const forms = doc.forms.map((form) => {
    const keepsLastYear = getLayout(layout).kinds[form.kind].indicatorColumns.some(
      (c) => c.key === 'lastYear',
    );
    const lines = form.indicators.map((line) => {
      const next = nextIndicator(line, keepsLastYear);
      if (keepsLastYear && next.lastYear !== '') lastYearFilled++;
      return next;
    });
    indicators += lines.length;
    const next = nextForm(form, year, lines);
    if (form.basicData) {
      next.basicData = nextBasicData(form.basicData);
      basicDataLastYear += next.basicData.spending.filter((r) => r.lastYearFinal !== null).length;
    }
    return next;
  });
  return {
    ok: true,
    meta: { unit: doc.meta.unit, year, layout },
    forms,
    report: {
      fromYear: doc.meta.year,
      year,
      forms: forms.length,
      indicators,
      lastYearFilled,
      basicDataLastYear,
      cleared: [...ROLLOVER_CLEARED],
    },
  };
}

function nextForm(form: Form, year: number, indicators: Indicator[]): Form {
  const next: Form = {
    id: form.id,
    kind: form.kind,
    year,
    projectName: form.projectName,
    department: form.department,
    departmentCode: form.departmentCode,
    unit: form.unit,
    unitCode: form.unitCode,
    funds: {
      weight: form.funds.weight,
      rows: form.funds.rows.map(nextFundsRow),
      score: null,
      scoreReason: '',
      deviationReason: '',
    },
    goals: { expected: form.goals.expected, actual: '' },
    indicators,
    analysis: {},
  };
  const header = nextHeader(form.header);
  if (header) next.header = header;
  if (form.extra) next.extra = form.extra;
  return next;
}

/** The line as declared: its names, weights, targets and rules; nothing of what happened. */
function nextIndicator(line: Indicator, keepsLastYear: boolean): Indicator {
  const { level1, level2, name, targetInitial, target, weight, ruleText, basis } = line;
  const next = newIndicator(line.id, {
    level1,
    level2,
    name,
    targetInitial,
    target,
    weight,
    ruleText,
    basis,
  });
  if (keepsLastYear) next.lastYear = line.actual.trim();
  if (line.level1Weight !== undefined) next.level1Weight = line.level1Weight;
  if (line.level2Weight !== undefined) next.level2Weight = line.level2Weight;
  if (line.extra) next.extra = line.extra;
  return next;
}

/** Sources stay (the block's shape); every amount is the new year's to fill. */
function nextFundsRow(row: FundsRow): FundsRow {
  const next = newFundsRow(row.source, row.group);
  if (row.extra) next.extra = row.extra;
  return next;
}

/** Who to ask and the project's standing carry over; the year's own results do not. */
function nextHeader(header: HeaderValues | undefined): HeaderValues | undefined {
  if (!header) return undefined;
  const kept: HeaderValues = {};
  for (const key of ['contact', 'phone', 'email', 'projectLevel', 'basisDocuments'] as const) {
    const value = header[key];
    if (value) kept[key] = value;
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}

function nextBasicData(data: BasicData): BasicData {
  const next: BasicData = {
    authorizedStaff: data.authorizedStaff,
    actualStaff: null,
    spending: data.spending.map((row) => {
      const line = { item: row.item, lastYearFinal: row.final, budget: null, final: null };
      return row.extra ? { ...line, extra: row.extra } : line;
    }),
    building: { approvedArea: null, actualArea: null, budgetInvestment: null, actualInvestment: null },
    savingMeasures: '',
  };
  if (data.extra) next.extra = data.extra;
  return next;
}
