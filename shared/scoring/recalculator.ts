/**
 * Incremental recalculation over a whole document (after HyperFormula's model): every patch
 * rescores only the lines that depend on what it changed, re-adds that form's totals and checks
 * from the cached line results, and returns what changed. `batch` applies many patches (a
 * paste, an import) and finishes each touched form once.
 */
import type { Form, Indicator, ZipingDocument } from '../model/types';
import { applyPatches, findForm, formsTouched, type IndicatorField, type Patch } from '../model/patch';
import { getLayout } from '../layouts/definitions';
import type { LayoutDef } from '../layouts/types';
import { scoreExecution } from './execution';
import { finishForm, groupKey, groupSizesOf, scoreLine } from './form';
import { dependsOnFunds } from './indicator';
import type { ExecutionResult, FormResult, IndicatorResult } from './types';

interface FormState {
  execution: ExecutionResult;
  lines: IndicatorResult[];
  result: FormResult;
}

export interface FormChange {
  result: FormResult;
  /** Indexes of the lines that were rescored. */
  rescoredLines: number[];
}

export interface ChangeSet {
  /** Patches that undo this change, in the order to apply them. */
  inverse: Patch[];
  changed: Map<string, FormChange>;
  removedForms: string[];
}

/** Fields that the suggestion of a line does not read: they change findings only. */
const NON_SCORING: ReadonlySet<IndicatorField> = new Set([
  'scoreReason',
  'deviationReason',
  'qualitativeNote',
  'basis',
  'lastYear',
  'evidence',
  'level1Weight',
  'printedScore',
]);
/** Fields that move a line between layout E weight groups or change a group's weight. */
const GROUP_FIELDS: ReadonlySet<IndicatorField> = new Set(['level1', 'level2', 'level2Weight', 'weight']);

interface Pending {
  all: boolean;
  execution: boolean;
  lines: Set<string>;
  groups: Set<string>;
}

export interface RecalculatorOptions {
  /**
   * Score no form up front: each is scored when its result is first asked for, or by
   * `scoreNext` (the renderer's idle time), so the open form shows before the others are scored.
   */
  deferred?: boolean;
}

export class Recalculator {
  private layout: LayoutDef;
  private readonly states = new Map<string, FormState>();
  /** Where `scoreNext` looks first: forms before it were scored (or inserted, which scores them). */
  private cursor = 0;
  /** Lines scored since construction; tests read it to prove recalculation is incremental. */
  linesScored = 0;

  constructor(
    private readonly doc: ZipingDocument,
    options: RecalculatorOptions = {},
  ) {
    this.layout = getLayout(doc.meta.layout);
    if (!options.deferred) for (const form of doc.forms) this.states.set(form.id, this.full(form));
  }

  get document(): ZipingDocument {
    return this.doc;
  }

  /** The form's result, scored now if it was not yet (deferred). */
  result(formId: string): FormResult {
    const state = this.states.get(formId) ?? this.scoreNow(formId);
    return state.result;
  }

  /** The form's result if it was scored already; null while it waits (deferred). */
  scoredResult(formId: string): FormResult | null {
    return this.states.get(formId)?.result ?? null;
  }

  /** Every form has its result (states are kept only for the document's forms). */
  get allScored(): boolean {
    return this.states.size >= this.doc.forms.length;
  }

  /** Scores the next form in document order that waits; its id, or null when none waits. */
  scoreNext(): string | null {
    if (this.allScored) return null;
    const forms = this.doc.forms;
    // A move can put a waiting form before the cursor: a second pass from the start finds it.
    for (let pass = 0; pass < 2; pass++, this.cursor = 0) {
      for (; this.cursor < forms.length; this.cursor++) {
        const form = forms[this.cursor];
        if (form && !this.states.has(form.id)) {
          this.states.set(form.id, this.full(form));
          return form.id;
        }
      }
    }
    return null;
  }

  private scoreNow(formId: string): FormState {
    const form = this.doc.forms.find((f) => f.id === formId);
    if (!form) throw new Error(`找不到表 ${formId}`);
    const state = this.full(form);
    this.states.set(formId, state);
    return state;
  }

  results(): FormResult[] {
    return this.doc.forms.map((f) => this.result(f.id));
  }

  apply(patch: Patch): ChangeSet {
    return this.batch([patch]);
  }

