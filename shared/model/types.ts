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
  /** Header fields that only some layouts print (layout E: 评价年度, 联系人 …); absent = empty. */
  header?: HeaderValues;
  /** Layout D department forms: 部门整体支出绩效评价基础数据表. */
  basicData?: BasicData;
  /** As printed on an imported form; checked against the computed total. */
  printedTotal?: number | null;
  printedGrade?: Grade | null;
  extra?: Extra;
}

/**
 * Header fields beyond name, department and unit. 广东 (000) prints them in its header and
 * 基本情况 block; the amounts by level (预算计划安排, 实际分配下达 / 实际支出金额 by 市本级 and
 * 转移支付至下级) are the funds rows, not these.
 */
export const HEADER_TEXT_KEYS = [
  'evaluationYear',
  'contact',
  'phone',
  'email',
  'projectLevel',
  'basisDocuments',
  'goalAchieved',
] as const;
export const HEADER_NUMBER_KEYS = ['evaluationAmount'] as const;
export type HeaderTextKey = (typeof HEADER_TEXT_KEYS)[number];
export type HeaderNumberKey = (typeof HEADER_NUMBER_KEYS)[number];
export type HeaderKey = HeaderTextKey | HeaderNumberKey;
export const HEADER_KEYS: readonly HeaderKey[] = [...HEADER_TEXT_KEYS, ...HEADER_NUMBER_KEYS];

/** Only non-empty values are kept, so a form without them has no `header` at all. */
export type HeaderValues = { [K in HeaderTextKey]?: string } & { [K in HeaderNumberKey]?: number };

/** One line of 经费控制情况 (万元): 三公经费, 公务接待, 项目支出 … */
export interface BasicDataRow {
  item: string;
  /** 上年决算数. */
  lastYearFinal: number | null;
  /** 本年预算数. */
  budget: number | null;
  /** 本年决算数. */
  final: number | null;
  extra?: Extra;
}

/** 楼堂馆所控制情况 (projects finished in the year); the two 控制率 are computed. */
export interface BuildingControl {
  /** 批复规模 (m²). */
  approvedArea: number | null;
  /** 实际规模 (m²). */
  actualArea: number | null;
  /** 预算投资 (万元). */
  budgetInvestment: number | null;
  /** 实际投资 (万元). */
  actualInvestment: number | null;
  extra?: Extra;
}

/** 部门整体支出绩效评价基础数据表 (004): 控制率 = 实际在职人数 / 编制数 is computed, not kept. */
export interface BasicData {
  /** 编制数. */
  authorizedStaff: number | null;
  /** 实际在职人数. */
  actualStaff: number | null;
  /** 经费控制情况, in the layout's order; rows may be added (本级专项资金: one per 专项). */
  spending: BasicDataRow[];
  building: BuildingControl;
  /** 厉行节约保障措施. */
  savingMeasures: string;
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
