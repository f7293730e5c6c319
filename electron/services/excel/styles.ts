/**
 * The print look of the official forms: fonts and sizes, thin borders, number formats, and the
 * row heights that let wrapped text show (Excel does not grow rows that exceljs writes).
 */
import type { Alignment, Borders, Font } from 'exceljs';
import { decimalsOf } from '../../../shared/format/numbers';

/** Title 宋体 18 bold; year line and 金额单位 仿宋 12; the table 宋体 10; long texts 仿宋 11. */
export const FONTS = {
  title: { name: '宋体', size: 18, bold: true },
  subtitle: { name: '仿宋', size: 12 },
  label: { name: '宋体', size: 10, bold: true },
  cell: { name: '宋体', size: 10 },
  text: { name: '仿宋', size: 11 },
  note: { name: '仿宋', size: 10 },
} satisfies Record<string, Partial<Font>>;

export type FontRole = keyof typeof FONTS;

const THIN = { style: 'thin' } as const;
export const THIN_BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export const CENTER: Partial<Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
export const LEFT: Partial<Alignment> = { horizontal: 'left', vertical: 'middle', wrapText: true };
export const LEFT_TOP: Partial<Alignment> = { horizontal: 'left', vertical: 'top', wrapText: true };
export const CENTER_TOP: Partial<Alignment> = { horizontal: 'center', vertical: 'top', wrapText: true };
export const RIGHT: Partial<Alignment> = { horizontal: 'right', vertical: 'middle' };

/**
 * 万元 and scores: two decimals (an amount typed with more keeps them, see amountFormat).
 * Percentages: two decimals. Typed text: '@' keeps it text in Excel.
 */
export const NUM_FMT = {
  amount: '0.00',
  score: '0.00',
  points: '0.00"分"',
  percent: '0.00%',
  weight: 'General',
  text: '@',
} as const;
export type NumFmtRole = keyof typeof NUM_FMT;

/** An amount's format: two decimals at least, all the value's own decimals when it has more (9.233). */
export function amountFormat(value: number): string {
  const decimals = decimalsOf(value);
  return decimals <= 2 ? NUM_FMT.amount : `0.${'0'.repeat(decimals)}`;
}

const charWidth = (ch: string) => ((ch.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1);

/** Width of a text in Excel character units: CJK and full-width characters count double. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/** Lines a text takes in a cell `width` characters wide (explicit line breaks included). */
export function linesOf(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  let lines = 0;
  for (const part of text.split('\n')) lines += Math.max(1, Math.ceil(textWidth(part) / usable));
  return lines;
}

/** Row height in points for `lines` lines of a font of `size` points. */
export function heightFor(lines: number, size: number): number {
  return Math.max(size * 1.8, Math.ceil(lines * size * 1.35 + 4));
}

/** Excel's highest row. */
export const MAX_ROW_HEIGHT = 409;

/**
 * A text cut into pieces that each fit one row of a cell `width` characters wide (Excel rows stop
 * at 409 points, so a long 年度总体目标 would be cut off in print). Joined, the pieces are the text.
 */
export function splitForRows(text: string, width: number, size: number): string[] {
  const maxLines = Math.floor((MAX_ROW_HEIGHT - 4) / (size * 1.35));
  const usable = Math.max(1, width - 1);
  const pieces: string[] = [];
  let piece = '';
  let lines = 1;
  let lineWidth = 0;
  for (const ch of text) {
    const w = ch === '\n' ? 0 : charWidth(ch);
    if (ch === '\n' || lineWidth + w > usable) {
      lines++;
      lineWidth = 0;
    }
    if (lines > maxLines) {
      pieces.push(piece);
      piece = '';
      lines = 1;
      lineWidth = 0;
    }
    piece += ch;
    lineWidth += w;
  }
  pieces.push(piece);
  return pieces;
}
