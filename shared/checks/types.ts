/** A finding of the checks (审核): where it is, how bad, and what to do, in Chinese. */

export type FindingLevel = 'error' | 'warning';

export type FindingSection = 'header' | 'funds' | 'goals' | 'indicator' | 'total' | 'analysis';

export type FindingCode =
  | 'weights-total'
  | 'level1-split'
  | 'score-range'
  | 'required-empty'
  | 'invalid-amount'
  | 'budget-missing'
  | 'executed-over-budget'
  | 'execution-inconsistent'
  | 'deviation-reason-missing'
  | 'manual-no-reason'
  | 'overshoot-full'
  | 'late-needs-tier'
  | 'needs-judgement'
  | 'unreadable-value'
  | 'unit-mismatch'
  | 'tier-share-out-of-range'
  | 'rule-not-applied'
  | 'imported-score'
  | 'printed-total-mismatch'
  | 'grade-mismatch'
  | 'text-too-long';

export interface FindingLocation {
  formId: string;
  section: FindingSection;
  /** Indicator index or funds row index (0-based) inside the form. */
  row?: number;
  /** Model field name (actual, weight, fullYearBudget …). */
  field?: string;
}

export interface Finding extends FindingLocation {
  code: FindingCode;
  level: FindingLevel;
  message: string;
}
