/**
 * Keys that behave as in Excel/WPS where AG Grid differs:
 * - Tab while editing commits and moves to the next cell without opening it (AG Grid would keep
 *   editing there).
 * - Typing Chinese through an input method (keydown "Process", keyCode 229) on a cell that is not
 *   being edited opens an empty editor first, so the composition lands in it; AG Grid only starts
 *   editing on printable keys and the characters would be lost.
 * The later rounds' keys (range selection, Ctrl+C/V/D, Ctrl+Z/Y) belong here too.
 */
import type { GridApi } from 'ag-grid-community';

function isImeKey(e: KeyboardEvent): boolean {
  return e.key === 'Process' || e.keyCode === 229;
}

export function installExcelKeys(container: HTMLElement, api: () => GridApi | null): () => void {
  const onKeyDown = (e: KeyboardEvent) => {
    const grid = api();
    if (!grid || e.ctrlKey || e.altKey || e.metaKey) return;
    const editing = grid.getEditingCells().length > 0;
    if (e.key === 'Tab' && editing) {
      e.preventDefault();
      e.stopPropagation();
      grid.stopEditing();
      if (e.shiftKey) grid.tabToPreviousCell();
      else grid.tabToNextCell();
      return;
    }
    if (isImeKey(e) && !editing) {
      const cell = grid.getFocusedCell();
      if (!cell || cell.rowPinned) return;
      // Backspace opens the editor empty: what is typed replaces the cell, as in Excel.
      grid.startEditingCell({ rowIndex: cell.rowIndex, colKey: cell.column, key: 'Backspace' });
    }
  };
  container.addEventListener('keydown', onKeyDown, true);
  return () => container.removeEventListener('keydown', onKeyDown, true);
}
