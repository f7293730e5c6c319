/** The renderer's spreadsheet pieces that need no browser: TSV, the selection rectangle, undo history. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from '../../renderer/src/sheet/tsv';
import { bounds, contains, extend, single } from '../../renderer/src/sheet/cellRange';
import { UndoHistory, whereOf } from '../../renderer/src/state/undoHistory';
import type { Patch } from '../../shared/model/patch';
import { patchesForCells } from '../../renderer/src/grid/indicatorEdits';
import { getLayout } from '../../shared/layouts/definitions';
import { newForm, newIndicator } from '../../shared/model/factory';

describe('TSV as Excel and WPS write it', () => {
  it('reads tabs, CRLF rows and the trailing newline', () => {
    expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseTsv('a\tb\nc\td')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseTsv('')).toEqual([]);
    expect(parseTsv('\r\n')).toEqual([['']]);
    expect(parseTsv('a\t\r\n')).toEqual([['a', '']]);
  });

  it('reads quoted cells with newlines, tabs and doubled quotes', () => {
    expect(parseTsv('"第一行\n第二行"\t"他说""好"""\r\n"a\tb"\tx\r\n')).toEqual([
      ['第一行\n第二行', '他说"好"'],
      ['a\tb', 'x'],
    ]);
  });

  it('keeps a quote that does not open a quoted cell, and full-width spaces', () => {
    expect(parseTsv('"5" 分\t颗粒物　浓度\n')).toEqual([['"5" 分', '颗粒物　浓度']]);
    expect(parseTsv('"未闭合\tx')).toEqual([['"未闭合', 'x']]);
  });

  it('writes what it reads back, for any cells', () => {
    const cellText = fc.string({
      unit: fc.constantFrom('a', '分', '"', '\t', '\n', '\r\n', '　', ' ', '=', '5'),
    });
    const block = fc
      .integer({ min: 1, max: 4 })
      .chain((w) =>
        fc.array(fc.array(cellText, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 5 }),
      );
    fc.assert(
      fc.property(block, (rows) => {
        const text = toTsv(rows);
        expect(text.endsWith('\r\n')).toBe(true);
        // A lone \r inside a cell is written quoted and read back unchanged.
        expect(parseTsv(text)).toEqual(rows);
      }),
    );
  });
});

describe('the selection rectangle', () => {
  it('extends from its anchor and stays inside the grid', () => {
    let r = single({ row: 2, col: 1 });
    r = extend(r, 1, 0, 5, 3);
    r = extend(r, 0, 5, 5, 3);
    expect(bounds(r)).toEqual({ top: 2, bottom: 3, left: 1, right: 2 });
    r = extend(r, -10, -10, 5, 3);
    expect(bounds(r)).toEqual({ top: 0, bottom: 2, left: 0, right: 1 });
    expect(contains(r, 1, 1)).toBe(true);
    expect(contains(r, 3, 1)).toBe(false);
  });
});

describe('undo history', () => {
  const p = (v: string): Patch => ({ op: 'setForm', formId: 'f1', field: 'projectName', value: v });
  it('a new step after undo drops the redo stack', () => {
    const h = new UndoHistory();
    h.record({ patches: [p('a')], where: null });
    h.record({ patches: [p('b')], where: null });
    const s = h.takeUndo();
    expect(s?.patches).toEqual([p('b')]);
    h.pushRedo({ patches: [p('B')], where: null });
    expect(h.canRedo).toBe(true);
    h.record({ patches: [p('c')], where: null });
    expect(h.canRedo).toBe(false);
    expect(h.takeUndo()?.patches).toEqual([p('c')]);
    expect(h.takeUndo()?.patches).toEqual([p('a')]);
    expect(h.canUndo).toBe(false);
  });

  it('points at the first thing a step touched', () => {
    const patches: Patch[] = [
      { op: 'setIndicator', formId: 'f2', indicatorId: 'i7', field: 'actual', value: '1' },
      p('x'),
    ];
    expect(whereOf(patches, () => 4)).toEqual({
      formId: 'f2',
      section: 'indicator',
      row: 4,
      field: 'actual',
    });
    expect(whereOf([{ op: 'setMeta', field: 'year', value: 2025 }], () => 0)).toBeNull();
  });
});

describe('pasted cells → one patch list', () => {
  const layout = getLayout('hunan');
  const form = newForm('f1', 'hunan', 'project', 2024, '测试');
  form.indicators = [
    newIndicator('i1', { level1: '产出指标', level2: '数量指标', name: '甲', weight: 5 }),
    newIndicator('i2', { level1: '产出指标', level2: '数量指标', name: '乙', weight: 5 }),
  ];

  it('writes each row on its own (no spreading over a merge) and appends rows under the last level', () => {
    const r = patchesForCells(
      form,
      layout,
      [
        { row: 0, colId: 'level2', text: '质量指标' },
        { row: 2, colId: 'name', text: '丙' },
        { row: 2, colId: 'weight', text: '３' },
      ],
      1,
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.patches[0]).toMatchObject({
      op: 'insertIndicator',
      index: 2,
      indicator: { id: 'i3', level1: '产出指标', level2: '数量指标' },
    });
    expect(r.patches.slice(1)).toEqual([
      { op: 'setIndicator', formId: 'f1', indicatorId: 'i1', field: 'level2', value: '质量指标' },
      { op: 'setIndicator', formId: 'f1', indicatorId: 'i3', field: 'name', value: '丙' },
      { op: 'setIndicator', formId: 'f1', indicatorId: 'i3', field: 'weight', value: 3 },
    ]);
  });

  it('refuses the whole block at the first cell it cannot read, naming the row', () => {
    const r = patchesForCells(
      form,
      layout,
      [
        { row: 0, colId: 'name', text: 'x' },
        { row: 1, colId: 'weight', text: '五' },
      ],
      0,
    );
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.message).toMatch(/^第 2 行：/);
  });
});
