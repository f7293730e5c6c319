/**
 * Window-wide shortcuts of the editor (Ctrl+S, Ctrl+Z, Ctrl+Y, Ctrl+Shift+Z, Ctrl+P 打印;
 * Ctrl+PageUp/PageDown to the previous/next form, as between Excel's sheets; Ctrl+F 查找 and
 * Ctrl+H 替换 across all forms, as in WPS; F9 opens or folds the checks panel), and when a text
 * box keeps them for itself: a cell being edited, or a box with typing not yet committed, undoes
 * its own typing first, as in Excel; a box with nothing typed lets the app undo.
 */
export type AppCommand =
  'save' | 'undo' | 'redo' | 'print' | 'previousForm' | 'nextForm' | 'find' | 'replace' | 'toggleChecks';

export function appCommandOf(e: KeyboardEvent): AppCommand | null {
  if (e.key === 'F9' && !(e.ctrlKey || e.metaKey || e.altKey || e.shiftKey)) return 'toggleChecks';
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  if (e.key === 'PageUp' && !e.shiftKey) return 'previousForm';
  if (e.key === 'PageDown' && !e.shiftKey) return 'nextForm';
  const key = e.key.toLowerCase();
  if (key === 's' && !e.shiftKey) return 'save';
  if (key === 'p' && !e.shiftKey) return 'print';
  if (key === 'f' && !e.shiftKey) return 'find';
  if (key === 'h' && !e.shiftKey) return 'replace';
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return null;
}

export function textBoxKeepsUndo(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const isText =
    target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target.isContentEditable;
  if (!isText) return false;
  if (target.closest('.ag-cell-inline-editing, .ag-popup-editor')) return true;
  return target.dataset['dirty'] === 'true';
}
