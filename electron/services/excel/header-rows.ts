/**
 * Rows of label | value pairs across the sheet, as 广东's header prints
 * 项目名称 | … | 评价年度 | 2024年 | 评价金额 | 2181.86: the optional header fields of a layout
 * (layouts/types.ts `nameRowFields`, `headerRows`, `goalRows`) and the 项目名称 row they join.
 */
import type { HeaderFieldDef } from '../../../shared/layouts/types';
import { headerNumber, headerText, isHeaderNumberKey } from '../../../shared/model/header';
import type { Form } from '../../../shared/model/types';
import { NUMBER_LOOK, SheetWriter, spans, spread, type CellValue, type Look } from './sheet-writer';
import { LEFT, LEFT_TOP } from './styles';

export const LABEL: Look = { font: 'label' };
export const TEXT_VALUE: Look = { fmt: 'text', align: LEFT };
/** Long typed texts (goals, analysis), top-aligned in 仿宋. */
export const LONG_TEXT: Look = { ...TEXT_VALUE, font: 'text', align: LEFT_TOP };

export interface Pair {
  label: string;
  value: CellValue;
  look: Look;
}

/** Column spans of `pairs` over columns from..to: one column per label, the rest shared by the values. */
export function pairSpans(from: number, to: number, pairs: number): Array<[number, number]> {
  const values = spread(to - from + 1 - pairs, pairs);
  return spans(
    from,
    values.flatMap((v) => [1, v]),
  );
}

/** The form's values of the fields, with their looks (评价金额 as 万元). */
export function fieldPairs(form: Form, fields: readonly HeaderFieldDef[]): Pair[] {
  return fields.map(({ key, label }) =>
    isHeaderNumberKey(key)
      ? { label, value: headerNumber(form, key), look: NUMBER_LOOK.amount }
      : { label, value: headerText(form, key), look: TEXT_VALUE },
  );
}

export function writePairs(
  w: SheetWriter,
  r: number,
  pairs: readonly Pair[],
  from = 1,
  to = w.lastCol,
): void {
  const places = pairSpans(from, to, pairs.length);
  pairs.forEach((p, i) => {
    const [labelFrom, labelTo] = places[2 * i] as [number, number];
    const [from, to] = places[2 * i + 1] as [number, number];
    w.put({ row: r, col: labelFrom, toCol: labelTo }, p.label, LABEL);
    w.put({ row: r, col: from, toCol: to }, p.value, p.look);
  });
}

/** Writes one printed row per entry of `rows` from `r`; returns the next free row. */
export function writeFieldRows(w: SheetWriter, r: number, rows: HeaderFieldDef[][], form: Form): number {
  for (const fields of rows) writePairs(w, r++, fieldPairs(form, fields));
  return r;
}
