/**
 * The optional header fields (广东) and the 基础数据表 (湖南) in the model: form JSON with and
 * without them, unknown keys kept, bad values named; the setHeader patch and its undo; patches and
 * forms from outside checked; stored form bodies of old and new documents still decode.
 */
import { describe, expect, it } from 'vitest';
import { encodeForm } from '../../electron/services/document-store/codec';
import { newForm } from '../../shared/model/factory';
import { formToJson, parseFormJson } from '../../shared/model/interchange';
import { applyPatch, type Patch } from '../../shared/model/patch';
import { checkPatch, isForm } from '../../shared/model/validate';
import type { ZipingDocument } from '../../shared/model/types';
import { readFixture } from '../support/documents';
import { JIANGMEN_HEADER } from '../support/headers';

const HEADER = JIANGMEN_HEADER;
const BASIC_DATA = {
  authorizedStaff: 166,
  actualStaff: 113,
  spending: [{ item: '三公经费', lastYearFinal: 82.73, budget: 77, final: 35.32 }],
  building: { approvedArea: 0, actualArea: 0, budgetInvestment: null, actualInvestment: null },
  savingMeasures: '牢固树立过紧日子思想，厉行节约',
};

function parsed(json: Record<string, unknown>) {
  const r = parseFormJson(json, 'f1');
  if (!r.ok) throw new Error(r.error.join('；'));
  return r.value;
}

describe('form JSON', () => {
  it('old JSON without the new parts parses and writes back without them', () => {
    const old = formToJson(readFixture('002-01.json').form, 'shanxi');
    const { form, layout } = parsed(old);
    expect(form.header).toBeUndefined();
    expect(form.basicData).toBeUndefined();
    expect(formToJson(form, layout)).toEqual(old);
  });

  it('header and basicData come back identical, unknown keys inside them kept', () => {
    const json = {
      ...formToJson(newForm('x', 'guangdong', 'department', 2024, '衡阳市生态环境局'), 'hunan'),
      header: { ...HEADER, 传真: '0750-1234567' },
      basicData: {
        ...BASIC_DATA,
        spending: [{ ...BASIC_DATA.spending[0], 备注: '含公务用车' }],
        building: { ...BASIC_DATA.building, 项目: '无' },
        填表人: '张三',
      },
    };
    const { form, layout } = parsed(json);
    expect(form.header).toEqual(HEADER);
    expect(form.basicData?.authorizedStaff).toBe(166);
    expect(formToJson(form, layout)).toEqual(json);
  });

  it('empty header values are no values; wrong types are named in Chinese', () => {
    const base = formToJson(newForm('x', 'guangdong', 'project', 2024, '项目'), 'guangdong');
    expect(parsed({ ...base, header: { contact: '', evaluationAmount: null } }).form.header).toBeUndefined();
    const r = parseFormJson(
      { ...base, header: { evaluationAmount: '两千' }, basicData: { spending: 3 } },
      'f1',
    );
    expect(r.ok ? [] : r.error).toEqual([
      'header.evaluationAmount 应为数字，实际是 "两千"',
      'basicData.spending 应为数组',
    ]);
  });
});

