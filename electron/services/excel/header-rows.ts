/**
 * The optional header rows of a layout (layouts/types.ts `headerRows`, `goalRows`): each printed
 * row is label | value pairs across the sheet, as 广东's header prints 评价年度 | 2024年 | 评价金额 | 2181.86.
 */
import type { HeaderFieldDef } from '../../../shared/layouts/types';
import { headerNumber, headerText, isHeaderNumberKey } from '../../../shared/model/header';
import type { Form } from '../../../shared/model/types';
import { NUMBER_LOOK, SheetWriter, spans, spread, type Look } from './sheet-writer';
import { LEFT } from './styles';

const LABEL: Look = { font: 'label' };
const TEXT: Look = { fmt: 'text', align: LEFT };

/** Column spans of a row of `fields` pairs: one column per label, the rest shared by the values. */
export function pairSpans(lastCol: number, fields: number): Array<[number, number]> {
  const values = spread(lastCol - fields, fields);
  return spans(
    1,
    values.flatMap((v) => [1, v]),
  );
}

/** Writes the rows from `r`; returns the next free row. */
export function writeFieldRows(w: SheetWriter, r: number, rows: HeaderFieldDef[][], form: Form): number {
  for (const fields of rows) {
    const places = pairSpans(w.lastCol, fields.length);
    fields.forEach((f, i) => {
      const [labelFrom, labelTo] = places[2 * i] as [number, number];
      const [from, to] = places[2 * i + 1] as [number, number];
      w.put({ row: r, col: labelFrom, toCol: labelTo }, f.label, LABEL);
      if (isHeaderNumberKey(f.key))
        w.put({ row: r, col: from, toCol: to }, headerNumber(form, f.key), NUMBER_LOOK.amount);
      else w.put({ row: r, col: from, toCol: to }, headerText(form, f.key), TEXT);
    });
    r++;
  }
  return r;
}
