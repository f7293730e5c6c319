/**
 * What the 核查分数 / 审核意见 columns look like and how they edit, the same in the indicator table
 * and the funds block; each grid adds where its values come from and go to.
 */
import type { ColDef } from 'ag-grid-community';
import { formColumn } from './setup';

export function auditScoreLook<T>(headerTooltip: string): ColDef<T> {
  return {
    ...formColumn<T>({ key: 'auditScore', title: '核查分数', width: 9 }),
    headerClass: 'extra-header audit-header',
    headerTooltip,
    cellClass: 'cell-audit cell-number',
  };
}

export function auditOpinionLook<T>(): ColDef<T> {
  return {
    ...formColumn<T>({ key: 'auditOpinion', title: '审核意见', width: 16 }),
    headerClass: 'extra-header audit-header',
    cellEditor: 'agLargeTextCellEditor',
    cellEditorPopup: true,
    cellEditorParams: { maxLength: 2000, rows: 5, cols: 40 },
    cellClass: 'cell-audit cell-text',
  };
}
