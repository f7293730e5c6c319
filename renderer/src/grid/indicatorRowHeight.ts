/** The height of an indicator row: the tallest wrapped text among its cells. */
import type { Indicator } from '../../../shared/model/types';
import type { IndicatorGridContext } from './indicatorContext';
import { isNumberColumn } from './indicatorColumns';
import { takesTier } from './takesTier';
import { mergedRows } from './indicatorEdits';
import { clampLinesOf, MIN_ROW_HEIGHT, textHeight } from './rowHeights';

function cellText(colId: string, ind: Indicator, context: IndicatorGridContext): string {
  if (colId === 'tier') {
    if (ind.tier) return ind.tier;
    const line = context.line(ind.id);
    if (line?.tier) return line.tier;
    return takesTier(ind, line) ? '请选择' : '';
  }
  if (colId === 'auditOpinion')
    return (context.form && context.review?.audit(context.form.id, ind.id)?.opinion) || '';
  const value: unknown = colId in ind ? ind[colId as keyof Indicator] : undefined;
  return typeof value === 'string' ? value : '';
}

export function indicatorRowHeight(
  ind: Indicator,
  context: IndicatorGridContext,
  widths: ReadonlyMap<string, number>,
): number {
  let height = MIN_ROW_HEIGHT;
  const form = context.form;
  for (const [colId, width] of widths) {
    if (isNumberColumn(colId) || colId === 'completionRate') continue;
    const text = cellText(colId, ind, context);
    if (text === '') continue;
    let need = textHeight(text, width, clampLinesOf(colId));
    if ((colId === 'level1' || colId === 'level2') && form) {
      // A merged cell shares its height among the rows it covers.
      const index = form.indicators.indexOf(ind);
      if (index >= 0) need /= mergedRows(form, index, colId).length;
    }
    if (need > height) height = need;
  }
  return Math.ceil(height);
}
