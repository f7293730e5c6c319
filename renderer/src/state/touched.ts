/** What an applied change touched, so the views refresh only that (DocumentStore.lastTouched). */
import type { Patch } from '../../../shared/model/patch';
import type { Form } from '../../../shared/model/types';
import type { ChangeSet } from '../../../shared/scoring/recalculator';

/** What the last change touched, so views refresh only those rows. */
export interface Touched {
  /** Form id → indicator ids whose row must repaint ('all' for the whole form). */
  forms: Map<string, Set<string> | 'all'>;
  /** Rows were inserted, deleted or moved, or forms added/removed: views rebuild their row lists. */
  structural: boolean;
  /** Forms whose funds block changed (only those repaint it: an indicator edit leaves it alone). */
  funds: Set<string>;
  /** A 一级/二级 name or weight changed (or rows moved): the merged cells must be worked out again. */
  levels: boolean;
  /** Increases with every change, so a view handles each one once. */
  seq: number;
}

const STRUCTURAL: ReadonlySet<Patch['op']> = new Set([
  'insertIndicator',
  'deleteIndicator',
  'moveIndicator',
  'insertFundsRow',
  'deleteFundsRow',
  'insertForm',
  'deleteForm',
  'moveForm',
]);

/** The indicator fields the merged (spanned) cells of the table follow. */
const LEVEL_FIELDS: ReadonlySet<string> = new Set(['level1', 'level2', 'level1Weight', 'level2Weight']);

const FUNDS_OPS: ReadonlySet<Patch['op']> = new Set([
  'setFunds',
  'setFundsRow',
  'insertFundsRow',
  'deleteFundsRow',
]);

/**
 * What a change touched: the rows each view repaints, whether row lists or merged cells must be
 * worked out again, which funds blocks changed. `form` finds a form as the change left it.
 */
export function touchedBy(
  patches: readonly Patch[],
  change: ChangeSet,
  form: (formId: string) => Form | undefined,
  seq: number,
): Touched {
  const forms = new Map<string, Set<string> | 'all'>();
  const structural = patches.some(
    (p) => STRUCTURAL.has(p.op) || (p.op === 'setMeta' && p.field === 'layout'),
  );
  for (const [formId, fc] of change.changed) {
    const shown = form(formId);
    if (!shown || structural) {
      forms.set(formId, 'all');
      continue;
    }
    const ids = new Set<string>();
    for (const i of fc.rescoredLines) {
      const ind = shown.indicators[i];
      if (ind) ids.add(ind.id);
    }
    forms.set(formId, ids);
  }
  for (const p of patches) {
    if (p.op !== 'setIndicator') continue;
    const entry = forms.get(p.formId);
    if (entry === undefined) forms.set(p.formId, new Set([p.indicatorId]));
    else if (entry !== 'all') entry.add(p.indicatorId);
  }
  const funds = new Set<string>();
  for (const p of patches) {
    if (FUNDS_OPS.has(p.op) && 'formId' in p) funds.add(p.formId);
    // A new layout changes the funds block's columns; a form put back brings its funds.
    if (p.op === 'setMeta' || p.op === 'insertForm') for (const id of forms.keys()) funds.add(id);
  }
  const levels = structural || patches.some((p) => p.op === 'setIndicator' && LEVEL_FIELDS.has(p.field));
  return { forms, structural, funds, levels, seq };
}
