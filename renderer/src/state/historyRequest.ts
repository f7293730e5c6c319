/**
 * 查看修改记录 from a grid's context menu reaches the editor as a window event (like 审核面板's
 * toggle), so the grids need no new props or context to ask for a cell's history.
 */
import { useEffect } from 'react';
import type { CellRef } from '../../../shared/history/cells';

const SHOW_CELL_HISTORY = 'ziping:show-cell-history';

export function requestCellHistory(cell: CellRef): void {
  window.dispatchEvent(new CustomEvent<CellRef>(SHOW_CELL_HISTORY, { detail: cell }));
}

export function useCellHistoryRequests(onRequest: (cell: CellRef) => void): void {
  useEffect(() => {
    const listener = (e: Event) => {
      if (e instanceof CustomEvent) onRequest(e.detail as CellRef);
    };
    window.addEventListener(SHOW_CELL_HISTORY, listener);
    return () => window.removeEventListener(SHOW_CELL_HISTORY, listener);
  }, [onRequest]);
}
