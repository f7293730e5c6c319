/**
 * The renderer's deferred scoring (#23) with the real Recalculator: forms wait until idle time
 * scores them (the sidebar shows a placeholder), edits meanwhile are kept, and once the idle work
 * is done every result equals the eager recalculation's. Idle time is a queue the test runs.
 */
import { describe, expect, it } from 'vitest';
import type { Patch } from '../../shared/model/patch';
import type { ZipingDocument } from '../../shared/model/types';
import { scoreForm } from '../../shared/scoring/form';
import { getLayout } from '../../shared/layouts/definitions';
import { Recalculator } from '../../shared/scoring/recalculator';
import { IdleScoring, type IdleRequest, type IdleTime } from '../../renderer/src/state/idleScoring';
import { generatedDocument } from '../support/documents';

/** Idle callbacks held until the test runs them, each told it has `remaining` ms left. */
function idleQueue() {
  const waiting: ((time: IdleTime) => void)[] = [];
  const request: IdleRequest = (work) => {
    waiting.push(work);
    return () => waiting.splice(waiting.indexOf(work), 1);
  };
  const runOne = (time: IdleTime = { didTimeout: false, timeRemaining: () => 0 }) => {
    const work = waiting.shift();
    if (!work) return false;
    work(time);
    return true;
  };
  return { request, runOne, waiting };
}

const copy = (doc: ZipingDocument): ZipingDocument => structuredClone(doc);

function eagerResults(doc: ZipingDocument) {
  const eager = new Recalculator(doc);
  return doc.forms.map((f) => eager.result(f.id));
}

function setActual(doc: ZipingDocument, formIndex: number, value: string): Patch {
  const form = doc.forms[formIndex];
  const ind = form?.indicators[0];
  if (!form || !ind) throw new Error('no line');
  return { op: 'setIndicator', formId: form.id, indicatorId: ind.id, field: 'actual', value };
}

describe('scoring the forms in idle time', () => {
  it('scores nothing up front, the shown form on demand, the rest slice by slice to the eager results', () => {
    const doc = generatedDocument(12, 8, 'national');
    const recalc = new Recalculator(doc, { deferred: true });
    const idle = idleQueue();
    const scoring = new IdleScoring(recalc, idle.request);
    expect(recalc.linesScored).toBe(0);
    expect(doc.forms.every((f) => recalc.scoredResult(f.id) === null)).toBe(true);

    // The open form is scored when it is shown; the sidebar's others still wait.
    const shown = doc.forms[5];
    if (!shown) throw new Error('no form');
    expect(recalc.result(shown.id)).toEqual(scoreForm(shown, getLayout('national')));
    expect(recalc.scoredResult(shown.id)).not.toBeNull();
    expect(recalc.scoredResult(doc.forms[0]?.id ?? '')).toBeNull();

    let told = 0;
    scoring.subscribe(() => told++);
    scoring.start();
    scoring.start();
    expect(idle.waiting).toHaveLength(1);
    // No idle time left: one form a slice, and the listeners hear of it.
    idle.runOne();
    expect(told).toBe(1);
    expect(doc.forms.filter((f) => recalc.scoredResult(f.id) !== null)).toHaveLength(2);
    expect(scoring.done).toBe(false);

    // A long idle period scores the rest in one slice.
    idle.runOne({ didTimeout: false, timeRemaining: () => 50 });
    expect(scoring.done).toBe(true);
    expect(idle.runOne()).toBe(false);
    expect(doc.forms.map((f) => recalc.scoredResult(f.id))).toEqual(eagerResults(copy(doc)));
    expect(recalc.linesScored).toBe(12 * 8);
  });

  it('edits to waiting and scored forms while idle work goes on end as an eager recalculation', () => {
    const doc = generatedDocument(10, 6, 'xinjiang');
    const eagerDoc = copy(doc);
    const eager = new Recalculator(eagerDoc);
    const recalc = new Recalculator(doc, { deferred: true });
    const idle = idleQueue();
    const scoring = new IdleScoring(recalc, idle.request);
    scoring.start();
    const edits: ((d: ZipingDocument) => Patch[])[] = [
      (d) => [setActual(d, 7, '0')],
      (d) => [setActual(d, 0, '1')],
      (d) => [{ op: 'moveForm', formId: d.forms[9]?.id ?? '', toIndex: 0 } as Patch],
      (d) => [{ op: 'deleteForm', formId: d.forms[4]?.id ?? '' } as Patch],
      (d) => [setActual(d, 3, '达成预期指标'), setActual(d, 8, '50%')],
    ];
    for (const edit of edits) {
      idle.runOne();
      recalc.batch(edit(doc));
      eager.batch(edit(eagerDoc));
    }
    // A form moved before the slices' place is still found.
    while (idle.runOne({ didTimeout: true, timeRemaining: () => 0 }));
    expect(scoring.done).toBe(true);
    expect(doc.forms.map((f) => f.id)).toEqual(eagerDoc.forms.map((f) => f.id));
    expect(doc.forms.map((f) => recalc.scoredResult(f.id))).toEqual(
      eagerDoc.forms.map((f) => eager.result(f.id)),
    );
    expect(doc.forms.map((f) => recalc.result(f.id))).toEqual(eagerResults(copy(doc)));
  });

  it('forms scored on demand (汇总, export) tell the placeholders once, even when idle time finds nothing left', async () => {
    const doc = generatedDocument(6, 4, 'national');
    const recalc = new Recalculator(doc, { deferred: true });
    const idle = idleQueue();
    const scoring = new IdleScoring(recalc, idle.request);
    let told = 0;
    scoring.subscribe(() => told++);
    scoring.start();
    const eager = eagerResults(copy(doc));
    // Every form asked for at once, as the 汇总 does: one notice after the caller's work.
    expect(doc.forms.map((f) => scoring.result(f.id))).toEqual(eager);
    expect(told).toBe(0);
    await Promise.resolve();
    expect(told).toBe(1);
    expect(scoring.getVersion()).toBe(1);
    // Idle time then has nothing to score, and tells nothing more; asking again tells nothing.
    idle.runOne();
    scoring.result(doc.forms[0]?.id ?? '');
    await Promise.resolve();
    expect(told).toBe(1);
  });

  it('stops when the document is closed: the waiting callback is cancelled', () => {
    const doc = generatedDocument(3, 2, 'national');
    const recalc = new Recalculator(doc, { deferred: true });
    const idle = idleQueue();
    const scoring = new IdleScoring(recalc, idle.request);
    scoring.start();
    scoring.stop();
    expect(idle.waiting).toHaveLength(0);
    expect(doc.forms.every((f) => recalc.scoredResult(f.id) === null)).toBe(true);
  });

  it('without requestIdleCallback it still ends (timer slices)', async () => {
    const doc = generatedDocument(4, 2, 'national');
    const recalc = new Recalculator(doc, { deferred: true });
    const scoring = new IdleScoring(recalc);
    const finished = new Promise<void>((resolve) => scoring.subscribe(() => scoring.done && resolve()));
    scoring.start();
    await finished;
    expect(doc.forms.map((f) => recalc.scoredResult(f.id))).toEqual(eagerResults(copy(doc)));
  });
});
