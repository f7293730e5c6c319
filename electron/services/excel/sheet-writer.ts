/**
 * Writes cells of a sheet that is generated top to bottom in code: each call places a value in
 * a rectangle of the column grid (merging it), styles every cell of the rectangle (so merged
 * cells keep their borders) and remembers the height the text needs. Rows are never inserted,
 * so exceljs's row insertion, which loses merges below it, never runs.
 */
import type { Alignment, Style, Worksheet } from 'exceljs';
import {
  amountFormat,
  CENTER,
  CENTER_TOP,
  FONTS,
  heightFor,
  LEFT,
  LEFT_TOP,
  linesOf,
  MAX_ROW_HEIGHT,
  NUM_FMT,
  splitForRows,
  THIN_BORDER,
  type FontRole,
  type NumFmtRole,
} from './styles';
import { tooLongForCell } from '../../../shared/checks/text-length';
import { ExcelFailure } from './errors';
import { DEFAULT_ROW_HEIGHT } from './page-breaks';

export type CellValue = string | number | null;

export interface Place {
  row: number;
  col: number;
  /** Last column (inclusive); defaults to col. */
  toCol?: number;
  /** Last row (inclusive); defaults to row. */
  toRow?: number;
}

export interface Look {
  font?: FontRole;
  align?: Partial<Alignment>;
  fmt?: NumFmtRole;
  border?: boolean;
}

/** Styles are shared objects, one per look, so that 64 forms do not build thousands of them. */
const styleCache = new Map<string, Partial<Style>>();
/** Alignments are a few module constants: numbered by identity, so the cache key is cheap. */
const alignIds = new Map<Partial<Alignment>, number>();

/** Looks of number cells, shared so that the style lookup below hits its identity cache. */
export const NUMBER_LOOK = {
  amount: { fmt: 'amount' },
  score: { fmt: 'score' },
  /** A total printed with its unit: 92.35分 (新疆). */
  points: { fmt: 'points' },
  percent: { fmt: 'percent' },
  weight: { fmt: 'weight' },
} as const satisfies Record<string, Look>;

const TOP_LOOKS = new WeakMap<Look, Look>();

/** The look with its value at the top of the cell (one object per look, for the style cache). */
export function atTop(look: Look): Look {
  let top = TOP_LOOKS.get(look);
  if (!top) {
    top = { ...look, align: look.align === LEFT ? LEFT_TOP : CENTER_TOP };
    TOP_LOOKS.set(look, top);
  }
  return top;
}

const byLook = new WeakMap<Look, Partial<Style>>();

function styleOf(look: Look): Partial<Style> {
  const known = byLook.get(look);
  if (known) return known;
  const style = styleByKey(look);
  byLook.set(look, style);
  return style;
}

function styleByKey(look: Look): Partial<Style> {
  const font = look.font ?? 'cell';
  const align = look.align ?? CENTER;
  let alignId = alignIds.get(align);
  if (alignId === undefined) {
    alignId = alignIds.size;
    alignIds.set(align, alignId);
  }
  const key = `${font}|${alignId}|${look.fmt ?? ''}|${look.border !== false}`;
  let style = styleCache.get(key);
  if (!style) {
    style = { font: FONTS[font], alignment: align };
    if (look.fmt) style.numFmt = NUM_FMT[look.fmt];
    if (look.border !== false) style.border = THIN_BORDER;
    styleCache.set(key, style);
  }
  return style;
}

export class SheetWriter {
  private readonly heights = new Map<number, number>();
  /** Per row: whether all it holds so far are labels (a block's title row, kept with the next row). */
  private readonly labelsOnly = new Map<number, boolean>();
  /** Labels merged down over several rows (labelsAtTopOverPages). */
  private readonly tallLabels: Array<{ row: number; col: number; toRow: number; look: Look }> = [];

  constructor(
    readonly ws: Worksheet,
    /** Width of each grid column (index 0 = column A), in Excel character units. */
    readonly widths: readonly number[],
  ) {
    widths.forEach((w, i) => {
      // exceljs leaves out a width of exactly 9 as its default, and Excel's default is 8.43.
      ws.getColumn(i + 1).width = w === 9 ? 9.01 : w;
    });
  }

  get lastCol(): number {
    return this.widths.length;
  }

  /** Width of columns col..toCol together. */
  spanWidth(col: number, toCol: number): number {
    let w = 0;
    for (let c = col; c <= toCol; c++) w += this.widths[c - 1] ?? 0;
    return w;
  }

  /** Pieces of a long text for the rows of a cell spanning col..toCol (see splitForRows). */
  pieces(text: string, col: number, toCol: number, size: number = FONTS.text.size): string[] {
    return splitForRows(text, this.spanWidth(col, toCol), size);
  }

