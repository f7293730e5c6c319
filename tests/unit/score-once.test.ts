/**
 * Score once: the document service (the window's AppService over a real SQLite working copy)
 * checks and stores edits without scoring them — the window's recalculator scores what it shows —
 * and an Excel export scores each form once, from the edited document. Every entry point of
 * shared/scoring/form is counted (the recalculator and scoreForm both go through it).
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppService } from '../../electron/services/handlers';
import { getLayout } from '../../shared/layouts/definitions';
import { applyPatches, type Patch } from '../../shared/model/patch';
import type { Form, ZipingDocument } from '../../shared/model/types';
import { scoreForm } from '../../shared/scoring/form';
import { layoutForm, readWorkbook, rowWith } from '../support/excel';

const scoring = vi.hoisted(() => ({ calls: 0 }));

vi.mock('../../shared/scoring/form', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../shared/scoring/form')>();
  const counted =
    <A extends unknown[], R>(f: (...args: A) => R) =>
    (...args: A): R => {
      scoring.calls += 1;
      return f(...args);
    };
  return {
    ...real,
    scoreForm: counted(real.scoreForm),
    scoreLine: counted(real.scoreLine),
    finishForm: counted(real.finishForm),
  };
});

/** Keystrokes a user types into the grid: completion values and an executed amount. */
function keystrokes(form: Form): Patch[][] {
  const edits: Patch[][] = [];
  for (const [i, actual] of ['=9次/天', '=6次/天', '=5次/天', '=2次/天'].entries()) {
    const ind = form.indicators[i % 2];
    if (!ind) throw new Error('no line');
    edits.push([
      { op: 'setIndicator', formId: form.id, indicatorId: ind.id, field: 'actual', value: actual },
    ]);
  }
  edits.push([{ op: 'setFundsRow', formId: form.id, row: 0, field: 'executed', value: 40.5 }]);
  return edits;
}

describe('the document service scores nothing per edit; an export scores once', () => {
  let dir: string;
  let service: AppService;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ziping-score-once-'));
    service = new AppService(join(dir, 'data'));
    scoring.calls = 0;
  });
  afterEach(() => {
    service.current?.close({ discard: true });
    rmSync(dir, { recursive: true, force: true });
  });

  function call(name: 'doc/new' | 'doc/apply' | 'doc/save' | 'doc/close' | 'doc/open', args: object): void {
    const r = service.call(name, args);
    if (!r.ok) throw new Error(r.error.message);
  }

  it('opens, applies and saves without scoring; the export carries the edited scores', async () => {
    const file = join(dir, '自评.ziping');
    const forms = [
      layoutForm('shanxi', 'project', 'f1', '洒水降尘'),
      layoutForm('shanxi', 'project', 'f2', '道路清扫'),
    ];
    call('doc/new', { path: file, unit: '测试单位', year: 2024, layout: 'shanxi' });
    call('doc/apply', { patches: forms.map((form, index) => ({ op: 'insertForm', index, form })) });
    call('doc/save', {});
    call('doc/close', { discard: false });
    call('doc/open', { path: file });
    const current = service.current?.document;
    if (!current) throw new Error('no document');
    const opened = structuredClone(current);
    // What the document scores to after the same edits, worked out apart from the service.
    const expected: ZipingDocument = structuredClone(opened);
    const edits = keystrokes(forms[1] as Form);
    for (const patches of edits) applyPatches(expected, patches);

    for (const patches of edits) call('doc/apply', { patches });
    call('doc/save', {});
    expect(scoring.calls).toBe(0);

    const out = join(dir, '自评.xlsx');
    const exported = await service.invoke('doc/exportXlsx', { path: out, draft: true });
    if (!exported.ok) throw new Error(exported.error.message);
    // Each form scored once, however many edits came before.
    expect(scoring.calls).toBe(forms.length);

    const summary = (await readWorkbook(out)).getWorksheet('汇总') as ExcelJS.Worksheet;
    const header = rowWith(summary, '序号');
    const layout = getLayout('shanxi');
    const totals = expected.forms.map((_, i) => summary.getRow(header + 1 + i).getCell(7).value);
    expect(totals).toEqual(expected.forms.map((f) => scoreForm(f, layout).total));
    // The edits changed the second form's score: the export saw them, not the opened document.
    expect(totals[1]).not.toBe(scoreForm(opened.forms[1] as Form, layout).total);
    expect(totals[0]).toBe(scoreForm(opened.forms[0] as Form, layout).total);
  });
});
