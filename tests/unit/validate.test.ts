import { describe, expect, it } from 'vitest';
import { newIndicator } from '../../shared/model/factory';
import { EXCEL_CELL_TEXT_LIMIT, tooLongForCell } from '../../shared/checks/text-length';
import { LONG_TEXT_LIMIT, tooLongForForm } from '../../shared/model/cell-limit';
import { checkPatch, isForm } from '../../shared/model/validate';
import { readFixture } from '../support/documents';

describe('patches from outside are checked field by field', () => {
  const form = readFixture('002-01.json').form;

  it.each([
    { op: 'setIndicator', formId: 'f1', indicatorId: 'i1', field: 'actual', value: '85%' },
    { op: 'setIndicator', formId: 'f1', indicatorId: 'i1', field: 'weight', value: null },
    { op: 'setIndicator', formId: 'f1', indicatorId: 'i1', field: 'tier', value: '部分达成' },
    { op: 'setFundsRow', formId: 'f1', row: 0, field: 'executed', value: 12.5 },
    { op: 'setForm', formId: 'f1', field: 'printedGrade', value: '优' },
    { op: 'setMeta', field: 'layout', value: 'guangdong' },
    { op: 'insertIndicator', formId: 'f1', index: 2, indicator: newIndicator('n1', { name: '新指标' }) },
    { op: 'insertForm', index: 0, form },
    { op: 'moveForm', formId: 'f1', toIndex: 3 },
  ])('accepts %j', (p) => {
    expect(checkPatch(p)).toBeNull();
  });

  it.each([
    [null, '格式'],
    [{ op: 'dropTable' }, '不认识'],
    [{ op: 'setIndicator', formId: 'f1', indicatorId: 'i1', field: 'weight', value: '十' }, 'weight'],
    [{ op: 'setIndicator', formId: 'f1', indicatorId: 'i1', field: '__proto__', value: {} }, '__proto__'],
    [{ op: 'setIndicator', formId: 'f1', indicatorId: 'i1', field: 'tier', value: '很好' }, 'tier'],
    [{ op: 'setIndicator', formId: 'f1', indicatorId: 'i1', field: 'weight', value: Number.NaN }, 'weight'],
    [{ op: 'setFundsRow', formId: 'f1', row: -1, field: 'executed', value: 1 }, '资金行'],
    [{ op: 'setMeta', field: 'layout', value: 'beijing' }, '文档信息'],
    [{ op: 'insertIndicator', formId: 'f1', index: 0, indicator: { id: 'x', name: 5 } }, '指标行'],
    [{ op: 'insertForm', index: 0, form: { ...form, indicators: [{ id: 'i1' }] } }, '表'],
  ])('refuses %j with a Chinese message', (p, named) => {
    const message = checkPatch(p);
    expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(message).toContain(named);
  });

  it('recognises real forms and nothing less', () => {
    expect(isForm(form)).toBe(true);
    expect(isForm({ ...form, goals: null })).toBe(false);
    expect(isForm({ ...form, year: '2024' })).toBe(false);
  });

  describe('texts are bounded at one Excel cell, with the export’s own sentence', () => {
    const long = '字'.repeat(EXCEL_CELL_TEXT_LIMIT + 1);
    const fits = 'x'.repeat(EXCEL_CELL_TEXT_LIMIT);
    const ind = { ...newIndicator('i9'), name: long };
    it.each<[string, (text: string) => unknown]>([
      [
        'setIndicator',
        (t) => ({ op: 'setIndicator', formId: 'f1', indicatorId: 'i1', field: 'target', value: t }),
      ],
      ['setFunds', (t) => ({ op: 'setFunds', formId: 'f1', field: 'scoreReason', value: t })],
      ['setFundsRow', (t) => ({ op: 'setFundsRow', formId: 'f1', row: 0, field: 'source', value: t })],
      ['setForm', (t) => ({ op: 'setForm', formId: 'f1', field: 'projectName', value: t })],
      ['setHeader', (t) => ({ op: 'setHeader', formId: 'f1', field: 'contact', value: t })],
      ['setMeta', (t) => ({ op: 'setMeta', field: 'unit', value: t })],
      [
        'insertIndicator',
        (t) => ({ op: 'insertIndicator', formId: 'f1', index: 0, indicator: { ...ind, name: t } }),
      ],
      ['insertForm', (t) => ({ op: 'insertForm', index: 0, form: { ...form, unit: t } })],
    ])('%s', (_, patch) => {
      expect(checkPatch(patch(fits))).toBeNull();
      const message = checkPatch(patch(long));
      expect(message).toContain(tooLongForCell(long) ?? 'never');
      expect(message).toMatch(/精简到上限以内/);
    });

    it('goals and analysis, which the export spreads over rows, are not limited to one cell', () => {
      expect(checkPatch({ op: 'setGoals', formId: 'f1', field: 'expected', value: long })).toBeNull();
      expect(checkPatch({ op: 'setAnalysis', formId: 'f1', key: '偏差分析', value: long })).toBeNull();
      const goals = { ...form.goals, expected: long };
      expect(checkPatch({ op: 'insertForm', index: 0, form: { ...form, goals } })).toBeNull();
    });

    it('but they are bounded too: 15 million characters pasted into a goal are refused', () => {
      const huge = 'x'.repeat(15_000_000);
      const atLimit = '字'.repeat(LONG_TEXT_LIMIT);
      expect(checkPatch({ op: 'setGoals', formId: 'f1', field: 'actual', value: atLimit })).toBeNull();
      for (const patch of [
        { op: 'setGoals', formId: 'f1', field: 'actual', value: huge },
        { op: 'setAnalysis', formId: 'f1', key: '偏差分析', value: huge },
        { op: 'insertForm', index: 0, form: { ...form, analysis: { 存在问题: huge } } },
      ]) {
        const message = checkPatch(patch);
        expect(message).toContain(tooLongForForm(huge) ?? 'never');
        expect(message).toMatch(/精简到上限以内/);
        expect(message).not.toMatch(/Excel/);
      }
    });
  });
});
