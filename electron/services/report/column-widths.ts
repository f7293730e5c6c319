/**
 * Column widths of a report table in twips. The outline gives shares; a right-aligned (number)
 * column is widened to hold its longest cell on one line (a centred one within a limit), taking
 * the room from the left-aligned text columns,
 * so that an amount or a rate is never broken over two lines (which also keeps it one number for
 * anyone copying it, and for pdftotext).
 */
import type { OutlineTable } from '../../../shared/report/outline-types';

/**
 * Widths at the tables' 10.5 pt, erring wide: a digit is 5.25 pt in Times New Roman but 6.7 pt in
 * DejaVu Serif, its stand-in where Times is missing (LibreOffice on Linux); % is wider still.
 */
const NARROW = 135;
const PERCENT = 220;
const FULL = 210;
/** Cell margins (2 × 57) and slack. */
const PADDING = 200;
/** A centred column (序号, 等级, 类别 …) is widened only this far: long names may wrap. */
const CENTRED_MAX = 1100;

export function textWidthTwips(text: string): number {
  let w = 0;
  for (const ch of text) w += ch === '%' ? PERCENT : ch.charCodeAt(0) < 0x2e80 ? NARROW : FULL;
  return w;
}

export function columnWidths(table: OutlineTable, total: number): number[] {
  const rows = [...table.rows, ...(table.total ? [table.total] : [])];
  const base = table.columns.map((c) => c.width * total);
  const need = table.columns.map((c, i) => {
    if (c.align === 'left') return 0;
    const widest = Math.max(0, ...rows.map((r) => textWidthTwips(r[i] ?? '') + PADDING));
    return c.align === 'right' ? widest : Math.min(widest, CENTRED_MAX);
  });
  const widths = base.map((w, i) => Math.max(w, need[i] ?? 0));
  const isFixed = (i: number) => table.columns[i]?.align !== 'left';
  const fixed = widths.reduce((a, w, i) => a + (isFixed(i) ? w : 0), 0);
  const flexible = base.reduce((a, w, i) => a + (isFixed(i) ? 0 : w), 0);
  // The left-aligned text columns share what the others leave, in their own proportions.
  const scale = flexible > 0 ? Math.max(0, total - fixed) / flexible : 0;
  return widths.map((w, i) => Math.round(isFixed(i) ? w : w * scale));
}
