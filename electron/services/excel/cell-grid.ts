/**
 * A worksheet as the importer sees it: the text and number of every cell, merged cells giving
 * their value to every cell they cover, and a record of which cells were understood, so that the
 * report can list every other non-empty cell (nothing is dropped silently).
 */
import ExcelJS, { type CellValue, type Worksheet } from 'exceljs';

export interface GridCell {
  text: string;
  /** A number cell's value (text is never turned into a number here). */
  num: number | null;
  /** The cell's number format, to tell 100% (1) from 100. */
  fmt: string;
  /** Address of the merge master (the cell itself when not merged). */
  master: string;
}

/** Words of a title cell, compared without spaces, line breaks, colons and with half-width brackets. */
export function normalizeTitle(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[:：]$/, '');
}

function textOf(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('text' in v && typeof v.text === 'string') return v.text;
  if ('result' in v) return textOf((v.result ?? null) as CellValue);
  if ('error' in v) return '';
  return '';
}

/**
 * A formula whose result was never saved (a file written by a program, not by Excel or WPS): the
 * cell shows nothing to us, though it will show a value once the file is opened in Excel.
 */
function isUncalculated(v: CellValue): boolean {
  return (
    v !== null &&
    typeof v === 'object' &&
    ('formula' in v || 'sharedFormula' in v) &&
    (v.result === undefined || v.result === null)
  );
}

function numberOf(v: CellValue): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v !== null && typeof v === 'object' && 'result' in v && typeof v.result === 'number') return v.result;
  return null;
}

export class CellGrid {
  private readonly cells = new Map<string, GridCell>();
  private readonly used = new Set<string>();
  /** Formula cells without a saved result, in sheet order: they hold nothing that can be read. */
  readonly uncalculated: Array<{ row: number; col: number; address: string }> = [];
  readonly rowCount: number;
  readonly colCount: number;

  constructor(readonly ws: Worksheet) {
    let maxCol = 0;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const value = cell.type === ExcelJS.ValueType.Merge ? cell.master.value : cell.value;
        if (cell.type !== ExcelJS.ValueType.Merge && isUncalculated(value))
          this.uncalculated.push({ row: r, col: c, address: cell.address });
        // Kept as typed (a long text split over rows may begin with a line break); blank = empty.
        const text = textOf(value);
        if (text.trim() === '') return;
        const master = cell.type === ExcelJS.ValueType.Merge ? cell.master.address : cell.address;
        this.cells.set(`${r},${c}`, { text, num: numberOf(value), fmt: cell.numFmt ?? '', master });
        if (c > maxCol) maxCol = c;
      });
    });
    this.rowCount = ws.rowCount;
    this.colCount = maxCol;
  }

  get(r: number, c: number): GridCell | undefined {
    return this.cells.get(`${r},${c}`);
  }

  text(r: number, c: number): string {
    return this.get(r, c)?.text ?? '';
  }

  title(r: number, c: number): string {
    return normalizeTitle(this.text(r, c));
  }

  /** Whether the cell at r,c holds its own value (not merged into a cell above or to the left). */
  isMaster(r: number, c: number): boolean {
    const cell = this.get(r, c);
    return cell !== undefined && cell.master === this.ws.getCell(r, c).address;
  }

  /** Marks a cell (and so its whole merge) as understood. */
  use(r: number, c: number): void {
    const cell = this.get(r, c);
    if (cell) this.used.add(cell.master);
  }

  /** Non-empty cells of row r, one per merge, left to right. */
  rowCells(r: number): Array<{ col: number; cell: GridCell }> {
    const out: Array<{ col: number; cell: GridCell }> = [];
    let last = '';
    for (let c = 1; c <= this.colCount; c++) {
      const cell = this.get(r, c);
      if (cell && cell.master !== last) out.push({ col: c, cell });
      if (cell) last = cell.master;
    }
    return out;
  }

  /** First cell of the sheet whose title passes `test`, scanning rows from `from`. */
  find(test: (title: string) => boolean, from = 1, to = this.rowCount): { row: number; col: number } | null {
    for (let r = from; r <= to; r++) {
      for (const { col } of this.rowCells(r)) if (test(this.title(r, col))) return { row: r, col };
    }
    return null;
  }

  /** Every non-empty cell (merge masters only) nobody marked as understood. */
  unused(): Array<{ address: string; text: string }> {
    const out: Array<{ address: string; text: string }> = [];
    const seen = new Set<string>();
    for (const cell of this.cells.values()) {
      if (this.used.has(cell.master) || seen.has(cell.master)) continue;
      seen.add(cell.master);
      out.push({ address: cell.master, text: cell.text });
    }
    return out;
  }
}
