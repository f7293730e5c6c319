/**
 * A grid drawn once as plain HTML from the same column definitions, rows and context the grid
 * gets: what the window shows of a form while AG Grid's chunk (≈ 1 MB of JavaScript) is still
 * loading and until the grid has drawn its rows (#23: an old office PC sees the form in about
 * half the time). Column widths are fitted like the grid's (grid/formColumn.ts) and rows get the
 * grid's heights (grid/rowHeights.ts), so nothing moves when the grid takes its place. It reads
 * and never writes; nothing of AG Grid is imported here but its types.
 */
import { useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { CellClassParams, ColDef, ColGroupDef, ValueGetterParams } from 'ag-grid-community';
import { fitWidths } from '../grid/formColumn';
import { headerHeightFor } from '../grid/headerHeight';

type Def<T> = ColDef<T> | ColGroupDef<T>;

interface Props<T> {
  columns: ReadonlyArray<Def<T>>;
  rows: readonly T[];
  /** The grid's context (what its column functions read besides the row). */
  context: unknown;
  /** Gets the fitted widths by colId before any cell is worked out (text clamps depend on them). */
  prepare?: (widths: ReadonlyMap<string, number>) => void;
  rowHeight: (row: T, index: number, widths: ReadonlyMap<string, number>) => number;
  /** A cell pressed before the grid is there (the grid puts its cursor there once drawn). */
  onPick?: (row: number, colId: string) => void;
  label: string;
  testId: string;
}

interface Leaf<T> {
  def: ColDef<T>;
  id: string;
  /** The group title over it, if any (one level, as the funds block's parent title). */
  group: ColGroupDef<T> | null;
}

function leavesOf<T>(columns: ReadonlyArray<Def<T>>): Leaf<T>[] {
  return columns.flatMap((d): Leaf<T>[] =>
    'children' in d
      ? d.children.flatMap((c) => ('children' in c ? [] : [{ def: c, id: c.colId ?? '', group: d }]))
      : [{ def: d, id: d.colId ?? '', group: null }],
  );
}

/**
 * The params AG Grid would hand a column's functions, as far as ours read them (the row, its
 * index, the column and the context). One cast: AG Grid's type also names its API objects, which
 * a preview has not. A function that reads more throws, and the preview shows its frame without
 * cells (below) — which the e2e test, comparing every cell with the grid's, catches.
 */
function paramsFor<T>(def: ColDef<T>, data: T, rowIndex: number, context: unknown, value?: unknown) {
  const node = { rowIndex, data, rowPinned: undefined, id: `r${rowIndex}` };
  return { data, node, colDef: def, context, value } as unknown as ValueGetterParams<T> & CellClassParams<T>;
}

function valueOf<T>(def: ColDef<T>, data: T, rowIndex: number, context: unknown): unknown {
  const getter = def.valueGetter;
  if (typeof getter === 'function') return getter(paramsFor(def, data, rowIndex, context));
  const field = def.field;
  return field === undefined ? undefined : (data as Record<string, unknown>)[field];
}

function textOf<T>(def: ColDef<T>, data: T, rowIndex: number, context: unknown, value: unknown): string {
  const format = def.valueFormatter;
  if (typeof format === 'function') return format(paramsFor(def, data, rowIndex, context, value));
  return value === null || value === undefined ? '' : String(value as string | number);
}

function classesOf<T>(def: ColDef<T>, data: T, rowIndex: number, context: unknown, value: unknown): string {
  const params = paramsFor(def, data, rowIndex, context, value);
  const out: string[] = [];
  const cls = def.cellClass;
  if (typeof cls === 'string') out.push(cls);
  else if (Array.isArray(cls)) out.push(...cls);
  else if (typeof cls === 'function') {
    const got = cls(params);
    if (got) out.push(...(Array.isArray(got) ? got : [got]));
  }
  for (const [name, rule] of Object.entries(def.cellClassRules ?? {}))
    if (typeof rule === 'function' && rule(params)) out.push(name);
  return out.join(' ');
}

/**
 * Whether rows a and b (a just above b), holding `values`, share one merged cell in this column
 * (AG Grid's spanRows).
 */
function spans<T>(
  def: ColDef<T>,
  rows: readonly T[],
  values: readonly unknown[],
  a: number,
  b: number,
  context: unknown,
): boolean {
  const rule = def.spanRows;
  if (!rule) return false;
  const [valueA, valueB] = [values[a], values[b]];
  if (rule === true) return valueA === valueB;
  const nodeA = paramsFor(def, rows[a] as T, a, context).node;
  const nodeB = paramsFor(def, rows[b] as T, b, context).node;
  return rule({ nodeA, nodeB, valueA, valueB, colDef: def, context } as unknown as Parameters<
    typeof rule
  >[0]);
}

interface Cell {
  col: number;
  row: number;
  /** Rows it covers (a merged 一级/二级 cell more than one). */
  rows: number;
  text: string;
  className: string;
}

function cellsOf<T>(leaves: Leaf<T>[], rows: readonly T[], context: unknown): Cell[] {
  const cells: Cell[] = [];
  leaves.forEach(({ def }, col) => {
    // Each row's value once: the merges compare neighbours, the cells show them.
    const values = rows.map((data, row) => valueOf(def, data, row, context));
    for (let row = 0; row < rows.length;) {
      let end = row + 1;
      while (end < rows.length && spans(def, rows, values, end - 1, end, context)) end++;
      const data = rows[row] as T;
      const value = values[row];
      cells.push({
        col,
        row,
        rows: end - row,
        text: textOf(def, data, row, context, value),
        className: classesOf(def, data, row, context, value),
      });
      row = end;
    }
  });
  return cells;
}

/** Where each of `sizes` starts, laid end to end. */
function offsets(sizes: readonly number[]): number[] {
  let at = 0;
  return sizes.map((s) => {
    const start = at;
    at += s;
    return start;
  });
}

export function GridPreview<T>({
  columns,
  rows,
  context,
  prepare,
  rowHeight,
  onPick,
  label,
  testId,
}: Props<T>) {
  const root = useRef<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(0);
  // One measure of the space there is (as the grid's column fitting does), before the first paint.
  useLayoutEffect(() => {
    const el = root.current;
    // Inside the preview's own border, as the grid's columns are inside its wrapper's.
    if (el) setWidth(el.clientWidth);
  }, []);

  let body: ReactNode = null;
  if (width > 0) {
    const leaves = leavesOf(columns);
    const fitted = fitWidths(
      leaves.map((l) => l.def.width ?? 100),
      leaves.map((l) => l.def.minWidth ?? 0),
      width,
    );
    const widths = new Map(leaves.map((l, i) => [l.id, fitted[i] ?? 0]));
    const lefts = offsets(fitted);
    prepare?.(widths);
    const headerRow = headerHeightFor(
      leaves.map((l, i) => ({ title: l.def.headerName ?? '', width: fitted[i] ?? 0 })),
    );
    const grouped = leaves.some((l) => l.group);
    const header = grouped ? headerRow * 2 : headerRow;
    const heights = rows.map((r, i) => rowHeight(r, i, widths));
    const tops = offsets(heights);
    let cells: Cell[] = [];
    try {
      cells = cellsOf(leaves, rows, context);
    } catch {
      // A column function that needs the real grid: the grid is a moment away; show no cells.
      cells = [];
    }
    const box = (col: number, top: number, height: number, span = 1): CSSProperties => ({
      left: lefts[col],
      width: fitted.slice(col, col + span).reduce((a, w) => a + w, 0),
      top,
      height,
    });
    const groupCells: ReactNode[] = [];
    leaves.forEach((l, i) => {
      if (!l.group || leaves[i - 1]?.group === l.group) return;
      const span = leaves.filter((x) => x.group === l.group).length;
      groupCells.push(
        <div
          key={`g${i}`}
          className="preview-header-cell preview-group"
          role="columnheader"
          style={box(i, 0, headerRow, span)}
        >
          {l.group.headerName}
        </div>,
      );
    });
    body = (
      <>
        <div className="preview-header" style={{ height: header + 1 }} role="row">
          {groupCells}
          {leaves.map((l, i) => (
            <div
              key={l.id}
              role="columnheader"
              className={`preview-header-cell ${typeof l.def.headerClass === 'string' ? l.def.headerClass : ''}`}
              style={l.group ? box(i, headerRow, headerRow) : box(i, 0, header)}
            >
              {l.def.headerName}
            </div>
          ))}
        </div>
        <div className="preview-body" style={{ height: heights.reduce((a, h) => a + h, 0) }}>
          {heights.map((h, i) => (
            <div
              key={i}
              className="preview-row"
              role="row"
              data-row-index={i}
              style={{ top: tops[i], height: h }}
            />
          ))}
          {cells.map((c) => (
            <div
              key={`${c.col}:${c.row}`}
              role="cell"
              className={`preview-cell ${c.rows > 1 ? 'preview-spanned ' : ''}${c.className}`}
              data-col-id={leaves[c.col]?.id}
              data-row-index={c.row}
              style={box(
                c.col,
                tops[c.row] ?? 0,
                heights.slice(c.row, c.row + c.rows).reduce((a, h) => a + h, 0) - 1,
              )}
            >
              {c.text}
            </div>
          ))}
        </div>
      </>
    );
  }
  return (
    <div
      className="grid-preview"
      ref={root}
      onMouseDown={(e) => {
        const cell = e.target instanceof Element ? e.target.closest<HTMLElement>('.preview-cell') : null;
        const row = Number(cell?.dataset['rowIndex']);
        const colId = cell?.dataset['colId'];
        if (onPick && colId && Number.isInteger(row)) onPick(row, colId);
      }}
      role="table"
      aria-label={label}
      aria-busy="true"
      data-testid={testId}
    >
      {body}
    </div>
  );
}
