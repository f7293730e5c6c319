/**
 * Keys that behave as in Excel/WPS where AG Grid differs:
 * - Tab while editing commits and moves to the next cell without opening it (AG Grid would keep
 *   editing there).
 * - Enter / Shift+Enter in a one-line editor commits and moves down / up, as AG Grid does, but
 *   without AG Grid's scroll-into-view of its own viewport: the grids grow with their rows, so
 *   that only measured the page (a forced layout on every commit); the focus scrolls the page.
 * - Typing Chinese through an input method (keydown "Process", keyCode 229) on a cell that is not
 *   being edited opens an empty editor first, so the composition lands in it; AG Grid only starts
 *   editing on printable keys and the characters would be lost.
 * - Home / End go to the first / last cell of the row (AG Grid's End leaves the row when the
 *   row's first cell is merged), Ctrl+Home / Ctrl+End to the first / last cell of the table, and
 *   PageUp / PageDown move by
 *   a screenful: the grids grow with their rows (the page scrolls, not the grid), where AG Grid's
 *   own paging jumps to the ends.
 * - Alt+Enter in a text box (the long-text editors) inserts a line break, as in Excel; Enter and
 *   Shift+Enter do there too.
 * Selection, clipboard and fill live in sheet/sheetController.ts; undo is the app's (appKeys.ts).
 */
import type { Column, GridApi } from 'ag-grid-community';
import { scrollCellIntoView } from '../sheet/sheetDom';

function isImeKey(e: KeyboardEvent): boolean {
  return e.key === 'Process' || e.keyCode === 229;
}

/** The row a screenful below (or above) `row`: rows are summed up to the scroller's height. */
function pageTarget(container: HTMLElement, grid: GridApi, row: number, down: boolean): number {
  const scroller = container.closest<HTMLElement>('[data-testid="form-scroll"]');
  const page = scroller?.clientHeight ?? window.innerHeight;
  const last = grid.getDisplayedRowCount() - 1;
  let target = row;
  let height = 0;
  while (down ? target < last : target > 0) {
    const node = grid.getDisplayedRowAtIndex(down ? target + 1 : target - 1);
    height += node?.rowHeight ?? 30;
    if (height > page) break;
    target += down ? 1 : -1;
  }
  return target === row ? Math.max(0, Math.min(last, row + (down ? 1 : -1))) : target;
}

function moveTo(grid: GridApi, row: number, colKey: string | Column): void {
  grid.ensureIndexVisible(row);
  grid.setFocusedCell(row, colKey);
}

/** Ctrl+Home/End and PageUp/Down; true when the key was handled. */
function jumpKey(e: KeyboardEvent, container: HTMLElement, grid: GridApi): boolean {
  const cell = grid.getFocusedCell();
  if (!cell || cell.rowPinned || e.altKey || e.shiftKey) return false;
  const ctrl = e.ctrlKey || e.metaKey;
  const cols = grid.getAllDisplayedColumns();
  const first = cols[0];
  const lastCol = cols[cols.length - 1];
  const lastRow = grid.getDisplayedRowCount() - 1;
  if (!ctrl && e.key === 'Home' && first) moveTo(grid, cell.rowIndex, first);
  else if (!ctrl && e.key === 'End' && lastCol) moveTo(grid, cell.rowIndex, lastCol);
  else if (ctrl && e.key === 'Home' && first) moveTo(grid, 0, first);
  else if (ctrl && e.key === 'End' && lastCol && lastRow >= 0) moveTo(grid, lastRow, lastCol);
  else if (!ctrl && (e.key === 'PageDown' || e.key === 'PageUp'))
    moveTo(grid, pageTarget(container, grid, cell.rowIndex, e.key === 'PageDown'), cell.column);
  else return false;
  e.preventDefault();
  e.stopPropagation();
  const focused = grid.getFocusedCell();
  if (focused) scrollCellIntoView(container, focused.rowIndex, focused.column.getColId(), 'nearest');
  return true;
}

/**
 * Enter in a cell's one-line editor: commit, then the cell below (Shift: above). Editors of their
 * own (text boxes, where Enter is a new line; the level picker) and merged columns are left to
 * AG Grid. True when handled.
 */
function commitAndMove(e: KeyboardEvent, grid: GridApi): boolean {
  const cell = grid.getEditingCells()[0];
  const column = cell?.column;
  const target = e.target;
  if (!cell || !column || cell.rowPinned || !(target instanceof HTMLInputElement)) return false;
  if (target.closest('.ag-popup-editor') || column.getColDef().spanRows) return false;
  e.preventDefault();
  e.stopPropagation();
  const row = cell.rowIndex + (e.shiftKey ? -1 : 1);
  // The cursor moves first: AG Grid then closes the editor without handing the focus back to
  // its cell on the way (one focus change instead of two, each a style and layout pass).
  if (row >= 0 && row < grid.getDisplayedRowCount()) grid.setFocusedCell(row, column);
  grid.stopEditing();
  return true;
}

/** Alt+Enter: a line break at the caret of a text box, announced as typing (so it is committed). */
function lineBreakIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLTextAreaElement)) return false;
  target.setRangeText('\n', target.selectionStart, target.selectionEnd, 'end');
  target.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
}

export function installExcelKeys(container: HTMLElement, api: () => GridApi | null): () => void {
  const onKeyDown = (e: KeyboardEvent) => {
    const grid = api();
    if (!grid) return;
    const editing = grid.getEditingCells().length > 0;
    if (editing && e.key === 'Enter' && e.altKey && lineBreakIn(e.target)) {
      e.preventDefault();
      e.stopPropagation();
      return;
    }
    if (!editing && jumpKey(e, container, grid)) return;
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    if (e.key === 'Enter' && editing && commitAndMove(e, grid)) return;
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
