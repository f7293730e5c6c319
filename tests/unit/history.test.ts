/**
 * History from the change log of a real document (SQLite working copy on disk): after 1,000
 * random steps (cell edits, pastes, lines, funds rows and forms inserted/deleted/moved, undos sent
 * as inverse patches like the editor's), every intermediate document is rebuilt exactly from the
 * current one, every logged cell change names the value before and after it, and the history of
 * each cell lists exactly the values that cell went through.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentSession } from '../../electron/services/document-store';
import type { CellRef } from '../../shared/history/cells';
import { cellValue } from '../../shared/history/cells';
import { filterHistory, historyEntries, restorePatch, type HistoryEntry } from '../../shared/history/entries';
import { BackwardWalk, documentAt, type LoggedChange } from '../../shared/history/walk';
import { applyPatch, type Patch } from '../../shared/model/patch';
import { newFundsRow, newIndicator } from '../../shared/model/factory';
import type { ZipingDocument } from '../../shared/model/types';
import { generatedDocument, rng } from '../support/documents';
import { ANALYSIS_KEYS, RandomEdits } from '../support/random-edits';
import { useTempDir } from '../support/temp-dir';

const STEPS = 1000;
const dir = useTempDir('ziping-history-');
const WHO = { user: '张三', host: 'test' };

/** The test's own account of which funds row is which (rows have no ids): updated per patch. */
class RowIdentities {
  private rows = new Map<string, string[]>();
  private removed = new Map<string, string[]>();
  private next = 0;

  constructor(doc: ZipingDocument) {
    for (const f of doc.forms)
      this.rows.set(
        f.id,
        f.funds.rows.map(() => `r${this.next++}`),
      );
  }

  follow(p: Patch): void {
    switch (p.op) {
      case 'insertFundsRow':
        this.rows.get(p.formId)?.splice(p.index, 0, `r${this.next++}`);
        break;
      case 'deleteFundsRow':
        this.rows.get(p.formId)?.splice(p.row, 1);
        break;
      case 'insertForm': {
        const back = this.removed.get(p.form.id);
        this.rows.set(
          p.form.id,
          back?.length === p.form.funds.rows.length ? back : p.form.funds.rows.map(() => `r${this.next++}`),
        );
        break;
      }
      case 'deleteForm':
        this.removed.set(p.formId, this.rows.get(p.formId) ?? []);
        this.rows.delete(p.formId);
        break;
      default:
        break;
    }
  }

  snapshot(): Map<string, string[]> {
    return new Map([...this.rows].map(([k, v]) => [k, [...v]]));
  }
}

interface Step {
  /** Last change seq of the step. */
  seq: number;
  doc: ZipingDocument;
  rows: Map<string, string[]>;
}

function runSession(seed: number): { session: DocumentSession; steps: Step[]; changes: LoggedChange[] } {
  const created = DocumentSession.create(
    null,
    { unit: '测试单位', year: 2024, layout: 'national' },
    { dataDir: dir(), who: WHO },
  );
  if (!created.ok) throw new Error(created.error.message);
  const session = created.value;
  const start = generatedDocument(3, 6, 'national', seed);
  const first = session.apply(start.forms.map((form, index) => ({ op: 'insertForm', index, form })));
  if (!first.ok) throw new Error(first.error.message);
  const ids = new RowIdentities(session.document);
  let seq = start.forms.length;
  const steps: Step[] = [{ seq, doc: structuredClone(session.document), rows: ids.snapshot() }];
  const edits = new RandomEdits(rng(seed), { fundsRows: true });
  const r = rng(seed + 1);
  const undo: Patch[][] = [];
  for (let i = 0; i < STEPS; i++) {
    const patches = undo.length > 0 && r() < 0.15 ? (undo.pop() as Patch[]) : edits.next(session.document);
    const applied = session.apply(patches);
    if (!applied.ok) throw new Error(`${applied.error.message}: ${JSON.stringify(patches)}`);
    undo.push(applied.value.inverse);
    for (const p of patches) ids.follow(p);
    seq += patches.length;
    steps.push({ seq, doc: structuredClone(session.document), rows: ids.snapshot() });
  }
  const log = session.readChangeLog();
  if (!log.ok) throw new Error(log.error.message);
  return { session, steps, changes: log.value.changes };
}

