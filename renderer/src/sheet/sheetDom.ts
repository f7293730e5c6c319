/**
 * The grid's DOM as the sheet behaviour reads it: which cell an event happened in, whether it
 * happened in a text box (where the browser's own keys apply), the arrow keys' directions, and
 * scrolling a cell into view.
 */

/** Arrow keys as (row, column) steps. */
export const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** The display position of the cell an event happened in, if it is one of this grid's. */
export function cellAt(
  target: EventTarget | null,
  container: HTMLElement | null,
): { row: number; colId: string } | null {
  if (!(target instanceof Element) || !container) return null;
  const cell = target.closest<HTMLElement>('.ag-cell[col-id]');
  if (!cell || !container.contains(cell)) return null;
  const rowEl = cell.closest<HTMLElement>('[row-index]');
  const row = Number(rowEl?.getAttribute('row-index'));
  const colId = cell.getAttribute('col-id');
  if (!colId || !Number.isInteger(row) || row < 0) return null;
  return { row, colId };
}

/** Inputs, text areas and editable elements keep their own keys and clipboard. */
export function isTextBox(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

/** Scrolls the page (the grids have no scroller of their own) so a cell is in view. */
export function scrollCellIntoView(
  container: HTMLElement | null,
  row: number,
  colId: string,
  block: ScrollLogicalPosition = 'center',
): void {
  const cell =
    container?.querySelector<HTMLElement>(`.ag-row[row-index="${row}"] .ag-cell[col-id="${colId}"]`) ??
    container?.querySelector<HTMLElement>(`.ag-spanned-row[row-index] .ag-cell[col-id="${colId}"]`);
  cell?.scrollIntoView({ block, inline: 'nearest' });
}
