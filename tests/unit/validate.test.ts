import { describe, expect, it } from 'vitest';
import { newIndicator } from '../../shared/model/factory';
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
});
