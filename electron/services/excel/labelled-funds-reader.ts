/**
 * 广东 (000) prints its funds not as a table but as labelled lines of its 基本情况 block:
 *
 *   预算计划安排 | 2181.86
 *   实际分配下达 | 市本级 | 1173.2 | 转移支付至下级 | 1008.66
 *   实际支出金额 | 市本级 | 586.25 | 转移支付至下级 | 623
 *
 * Each line is one funds column; a level name followed by a number gives that level's amount, a
 * number on its own the total. A total not printed is the sum of the levels (the form has none).
 */
import type { FundsRowTemplate } from '../../../shared/layouts/types';
import { round2 } from '../../../shared/format/numbers';
import { newFundsRow } from '../../../shared/model/factory';
import type { FundsRow } from '../../../shared/model/types';
import type { CellSource } from './basic-data-reader';

type Stage = 'initialBudget' | 'fullYearBudget' | 'executed';

const STAGES: ReadonlyArray<[label: string, key: Stage]> = [
  ['预算计划安排', 'initialBudget'],
  ['实际分配下达', 'fullYearBudget'],
  ['实际支出金额', 'executed'],
];

/** Group labels of the block, understood and read over. */
export const LABELLED_FUNDS_GROUPS = new Set([
  '基本情况',
  '资金情况',
  '资金安排情况',
  '资金使用情况',
  '绩效目标情况',
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
  const [totalTemplate, ...levelTemplates] = template;
  if (!totalTemplate) return null;
  const rows = template.map((t) => newFundsRow(t.source, t.group));
  const levelIndex = (title: string) => levelTemplates.findIndex((t) => t.source === title) + 1;
  let top: number | null = null;
  for (const [label, key] of STAGES) {
    const at = grid.find((t) => t === label, 1, before - 1);
    if (!at) continue;
    top = Math.min(top ?? at.row, at.row);
    grid.use(at.row, at.col);
    let level = 0;
    let total: number | null = null;
    for (const { col } of grid.rowCells(at.row).filter((c) => c.col > at.col)) {
      const title = grid.title(at.row, col);
      const index = levelIndex(title);
      if (index > 0) {
        level = index;
        grid.use(at.row, col);
      } else if (level > 0) {
        (rows[level] as FundsRow)[key] = src.number(at.row, col, label);
        level = 0;
      } else {
        total = src.number(at.row, col, label);
      }
    }
    const levels = rows.slice(1).map((row) => row[key]);
    const summed = levels.some((v) => v !== null)
      ? round2(levels.reduce<number>((s, v) => s + (v ?? 0), 0))
      : null;
    (rows[0] as FundsRow)[key] = total ?? summed;
  }
  return top === null ? null : { rows, top };
}