describe('the setHeader patch', () => {
  const doc = (): ZipingDocument => ({
    meta: {
      unit: '江门市生态环境局',
      year: 2024,
      layout: 'guangdong',
      createdAt: '',
      createdBy: '',
      modifiedAt: '',
      modifiedBy: '',
    },
    forms: [newForm('f1', 'guangdong', 'project', 2024, '江门市级环境保护专项资金')],
  });

  it('sets a field and its inverse restores the form exactly, absent fields included', () => {
    const d = doc();
    const before = JSON.stringify(d);
    const set: Patch[] = [
      { op: 'setHeader', formId: 'f1', field: 'contact', value: '伍毅敏' },
      { op: 'setHeader', formId: 'f1', field: 'evaluationAmount', value: 2181.86 },
    ];
    const undo = set.map((p) => applyPatch(d, p)).reverse();
    expect(d.forms[0]?.header).toEqual({ contact: '伍毅敏', evaluationAmount: 2181.86 });
    expect(undo).toEqual([
      { op: 'setHeader', formId: 'f1', field: 'evaluationAmount', value: null },
      { op: 'setHeader', formId: 'f1', field: 'contact', value: '' },
    ]);
    const redo = undo.map((p) => applyPatch(d, p)).reverse();
    expect(JSON.stringify(d)).toBe(before);
    redo.forEach((p) => applyPatch(d, p));
    expect(d.forms[0]?.header).toEqual({ contact: '伍毅敏', evaluationAmount: 2181.86 });
  });

  it('is checked like every patch from outside', () => {
    expect(checkPatch({ op: 'setHeader', formId: 'f1', field: 'phone', value: '3988041' })).toBeNull();
    expect(checkPatch({ op: 'setHeader', formId: 'f1', field: 'evaluationAmount', value: null })).toBeNull();
    expect(checkPatch({ op: 'setHeader', formId: 'f1', field: 'evaluationAmount', value: '2181' })).toBe(
      '表头修改不正确：evaluationAmount',
    );
    expect(checkPatch({ op: 'setHeader', formId: 'f1', field: 'fax', value: '1' })).toBe(
      '表头修改不正确：fax',
    );
  });
});

describe('the setBasicData patch', () => {
  it('replaces the table; its inverse puts back the old one, or none', () => {
    const d: ZipingDocument = {
      meta: {
        unit: '',
        year: 2024,
        layout: 'hunan',
        createdAt: '',
        createdBy: '',
        modifiedAt: '',
        modifiedBy: '',
      },
      forms: [newForm('f1', 'hunan', 'department', 2024, '衡阳市生态环境局')],
    };
    const first = applyPatch(d, { op: 'setBasicData', formId: 'f1', value: BASIC_DATA });
    expect(first).toEqual({ op: 'setBasicData', formId: 'f1', value: null });
    const changed = { ...BASIC_DATA, actualStaff: 120 };
    const second = applyPatch(d, { op: 'setBasicData', formId: 'f1', value: changed });
    expect(second).toEqual({ op: 'setBasicData', formId: 'f1', value: BASIC_DATA });
    applyPatch(d, second);
    expect(d.forms[0]?.basicData).toEqual(BASIC_DATA);
    applyPatch(d, first);
    expect('basicData' in (d.forms[0] ?? {})).toBe(false);
  });

  it('is checked like every patch from outside', () => {
    expect(checkPatch({ op: 'setBasicData', formId: 'f1', value: BASIC_DATA })).toBeNull();
    expect(checkPatch({ op: 'setBasicData', formId: 'f1', value: null })).toBeNull();
    expect(checkPatch({ op: 'setBasicData', formId: 'f1' })).toBe('基础数据表修改不正确');
    expect(
      checkPatch({ op: 'setBasicData', formId: 'f1', value: { ...BASIC_DATA, actualStaff: '113' } }),
    ).toBe('基础数据表修改不正确');
  });
});

describe('stored forms', () => {
  it('old and new bodies decode; malformed new parts are refused', () => {
    const form = newForm('f1', 'hunan', 'department', 2024, '衡阳市生态环境局');
    expect(isForm(JSON.parse(encodeForm(form)))).toBe(true);
    const full = { ...form, header: HEADER, basicData: BASIC_DATA };
    expect(isForm(JSON.parse(encodeForm(full)))).toBe(true);
    expect(isForm({ ...full, header: { contact: 5 } })).toBe(false);
    expect(isForm({ ...full, header: { contact: '' } })).toBe(false);
    expect(isForm({ ...full, basicData: { ...BASIC_DATA, spending: [{ item: 1 }] } })).toBe(false);
  });
});
