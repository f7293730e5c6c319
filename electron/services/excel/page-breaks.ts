/**
 * Where the printed pages of a sheet end, worked out by us and written as manual page breaks, so
 * that the form sheet can repeat the indicator table's header on exactly the pages that carry
 * indicator rows (Excel repeats one range of rows on every page, before and after the table too)
 * and split a merged 一级/二级 label at a break. Page height: A4 less the margins, at the scale
 * “one page wide” gives; the estimate errs towards short pages, so that Excel and LibreOffice never
 * need a break of their own before ours.
 */
import type { Worksheet } from 'exceljs';
import { MARGINS } from './page';

const POINTS_PER_INCH = 72;
const A4 = { short: 595, long: 842 };
/** Excel's column width unit is the width of a digit of the default font (Calibri 11: 7 px = 5.25 pt). */
const POINTS_PER_CHAR = 5.25;
/** What the estimate keeps in hand for fonts measured otherwise than here. */
const SLACK = 0.93;
/** Height of a row that no text sets (Excel's default for its default font is 15 points). */
export const DEFAULT_ROW_HEIGHT = 15;

/** The points of rows that one printed page holds, for a sheet of these column widths. */
export function pageCapacity(widths: readonly number[], orientation: 'portrait' | 'landscape'): number {
  const [pageWidth, pageHeight] = orientation === 'portrait' ? [A4.short, A4.long] : [A4.long, A4.short];
  const printableWidth = pageWidth - (MARGINS.left + MARGINS.right) * POINTS_PER_INCH;
  const printableHeight = pageHeight - (MARGINS.top + MARGINS.bottom) * POINTS_PER_INCH;
  const sheetWidth = widths.reduce((s, w) => s + w, 0) * POINTS_PER_CHAR;
  const scale = Math.min(1, printableWidth / sheetWidth);
  return (printableHeight / scale) * SLACK;
}

/** Fills pages top to bottom and marks a manual break where the next rows would not fit. */
export class Pager {
  private used = 0;
  /** First rows of the pages after the first. */
  readonly pageStarts: number[] = [];

  constructor(
    private readonly ws: Worksheet,
    readonly capacity: number,
  ) {}

  /** Whether `height` points still fit on the current page. */
  fits(height: number): boolean {
    return this.used + height <= this.capacity;
  }

  /** Whether nothing is on the current page yet. */
  get fresh(): boolean {
    return this.used === 0;
  }

  /** Starts a new page at `row` (a break after the row above). */
  breakBefore(row: number): void {
    if (this.used === 0) return;
    if (row > 1) this.ws.getRow(row - 1).addPageBreak();
    this.pageStarts.push(row);
    this.used = 0;
  }

  /** Puts a row of `height` points on the page, after a break when it does not fit. */
  place(row: number, height: number): void {
    if (!this.fits(height)) this.breakBefore(row);
    this.used += height;
  }

  /**
   * Rows from..to of the heights given (rows the writer has written and measured). A row that
   * `keepsWithNext` goes to the next page with the row below it rather than end a page alone (a
   * block's titles above its first line), where the two fit on one page.
   */
  placeRows(
    from: number,
    to: number,
    heightOf: (row: number) => number,
    keepsWithNext: (row: number) => boolean = () => false,
  ): void {
    for (let r = from; r <= to; r++) {
      let together = heightOf(r);
      for (let k = r; keepsWithNext(k) && k < to; k++) together += heightOf(k + 1);
      if (!this.fits(together) && together <= this.capacity) this.breakBefore(r);
      this.place(r, heightOf(r));
    }
  }
}
