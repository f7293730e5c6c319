/**
 * The document model: plain, serialisable data. One document = one unit and one year,
 * holding one department form and any number of project forms. The model is a superset of
 * every layout (forms.md A–E); a layout only decides what is shown and how it is scored.
 */

export const LAYOUT_IDS = ['national', 'shanxi', 'xinjiang', 'hunan', 'guangdong'] as const;
export type LayoutId = (typeof LAYOUT_IDS)[number];

export const FORM_KINDS = ['project', 'department'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

export const TIERS = ['达成', '部分达成', '未达成'] as const;
export type Tier = (typeof TIERS)[number];

export const GRADES = ['优', '良', '中', '差'] as const;
export type Grade = (typeof GRADES)[number];

/** Keys this version does not know, kept so that JSON in → JSON out is lossless. */
export type Extra = Record<string, unknown>;

export interface FundsRow {
  /** 资金来源: 年度资金总额 / 资金总额 / 当年财政拨款 / 一般公共预算 … */
  source: string;
  /** Department forms of layout D group rows: 按收入性质分 / 按支出性质分. */
  group?: 'income' | 'expense';
  /** 目标申报数 (layout B). */
  targetDeclared: number | null;
  /** 年初预算数 / 预算编制数. */
  initialBudget: number | null;
  /** 全年预算数. */
  fullYearBudget: number | null;
  /** 全年执行数. */
  executed: number | null;
  /** 资金结(转)余 (layout B). */
  carryover: number | null;
  extra?: Extra;
}

export interface Funds {
  /** 分值 of budget execution, usually 10. */
  weight: number | null;
  /** First row is the total (年度资金总额 / 资金总额 / 合计). */
  rows: FundsRow[];
  /** Execution score set by hand; null = computed. */
  score: number | null;
  scoreReason: string;
  /** 偏差原因 of the funds block. */
  deviationReason: string;
  /** As printed on an imported form (fraction, 1 = 100%); checked against the numbers. */
  printedRate?: number | null;
  printedScore?: number | null;
  extra?: Extra;
}

export interface Goals {
  expected: string;
  actual: string;
}

export interface Indicator {
  /** Stable identity inside its form (survives reordering). */
  id: string;
  level1: string;
  level2: string;
  name: string;
  /** 年初指标值 (layout B). */
  targetInitial: string;
  /** 年度指标值 / 调整后指标值 / 目标值 / 评价年度预期值. */
  target: string;
  /** 实际完成值 / 业绩值 / 评价年度实现值. */
  actual: string;
  /** 分值 / 权重. Layout E derives it from the level-2 weight when null. */
  weight: number | null;
  tier: Tier | null;
  /** Share of the weight inside the tier, 0–1; null = top of the tier. */
  tierShare: number | null;
  /** Final score set by hand; null = use the suggestion. */
  score: number | null;
  scoreReason: string;
  /** 偏差原因分析及改进措施 / 未达标原因分析. */
  deviationReason: string;
  /** 定性值情况说明. */
  qualitativeNote: string;
  /** 评分标准 / 赋分规则. */
  ruleText: string;
  /** 指标值设定依据. */
  basis: string;
  /** 上年完成情况. */
  lastYear: string;
  /** 佐证资料 / 参考佐证材料. */
  evidence: string;
  /** Layout E: 一级/二级指标 weights (权重%), carried on each row of the group. */
  level1Weight?: number | null;
  level2Weight?: number | null;
  /** Score as printed on an imported form; kept for the record and for checks. */
  printedScore?: number | null;
  extra?: Extra;
}

export interface Form {
  id: string;
  kind: FormKind;
  year: number;
  /** Project name; department forms: the unit's name. */
  projectName: string;
  department: string;
  departmentCode: string;
  unit: string;
  unitCode: string;
  funds: Funds;
  goals: Goals;
  indicators: Indicator[];
  /** Free texts of the layout, by their Chinese titles. */
  analysis: Record<string, string>;
  /** As printed on an imported form; checked against the computed total. */
  printedTotal?: number | null;
  printedGrade?: Grade | null;
  extra?: Extra;
}

export interface DocumentMeta {
  unit: string;
  year: number;
  layout: LayoutId;
  createdAt: string;
  createdBy: string;
  modifiedAt: string;
  modifiedBy: string;
}

export interface ZipingDocument {
  meta: DocumentMeta;
  /** Department form first (when there is one), then projects in the user's order. */
  forms: Form[];
}

/** The indicator's free-text cells (everything typed as text, read by nobody as a number). */
export const INDICATOR_TEXT_FIELDS = [
  'level1',
  'level2',
  'name',
  'targetInitial',
  'target',
  'actual',
  'scoreReason',
  'deviationReason',
  'qualitativeNote',
  'ruleText',
  'basis',
  'lastYear',
  'evidence',
] as const satisfies ReadonlyArray<keyof Indicator>;
