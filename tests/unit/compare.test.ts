/**
 * compareDocuments against what the edits did: a generated document and a copy edited at random
 * (some edits undone, some cells set back to what they were). Every cell an edit touched whose
 * final value differs is reported — no other cell, none missed — with both values; forms and lines
 * added and removed are the ones whose ids came and went; totals and grades are the engine's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../../shared/compare/compare';
import { movedIds } from '../../shared/compare/moved';
import { cellKey, cellOfPatch, cellValue, type CellRef } from '../../shared/history/cells';
import { getLayout } from '../../shared/layouts/definitions';
import { applyPatch, type Patch } from '../../shared/model/patch';
import type { ZipingDocument } from '../../shared/model/types';
import { scoreForm } from '../../shared/scoring/form';
import { generatedDocument, rng } from '../support/documents';
import { hengyangBasicData } from '../support/headers';
import { RandomEdits } from '../support/random-edits';

function edited(seed: number, steps: number): { a: ZipingDocument; b: ZipingDocument; touched: CellRef[] } {
  const a = generatedDocument(3, 6, 'national', seed);
  const b = structuredClone(a);
  const edits = new RandomEdits(rng(seed), { fundsRows: false });
  const r = rng(seed + 1);
  const touched = new Map<string, CellRef>();
  const undo: Patch[][] = [];
  for (let i = 0; i < steps; i++) {
    const patches = undo.length > 0 && r() < 0.25 ? (undo.pop() as Patch[]) : edits.next(b);
    const inverse = patches.map((p) => applyPatch(b, structuredClone(p))).reverse();
    undo.push(inverse);
    for (const p of patches) {
      const cell = cellOfPatch(p);
      if (cell) touched.set(cellKey(cell), cell);
    }
  }
  return { a, b, touched: [...touched.values()] };
}

const ids = (doc: ZipingDocument) => new Set(doc.forms.map((f) => f.id));

describe('compareDocuments', () => {
  it('reports exactly the cells whose final value differs, and the forms and lines added or removed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 120 }), (seed, steps) => {
        const { a, b, touched } = edited(seed, steps);
        const result = compareDocuments(a, b);

        const expected = touched
          .filter((ref) => {
            const before = cellValue(a, ref);
            const after = cellValue(b, ref);
            return before !== undefined && after !== undefined && (before ?? null) !== (after ?? null);
          })
          .map(cellKey)
          .sort();
        const reported = [...result.meta, ...result.forms.flatMap((f) => f.cells)];
        expect(reported.map((c) => cellKey(c.cell)).sort()).toEqual(expected);
        for (const c of reported) {
          expect(c.old).toEqual(cellValue(a, c.cell) ?? null);
          expect(c.new).toEqual(cellValue(b, c.cell) ?? null);
          expect(c.place).not.toBe('');
          expect(c.what).toMatch(/[\u4e00-\u9fff]/);
        }

        const [idsA, idsB] = [ids(a), ids(b)];
        const status = (s: string) =>
          result.forms
            .filter((f) => f.status === s)
            .map((f) => f.formId)
            .sort();
        expect(status('added')).toEqual([...idsB].filter((id) => !idsA.has(id)).sort());
        expect(status('removed')).toEqual([...idsA].filter((id) => !idsB.has(id)).sort());

        for (const compared of result.forms) {
          const fa = a.forms.find((f) => f.id === compared.formId);
          const fb = b.forms.find((f) => f.id === compared.formId);
          if (fa) {
            const s = scoreForm(fa, getLayout(a.meta.layout));
            expect(compared.before).toEqual({ total: s.total, grade: s.grade });
          } else expect(compared.before).toBeNull();
          if (fb) {
            const s = scoreForm(fb, getLayout(b.meta.layout));
            expect(compared.after).toEqual({ total: s.total, grade: s.grade });
          } else expect(compared.after).toBeNull();
          if (!fa || !fb) continue;
          const lineIds = (kind: string) =>
            compared.lines
              .filter((l) => l.kind === kind)
              .map((l) => l.indicatorId)
              .sort();
          const la = fa.indicators.map((i) => i.id);
          const lb = fb.indicators.map((i) => i.id);
          expect(lineIds('added')).toEqual(lb.filter((id) => !la.includes(id)).sort());
          expect(lineIds('removed')).toEqual(la.filter((id) => !lb.includes(id)).sort());
          // Without the lines reported as moved, the lines both have are in the same order.
          const moved = new Set(lineIds('moved'));
          const keep = (list: string[], other: string[]) =>
            list.filter((id) => other.includes(id) && !moved.has(id));
          expect(keep(la, lb)).toEqual(keep(lb, la));
          expect(compared.status).toBe(
            compared.cells.length > 0 || compared.lines.length > 0 ? 'changed' : 'unchanged',
          );
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a document against itself: nothing changed', () => {
    const doc = generatedDocument(4, 8);
    const result = compareDocuments(doc, structuredClone(doc));
    expect(result.meta).toEqual([]);
    expect(result.forms.map((f) => f.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
  });

  it('names cells as the form titles them and gives totals and grades before and after', () => {
    const a = generatedDocument(1, 4);
    const b = structuredClone(a);
    const form = b.forms[0];
    const first = form?.indicators[0];
    if (!form || !first) throw new Error('no form');
    applyPatch(b, { op: 'setIndicator', formId: form.id, indicatorId: first.id, field: 'score', value: 0 });
    applyPatch(b, { op: 'setFundsRow', formId: form.id, row: 0, field: 'executed', value: 12.5 });
    const [changed] = compareDocuments(a, b).forms;
    expect(changed?.cells.map((c) => [c.place, c.what])).toEqual([
      ['资金 第1行（年度资金总额）', '全年执行数'],
      ['绩效指标 第1行（指标1）', '得分'],
    ]);
    expect(changed?.after?.total).toBeLessThan(changed?.before?.total ?? 0);
  });

  it('movedIds names the line that moved, not the ones it passed', () => {
    expect([...movedIds(['a', 'b', 'c', 'd'], ['b', 'c', 'd', 'a'])]).toEqual(['a']);
    expect([...movedIds(['a', 'b'], ['a', 'b'])]).toEqual([]);
  });
});

describe('comparison of the optional header fields and the 基础数据表', () => {
  it('reports a changed 联系人 and a new 基础数据表, each once, in Chinese', () => {
    const before = generatedDocument(1, 3);
    before.meta.layout = 'guangdong';
    const after = structuredClone(before);
    const formId = after.forms[0]?.id ?? '';
    applyPatch(after, { op: 'setHeader', formId, field: 'contact', value: '李四' });
    applyPatch(after, { op: 'setBasicData', formId, value: hengyangBasicData() });
    const cells = compareDocuments(before, after).forms.flatMap((f) => f.cells);
    expect(cells.map((c) => [c.place, c.what, c.old])).toEqual([
      ['表头', '联系人', null],
      ['基础数据表', '基础数据表', null],
    ]);
    expect(cells[0]?.new).toBe('李四');
  });
});
