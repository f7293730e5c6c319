import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getLayout } from '../../shared/layouts/definitions';
import { newIndicator } from '../../shared/model/factory';
import type { Patch } from '../../shared/model/patch';
import type { LayoutId } from '../../shared/model/types';
import { scoreForm } from '../../shared/scoring/form';
import { Recalculator } from '../../shared/scoring/recalculator';
import { round2 } from '../../shared/format/numbers';
import { fixtureDocument, generatedDocument } from '../support/documents';

describe('incremental recalculation', () => {
  it('one cell edit rescores one line and returns the changed total', () => {
    const doc = fixtureDocument('shanxi');
    const calc = new Recalculator(doc);
    const form = doc.forms[2];
    if (!form) throw new Error('fixture missing');
    const before = calc.result(form.id).total;
    const target = form.indicators.findIndex((i) => i.score === null && /\d/.test(i.target));
    const ind = form.indicators[target];
    if (!ind) throw new Error('no computed numeric line');
    const scored = calc.linesScored;

    const change = calc.apply({
      op: 'setIndicator',
      formId: form.id,
      indicatorId: ind.id,
      field: 'actual',
      value: '0',
    });

    expect(calc.linesScored - scored).toBe(1);
    expect(change.changed.get(form.id)?.rescoredLines).toEqual([target]);
    expect([...change.changed.keys()]).toEqual([form.id]);
    const after = calc.result(form.id);
    expect(after.total).toBeLessThan(before);
    expect(after).toEqual(scoreForm(form, getLayout('shanxi')));
  });

  it('text that does not feed the suggestion rescores nothing but updates the checks', () => {
    const doc = fixtureDocument('shanxi');
    const calc = new Recalculator(doc);
    const form = doc.forms.find((f) =>
      calc.result(f.id).findings.some((x) => x.code === 'deviation-reason-missing'),
    );
    if (!form) throw new Error('no form with a missing reason');
    const finding = calc.result(form.id).findings.find((x) => x.code === 'deviation-reason-missing');
    const ind = form.indicators[finding?.row ?? -1];
    if (!ind) throw new Error('no row');
    const scored = calc.linesScored;
    calc.apply({
      op: 'setIndicator',
      formId: form.id,
      indicatorId: ind.id,
      field: 'deviationReason',
      value: '原因已说明',
    });
    expect(calc.linesScored).toBe(scored);
    expect(
      calc
        .result(form.id)
        .findings.filter((x) => x.code === 'deviation-reason-missing' && x.row === finding?.row),
    ).toEqual([]);
  });

  it('funds edits rescore execution and totals only', () => {
    const doc = fixtureDocument('national');
    const calc = new Recalculator(doc);
    const form = doc.forms[1];
    if (!form) throw new Error('fixture missing');
    const scored = calc.linesScored;
    const before = calc.result(form.id).total;
    calc.apply({
      op: 'setFundsRow',
      formId: form.id,
      row: 0,
      field: 'executed',
      value: (form.funds.rows[0]?.fullYearBudget ?? 0) / 2,
    });
    expect(calc.linesScored).toBe(scored);
    expect(calc.result(form.id).total).toBeCloseTo(before - 5, 5);
  });

  it('layout E: a group weight change rescores that group only', () => {
    const doc = generatedDocument(2, 6, 'guangdong');
    const calc = new Recalculator(doc);
    const form = doc.forms[0];
    if (!form) throw new Error('no form');
    const first = form.indicators.find((i) => i.level2Weight != null);
    if (!first) throw new Error('no grouped line');
    const groupSize = form.indicators.filter(
      (i) => i.level1 === first.level1 && i.level2 === first.level2,
    ).length;
    const scored = calc.linesScored;
    calc.apply({
      op: 'setIndicator',
      formId: form.id,
      indicatorId: first.id,
      field: 'level2Weight',
      value: 30,
    });
    expect(calc.linesScored - scored).toBe(groupSize);
  });

  it('batch applies a paste as one change with one inverse', () => {
    const doc = fixtureDocument('shanxi');
    const calc = new Recalculator(doc);
    const form = doc.forms[0];
    if (!form) throw new Error('fixture missing');
    const snapshot = JSON.stringify(doc);
    const patches: Patch[] = form.indicators.slice(0, 3).map((ind) => ({
      op: 'setIndicator',
      formId: form.id,
      indicatorId: ind.id,
      field: 'actual',
      value: '1',
    }));
    const change = calc.batch(patches);
    expect(change.inverse).toHaveLength(3);
    calc.batch(change.inverse);
    expect(JSON.stringify(doc)).toBe(snapshot);
    expect(calc.result(form.id)).toEqual(scoreForm(form, getLayout('shanxi')));
  });

  it('a failing patch in a batch leaves the document as it was', () => {
    const doc = fixtureDocument('shanxi');
    const calc = new Recalculator(doc);
    const form = doc.forms[0];
    const ind = form?.indicators[0];
    if (!form || !ind) throw new Error('fixture missing');
    const snapshot = JSON.stringify(doc);
    expect(() =>
      calc.batch([
        { op: 'setIndicator', formId: form.id, indicatorId: ind.id, field: 'actual', value: '5' },
        { op: 'setIndicator', formId: form.id, indicatorId: 'nope', field: 'actual', value: '5' },
      ]),
    ).toThrow(/找不到指标/);
    expect(JSON.stringify(doc)).toBe(snapshot);
  });
});

