/**
 * The funds grid's rows in the layout's printed order (shared/model/printed-lines), as the export
 * and the print show them: a 湖南 project form made before 004's layout keeps 年度资金总额 first in
 * the model and shows it last, as 004 prints it. Patches, comments and findings speak of the
 * model's rows; the grid of its own: these convert between the two.
 */
import type { KindLayout } from '../../../shared/layouts/types';
import { rowsInLayoutOrder } from '../../../shared/model/printed-lines';
import type { Form, FundsRow } from '../../../shared/model/types';

export interface FundsOrder {
  /** The grid's rows: all, or (004's 自评表) those before the lines printed side by side. */
  rows: FundsRow[];
  toModel(gridRow: number): number;
  toGrid(modelRow: number): number;
}

export function fundsOrder(form: Form, kind: KindLayout): FundsOrder {
  const model = form.funds.rows;
  const ordered = rowsInLayoutOrder(model, kind);
  const firstGroup = ordered.findIndex((r) => r.group !== undefined);
  const rows = kind.fundsGroupsSideBySide && firstGroup > 0 ? ordered.slice(0, firstGroup) : ordered;
  const find = (list: readonly FundsRow[], row: FundsRow | undefined, fallback: number) => {
    const at = row ? list.indexOf(row) : -1;
    return at < 0 ? fallback : at;
  };
  return {
    rows,
    toModel: (gridRow) => find(model, rows[gridRow], gridRow),
    toGrid: (modelRow) => find(rows, model[modelRow], modelRow),
  };
}
