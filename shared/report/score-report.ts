/** The `ziping score` report of interchange.md: one entry per form, 1-based rows. */
import type { Finding } from '../checks/types';
import type { Form } from '../model/types';
import type { FormResult } from '../scoring/types';

export interface ReportFinding {
  level: Finding['level'];
  code: Finding['code'];
  section: Finding['section'];
  row?: number;
  field?: string;
  message: string;
}

export interface FormReport {
  projectName: string;
  execution: { rate: number | null; weight: number; score: number };
  indicators: Array<{
    name: string;
    weight: number | null;
    suggested: number | null;
    final: number;
    manual: boolean;
    explanation: string;
  }>;
  total: number;
  grade: string;
  findings: ReportFinding[];
}

export function reportFinding(f: Finding): ReportFinding {
  const out: ReportFinding = { level: f.level, code: f.code, section: f.section, message: f.message };
  if (f.row !== undefined) out.row = f.row + 1;
  if (f.field !== undefined) out.field = f.field;
  return out;
}

export function formReport(form: Form, result: FormResult): FormReport {
  return {
    projectName: form.projectName,
    execution: {
      rate: result.execution.rate,
      weight: result.execution.weight,
      score: result.execution.final,
    },
    indicators: form.indicators.map((ind, i) => {
      const line = result.indicators[i];
      return {
        name: ind.name,
        weight: line?.weight ?? null,
        suggested: line?.suggested ?? null,
        final: line?.final ?? 0,
        manual: line?.manual ?? false,
        explanation: line?.explanation ?? '',
      };
    }),
    total: result.total,
    grade: result.grade,
    findings: result.findings.map(reportFinding),
  };
}
