/**
 * Which rows of a funds block play which part: the total row, and the row that shows 分值,
 * 执行率 and 得分. Read by scoring, the checks, the screen and the Excel summary alike.
 */
import type { FundsRowTemplate } from '../layouts/types';
import type { Funds, FundsRow } from './types';

/**
 * The total row of the funds block: the row named as the template the layout marks `total`
 * (新疆's 单位整体 form: 合计, printed last); else, as in every other form and in forms made
 * before such a template, the first row that is not a grouped detail row.
 */
export function fundsTotalRow(
  funds: Funds,
  templates: readonly FundsRowTemplate[] = [],
): FundsRow | undefined {
  const marked = templates.find((t) => t.total)?.source.trim();
  const named = marked === undefined ? undefined : funds.rows.find((r) => r.source.trim() === marked);
  return named ?? funds.rows.find((r) => r.group === undefined) ?? funds.rows[0];
}

/**
 * The row that shows 分值, 执行率 and 得分 (and on screen the block's reasons): the first that is
 * not a grouped detail row; the total's own row except where the total is printed last (新疆).
 */
export function fundsScoreRowIndex(funds: Funds): number {
  return Math.max(
    0,
    funds.rows.findIndex((r) => r.group === undefined),
  );
}
