/**
 * One unit's document seen from above (#22, for reviewers of many units): a row for the unit, one
 * per form and one per indicator line, every number the forms' own scoring (each form scored once).
 * The per-form figures are the 自评报告's (`formLine`), so the two can never disagree.
 */
import { getLayout } from '../layouts/definitions';
import type { Grade, ZipingDocument } from '../model/types';
import { formLine, sumAmounts } from '../report/report-tables';
import type { ReviewItem, ReviewStatus } from '../review/types';
import { scoreForm } from '../scoring/form';
import { formStatus } from '../summary/summary';

export interface UnitRow {
  file: string;
  unit: string;
  year: number;
  layout: string;
  forms: number;
  departmentScore: number | null;
  departmentGrade: Grade | null;
  /** Project forms per grade. */
  优: number;
  良: number;
  中: number;
  差: number;
  /**
   * Σ of the project forms' 全年预算数 / 全年执行数 (the department form's funds already hold the
   * unit's whole budget, so adding it would count the projects twice) and their ratio.
   */
  projectBudget: number | null;
  projectExecuted: number | null;
  projectRate: number | null;
  errors: number;
  warnings: number;
  /**
   * Forms per 审核状态 (the review data in the document and in its review file); null for an
   * official-layout .xlsx workbook, which carries none (REVIEW_UNKNOWN).
   */
  待审核: number | null;
  已审核: number | null;
  退回修改: number | null;
}

/** Why a workbook's 审核状态 counts are unknown: shown as "—" with this as its tooltip or note. */
export const REVIEW_UNKNOWN = { text: '—', note: '审核状态只记在 .ziping 文档里' } as const;

export interface FormRow {
  file: string;
  unit: string;
  formId: string;
  kind: string;
  name: string;
  budget: number | null;
  executed: number | null;
  rate: number | null;
  score: number;
  grade: Grade;
  errors: number;
  warnings: number;
  /** 审核状态; null when none is set. */
  status: ReviewStatus | null;
}

export interface IndicatorRow {
  file: string;
  formId: string;
  /** 1-based, as the form prints its lines. */
  line: number;
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string;
  weight: number | null;
  score: number;
}

export interface UnitSummary {
  unit: UnitRow;
  forms: FormRow[];
  indicators: IndicatorRow[];
}

/** `indicators` false: no indicator rows (the app's overview shows none; they are most of the work). */
export function summarizeUnit(
  file: string,
  doc: ZipingDocument,
  options: { indicators?: boolean; review?: ReadonlyMap<string, ReviewItem> } = {},
): UnitSummary {
  const review = options.review ?? new Map<string, ReviewItem>();
  const layout = getLayout(doc.meta.layout);
  const forms: FormRow[] = [];
  const indicators: IndicatorRow[] = [];
  for (const form of doc.forms) {
    const result = scoreForm(form, layout, true);
    const line = formLine({ form, result }, layout);
    const errors = result.findings.filter((f) => f.level === 'error').length;
    forms.push({
      file,
      unit: doc.meta.unit,
      formId: form.id,
      kind: form.kind === 'department' ? '部门整体' : '项目',
      name: line.name,
      budget: line.budget,
      executed: line.executed,
      rate: line.rate,
      score: line.total,
      grade: line.grade,
      errors,
      warnings: result.findings.length - errors,
      status: formStatus(review, form.id),
    });
    if (options.indicators === false) continue;
    form.indicators.forEach((ind, i) => {
      indicators.push({
        file,
        formId: form.id,
        line: i + 1,
        level1: ind.level1,
        level2: ind.level2,
        name: ind.name,
        target: ind.target,
        actual: ind.actual,
        weight: result.indicators[i]?.weight ?? ind.weight,
        score: result.indicators[i]?.final ?? 0,
      });
    });
  }
  const department = forms.find((f) => f.kind === '部门整体');
  const projects = forms.filter((f) => f.kind === '项目');
  const budget = sumAmounts(projects.map((f) => f.budget));
  const executed = sumAmounts(projects.map((f) => f.executed));
  const count = (g: Grade) => projects.filter((f) => f.grade === g).length;
  return {
    unit: {
      file,
      unit: doc.meta.unit,
      year: doc.meta.year,
      layout: layout.name,
      forms: forms.length,
      departmentScore: department?.score ?? null,
      departmentGrade: department?.grade ?? null,
      优: count('优'),
      良: count('良'),
      中: count('中'),
      差: count('差'),
      projectBudget: budget,
      projectExecuted: executed,
      projectRate: budget && executed !== null ? executed / budget : null,
      errors: forms.reduce((n, f) => n + f.errors, 0),
      warnings: forms.reduce((n, f) => n + f.warnings, 0),
      待审核: forms.filter((f) => f.status === '待审核').length,
      已审核: forms.filter((f) => f.status === '已审核').length,
      退回修改: forms.filter((f) => f.status === '退回修改').length,
    },
    forms,
    indicators,
  };
}
