/**
 * Spreadsheet behaviour on top of AG Grid Community (its range selection, clipboard and fill
 * are Enterprise-only): a rectangular selection made with the mouse or Shift+arrows, Ctrl+C /
 * Ctrl+X / Ctrl+V as tab-separated text that round-trips with Excel and WPS, Ctrl+D fill down,
 * Delete over a range and Ctrl+A. Every change it makes is one patch list, so one undo step.
 */
import type { GridApi, IRowNode } from 'ag-grid-community';
import type { Patch } from '../../../shared/model/patch';
import { bounds, contains, extend, isSingle, sameRange, single, type CellRange } from './cellRange';
import { copyText } from './cellText';
import { ARROWS, cellAt, isTextBox, scrollCellIntoView } from './sheetDom';
import { parseTsv, toTsv } from './tsv';
import type { CellWrite, WriteOutcome } from './cellWrite';

export type { CellWrite, WriteOutcome } from './cellWrite';

/** What a grid does with written cells; rows past the end are appended when `addRows` > 0. */
export interface SheetWriter {
  /** One cell committed from its editor (a merged cell stands for all its rows). */
  commit(row: number, colId: string, value: unknown): WriteOutcome;
  write(cells: CellWrite[], addRows: number): WriteOutcome;
  /** Whether rows can be appended (the funds block has a fixed set of rows). */
  canAddRows: boolean;
}

export type PasteOverflowChoice = 'addRows' | 'clip' | 'cancel';

export interface SheetHost {
  apply(patches: Patch[]): boolean;
  message(text: string, level: 'info' | 'error'): void;
  /** A paste runs `extra` rows past the last one: add them, paste what fits, or cancel. */
  askOverflow(extra: number): Promise<PasteOverflowChoice>;
  readOnly(): boolean;
}

export class SheetController {
  range: CellRange | null = null;
  private dragging = false;
  /** Set while a Shift+click or drag moves the selection, so the focus change keeps it. */
  private keepRange = false;

  constructor(
    private readonly container: () => HTMLElement | null,
    private readonly api: () => GridApi | null,
    private readonly writer: () => SheetWriter,
    private readonly host: SheetHost,
  ) {}

  install(): () => void {
    const c = this.container();
    if (!c) return () => undefined;
    const listeners: [string, (e: Event) => void, boolean][] = [
      ['mousedown', (e) => this.onMouseDown(e as MouseEvent), true],
      ['mouseover', (e) => this.onMouseOver(e as MouseEvent), false],
      ['keydown', (e) => this.onKeyDown(e as KeyboardEvent), true],
      ['copy', (e) => this.onCopy(e as ClipboardEvent, false), false],
      ['cut', (e) => this.onCopy(e as ClipboardEvent, true), false],
      ['paste', (e) => this.onPaste(e as ClipboardEvent), false],
    ];
    for (const [type, fn, capture] of listeners) c.addEventListener(type, fn, capture);
    const up = () => {
      this.dragging = false;
    };
    window.addEventListener('mouseup', up);
    return () => {
      for (const [type, fn, capture] of listeners) c.removeEventListener(type, fn, capture);
      window.removeEventListener('mouseup', up);
    };
  }

  /** The grid's focused cell moved (click, arrows, Tab, Enter): the selection follows it. */
  onFocused(row: number | null, colId: string | null): void {
    if (this.keepRange) return;
    const col = colId === null ? -1 : this.columns().indexOf(colId);
    const r = this.range;
    // The grid's cell is the selection's anchor: told late (AG Grid's timer), after a Shift+arrow
    // has already grown the selection from it, it must not shrink it back.
    if (r && !isSingle(r) && r.anchor.row === row && r.anchor.col === col) return;
    this.setRange(row === null || row < 0 || col < 0 ? null : single({ row, col }));
  }

  isSelected(row: number | null, colId: string): boolean {
    const r = this.range;
    if (!r || row === null || isSingle(r)) return false;
    return contains(r, row, this.columns().indexOf(colId));
  }

  private columns(): string[] {
    return (this.api()?.getAllDisplayedColumns() ?? []).map((c) => c.getColId());
  }

  private rowCount(): number {
    return this.api()?.getDisplayedRowCount() ?? 0;
  }

  setRange(next: CellRange | null): void {
    const prev = this.range;
    if (sameRange(prev, next)) return;
    this.range = next;
    // A single cell is not highlighted (the focus shows it): moving the cursor repaints nothing.
    const shown = (r: CellRange | null) => r !== null && !isSingle(r);
    if (shown(prev) || shown(next)) this.repaint(shown(prev) ? prev : null, shown(next) ? next : null);
  }

