import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readValue, tierOfPhrase } from '../../shared/values/reader';

describe('value reader', () => {
  it('never throws and always keeps what was typed', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })),
        (s) => {
          const r = readValue(s);
          expect(r.raw).toBe(s);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('survives values that are not strings', () => {
    expect(readValue(null)).toEqual({ kind: 'empty', raw: '' });
    expect(readValue(undefined)).toEqual({ kind: 'empty', raw: '' });
  });

  it('reads full-width digits, symbols and spaces', () => {
    expect(readValue('＞＝ ９０ ％')).toMatchObject({ kind: 'number', op: '>=', value: 90, unit: '%' });
    expect(readValue('≤１，２００元')).toMatchObject({ kind: 'number', op: '<=', value: 1200, unit: '元' });
  });

  it('reads "≠" as "=" and says so', () => {
    expect(readValue('≠241家')).toMatchObject({
      kind: 'number',
      op: '=',
      value: 241,
      note: '符号“≠”按“=”读取',
    });
  });

  it('keeps operator-only cells of 年初指标值 apart from numbers', () => {
    expect(readValue('≥%')).toEqual({ kind: 'operatorOnly', raw: '≥%', op: '>=', unit: '%' });
    expect(readValue('不超过项目预算').kind).toBe('qualitative');
  });

  it('reads compound values part by part', () => {
    const r = readValue('2个；≥36份');
    expect(r.kind).toBe('compound');
    if (r.kind === 'compound') expect(r.parts.map((p) => p.kind)).toEqual(['number', 'number']);
  });

  it('reads time values', () => {
    expect(readValue('10月底前')).toMatchObject({ kind: 'time', bound: 'by', month: 10, end: true });
    expect(readValue('2024年12月1日前')).toMatchObject({
      kind: 'time',
      bound: 'by',
      year: 2024,
      month: 12,
      day: 1,
    });
    expect(readValue('每月')).toMatchObject({ kind: 'time', bound: 'every', every: '月' });
    expect(readValue('1个月内')).toMatchObject({ kind: 'time', bound: 'within', span: { n: 1, unit: '月' } });
    expect(readValue('2023年底')).toMatchObject({ kind: 'time', bound: 'by', year: 2023, end: true });
    expect(readValue('13月').kind).not.toBe('time');
  });

  it('finds the tier in cut phrases', () => {
    expect(tierOfPhrase('达成预期指')).toBe('达成');
    expect(tierOfPhrase('如期指标并具')).toBe('部分达成');
    expect(tierOfPhrase('预期指标且未')).toBe('未达成');
    expect(tierOfPhrase('保障')).toBeUndefined();
  });
});
