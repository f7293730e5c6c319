import type { Grade, Tier } from '../model/types';
import type { Finding } from '../checks/types';

/** Facts about one line that the checks turn into findings. */
export type IndicatorFlag =
  | 'missingWeight'
  | 'badWeight'
  | 'missingTarget'
  | 'missingActual'
  | 'unreadableTarget'
  | 'unreadableActual'
  | 'unitMismatch'
  | 'overshoot'
  | 'late'
  | 'needsJudgement'
  | 'tierShareOutOfRange'
  | 'ruleNotApplied';

export type ScoringMethod =
  'ratio' | 'ratioBothWays' | 'lower' | 'zero' | 'met' | 'tier' | 'time' | 'rule' | 'funds' | 'none';

export interface IndicatorResult {
  id: string;
  /** Effective weight (layout E derives it from the level-2 weight). */
  weight: number | null;
  /** What the rules give; null when the line needs a human judgement. */
  suggested: number | null;
  /** Manual score when set, else the suggestion, else 0. */
  final: number;
  manual: boolean;
  /** One line of Chinese saying how the suggestion came out; '' unless asked for (explainLine). */
  explanation: string;
  method: ScoringMethod;
  /** 实际 / 指标值 for numeric lines (layout C prints it as 完成率). */
  completionRate: number | null;
  /** The tier used, when the line was scored by tier. */
  tier: Tier | null;
  flags: IndicatorFlag[];
}

export interface ExecutionResult {
  /** 全年执行数 / 全年预算数; null without a budget. */
  rate: number | null;
  weight: number;
  suggested: number | null;
  final: number;
  manual: boolean;
  explanation: string;
}

export interface FormResult {
  formId: string;
  execution: ExecutionResult;
  indicators: IndicatorResult[];
  /** Σ final scores (after any cap). */
  total: number;
  /** The total before a layout's cap by execution rate; equals total when no cap applies. */
  uncappedTotal: number;
  grade: Grade;
  /** Execution weight + Σ indicator weights. */
  weightTotal: number;
  /** Σ indicator weights per level-1 name, in order of first appearance. */
  level1Weights: Record<string, number>;
  findings: Finding[];
}