  /** Re-applies the selection class to the rows the old and new selections cover. */
  private repaint(prev: CellRange | null, next: CellRange | null): void {
    const api = this.api();
    if (!api) return;
    const rows = new Set<number>();
    for (const r of [prev, next]) {
      if (!r) continue;
      const b = bounds(r);
      for (let i = b.top; i <= b.bottom; i++) rows.add(i);
    }
    const rowNodes: IRowNode[] = [];
    for (const i of rows) {
      const node = api.getDisplayedRowAtIndex(i);
      if (node) rowNodes.push(node);
    }
    if (rowNodes.length > 0) api.refreshCells({ rowNodes, force: true, suppressFlash: true });
  }

  private onMouseDown(e: MouseEvent): void {
    const at = cellAt(e.target, this.container());
    if (!at) return;
    if (e.button === 2) {
      // A right click inside the selection keeps it (the context menu acts on all of it).
      if (this.isSelected(at.row, at.colId)) this.holdRangeThroughFocus();
      return;
    }
    if (e.button !== 0) return;
    const col = this.columns().indexOf(at.colId);
    if (col < 0) return;
    const pos = { row: at.row, col };
    if (e.shiftKey && this.range) {
      e.preventDefault();
      this.setRange({ anchor: this.range.anchor, end: pos });
      this.holdRangeThroughFocus();
      return;
    }
    // The pressed cell is the selection at once: AG Grid tells its cellFocused from a timer of
    // its own, and a key pressed right after the click (Shift+↓, Ctrl+C) must not find the old one.
    this.setRange(single(pos));
    this.dragging = true;
  }

  private onMouseOver(e: MouseEvent): void {
    if (!this.dragging || (e.buttons & 1) === 0 || !this.range) {
      this.dragging = false;
      return;
    }
    const at = cellAt(e.target, this.container());
    if (!at) return;
    const col = this.columns().indexOf(at.colId);
    if (col < 0) return;
    // No text selection while dragging over cells.
    window.getSelection()?.removeAllRanges();
    this.setRange({ anchor: this.range.anchor, end: { row: at.row, col } });
  }

  /** AG Grid focuses the clicked cell after the mouse event: keep the selection through it. */
  private holdRangeThroughFocus(): void {
    this.keepRange = true;
    setTimeout(() => {
      this.keepRange = false;
    }, 0);
  }

  private editing(): boolean {
    return (this.api()?.getEditingCells().length ?? 0) > 0;
  }

  /**
   * A single-cell selection follows the grid's cell even before AG Grid's cellFocused (told from a
   * timer): an arrow key's move and a Shift+arrow right after it then agree.
   */
  private catchUpWithFocus(api: GridApi): void {
    if (this.keepRange || (this.range && !isSingle(this.range))) return;
    const cell = api.getFocusedCell();
    if (cell && !cell.rowPinned) this.onFocused(cell.rowIndex, cell.column.getColId());
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (this.editing() || isTextBox(e.target)) return;
    const api = this.api();
    if (!api) return;
    this.catchUpWithFocus(api);
    const arrow = ARROWS[e.key];
    const ctrl = e.ctrlKey || e.metaKey;
    if (arrow && e.shiftKey && !ctrl && !e.altKey) {
      if (!this.range) return;
      this.stop(e);
      const next = extend(this.range, arrow[0], arrow[1], this.rowCount(), this.columns().length);
      this.setRange(next);
      const colId = this.columns()[next.end.col];
      if (colId) scrollCellIntoView(this.container(), next.end.row, colId, 'nearest');
      return;
    }
    if (ctrl && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'a') {
      this.stop(e);
      const rows = this.rowCount();
      const cols = this.columns().length;
      if (rows > 0 && cols > 0)
        this.setRange({ anchor: { row: 0, col: 0 }, end: { row: rows - 1, col: cols - 1 } });
      return;
    }
    if (ctrl && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'd') {
      this.stop(e);
      this.fillDown();
      return;
    }
    if (
      !ctrl &&
      !e.altKey &&
      (e.key === 'Delete' || (e.key === 'Backspace' && this.range && !isSingle(this.range)))
    ) {
      if (!this.range) return;
      this.stop(e);
      this.clear('清除');
      return;
    }
    if (e.key === 'Escape' && this.range && !isSingle(this.range)) {
      this.setRange(single(this.range.anchor));
    }
  }

  private stop(e: Event): void {
    e.preventDefault();
    e.stopPropagation();
  }

  /** A cell's editor closed with a new value: applied at once (one undo step). */
  commitCell(row: number | null, colId: string, value: unknown): void {
    if (row === null) return;
    const outcome = this.writer().commit(row, colId, value);
    if (!outcome.ok) this.host.message(outcome.message, 'error');
    else this.host.apply(outcome.patches);
  }

  /** The selected cells' text, row by row. */
  selectedText(): string[][] {
    const api = this.api();
    if (!api || !this.range) return [];
    const b = bounds(this.range);
    const cols = api.getAllDisplayedColumns().slice(b.left, b.right + 1);
    const out: string[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const node = api.getDisplayedRowAtIndex(r);
      out.push(node ? cols.map((c) => copyText(api, node, c)) : cols.map(() => ''));
    }
    return out;
  }