  /** The height a text needs in one row of a cell spanning col..toCol. */
  heightOfText(text: string, col: number, toCol: number, size: number): number {
    return heightFor(linesOf(text, this.spanWidth(col, toCol)), size);
  }

  /** The height row `row` is given (so far), as printed: at most Excel's largest. */
  heightOf(row: number): number {
    return Math.min(MAX_ROW_HEIGHT, this.heights.get(row) ?? DEFAULT_ROW_HEIGHT);
  }

  put(at: Place, value: CellValue, look: Look = {}): void {
    const toCol = at.toCol ?? at.col;
    const toRow = at.toRow ?? at.row;
    const style = styleOf(look);
    // Row.getCell is cheaper than Worksheet.getCell, which parses an address string every time.
    const cell = this.ws.getRow(at.row).getCell(at.col);
    // The checks flag the form's own long texts; this stops any other (a draft, a review
    // comment) before it makes a file Excel cannot open as written.
    const tooLong = typeof value === 'string' ? tooLongForCell(value) : null;
    if (tooLong) {
      throw new ExcelFailure(
        'text-too-long',
        `工作表“${this.ws.name}”的 ${cell.address} 格${tooLong}，Excel 无法原样打开这样的文件：请在 Ziping 中把这段文字精简到上限以内后再导出`,
      );
    }
    cell.value = value === '' ? null : value;
    // An amount typed with more than two decimals keeps them in print (a style of its own).
    cell.style =
      look.fmt === 'amount' && typeof value === 'number' && amountFormat(value) !== NUM_FMT.amount
        ? { ...style, numFmt: amountFormat(value) }
        : style;
    if (toCol > at.col || toRow > at.row) {
      this.ws.mergeCells(at.row, at.col, toRow, toCol);
    }
    if (toRow > at.row && look.font === 'label' && typeof value === 'string' && value !== '')
      this.tallLabels.push({ row: at.row, col: at.col, toRow, look });
    if (value !== null && value !== '')
      this.labelsOnly.set(at.row, look.font === 'label' && this.labelsOnly.get(at.row) !== false);
    if (typeof value === 'string' && value !== '') {
      const need = this.heightOfText(value, at.col, toCol, FONTS[look.font ?? 'cell'].size);
      // A text merged down over several rows is shown by their sum: what they lack is shared out.
      if (toRow === at.row) this.needHeight(at.row, need);
      else this.shareHeight(at.row, toRow, need);
    }
  }

  /** Whether the row holds labels only (a block's titles: 预期目标 | 实际完成情况, the funds titles). */
  isTitleRow(row: number): boolean {
    return this.labelsOnly.get(row) === true;
  }

  needHeight(row: number, points: number): void {
    if (points > (this.heights.get(row) ?? 0)) this.heights.set(row, points);
  }

  /** Rows top..bottom made `points` tall together, what they lack shared out evenly. */
  private shareHeight(top: number, bottom: number, points: number): void {
    let have = 0;
    for (let r = top; r <= bottom; r++) have += this.heightOf(r);
    if (have >= points) return;
    const more = (points - have) / (bottom - top + 1);
    for (let r = top; r <= bottom; r++) this.needHeight(r, this.heightOf(r) + more);
  }

  /**
   * Labels merged down over a page start print at the top of the block's first page: Excel and
   * LibreOffice centre a merge's text in the whole merge, pages away from where the block begins.
   * (Not repeated on the next page: the import reads one label over one block.)
   */
  labelsAtTopOverPages(pageStarts: readonly number[]): void {
    for (const { row, col, toRow, look } of this.tallLabels)
      if (pageStarts.some((p) => p > row && p <= toRow))
        this.ws.getRow(row).getCell(col).style = styleOf(atTop(look));
  }

  /** Sets the heights remembered; call once the sheet is complete. */
  finish(): void {
    for (const [row, h] of this.heights) this.ws.getRow(row).height = Math.min(MAX_ROW_HEIGHT, h);
  }
}

/** Splits `count` grid columns among `slots` parts, extra columns going to the first parts. */
export { spread } from '../../../shared/format/spread';

export type Span = [from: number, to: number];

/** [from, to] column pairs of consecutive spans starting at `start`, one per size (tuples stay tuples). */
export function spans<const T extends readonly number[]>(start: number, sizes: T): { [K in keyof T]: Span } {
  let c = start;
  return sizes.map((size) => {
    const span: Span = [c, c + Math.max(1, size) - 1];
    c += Math.max(1, size);
    return span;
  }) as { [K in keyof T]: Span };
}
