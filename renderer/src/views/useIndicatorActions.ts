/**
 * What can be done to the indicator table's selected lines, from the keyboard and the context
 * menu: insert above/below (Ctrl+Shift+=), delete (Ctrl+-), move (Alt+Shift+↑/↓), fill, clear,
 * the clipboard, and 恢复建议分. Each is one patch list, so one undo step.
 */
import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { Form, Indicator } from '../../../shared/model/types';
import type { Patch } from '../../../shared/model/patch';
import { deleteRows, insertRows, moveRows, resetScores } from '../grid/indicatorRows';
import { bounds } from '../sheet/cellRange';
import type { SheetController } from '../sheet/sheetController';
import { toTsv } from '../sheet/tsv';
import type { DocumentStore } from '../state/documentStore';
import type { MenuAt, MenuItem } from './GridMenu';
import { useEditor } from './EditorContext';
import { findingPlace } from '../layout/fieldNames';
import { INDICATOR_FIELD_KEYS } from '../../../shared/layouts/field-names';
import type { IndicatorField } from '../../../shared/model/patch';
import { requestCellHistory } from '../state/historyRequest';

/** The model field a column shows (得分: the manual score; 完成率 is computed from 实际完成值). */
function fieldOfColumn(colId: string | undefined): IndicatorField {
  return INDICATOR_FIELD_KEYS.find((f) => f === colId) ?? 'actual';
}

type RowCommand = 'insertAbove' | 'insertBelow' | 'delete' | 'moveUp' | 'moveDown';

function rowCommandOf(e: KeyboardEvent): RowCommand | null {
  const ctrl = e.ctrlKey || e.metaKey;
  if (ctrl && !e.altKey && (e.key === '+' || e.code === 'NumpadAdd' || (e.shiftKey && e.code === 'Equal')))
    return 'insertAbove';
  if (ctrl && !e.altKey && !e.shiftKey && (e.key === '-' || e.code === 'NumpadSubtract')) return 'delete';
  if (e.altKey && e.shiftKey && !ctrl && e.key === 'ArrowUp') return 'moveUp';
  if (e.altKey && e.shiftKey && !ctrl && e.key === 'ArrowDown') return 'moveDown';
  return null;
}

