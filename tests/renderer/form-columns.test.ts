/**
 * Column widths as both the grids and their static first paint fit them (renderer/src/grid/formColumn.ts):
 * the official form's proportions, never below a column's minimum, every pixel used.
 */
import { describe, expect, it } from 'vitest';
import { fitWidths, formColumn, leastWidth, PX_PER_CHAR } from '../../renderer/src/grid/formColumn';

describe('fitting a form’s columns', () => {
  it('keeps the proportions and fills the width to the pixel', () => {
    const widths = fitWidths([100, 200, 100], [48, 48, 48], 800);
    expect(widths).toEqual([200, 400, 200]);
    const odd = fitWidths([90, 90, 90], [10, 10, 10], 301);
    expect(odd.reduce((a, w) => a + w, 0)).toBe(301);
    expect(odd.every((w) => Number.isInteger(w))).toBe(true);
  });

  it('holds a column at its minimum and shares the rest among the others', () => {
    const widths = fitWidths([20, 300, 300], [60, 48, 48], 310);
    expect(widths[0]).toBe(60);
    expect(widths[1]).toBe(125);
    expect(widths.reduce((a, w) => a + w, 0)).toBe(310);
  });

  it('below every minimum the columns stay at their minimums (the form scrolls sideways)', () => {
    const mins = [50, 60, 70];
    expect(fitWidths([100, 100, 100], mins, 100)).toEqual(mins);
    expect(leastWidth(mins)).toBe(182);
  });

  it('a layout column in Excel characters becomes pixels with a minimum of half', () => {
    const col = formColumn({ key: 'name', title: '三级指标', width: 20 });
    expect(col).toMatchObject({
      colId: 'name',
      headerName: '三级指标',
      width: 20 * PX_PER_CHAR,
      minWidth: 90,
    });
    expect(formColumn({ key: 'weight', title: '分值', width: 4 }).minWidth).toBe(48);
  });
});
