/** The funds block of a hand-filled sheet, found by its column titles (or its printed labels). */
import { getLayout } from '../../../shared/layouts/definitions';
import type { FundsColumnKey } from '../../../shared/layouts/types';
import { newFundsRow } from '../../../shared/model/factory';
import type { Form, FundsRow, LayoutId } from '../../../shared/model/types';
import { readLabelledFunds } from './labelled-funds-reader';
import { isFundsPairsHeading, readFundsPairs } from './funds-pairs-reader';
import { FUNDS_BLOCK_TITLES, FUNDS_TITLES } from './column-titles';
import { LABELS } from './labels';
import { GOAL_EXPECTED } from './printed-labels';
import type { SheetReader } from './sheet-reader';

interface FundsColumn {
  col: number;
  key: FundsColumnKey;
}

function fundsColumns(rd: SheetReader, row: number): FundsColumn[] {
  const byCol = new Map<number, FundsColumnKey>();
  for (const r of [row, row + 1]) {
    for (const { col } of rd.grid.rowCells(r)) {
      const key = FUNDS_TITLES.get(rd.grid.title(r, col));
      if (key) {
        byCol.set(col, key);
        rd.grid.use(r, col);
      }
    }
  }
  return [...byCol].map(([col, key]) => ({ col, key })).sort((a, b) => a.col - b.col);
}

export function readFunds(rd: SheetReader, form: Form, layout: LayoutId, before: number): number {
  const grid = rd.grid;
  let header: number | null = null;
  for (let r = 1; r < before && header === null; r++) {
    const keys = grid.rowCells(r).map(({ col }) => FUNDS_TITLES.get(grid.title(r, col)));
    if (keys.includes('fullYearBudget') && keys.includes('executed')) header = r;
  }
  if (header === null) {
    const labelled = readLabelledFunds(rd, getLayout(layout).kinds[form.kind].fundsRows, before);
    if (labelled) {
      form.funds.rows = labelled.rows;
      return labelled.top;
    }
    rd.problems.push({ sheet: rd.sheet, reason: '没有找到资金表（全年预算数、全年执行数），资金未读入' });
    return before;
  }
  const cols = fundsColumns(rd, header);
  const secondHeader = grid
    .rowCells(header + 1)
    .some(({ col }) => FUNDS_TITLES.has(grid.title(header + 1, col)));
  const firstValueCol = Math.min(...cols.filter((c) => c.key !== 'source').map((c) => c.col));
  const sourceCol = cols.find((c) => c.key === 'source')?.col;
  const template = getLayout(layout).kinds[form.kind].fundsRows;
  const rows: FundsRow[] = [];
  const isGoals = (v: number) =>
    grid
      .rowCells(v)
      .some(({ col }) => GOAL_EXPECTED.has(grid.title(v, col)) || grid.title(v, col) === LABELS.goals);
  const first = header + (secondHeader ? 2 : 1);
  let scoresRead = false;
  let r = first;
  for (; r < before; r++) {
    const cells = grid.rowCells(r);
    if (isGoals(r)) break;
    if (isFundsPairsHeading(rd, r)) {
      const pairs = readFundsPairs(rd, r, before, template, isGoals);
      rows.push(...pairs.rows);
      r = pairs.next;
      break;
    }
    const labels = cells.filter(
      ({ col, cell }) =>
        col < firstValueCol && cell.num === null && !FUNDS_BLOCK_TITLES.has(grid.title(r, col)),
    );
    for (const { col } of cells) if (FUNDS_BLOCK_TITLES.has(grid.title(r, col))) grid.use(r, col);
    const sourceCell = sourceCol !== undefined ? { col: sourceCol } : labels[labels.length - 1];
    const source = sourceCell
      ? rd
          .text(r, sourceCell.col)
          .trim()
          .replace(/[:：]$/, '')
      : '';
    const values = cols.filter((c) => c.key !== 'source' && grid.get(r, c.col));
    if (source === '' && values.length === 0) continue;
    const row = newFundsRow(source, template.find((t) => t.source === source)?.group);
    // 分值/执行率/得分 belong to the first row that prints them: the total, first (national) or
    // last (004's project form, the rows above it print “—”).
    const isTotal = !scoresRead;
    for (const { col, key } of values) {
      if (key === 'rate') {
        const rate = rd.rate(r, col);
        if (isTotal && rate !== null) [form.funds.printedRate, scoresRead] = [rate, true];
      } else if (key === 'score') {
        const n = rd.number(r, col, '得分');
        if (isTotal && n !== null) [form.funds.printedScore, scoresRead] = [n, true];
      } else if (key === 'weight') {
        const n = rd.number(r, col, '分值');
        if (isTotal && n !== null) [form.funds.weight, scoresRead] = [n, true];
      } else if (key === 'deviationReason') {
        // Merged down beside all the rows (our export), it is read once.
        if (!grid.isMaster(r, col)) {
          grid.use(r, col);
          continue;
        }
        const text = rd.text(r, col);
        if (text.trim() !== '—')
          form.funds.deviationReason = [form.funds.deviationReason, text].filter((t) => t !== '').join('；');
      } else if (key !== 'source') {
        row[key] = rd.number(r, col, '金额');
      }
    }
    rows.push(row);
  }
  if (rows.length > 0) form.funds.rows = rows;
  rd.tables.push({ from: first, to: r - 1, heads: secondHeader ? [header + 1, header] : [header] });
  return r;
}