/** Every cell of today's document whose history is checked. */
function cellsOf(doc: ZipingDocument): CellRef[] {
  const refs: CellRef[] = [{ section: 'meta', field: 'unit' }];
  for (const form of doc.forms) {
    const formId = form.id;
    for (const field of ['projectName', 'department', 'unit', 'printedTotal'] as const)
      refs.push({ section: 'header', formId, field });
    for (const field of ['weight', 'score', 'deviationReason'] as const)
      refs.push({ section: 'funds', formId, field });
    form.funds.rows.forEach((_, row) => {
      for (const field of ['source', 'fullYearBudget', 'executed', 'initialBudget'] as const)
        refs.push({ section: 'fundsRow', formId, row, field });
    });
    for (const field of ['expected', 'actual'] as const) refs.push({ section: 'goals', formId, field });
    for (const key of ANALYSIS_KEYS) refs.push({ section: 'analysis', formId, key });
    for (const ind of form.indicators)
      for (const field of ['actual', 'target', 'name', 'weight', 'score', 'tier', 'scoreReason'] as const)
        refs.push({ section: 'indicator', formId, indicatorId: ind.id, field });
  }
  return refs;
}

/** The same cell in an earlier step's document, or null when it did not exist then. */
function refAt(ref: CellRef, today: Step, step: Step): CellRef | null {
  if (ref.section === 'meta') return ref;
  const form = step.doc.forms.find((f) => f.id === ref.formId);
  if (!form) return null;
  if (ref.section === 'indicator') return form.indicators.some((i) => i.id === ref.indicatorId) ? ref : null;
  if (ref.section === 'fundsRow') {
    const identity = today.rows.get(ref.formId)?.[ref.row];
    const row = step.rows.get(ref.formId)?.indexOf(identity ?? '') ?? -1;
    return row < 0 ? null : { ...ref, row };
  }
  return ref;
}

/**
 * A form's optional printed total and grade, absent or null alike: the inverse of setting one that
 * was absent sets it to null (shared/model/patch.ts), which means the same.
 */
function normalized(doc: ZipingDocument): ZipingDocument {
  return {
    ...doc,
    forms: doc.forms.map((f) => ({
      ...f,
      printedTotal: f.printedTotal ?? null,
      printedGrade: f.printedGrade ?? null,
    })),
  };
}

/** What the history says the cell held after change `seq`. */
function valueFromHistory(oldestFirst: HistoryEntry[], seq: number, today: unknown): unknown {
  let value: unknown = oldestFirst[0] ? oldestFirst[0].old : today;
  for (const e of oldestFirst) if (e.seq <= seq) value = e.new;
  return value;
}

