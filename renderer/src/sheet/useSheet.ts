/**
 * Wires a grid to the spreadsheet behaviour: the SheetController (selection, clipboard, fill),
 * the Excel key fixes, and the selection's cell class. Both the funds block and the indicator
 * table use it.
 */
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import type { CellClassParams, ColDef, GridApi, ValueSetterParams } from 'ag-grid-community';
import type { Patch } from '../../../shared/model/patch';
import { installExcelKeys } from '../grid/excelKeys';
import type { DocumentStore } from '../state/documentStore';
import type { Dialogs } from '../state/dialogs';
import {
  SheetController,
  type PasteOverflowChoice,
  type SheetHost,
  type SheetWriter,
} from './sheetController';

export function sheetHost(store: DocumentStore, dialogs: Dialogs): SheetHost {
  return {
    apply: (patches: Patch[]) => store.apply(patches, true),
    message: (text, level) => store.setMessage(text, level),
    readOnly: () => store.readOnly,
    askOverflow: async (extra): Promise<PasteOverflowChoice> => {
      const answer = await dialogs.ask({
        title: '粘贴的行数超出表格',
        message: `粘贴的内容比表格多 ${extra} 行。要在表格末尾新增 ${extra} 行并全部粘贴吗？`,
        choices: [
          { id: 'addRows', label: `新增 ${extra} 行并粘贴`, primary: true },
          { id: 'clip', label: '只粘贴放得下的部分' },
          { id: 'cancel', label: '取消' },
        ],
      });
      return answer === 'addRows' || answer === 'clip' ? answer : 'cancel';
    },
  };
}

export function useSheet<T>(
  container: RefObject<HTMLDivElement | null>,
  api: RefObject<GridApi<T> | null>,
  writer: SheetWriter,
  host: SheetHost,
): SheetController {
  const writerRef = useRef(writer);
  writerRef.current = writer;
  const sheet = useMemo(
    () =>
      new SheetController(
        () => container.current,
        () => api.current,
        () => writerRef.current,
        host,
      ),
    [container, api, host],
  );
  useEffect(() => sheet.install(), [sheet]);
  useEffect(
    () => (container.current ? installExcelKeys(container.current, () => api.current) : undefined),
    [container, api],
  );
  return sheet;
}

/**
 * Every column gets the selection's highlight (keeping its own class rules), and edits commit
 * through a valueSetter: it runs synchronously when the editor closes, where AG Grid's
 * cellEditRequest comes a frame later. It returns false: the grid never writes the data; the
 * patch does, and the rows repaint from the document.
 */
export function sheetColumns<T>(columns: ColDef<T>[], sheet: SheetController): ColDef<T>[] {
  const inRange = (p: CellClassParams<T>) => sheet.isSelected(p.node.rowIndex, p.column.getColId());
  const commit = (p: ValueSetterParams<T>): boolean => {
    sheet.commitCell(p.node?.rowIndex ?? null, p.column.getColId(), p.newValue);
    return false;
  };
  return columns.map((c) => ({
    ...c,
    cellClassRules: { ...c.cellClassRules, 'cell-in-range': inRange },
    // A column with a setter of its own (review data) keeps it.
    ...(c.editable && !c.valueSetter ? { valueSetter: commit } : {}),
  }));
}
