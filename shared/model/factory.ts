/** Constructors of empty model parts, so every place builds them the same way. */
import { getLayout } from '../layouts/definitions';
import type { Form, FormKind, Funds, FundsRow, Indicator, LayoutId } from './types';

export function newFundsRow(source: string, group?: 'income' | 'expense'): FundsRow {
  const row: FundsRow = {
    source,
    targetDeclared: null,
    initialBudget: null,
    fullYearBudget: null,
    executed: null,
    carryover: null,
  };
  if (group) row.group = group;
  return row;
}

export function newFunds(layout: LayoutId, kind: FormKind): Funds {
  const def = getLayout(layout);
  return {
    weight: def.policy.executionWeight,
    rows: def.kinds[kind].fundsRows.map((r) => newFundsRow(r.source, r.group)),
    score: null,
    scoreReason: '',
    deviationReason: '',
  };
}

export function newIndicator(id: string, fields: Partial<Omit<Indicator, 'id'>> = {}): Indicator {
  return {
    id,
    level1: '',
    level2: '',
    name: '',
    targetInitial: '',
    target: '',
    actual: '',
    weight: null,
    tier: null,
    tierShare: null,
    score: null,
    scoreReason: '',
    deviationReason: '',
    qualitativeNote: '',
    ruleText: '',
    basis: '',
    lastYear: '',
    evidence: '',
    ...fields,
  };
}

export function newForm(id: string, layout: LayoutId, kind: FormKind, year: number, projectName = ''): Form {
  return {
    id,
    kind,
    year,
    projectName,
    department: '',
    departmentCode: '',
    unit: '',
    unitCode: '',
    funds: newFunds(layout, kind),
    goals: { expected: '', actual: '' },
    indicators: [],
    analysis: {},
  };
}

/** A new id that is not among the given ones: prefix + the next free number. */
export function nextId(prefix: string, taken: Iterable<string>): string {
  let max = 0;
  for (const id of taken) {
    if (id.startsWith(prefix)) {
      const n = Number(id.slice(prefix.length));
      if (Number.isInteger(n) && n > max) max = n;
    }
  }
  return `${prefix}${max + 1}`;
}