describe('history from the change log', { timeout: 300_000 }, () => {
  it(`rebuilds every one of ${STEPS} intermediate documents and every cell's successive values`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const { session, steps, changes } = runSession(seed);
        try {
          const current = session.document;
          expect(changes.length).toBe(steps[steps.length - 1]?.seq);
          // Every intermediate document, exactly (meta included: its modification time is logged):
          // all of them from one walk back over the log, and every 25th also through documentAt.
          const walk = new BackwardWalk(current);
          const bySeq = new Map<number, ZipingDocument>([[changes.length, structuredClone(current)]]);
          for (const change of [...changes].reverse()) {
            walk.stepBack(change);
            bySeq.set(change.seq - 1, structuredClone(walk.doc));
          }
          steps.forEach((step, i) => {
            const rebuilt = i % 25 === 0 ? documentAt(current, changes, step.seq) : bySeq.get(step.seq);
            if (!rebuilt) throw new Error(`no document at ${step.seq}`);
            if (i % 25 !== 0) {
              const last = changes[step.seq - 1];
              rebuilt.meta.modifiedAt = last?.at ?? rebuilt.meta.modifiedAt;
              rebuilt.meta.modifiedBy = last?.user ?? rebuilt.meta.modifiedBy;
            }
            expect(normalized(rebuilt)).toEqual(normalized(step.doc));
          });
          expect(documentAt(current, changes, 0).forms).toEqual([]);

          const { entries, complete } = historyEntries(current, changes);
          expect(complete).toBe(true);
          expect(entries.map((e) => e.seq)).toEqual(changes.map((c) => c.seq).reverse());
          // One form's history, read through the form index and walked alone, is the same as the
          // whole history's entries of that form.
          for (const formId of new Set(entries.map((e) => e.formId))) {
            if (formId === null) continue;
            const own = session.readChangeLog({ formId });
            if (!own.ok) throw new Error(own.error.message);
            const scoped = historyEntries(current, own.value.changes, formId).entries.filter(
              (e) => e.formId === formId,
            );
            expect(scoped).toEqual(filterHistory(entries, { formId }));
          }
          // Each cell change: the value before and after it, read from the documents around it.
          for (const e of entries) {
            if (e.kind !== 'set') continue;
            if (!e.cellThen) throw new Error('set entry without a cell');
            expect(cellValue(bySeq.get(e.seq - 1) as ZipingDocument, e.cellThen) ?? null).toEqual(e.old);
            expect(cellValue(bySeq.get(e.seq) as ZipingDocument, e.cellThen) ?? null).toEqual(e.new);
          }
          // Each cell of today's document: its history is exactly the values it went through.
          const today = steps[steps.length - 1] as Step;
          // (A million checks: mismatches are collected and compared once, expect() per check is slow.)
          const mismatches: string[] = [];
          for (const ref of cellsOf(current)) {
            const own = filterHistory(entries, { cell: ref }).reverse();
            const now = cellValue(current, ref);
            for (const step of steps) {
              const then = refAt(ref, today, step);
              if (!then) continue;
              const held = cellValue(step.doc, then) ?? null;
              const told = valueFromHistory(own, step.seq, now);
              if (held !== told)
                mismatches.push(`${JSON.stringify(ref)} @${step.seq}: ${String(held)} ≠ ${String(told)}`);
            }
          }
          expect(mismatches.slice(0, 5)).toEqual([]);
        } finally {
          session.close({ discard: true });
        }
      }),
      { numRuns: 2 },
    );
  });

  it('restoring an entry is one logged, undoable change that puts the old value back', () => {
    const { session } = runSession(7);
    try {
      const log = session.readChangeLog();
      if (!log.ok) throw new Error(log.error.message);
      const { entries } = historyEntries(session.document, log.value.changes);
      const entry = entries.find(
        (e) => restorePatch(e, session.document) !== null && e.cell?.section === 'indicator',
      );
      if (!entry?.cell) throw new Error('no restorable entry');
      const patch = restorePatch(entry, session.document);
      if (!patch) throw new Error('no patch');
      const before = log.value.changes.length;
      const applied = session.apply([patch]);
      expect(applied.ok).toBe(true);
      expect(cellValue(session.document, entry.cell)).toEqual(entry.old);
      const after = session.readChangeLog();
      if (!after.ok) throw new Error(after.error.message);
      expect(after.value.changes.length).toBe(before + 1);
      const newest = historyEntries(session.document, after.value.changes).entries[0];
      expect(newest).toMatchObject({ kind: 'set', new: entry.old, user: '张三', cell: entry.cell });
      // Nothing to restore any more: the cell already holds that value.
      expect(restorePatch(entry, session.document)).toBeNull();
    } finally {
      session.close({ discard: true });
    }
  });
});

describe('history entries in words', () => {
  it('names structural changes as the form looked then', () => {
    const doc = generatedDocument(2, 3);
    const log: LoggedChange[] = [];
    const at = '2025-03-01T08:00:00.000Z';
    const step = (patch: Patch) => {
      const inverse = applyPatch(doc, structuredClone(patch));
      log.push({ seq: log.length + 1, at, user: '李四', patch, inverse });
    };
    const form = doc.forms[0];
    if (!form) throw new Error('no form');
    step({
      op: 'insertIndicator',
      formId: form.id,
      index: 1,
      indicator: newIndicator('x', { name: '新指标' }),
    });
    step({ op: 'moveIndicator', formId: form.id, indicatorId: 'x', toIndex: 3 });
    step({ op: 'deleteIndicator', formId: form.id, indicatorId: 'i1' });
    step({ op: 'insertFundsRow', formId: form.id, index: 1, row: newFundsRow('其他资金') });
    step({ op: 'deleteFundsRow', formId: form.id, row: 1 });
    step({ op: 'moveForm', formId: form.id, toIndex: 1 });
    step({ op: 'deleteForm', formId: form.id });
    const described = historyEntries(doc, log).entries.map((e) => [e.formName, e.place, e.what]);
    expect(described).toEqual([
      ['生成项目1', '表格', '删除表“生成项目1”'],
      ['生成项目1', '表格', '移动表：第1张 → 第2张'],
      ['生成项目1', '资金 第2行（其他资金）', '删除资金行'],
      ['生成项目1', '资金 第2行（其他资金）', '插入资金行'],
      ['生成项目1', '绩效指标 第1行（指标1）', '删除指标行'],
      ['生成项目1', '绩效指标 第4行（新指标）', '移动指标行：第2行 → 第4行'],
      ['生成项目1', '绩效指标 第2行（新指标）', '插入指标行'],
    ]);
  });
});
