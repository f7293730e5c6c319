/**
 * What the 核查分数 / 审核意见 columns look like and how they edit, the same in the indicator table
 * and the funds block; each grid adds where its values come from and go to. Narrow (their titles
 * wrap, a long opinion is cut with the whole text in its tooltip and editor): the form's own
 * columns keep the width on a laptop screen (issue #19).
 */
import type { ColDef } from 'ag-grid-community';
import { formColumn } from './formColumn';

export function auditScoreLook<T>(headerTooltip: string): ColDef<T> {
  return {
    ...formColumn<T>({ key: 'auditScore', title: '核查分数', width: 6 }),
    headerClass: 'extra-header audit-header',
    headerTooltip,
    cellClass: 'cell-audit cell-number',
  };
}

export function auditOpinionLook<T>(): ColDef<T> {
  return {
    ...formColumn<T>({ key: 'auditOpinion', title: '审核意见', width: 12 }),
    headerClass: 'extra-header audit-header',
    cellEditor: 'agLargeTextCellEditor',
    cellEditorPopup: true,
    cellEditorParams: { maxLength: 2000, rows: 5, cols: 40 },
    cellClass: 'cell-audit cell-text',
  };
}