  private onCopy(e: ClipboardEvent, cut: boolean): void {
    if (this.editing() || isTextBox(e.target) || !this.range || !e.clipboardData) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', toTsv(this.selectedText()));
    if (cut) this.clear('剪切');
  }

  private onPaste(e: ClipboardEvent): void {
    if (this.editing() || isTextBox(e.target) || !this.range || !e.clipboardData) return;
    e.preventDefault();
    void this.paste(e.clipboardData.getData('text/plain'));
  }

  /** Pastes a block at the selection: a single value fills the whole selection, as in Excel. */
  async paste(text: string): Promise<void> {
    if (!this.range) return;
    if (this.host.readOnly()) {
      this.host.message('文档为只读，不能粘贴', 'error');
      return;
    }
    const block = parseTsv(text);
    if (block.length === 0) return;
    const b = bounds(this.range);
    const cols = this.columns();
    const rows = this.rowCount();
    const oneValue = block.length === 1 && block[0]?.length === 1;
    const height = oneValue ? b.bottom - b.top + 1 : block.length;
    let extra = Math.max(0, b.top + height - rows);
    let usable = height;
    if (extra > 0) {
      const choice = this.writer().canAddRows ? await this.host.askOverflow(extra) : 'clip';
      if (choice === 'cancel') return;
      if (choice === 'clip') {
        usable = height - extra;
        extra = 0;
      }
    }
    const writes: CellWrite[] = [];
    for (let i = 0; i < usable; i++) {
      const line = oneValue ? block[0] : block[i];
      const width = oneValue ? b.right - b.left + 1 : (line?.length ?? 0);
      for (let j = 0; j < width; j++) {
        const colId = cols[b.left + j];
        if (colId === undefined) break;
        writes.push({ row: b.top + i, colId, text: (oneValue ? line?.[0] : line?.[j]) ?? '' });
      }
    }
    const done = this.commit(writes, extra, '粘贴');
    if (done && !oneValue) {
      const widest = Math.max(...block.map((l) => l.length));
      const right = Math.min(cols.length - 1, b.left + widest - 1);
      this.setRange({ anchor: { row: b.top, col: b.left }, end: { row: b.top + usable - 1, col: right } });
    }
  }

  fillDown(): void {
    if (!this.range || this.host.readOnly()) return;
    const b = bounds(this.range);
    // One row selected: it takes the value of the row above, as in Excel.
    const source = b.top === b.bottom ? b.top - 1 : b.top;
    if (source < 0) return;
    const api = this.api();
    if (!api) return;
    const node = api.getDisplayedRowAtIndex(source);
    if (!node) return;
    const columns = api.getAllDisplayedColumns();
    const writes: CellWrite[] = [];
    for (let c = b.left; c <= b.right; c++) {
      const column = columns[c];
      if (!column) continue;
      const text = copyText(api, node, column);
      for (let r = b.top === b.bottom ? b.top : b.top + 1; r <= b.bottom; r++)
        writes.push({ row: r, colId: column.getColId(), text });
    }
    this.commit(writes, 0, '填充');
  }

  clear(what: string): void {
    if (!this.range || this.host.readOnly()) return;
    const b = bounds(this.range);
    const cols = this.columns();
    const writes: CellWrite[] = [];
    for (let r = b.top; r <= b.bottom; r++)
      for (let c = b.left; c <= b.right; c++) {
        const colId = cols[c];
        if (colId) writes.push({ row: r, colId, text: '' });
      }
    this.commit(writes, 0, what);
  }

  /** Writes the editable cells as one step; computed cells are left alone and counted. */
  private commit(writes: CellWrite[], addRows: number, what: string): boolean {
    const api = this.api();
    if (!api) return false;
    const columns = new Map(api.getAllDisplayedColumns().map((c) => [c.getColId(), c]));
    const rows = this.rowCount();
    const kept: CellWrite[] = [];
    let skipped = 0;
    for (const w of writes) {
      const node = w.row < rows ? api.getDisplayedRowAtIndex(w.row) : null;
      const column = columns.get(w.colId);
      // New rows take every input column; existing cells only where the grid lets one type.
      const editable = node ? !!column?.isCellEditable(node) : !!column?.getColDef().editable;
      if (editable) kept.push(w);
      else skipped++;
    }
    const outcome = this.writer().write(kept, addRows);
    if (!outcome.ok) {
      this.host.message(`${what}未完成：${outcome.message}`, 'error');
      return false;
    }
    if (!this.host.apply(outcome.patches)) return false;
    if (skipped > 0)
      this.host.message(
        `已${what} ${kept.length} 个单元格；${skipped} 个为计算结果或不可修改的单元格未改动`,
        'info',
      );
    return true;
  }
}
