/**
 * Cell tooltips (the browser's own: the cell's title), worked out when the pointer reaches a cell.
 * AG Grid's tooltips computed the title of every cell each time its row was drawn or refreshed —
 * a score's explanation and a text's line count for every line on each form switch — for the one
 * cell a pointer may rest on. A cut text (class cell-clamped) has its whole text as its title;
 * other columns may name a function of the row.
 */
import type { GridApi } from 'ag-grid-community';

export interface CellTitleParams<T> {
  context: unknown;
  data: T | undefined;
  node: { rowIndex: number | null };
}

export type CellTitle<T> = (p: CellTitleParams<T>) => string | undefined;

/** The title of a grid cell element: its whole text when cut, else what its column's function says. */
export function titleOf<T>(
  cell: Element,
  api: GridApi<T> | null,
  titles: ReadonlyMap<string, CellTitle<T>>,
): string | undefined {
  if (cell.classList.contains('cell-clamped')) return cell.textContent ?? undefined;
  const title = titles.get(cell.getAttribute('col-id') ?? '');
  const rowIndex = Number(cell.closest('.ag-row[row-index]')?.getAttribute('row-index') ?? NaN);
  if (!title || !api || !Number.isInteger(rowIndex)) return undefined;
  const node = api.getDisplayedRowAtIndex(rowIndex);
  if (!node) return undefined;
  return title({ context: api.getGridOption('context'), data: node.data, node });
}

/** Sets the title of the cell under the pointer as it arrives there; returns the remover. */
export function showCellTitles<T>(
  container: HTMLElement,
  api: () => GridApi<T> | null,
  titles: ReadonlyMap<string, CellTitle<T>>,
): () => void {
  const onOver = (e: MouseEvent) => {
    const cell = e.target instanceof Element ? e.target.closest('.ag-cell[col-id]') : null;
    if (!cell) return;
    const title = titleOf(cell, api(), titles);
    if (title) cell.setAttribute('title', title);
    else cell.removeAttribute('title');
  };
  container.addEventListener('mouseover', onOver);
  return () => container.removeEventListener('mouseover', onOver);
}
