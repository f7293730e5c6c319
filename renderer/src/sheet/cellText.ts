/** A grid cell's text as copy and fill down take it (kept apart from the DOM event handling). */
import type { Column, GridApi, IRowNode } from 'ag-grid-community';
import { fmtNum } from '../../../shared/format/numbers';

/** A cell's text as copied: numbers as shown on the form, text as typed. */
export function copyText(api: GridApi, node: IRowNode, column: Column): string {
  const value: unknown = api.getCellValue({ rowNode: node, colKey: column });
  if (typeof value === 'number') {
    const shown: unknown = api.getCellValue({ rowNode: node, colKey: column, useFormatter: true });
    return typeof shown === 'string' && shown !== '' ? shown : fmtNum(value);
  }
  return typeof value === 'string' ? value : '';
}
