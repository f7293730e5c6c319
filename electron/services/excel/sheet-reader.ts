/** One worksheet being read: its cell grid, the problems found, the tables named by their titles. */
import type { Worksheet } from 'exceljs';
import { readValue } from '../../../shared/values/reader';
import { CellGrid } from './cell-grid';
import { isFieldLabel } from './printed-labels';

export interface ReadProblem {
  sheet: string;
  /** Cell address (B7) when the problem is about one cell. */
  cell?: string;
  text?: string;
  reason: string;
}

/** Rows of a table whose columns are named by its header rows (listed nearest first). */
export interface TitledRows {
  from: number;
  to: number;
  heads: number[];
}

const UNCALCULATED = '是公式且没有计算结果，未读入；请在 Excel/WPS 中打开并保存后再导入';

export class SheetReader {
  readonly grid: CellGrid;
  readonly problems: ReadProblem[] = [];
  /** The tables found, so that a cell can be named by its column's printed title. */
  readonly tables: TitledRows[] = [];

  constructor(
    ws: Worksheet,
    readonly sheet: string,
  ) {
    this.grid = new CellGrid(ws);
  }

  problem(row: number, col: number, reason: string): void {
    const cell = this.grid.get(row, col);
    this.problems.push({ sheet: this.sheet, cell: cell?.master, text: cell?.text, reason });
    this.grid.use(row, col);
  }

  /** A number from a cell: a number cell, or text the value reader reads as one number. */
  number(row: number, col: number, what: string): number | null {
    const cell = this.grid.get(row, col);
    if (!cell) return null;
    this.grid.use(row, col);
    if (cell.num !== null) return cell.num;
    const reading = readValue(cell.text);
    if (reading.kind === 'number') return reading.value;
    if (reading.kind === 'empty') return null;
    this.problem(row, col, `${what}应为数字，未读入`);
    return null;
  }

  /** A rate: 100% as a percent cell (1), as text "100.00%", or printed as 100 (real forms do). */
  rate(row: number, col: number): number | null {
    const cell = this.grid.get(row, col);
    const n = this.number(row, col, '执行率');
    if (n === null || !cell) return null;
    if (cell.num !== null) return cell.fmt.includes('%') || n <= 1.5 ? n : n / 100;
    const reading = readValue(cell.text);
    return reading.kind === 'number' && (reading.unit === '%' || n > 1.5) ? n / 100 : n;
  }

  text(row: number, col: number): string {
    this.grid.use(row, col);
    return this.grid.text(row, col);
  }

  /**
   * What a cell is, as the form prints it: its column's title inside a table (权重, 全年执行数),
   * else the label to its left in its row (项目名称, 总分); '' when there is none.
   */
  fieldTitle(row: number, col: number): string {
    const printed = (r: number, c: number) => this.grid.text(r, c).replace(/[\s\u3000]+/g, '');
    const table = this.tables.find((t) => row >= t.from && row <= t.to);
    const head = table?.heads.find((h) => printed(h, col) !== '');
    if (head !== undefined) return printed(head, col);
    const label = this.grid
      .rowCells(row)
      .filter(({ col: c }) => c < col && isFieldLabel(this.grid.title(row, c)))
      .pop();
    return label ? printed(row, label.col) : '';
  }

  /** Every formula cell without a saved result: nothing was read from it, and the user can fix that. */
  reportUncalculated(): void {
    for (const { row, col, address } of this.grid.uncalculated) {
      const title = this.fieldTitle(row, col);
      const what = title === '' ? `第 ${row} 行第 ${col} 列` : `第 ${row} 行 ${title} `;
      this.problems.push({ sheet: this.sheet, cell: address, reason: `${what}${UNCALCULATED}` });
    }
  }
}
