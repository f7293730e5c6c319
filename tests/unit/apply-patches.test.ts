/** applyPatches, the one loop that applies an edit (session and recalculator), and formsTouched. */
import { describe, expect, it } from 'vitest';
import { applyPatches, formsTouched, PatchError, type Patch } from '../../shared/model/patch';
import { generatedDocument } from '../support/documents';

describe('applyPatches', () => {
  it('applies in order and gives back the inverse that restores the document', () => {
    const doc = generatedDocument(3, 4);
    const before = structuredClone(doc);
    const [a, b] = doc.forms;
    const line = a?.indicators[0];
    if (!a || !b || !line) throw new Error('no forms');
    const patches: Patch[] = [
      { op: 'setIndicator', formId: a.id, indicatorId: line.id, field: 'actual', value: '7次' },
      { op: 'deleteIndicator', formId: a.id, indicatorId: line.id },
      { op: 'moveForm', formId: b.id, toIndex: 0 },
      { op: 'setMeta', field: 'unit', value: '另一单位' },
    ];
    const seen: string[] = [];
    const inverse = applyPatches(doc, patches, (p, when) => seen.push(`${when} ${p.op}`));
    expect(doc.forms.map((f) => f.id)).toEqual([b.id, a.id, doc.forms[2]?.id]);
    expect(doc.forms[1]?.indicators.some((i) => i.id === line.id)).toBe(false);
    expect(doc.meta.unit).toBe('另一单位');
    expect(seen).toEqual(patches.flatMap((p) => [`before ${p.op}`, `after ${p.op}`]));
    applyPatches(doc, inverse);
    expect(doc).toEqual(before);
  });

  it('a patch that fails undoes the ones before it and throws: the document is unchanged', () => {
    const doc = generatedDocument(2, 3);
    const before = structuredClone(doc);
    const form = doc.forms[0];
    const line = form?.indicators[1];
    if (!form || !line) throw new Error('no form');
    const patches: Patch[] = [
      { op: 'setIndicator', formId: form.id, indicatorId: line.id, field: 'weight', value: 3 },
      { op: 'deleteForm', formId: form.id },
      { op: 'setFundsRow', formId: form.id, row: 0, field: 'executed', value: 1 },
    ];
    expect(() => applyPatches(doc, patches)).toThrow(PatchError);
    expect(doc).toEqual(before);
  });
});

describe('formsTouched', () => {
  it('tells changed forms from deleted ones; a form deleted and inserted again is changed', () => {
    const doc = generatedDocument(3, 2);
    const [a, b, c] = doc.forms;
    if (!a || !b || !c) throw new Error('no forms');
    const touched = formsTouched([
      { op: 'setMeta', field: 'unit', value: 'x' },
      { op: 'setForm', formId: a.id, field: 'projectName', value: '新名' },
      { op: 'deleteForm', formId: b.id },
      { op: 'deleteForm', formId: c.id },
      { op: 'insertForm', index: 0, form: c },
    ]);
    expect(touched).toEqual({ changed: new Set([a.id, c.id]), removed: new Set([b.id]) });
  });
});
