/**
 * A committed 核查分数 / 审核意见 cell → the audit change, or why it cannot be taken. The line is an
 * indicator's id or FUNDS_LINE (the funds block's 预算执行率 line).
 */
import { fmtNum } from '../../../shared/format/numbers';
import type { Form } from '../../../shared/model/types';
import { FUNDS_LINE } from '../../../shared/review/types';
import type { FormResult } from '../../../shared/scoring/types';
import { parseNumberInput } from '../../../shared/values/input';
import { textInput } from '../state/parse';
import type { FindingLocation } from '../../../shared/checks/types';
import type { DocumentStore } from '../state/documentStore';
import { setAudit } from '../state/reviewActions';
import type { AuditColId } from './indicatorContext';

export type AuditChange =
  { ok: true; change: { score?: number | null; opinion?: string } } | { ok: false; message: string };

export function auditChange(
  form: Form,
  result: FormResult,
  indicatorId: string,
  colId: AuditColId,
  value: unknown,
): AuditChange {
  const funds = indicatorId === FUNDS_LINE;
  if (!funds && !form.indicators.some((i) => i.id === indicatorId))
    return { ok: false, message: '找不到这一行：它可能已被删除' };
  if (colId === 'auditOpinion') return { ok: true, change: { opinion: textInput(value) } };
  const n = parseNumberInput(value, '核查分数');
  if (!n.ok) return n;
  const weight = funds
    ? result.execution.weight
    : (result.indicators.find((l) => l.id === indicatorId)?.weight ?? null);
  if (n.value !== null && (n.value < 0 || (weight !== null && n.value > weight)))
    return {
      ok: false,
      message: `核查分数应在 0 到分值${weight === null ? '' : ` ${fmtNum(weight)}`} 之间：请重新输入`,
    };
  return { ok: true, change: { score: n.value } };
}

/** Takes a committed audit cell into the review data (one undoable step), or says why not. */
export function commitAudit(
  store: DocumentStore,
  form: Form,
  result: FormResult,
  lineId: string,
  colId: AuditColId,
  value: unknown,
  where: FindingLocation,
): void {
  const outcome = auditChange(form, result, lineId, colId, value);
  if (!outcome.ok) store.setMessage(outcome.message, 'error');
  else setAudit(store, form.id, lineId, outcome.change, where);
}
