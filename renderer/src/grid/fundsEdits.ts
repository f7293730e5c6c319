/** A committed funds cell → typed patches (setFundsRow for amounts, setFunds for the total row's score). */
import type { Patch } from '../../../shared/model/patch';
import type { Form, FundsRow } from '../../../shared/model/types';
import { parseNumberInput } from '../../../shared/values/input';
import { textInput } from '../state/parse';
import type { EditOutcome } from './indicatorEdits';
import type { CellWrite } from '../sheet/cellWrite';

type Amount = 'targetDeclared' | 'initialBudget' | 'fullYearBudget' | 'executed' | 'carryover';

const AMOUNT_NAMES: Record<Amount, string> = {
  targetDeclared: '目标申报数',
  initialBudget: '年初预算数',
  fullYearBudget: '全年预算数',
  executed: '全年执行数',
  carryover: '资金结(转)余',
};

export function patchesForFundsCell(form: Form, row: number, colId: string, raw: unknown): EditOutcome {
  const funds = form.funds;
  const r: FundsRow | undefined = funds.rows[row];
  if (!r) return { ok: false, message: '找不到这一行资金' };
  const one = (p: Patch | null): EditOutcome => ({ ok: true, patches: p ? [p] : [] });
  if (colId === 'source') {
    const value = textInput(raw);
    return one(
      value === r.source ? null : { op: 'setFundsRow', formId: form.id, row, field: 'source', value },
    );
  }
  if (colId in AMOUNT_NAMES) {
    const field = colId as Amount;
    const n = parseNumberInput(raw, AMOUNT_NAMES[field]);
    if (!n.ok) return n;
    return one(
      r[field] === n.value ? null : { op: 'setFundsRow', formId: form.id, row, field, value: n.value },
    );
  }
  if (colId === 'weight' || colId === 'score') {
    const n = parseNumberInput(raw, colId === 'weight' ? '分值' : '得分');
    if (!n.ok) return n;
    return one(
      funds[colId] === n.value ? null : { op: 'setFunds', formId: form.id, field: colId, value: n.value },
    );
  }
  if (colId === 'deviationReason' || colId === 'scoreReason') {
    const value = textInput(raw);
    return one(funds[colId] === value ? null : { op: 'setFunds', formId: form.id, field: colId, value });
  }
  return { ok: false, message: '这一列是计算结果，不能直接修改' };
}

/** Cells of a paste, fill or clear in the funds block → one patch list (its rows are fixed). */
export function patchesForFundsCells(form: Form, cells: CellWrite[]): EditOutcome {
  const patches: Patch[] = [];
  for (const c of cells) {
    const outcome = patchesForFundsCell(form, c.row, c.colId, c.text);
    if (!outcome.ok) return { ok: false, message: `资金第 ${c.row + 1} 行：${outcome.message}` };
    patches.push(...outcome.patches);
  }
  return { ok: true, patches };
}
