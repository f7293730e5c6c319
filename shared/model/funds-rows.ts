/**
 * Which rows of a funds block play which part: the total row, and the row that shows 分值,
 * 执行率 and 得分. Read by scoring, the checks, the screen and the Excel summary alike.
 */
import type { FundsRowTemplate, KindLayout } from '../layouts/types';
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
 * The row that shows 分值, 执行率 and 得分 (and on screen the block's reasons): the total row,
 * wherever it stands (004's project form prints it last); the first row that is not a grouped
 * detail row where the layout prints them there although its total is last (新疆's 单位整体 form).
 */
export function fundsScoreRowIndex(
  funds: Funds,
  kind: Pick<KindLayout, 'fundsRows' | 'fundsScoresOnFirst'>,
): number {
  const total = kind.fundsScoresOnFirst ? undefined : fundsTotalRow(funds, kind.fundsRows);
  if (total) return funds.rows.indexOf(total);
  return Math.max(
    0,
    funds.rows.findIndex((r) => r.group === undefined),
  );
}