export function useIndicatorActions(
  form: Form,
  store: DocumentStore,
  sheet: SheetController,
  api: RefObject<GridApi<Indicator> | null>,
  container: RefObject<HTMLDivElement | null>,
) {
  const [menu, setMenu] = useState<MenuAt | null>(null);
  const { reviewUi } = useEditor();

  /** The selected lines (the focused one when nothing is selected). */
  const lines = useCallback((): { top: number; bottom: number; col: number } | null => {
    if (sheet.range) {
      const b = bounds(sheet.range);
      return { top: b.top, bottom: b.bottom, col: sheet.range.anchor.col };
    }
    const cell = api.current?.getFocusedCell();
    if (!cell) return null;
    const col = api.current?.getAllDisplayedColumns().indexOf(cell.column) ?? 0;
    return { top: cell.rowIndex, bottom: cell.rowIndex, col: Math.max(0, col) };
  }, [sheet, api]);

  /**
   * After rows change, put the selection on lines top..bottom at once (a next key acts on them)
   * and the cursor there once the grid shows the new rows.
   */
  const select = useCallback(
    (top: number, bottom: number, col: number) => {
      sheet.setRange({ anchor: { row: top, col }, end: { row: bottom, col } });
      requestAnimationFrame(() => {
        const grid = api.current;
        const colId = grid?.getAllDisplayedColumns()[col]?.getColId();
        if (!grid || !colId || top < 0 || top >= grid.getDisplayedRowCount()) return;
        grid.setFocusedCell(top, colId);
        if (bottom > top) sheet.setRange({ anchor: { row: top, col }, end: { row: bottom, col } });
      });
    },
    [api, sheet],
  );

  const run = useCallback(
    (command: RowCommand) => {
      const at = lines();
      if (!at || store.readOnly) return;
      const { top, bottom, col } = at;
      const count = bottom - top + 1;
      let patches: Patch[] = [];
      let next: [number, number] = [top, bottom];
      switch (command) {
        case 'insertAbove':
          patches = insertRows(form, top, count);
          break;
        case 'insertBelow':
          patches = insertRows(form, bottom + 1, count);
          next = [bottom + 1, bottom + count];
          break;
        case 'delete':
          patches = deleteRows(form, top, bottom);
          next = [
            Math.min(top, form.indicators.length - count - 1),
            Math.min(top, form.indicators.length - count - 1),
          ];
          break;
        case 'moveUp':
          patches = moveRows(form, top, bottom, -1);
          next = [top - 1, bottom - 1];
          break;
        case 'moveDown':
          patches = moveRows(form, top, bottom, 1);
          next = [top + 1, bottom + 1];
          break;
      }
      if (patches.length > 0 && store.apply(patches)) select(next[0], next[1], col);
    },
    [form, store, lines, select],
  );

  const clipboard = useCallback(
    async (what: 'copy' | 'cut' | 'paste') => {
      try {
        if (what === 'paste') {
          await sheet.paste(await navigator.clipboard.readText());
          return;
        }
        await navigator.clipboard.writeText(toTsv(sheet.selectedText()));
        if (what === 'cut') sheet.clear('剪切');
      } catch {
        store.setMessage(
          `无法从菜单使用剪贴板：请按 Ctrl+${what === 'paste' ? 'V' : what === 'cut' ? 'X' : 'C'}`,
          'error',
        );
      }
    },
    [sheet, store],
  );

  /** Opens the review panel's composer on the focused cell (or its whole line). */
  const askComment = useCallback(
    (wholeLine = false) => {
      const cell = api.current?.getFocusedCell();
      const ind = cell ? form.indicators[cell.rowIndex] : undefined;
      if (!cell || !ind) return;
      const field = wholeLine ? undefined : cell.column.getColId();
      const at = { formId: form.id, section: 'indicator', row: cell.rowIndex } as const;
      reviewUi.askComment({
        formId: form.id,
        anchor: { section: 'indicator', indicatorId: ind.id, ...(field ? { field } : {}) },
        label: findingPlace(field ? { ...at, field } : at, form, store.layout),
      });
    },
    [api, form, reviewUi, store],
  );

  const openMenu = useCallback(
    (x: number, y: number) => {
      const at = lines();
      if (!at) return;
      const n = at.bottom - at.top + 1;
      const rows = n > 1 ? ` ${n} 行` : '行';
      const ro = store.readOnly;
      const manual = form.indicators.slice(at.top, at.bottom + 1).some((i) => i.score !== null);
      const items: MenuItem[] = [
        { id: 'cut', label: '剪切', shortcut: 'Ctrl+X', disabled: ro, run: () => void clipboard('cut') },
        { id: 'copy', label: '复制', shortcut: 'Ctrl+C', run: () => void clipboard('copy') },
        { id: 'paste', label: '粘贴', shortcut: 'Ctrl+V', disabled: ro, run: () => void clipboard('paste') },
        'separator',
        {
          id: 'insertAbove',
          label: `在上方插入${rows}`,
          shortcut: 'Ctrl+Shift+=',
          disabled: ro,
          run: () => run('insertAbove'),
        },
        { id: 'insertBelow', label: `在下方插入${rows}`, disabled: ro, run: () => run('insertBelow') },
        { id: 'delete', label: `删除${rows}`, shortcut: 'Ctrl+-', disabled: ro, run: () => run('delete') },
        {
          id: 'moveUp',
          label: '上移',
          shortcut: 'Alt+Shift+↑',
          disabled: ro || at.top === 0,
          run: () => run('moveUp'),
        },
        {
          id: 'moveDown',
          label: '下移',
          shortcut: 'Alt+Shift+↓',
          disabled: ro || at.bottom >= form.indicators.length - 1,
          run: () => run('moveDown'),
        },
        'separator',
        { id: 'fillDown', label: '向下填充', shortcut: 'Ctrl+D', disabled: ro, run: () => sheet.fillDown() },
        { id: 'clear', label: '清除内容', shortcut: 'Delete', disabled: ro, run: () => sheet.clear('清除') },
        {
          id: 'resetScore',
          label: '恢复建议分',
          disabled: ro || !manual,
          run: () => store.apply(resetScores(form, at.top, at.bottom)),
        },
        'separator',
        // Review data: also in read-only documents.
        { id: 'comment', label: '添加批注…', shortcut: 'Shift+F2', run: () => askComment() },
        { id: 'commentLine', label: '为整行添加批注…', run: () => askComment(true) },
        {
          id: 'history',
          label: '查看修改记录',
          // Read when chosen, like the commands above: a right click moves the cursor after the
          // menu has been built.
          run: () => {
            const now = lines();
            const line = now ? form.indicators[now.top] : undefined;
            if (!now || !line) return;
            const colId = api.current?.getAllDisplayedColumns()[now.col]?.getColId();
            requestCellHistory(
              colId === 'auditScore' || colId === 'auditOpinion'
                ? { section: 'audit', formId: form.id, indicatorId: line.id, field: colId }
                : {
                    section: 'indicator',
                    formId: form.id,
                    indicatorId: line.id,
                    field: fieldOfColumn(colId),
                  },
            );
          },
        },
      ];
      setMenu({ x, y, items });
    },
    [form, store, sheet, api, lines, run, clipboard, askComment],
  );

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const onKey = (e: KeyboardEvent) => {
      if ((api.current?.getEditingCells().length ?? 0) > 0) return;
      if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) {
        const focused = document.activeElement?.closest('.ag-cell');
        const box = focused?.getBoundingClientRect();
        e.preventDefault();
        e.stopPropagation();
        openMenu(box ? box.left + 12 : 40, box ? box.bottom : 40);
        return;
      }
      if (e.shiftKey && e.key === 'F2' && !e.ctrlKey && !e.altKey) {
        // Excel's key for a new comment (批注).
        e.preventDefault();
        e.stopPropagation();
        askComment();
        return;
      }
      const command = rowCommandOf(e);
      if (!command) return;
      e.preventDefault();
      e.stopPropagation();
      run(command);
    };
    const onContextMenu = (e: MouseEvent) => {
      const target = e.target instanceof Element ? e.target.closest('.ag-cell') : null;
      if (!target) return;
      e.preventDefault();
      // A right click outside the selection moves the cursor there first, as in Excel.
      const rowEl = target.closest('[row-index]');
      const row = Number(rowEl?.getAttribute('row-index'));
      const colId = target.getAttribute('col-id');
      if (colId && Number.isInteger(row) && !sheet.isSelected(row, colId))
        api.current?.setFocusedCell(row, colId);
      openMenu(e.clientX, e.clientY);
    };
    el.addEventListener('keydown', onKey, true);
    el.addEventListener('contextmenu', onContextMenu);
    return () => {
      el.removeEventListener('keydown', onKey, true);
      el.removeEventListener('contextmenu', onContextMenu);
    };
  }, [container, api, sheet, openMenu, run, askComment]);

  const addRow = useCallback(() => {
    const end = form.indicators.length;
    if (store.apply(insertRows(form, end, 1))) select(end, end, 0);
  }, [form, store, select]);

  return { menu, closeMenu: useCallback(() => setMenu(null), []), addRow };
}