const LAYOUTS: LayoutId[] = ['national', 'shanxi', 'xinjiang', 'hunan', 'guangdong'];
const VALUES = [
  '',
  '≥90%',
  '85%',
  '=10台',
  '≤20万元',
  '23.85万元',
  '0',
  '达成预期指标',
  '部分完成',
  '6月',
  '8月',
  '保障',
  '2个；≥36份',
  '1个；36份',
  'x',
];

/** Arbitrary patches against a generated document's forms and lines (ids i1…iN, forms f1…fM). */
function patchArb(forms: number, lines: number): fc.Arbitrary<Patch> {
  const formId = fc.integer({ min: 1, max: forms }).map((n) => `f${n}`);
  const indicatorId = fc.integer({ min: 1, max: lines }).map((n) => `i${n}`);
  const num = fc.option(fc.double({ min: -5, max: 40, noNaN: true }), { nil: null });
  return fc.oneof(
    fc.record({
      op: fc.constant('setIndicator' as const),
      formId,
      indicatorId,
      field: fc.constantFrom(
        'target' as const,
        'actual' as const,
        'targetInitial' as const,
        'name' as const,
        'level2' as const,
      ),
      value: fc.constantFrom(...VALUES),
    }),
    fc.record({
      op: fc.constant('setIndicator' as const),
      formId,
      indicatorId,
      field: fc.constantFrom(
        'weight' as const,
        'score' as const,
        'level2Weight' as const,
        'tierShare' as const,
      ),
      value: num,
    }),
    fc.record({
      op: fc.constant('setIndicator' as const),
      formId,
      indicatorId,
      field: fc.constant('tier' as const),
      value: fc.constantFrom(null, '达成' as const, '部分达成' as const, '未达成' as const),
    }),
    fc.record({
      op: fc.constant('setFundsRow' as const),
      formId,
      row: fc.constant(0),
      field: fc.constantFrom('fullYearBudget' as const, 'executed' as const),
      value: num,
    }),
    fc.record({
      op: fc.constant('setFunds' as const),
      formId,
      field: fc.constant('score' as const),
      value: num,
    }),
    fc.record({ op: fc.constant('deleteIndicator' as const), formId, indicatorId }),
    fc.record({
      op: fc.constant('moveIndicator' as const),
      formId,
      indicatorId,
      toIndex: fc.integer({ min: 0, max: lines }),
    }),
    fc.record({
      op: fc.constant('insertIndicator' as const),
      formId,
      index: fc.integer({ min: 0, max: lines }),
      indicator: fc
        .record({
          id: fc.uuid(),
          actual: fc.constantFrom(...VALUES),
          target: fc.constantFrom(...VALUES),
          weight: num,
        })
        .map((r) =>
          newIndicator(`n-${r.id}`, {
            level1: '产出',
            level2: '产出数量',
            level2Weight: 20,
            target: r.target,
            actual: r.actual,
            weight: r.weight,
          }),
        ),
    }),
  );
}

describe('properties', () => {
  it('after any patches, incremental results equal a full rescore and undo restores the document', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LAYOUTS),
        fc.array(patchArb(3, 8), { minLength: 1, maxLength: 25 }),
        (layout, patches) => {
          const doc = generatedDocument(3, 8, layout);
          const original = JSON.stringify(doc);
          const calc = new Recalculator(doc);
          const undo: Patch[][] = [];
          for (const p of patches) {
            try {
              undo.push(calc.apply(p).inverse);
            } catch {
              // A patch naming a deleted line is refused; the document must be unchanged by it.
            }
          }
          for (const form of doc.forms)
            expect(calc.result(form.id)).toEqual(scoreForm(form, getLayout(layout)));
          for (const inv of undo.reverse()) calc.batch(inv);
          expect(JSON.stringify(doc)).toBe(original);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('every suggestion lies in [0, weight] and the total is the sum of final scores', () => {
    const text = fc.oneof(
      fc.constantFrom(...VALUES),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 8 }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...LAYOUTS),
        fc.array(
          fc.record({
            target: text,
            targetInitial: text,
            actual: text,
            ruleText: fc.oneof(
              fc.constant(''),
              fc.constantFrom('每减少1%扣0.5分', '每超支20万元扣0.5分', '按照完成比例赋分', '直接赋分'),
            ),
            weight: fc.option(fc.double({ min: 0, max: 50, noNaN: true }), { nil: null }),
            level2Weight: fc.option(fc.double({ min: 0, max: 50, noNaN: true }), { nil: null }),
            tier: fc.constantFrom(null, '达成' as const, '部分达成' as const, '未达成' as const),
            tierShare: fc.option(fc.double({ min: -1, max: 2, noNaN: true }), { nil: null }),
            score: fc.option(fc.double({ min: -10, max: 60, noNaN: true }), { nil: null }),
          }),
          { maxLength: 12 },
        ),
        (layout, rows) => {
          const doc = generatedDocument(1, 0, layout);
          const form = doc.forms[0];
          if (!form) throw new Error('no form');
          form.indicators = rows.map((r, i) =>
            newIndicator(`x${i}`, { level1: '产出', level2: '数量', ...r }),
          );
          const result = scoreForm(form, getLayout(layout));
          let sum = result.execution.final;
          for (const lineResult of result.indicators) {
            if (lineResult.suggested !== null) {
              expect(lineResult.suggested).toBeGreaterThanOrEqual(0);
              expect(lineResult.suggested).toBeLessThanOrEqual((lineResult.weight ?? 0) + 1e-9);
            }
            sum += lineResult.final;
          }
          // The total is the sum of the lines, in cents (layout E weights such as 20/3 are not).
          expect(result.total).toBe(round2(sum));
        },
      ),
      { numRuns: 300 },
    );
  });
});
