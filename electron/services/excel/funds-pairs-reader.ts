/**
 * 004's 自评表 prints its grouped funds lines side by side under the 年度资金总额 line, not as rows
 * of the funds table:
 *
 *   按收入性质分：             | 按支出性质分：
 *   一般公共预算：   | 4643.58 | 其中：基本支出： | 2642.66
 *   政府性基金拨款： | 0.00    | 项目支出：       | 2178.65
 *   …
 *
 * Each label | number pair is one line's 全年执行数; the heading above it (left or right half)
 * gives its group. A value merged down over several rows is read once.
 */
import { FUNDS_SIDES } from '../../../shared/layouts/definitions';
import type { FundsRowTemplate } from '../../../shared/layouts/types';
import { newFundsRow } from '../../../shared/model/factory';
import type { FundsRow } from '../../../shared/model/types';
import type { CellSource } from './basic-data-reader';
import { normalizeTitle } from './cell-grid';
import { readValue } from '../../../shared/values/reader';

const [INCOME, EXPENSE] = FUNDS_SIDES.map((side) => normalizeTitle(side.heading)) as [string, string];
/** “其中：” before a line's name (004: 其中：基本支出：). */
const AMONG_PREFIX = new RegExp(`^${normalizeTitle(FUNDS_SIDES[1].firstPrefix)}[:：]`);

/** Whether row r is the 按收入性质分 / 按支出性质分 heading row. */
export function isFundsPairsHeading(src: CellSource, r: number): boolean {
  return src.grid.rowCells(r).some(({ col }) => {
    const t = src.grid.title(r, col);
    return t === INCOME || t === EXPENSE;
  });
}

/** The template's name of a printed label: “其中：基本支出：” → 基本支出 when the template has it. */
function sourceOf(label: string, template: readonly FundsRowTemplate[]): string {
  const named = (name: string) => template.find((t) => normalizeTitle(t.source) === name)?.source;
  return named(label) ?? named(label.replace(AMONG_PREFIX, '')) ?? label;
}

/**
 * Reads the pairs from the heading row `heading` until row `before` or a row `stop` accepts;
 * returns the lines (income, then expense) and the row where it stopped.
 */
export function readFundsPairs(
  src: CellSource,
  heading: number,
  before: number,
  template: readonly FundsRowTemplate[],
  stop: (r: number) => boolean,
): { rows: FundsRow[]; next: number } {
  const grid = src.grid;
  const headings = grid.rowCells(heading);
  for (const { col } of headings) grid.use(heading, col);
  const expenseCol = headings.find(({ col }) => grid.title(heading, col) === EXPENSE)?.col ?? Infinity;
  const sideOf = (col: number) => (col < expenseCol ? 'income' : 'expense');
  const lines: Record<'income' | 'expense', FundsRow[]> = { income: [], expense: [] };
  let r = heading + 1;
  for (; r < before && !stop(r); r++) {
    // Masters only: a label or amount merged down over rows is read in its first row.
    const cells = grid
      .rowCells(r)
      .filter(({ col }) => grid.isMaster(r, col))
      .map(({ col, cell }) => ({
        col,
        isAmount: cell.num !== null || readValue(cell.text).kind === 'number',
      }));
    cells.forEach(({ col, isAmount }, i) => {
      if (isAmount) return;
      const side = sideOf(col);
      const source = sourceOf(grid.title(r, col), template);
      const row = newFundsRow(source, template.find((t) => t.source === source)?.group ?? side);
      grid.use(r, col);
      const next = cells[i + 1];
      if (next?.isAmount && sideOf(next.col) === side) row.executed = src.number(r, next.col, '金额');
      lines[side].push(row);
    });
  }
  return { rows: [...lines.income, ...lines.expense], next: r };
}
