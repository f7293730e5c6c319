/** Numbers typed into cells (shared/values/input): what the grid and the forms accept and refuse. */
import { describe, expect, it } from 'vitest';
import { parseNumberInput, parseShareInput } from '../../shared/values/input';

const read = (raw: unknown) => parseNumberInput(raw, '分值');

describe('parseNumberInput', () => {
  it.each<[unknown, number | null]>([
    [null, null],
    [undefined, null],
    ['', null],
    ['  ', null],
    [12, 12],
    ['12', 12],
    [' 12.5 ', 12.5],
    ['.5', 0.5],
    ['-3', -3],
    ['+2', 2],
    ['1,234.5', 1234.5],
    ['1，234', 1234],
    ['1 234', 1234],
    ['１０', 10],
    ['１２．５', 12.5],
    ['－３', -3],
    ['１，２３４', 1234],
    ['\u3000８\u3000', 8],
    ['10分', 10],
    ['10 分', 10],
    ['12.5万元', 12.5],
    ['100元', 100],
  ])('reads %j as %j', (raw, value) => {
    expect(read(raw)).toEqual({ ok: true, value });
  });

  it.each<unknown>(['abc', '1.2.3', '10个', '≥90%', '=5', '十', Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses %j in Chinese, naming the cell and what was typed',
    (raw) => {
      const r = read(raw);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toBe(`分值应为数字，“${String(raw)}”无法识别：请重新输入`);
    },
  );
});

describe('parseShareInput', () => {
  it.each<[string, number | null]>([
    ['', null],
    ['80', 0.8],
    ['80%', 0.8],
    ['８０％', 0.8],
    ['0.8', 0.8],
    ['100', 1],
    ['0', 0],
  ])('reads %j as %j', (raw, value) => {
    const r = parseShareInput(raw);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    if (value === null) expect(r.value).toBeNull();
    else expect(r.value).toBeCloseTo(value, 10);
  });

  it('refuses shares outside 0%–100% and text that is no number', () => {
    expect(parseShareInput('150%')).toEqual({ ok: false, message: '得分比例应在 0%–100% 之间：请重新输入' });
    expect(parseShareInput('-1')).toEqual({ ok: false, message: '得分比例应在 0%–100% 之间：请重新输入' });
    expect(parseShareInput('很好')).toEqual({
      ok: false,
      message: '得分比例应为数字，“很好”无法识别：请重新输入',
    });
  });
});
