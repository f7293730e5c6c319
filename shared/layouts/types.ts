import type { RoundingMode } from '../format/numbers';
import type { FormKind, Grade, HeaderKey, LayoutId } from '../model/types';

/** Columns of the indicator table; computed ones (score, completionRate) come from scoring. */
export type IndicatorColumnKey =
  | 'level1'
  | 'level2'
  | 'name'
  | 'level1Weight'
  | 'level2Weight'
  | 'targetInitial'
  | 'target'
  | 'actual'
  | 'completionRate'
  | 'qualitativeNote'
  | 'ruleText'
  | 'basis'
  | 'lastYear'
  | 'evidence'
  | 'weight'
  | 'score'
  | 'deviationReason';

export type FundsColumnKey =
  | 'source'
  | 'targetDeclared'
  | 'initialBudget'
  | 'fullYearBudget'
  | 'executed'
  | 'carryover'
  | 'weight'
  | 'rate'
  | 'score'
  | 'deviationReason';

export interface ColumnDef<K extends string> {
  key: K;
  /** Chinese title as printed on the official form. */
  title: string;
  /** Width in Excel character units, as on the official form. */
  width: number;
}

export interface GradeBand {
  grade: Grade;
  /** Lowest total (inclusive) that earns this grade. */
  min: number;
}

export interface TotalCap {
  /** Applies when the execution rate is below this fraction. */
  rateBelow: number;
  cap: number;
}

export interface ScoringPolicy {
  /**
   * How the 预算执行率 score is brought to two decimals: half up, or cut (新疆 reviewers cut
   * 96.386% × 10 to 9.63). Indicator scores and rates are always rounded half up (scoring.md §1).
   */
  executionRounding: RoundingMode;
  /** Highest first. */
  gradeBands: GradeBand[];
  /** Over-achievement warning at actual ≥ threshold × target. */
  overshootThreshold: number;
  /** 分值 of budget execution (0 where the layout scores spending as an indicator). */
  executionWeight: number;
  /** Default level-1 split of indicator weights (execution excluded). */
  defaultSplit: Record<string, number>;
  /** Level-1 names that take their share from another level 1 (成本指标 → 产出指标). */
  splitSharesWith: Record<string, string>;
  /** Layout E: a level-3 weight is its level-2 weight divided by the number of its indicators. */
  equalSplit: boolean;
  /** Layout C: 按照完成比例赋分 counts deviation both ways. */
  ratioBothWays: boolean;
  /** Optional caps of the total by execution rate, lowest rate first; empty = off. */
  totalCaps: TotalCap[];
}

export interface FundsRowTemplate {
  source: string;
  group?: 'income' | 'expense';
  /**
   * The row whose amounts give the execution rate, found by its name wherever it stands (新疆's
   * 单位整体 form and 004's project form print it last). Without one, or where no row has its
   * name, the total is the first row that is not a grouped detail row.
   */
  total?: true;
}

/** One printed header field: its label, as on the official form. */
export interface HeaderFieldDef {
  key: HeaderKey;
  label: string;
}

/** 部门整体支出绩效评价基础数据表 (layout D): its printed title and the 经费控制情况 lines. */
export interface BasicDataLayout {
  title: string;
  spendingItems: string[];
}

export interface KindLayout {
  title: string;
  /** The printed label of the form's name where it is not the default (004's 项目支出名称). */
  nameLabel?: string;
  indicatorColumns: ColumnDef<IndicatorColumnKey>[];
  fundsColumns: ColumnDef<FundsColumnKey>[];
  fundsRows: FundsRowTemplate[];
  analysisTitles: string[];
  /** Level-1 names offered, each with its level-2 names. */
  levels: Record<string, string[]>;
  /**
   * Every 二级 of `levels` prints a row, blank where the form has no line under it: 004's project
   * form prints its whole tree (shared/model/printed-lines.ts).
   */
  printsEveryLevel?: boolean;
  /** The table starts with its name row: no title, year line or 金额单位 above it (004's project form). */
  untitled?: boolean;
  /** Whether the default level-1 split is checked for this kind of form. */
  checkSplit: boolean;
  /** Header fields printed on the name's row, to its right (广东: 评价年度, 评价金额). */
  nameRowFields?: HeaderFieldDef[];
  /** Header fields printed below name/department/unit, one printed row each, in order. */
  headerRows?: HeaderFieldDef[][];
  /** Fields printed below the goals (layout E: 是否如期实现预期总体目标). */
  goalRows?: HeaderFieldDef[][];
  /** Layout D department forms carry the 基础数据表. */
  basicData?: BasicDataLayout;
  /**
   * Layout E (000): header, funds and goals print as one 基本情况 block under a 填报单位名称 line, with
   * no year line and the template title alone; the indicator table has 名称/权重(%) under each level.
   */
  basicInfo?: boolean;
  /** The header is the name row alone: no 主管部门/实施单位 row (新疆's 单位整体 form). */
  nameOnly?: boolean;
  /**
   * 分值/执行率/得分 print on the first row that is not a grouped detail row, not on the `total`
   * row printed last (新疆's 单位整体 form); elsewhere they print on the total, wherever it stands.
   */
  fundsScoresOnFirst?: boolean;
  /** What the funds rows other than the first print under 分值/执行率/得分 (default “—”). */
  fundsDash?: string;
  /** Left caption of the indicator table (default 绩效指标; 新疆's project form: 年度绩效指标完成情况). */
  indicatorCaption?: string;
  /** The total row prints the total with its unit (新疆's project form: 92.35分). */
  totalInPoints?: boolean;
  /** Title over the 资金来源 column; '' where the paper form leaves that cell blank (002, 004's 自评表). */
  fundsSourceTitle?: string;
  /** A parent title printed over some funds columns, the header then two rows (002: 年初预算数). */
  fundsParent?: { title: string; keys: FundsColumnKey[] };
  /** Every funds row prints its own 执行率 and 得分, not only the total (002). */
  fundsRowScores?: boolean;
  /**
   * The grouped funds rows print as 004's 自评表 does: 按收入性质分 and 按支出性质分 side by side under
   * the total line, each row a label | 全年执行数 pair, not as rows of the funds table.
   */
  fundsGroupsSideBySide?: boolean;
  /**
   * Captions printed left of the analysis titles, each over `count` titles from `from`; a later
   * caption sits one column further right (002: 项目绩效分析 over all, 自评结果分析 over four).
   */
  analysisCaptions?: Array<{ caption: string; from: number; count: number }>;
  /** A line printed under an analysis title ({next} = the year after the form's; 000's 到期资金). */
  analysisPrompts?: Record<string, string>;
}

export interface LayoutDef {
  id: LayoutId;
  /** Chinese name shown to users (地区样式). */
  name: string;
  /** forms.md letter, for people reading the code. */
  letter: 'A' | 'B' | 'C' | 'D' | 'E';
  orientation: 'landscape' | 'portrait';
  /** Whether the total row prints 等级. */
  printsGrade: boolean;
  /** 002 prints the grade alone (优) right of the total, without 等级： and without the weights' sum. */
  gradeAlone?: boolean;
  kinds: Record<FormKind, KindLayout>;
  /** 备注 printed under the form. */
  notes: string[];
  policy: ScoringPolicy;
}
