/**
 * 广东 (000) prints its funds not as a table but as labelled lines of its 基本情况 block:
 *
 *   预算计划安排 | 2181.86
 *   实际分配下达 | 市本级 | 1173.2 | 转移支付至下级 | 1008.66
 *   实际支出金额 | 市本级 | 586.25 | 转移支付至下级 | 623
 *
 * Each line is one funds column; a level name followed by a number gives that level's amount, a
 * number on its own (or after 合计) the total. A total not printed is the sum of the levels (000
 * prints none for these two lines).
 */
import type { FundsRowTemplate } from '../../../shared/layouts/types';
import { round2 } from '../../../shared/format/numbers';
import { newFundsRow } from '../../../shared/model/factory';
import type { FundsRow } from '../../../shared/model/types';
import type { CellSource } from './basic-data-reader';
import { BASIC_INFO } from './labels';

/** Group labels of the block, understood and read over. */
export const LABELLED_FUNDS_GROUPS = new Set<string>([
  BASIC_INFO.block,
  BASIC_INFO.funds,
  ...BASIC_INFO.stages.map((s) => s.group),
  BASIC_INFO.goals,
]);

export interface LabelledFunds {
  rows: FundsRow[];
  /** Row of the first line, where the funds part begins. */
  top: number;
}

/** The funds lines above row `before`, or null when the sheet has none. */
export function readLabelledFunds(
  src: CellSource,
  template: readonly FundsRowTemplate[],
  before: number,
): LabelledFunds | null {
  const grid = src.grid;
  if (template.length === 0) return null;
  const rows = template.map((t) => newFundsRow(t.source, t.group));
  const rowIndex = (title: string) => template.findIndex((t) => t.source === title);
  let top: number | null = null;
  for (const { label, key } of BASIC_INFO.stages) {
    const at = grid.find((t) => t === label, 1, before - 1);
    if (!at) continue;
    top = Math.min(top ?? at.row, at.row);
    grid.use(at.row, at.col);
    // The row whose name came last; its amount is the next number (none: it stays empty).
    let target: number | null = null;
    let total: number | null = null;
    let totalPrinted = false;
    for (const { col } of grid.rowCells(at.row).filter((c) => c.col > at.col)) {
      const index = rowIndex(grid.title(at.row, col));
      if (index >= 0) {
        target = index;
        totalPrinted ||= index === 0;
        grid.use(at.row, col);
        continue;
      }
      const n = src.number(at.row, col, label);
      if (target === null || target === 0) {
        total = n;
        totalPrinted = true;
      } else (rows[target] as FundsRow)[key] = n;
      target = null;
    }
    const levels = rows.slice(1).map((row) => row[key]);
    const summed = levels.some((v) => v !== null)
      ? round2(levels.reduce<number>((s, v) => s + (v ?? 0), 0))
      : null;
    (rows[0] as FundsRow)[key] = totalPrinted ? total : summed;
  }
  return top === null ? null : { rows, top };
}
