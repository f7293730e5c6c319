/**
 * Cells the current role may not change (issue #19): in 审核模式 every cell of the author's, in the
 * author's mode the 核查分数 / 审核意见 columns. They look read-only (class `cell-locked`) and
 * open no editor; trying (a double click, Enter, F2, typing) says why in the status bar.
 */
import type { CellDoubleClickedEvent, CellKeyDownEvent, FullWidthCellKeyDownEvent } from 'ag-grid-community';
import { useMemo } from 'react';
import { AUDIT_REFUSED, AUTHOR_DATA_REFUSED } from '../../../shared/review/roles';
import type { DocumentStore } from '../state/documentStore';

const AUDIT_COLUMNS: ReadonlySet<string> = new Set(['auditScore', 'auditOpinion']);

/** Why a cell of this column is not this role's to change, or null. */
export function lockedCell(colId: string, reviewing: boolean): string | null {
  const audit = AUDIT_COLUMNS.has(colId);
  if (reviewing) return audit ? null : AUTHOR_DATA_REFUSED;
  return audit ? AUDIT_REFUSED : null;
}

/** Keys that would open an editor (or type into the cell) in a cell that can be edited. */
function opensEditor(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  return e.key === 'Enter' || e.key === 'F2' || e.key.length === 1;
}

/** Grid events that explain a locked cell instead of ignoring the attempt. */
export function roleLockEvents(reviewing: () => boolean, tell: (text: string) => void) {
  const explain = (colId: string | undefined, pinned: boolean): void => {
    const why = colId === undefined || pinned ? null : lockedCell(colId, reviewing());
    if (why !== null) tell(why);
  };
  return {
    onCellDoubleClicked: (e: CellDoubleClickedEvent) => explain(e.column.getColId(), !!e.node.rowPinned),
    onCellKeyDown: (e: CellKeyDownEvent | FullWidthCellKeyDownEvent) => {
      if (!('column' in e) || !(e.event instanceof KeyboardEvent) || !opensEditor(e.event)) return;
      explain(e.column.getColId(), !!e.node.rowPinned);
    },
  };
}

/** The grid events of a form's grid: refusals go to the store's status bar. */
export function useRoleLockEvents(store: DocumentStore) {
  return useMemo(
    () =>
      roleLockEvents(
        () => store.status.reviewing,
        (text) => store.setMessage(text, 'error'),
      ),
    [store],
  );
}