  /** Applies patches in order; if one fails, the ones before it are undone and it throws. */
  batch(patches: readonly Patch[]): ChangeSet {
    const pending = new Map<string, Pending>();
    const inverse = applyPatches(this.doc, patches, (p, when) => this.plan(p, pending, when));
    const removed = formsTouched(patches).removed;
    const relayout = patches.some((p) => p.op === 'setMeta' && p.field === 'layout');

    const changed = new Map<string, FormChange>();
    if (relayout) {
      this.layout = getLayout(this.doc.meta.layout);
      this.states.clear();
      for (const form of this.doc.forms) {
        const state = this.full(form);
        this.states.set(form.id, state);
        changed.set(form.id, { result: state.result, rescoredLines: state.lines.map((_, i) => i) });
      }
    } else {
      for (const id of removed) this.states.delete(id);
      for (const [formId, work] of pending) {
        if (removed.has(formId)) continue;
        changed.set(formId, this.rescore(findForm(this.doc, formId), work));
      }
    }
    return { inverse, changed, removedForms: [...removed] };
  }

  private full(form: Form): FormState {
    const execution = scoreExecution(form.funds, this.layout.policy, this.layout.kinds[form.kind].fundsRows);
    const sizes = groupSizesOf(form, this.layout.policy);
    const lines = form.indicators.map((_, i) => scoreLine(form, i, this.layout, sizes, execution));
    this.linesScored += lines.length;
    return { execution, lines, result: finishForm(form, this.layout, execution, lines) };
  }

  /** Records what a patch makes dirty; called before it applies (old groups) and after (new). */
  private plan(p: Patch, pending: Map<string, Pending>, when: 'before' | 'after'): void {
    if (p.op === 'setMeta') return;
    const formId = p.op === 'insertForm' ? p.form.id : p.formId;
    let work = pending.get(formId);
    if (!work) {
      work = { all: false, execution: false, lines: new Set(), groups: new Set() };
      pending.set(formId, work);
    }
    const equalSplit = this.layout.policy.equalSplit;
    const form = this.doc.forms.find((f) => f.id === formId);
    const byId = (id: string): Indicator | undefined => form?.indicators.find((i) => i.id === id);
    switch (p.op) {
      case 'insertForm':
      case 'deleteForm':
        work.all = true;
        return;
      case 'setIndicator': {
        if (NON_SCORING.has(p.field)) return;
        work.lines.add(p.indicatorId);
        const ind = byId(p.indicatorId);
        if (equalSplit && GROUP_FIELDS.has(p.field) && ind) work.groups.add(groupKey(ind));
        return;
      }
      case 'insertIndicator':
        if (when === 'after') work.lines.add(p.indicator.id);
        if (equalSplit) work.groups.add(groupKey(p.indicator));
        return;
      case 'deleteIndicator': {
        const ind = byId(p.indicatorId);
        if (equalSplit && ind) work.groups.add(groupKey(ind));
        return;
      }
      case 'setFunds':
      case 'setFundsRow':
      case 'insertFundsRow':
      case 'deleteFundsRow':
        work.execution = true;
        return;
      default:
        // Moves, header, goals and analysis change findings and order, not line scores.
        return;
    }
  }

  private rescore(form: Form, work: Pending): FormChange {
    const prev = this.states.get(form.id);
    if (work.all || !prev) {
      const state = this.full(form);
      this.states.set(form.id, state);
      return { result: state.result, rescoredLines: state.lines.map((_, i) => i) };
    }
    const execution = work.execution
      ? scoreExecution(form.funds, this.layout.policy, this.layout.kinds[form.kind].fundsRows)
      : prev.execution;
    const sizes = groupSizesOf(form, this.layout.policy);
    const prevById = new Map(prev.lines.map((l) => [l.id, l]));
    const rescored: number[] = [];
    const lines = form.indicators.map((ind, i) => {
      const cached = prevById.get(ind.id);
      const dirty =
        !cached ||
        work.lines.has(ind.id) ||
        (work.groups.size > 0 && work.groups.has(groupKey(ind))) ||
        (work.execution && dependsOnFunds(ind));
      if (!dirty) return cached;
      rescored.push(i);
      this.linesScored++;
      return scoreLine(form, i, this.layout, sizes, execution);
    });
    const state: FormState = { execution, lines, result: finishForm(form, this.layout, execution, lines) };
    this.states.set(form.id, state);
    return { result: state.result, rescoredLines: rescored };
  }
}
