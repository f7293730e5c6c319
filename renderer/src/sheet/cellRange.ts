/**
 * A rectangular selection of cells, as in a spreadsheet: the anchor (where the selection
 * started, the active cell) and the far corner that Shift+arrows and mouse drags move.
 * Rows and columns are display positions.
 */
export interface CellPos {
  row: number;
  col: number;
}

export interface CellRange {
  anchor: CellPos;
  end: CellPos;
}

export interface Bounds {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export function single(pos: CellPos): CellRange {
  return { anchor: pos, end: pos };
}

export function bounds(r: CellRange): Bounds {
  return {
    top: Math.min(r.anchor.row, r.end.row),
    bottom: Math.max(r.anchor.row, r.end.row),
    left: Math.min(r.anchor.col, r.end.col),
    right: Math.max(r.anchor.col, r.end.col),
  };
}

export function contains(r: CellRange, row: number, col: number): boolean {
  const b = bounds(r);
  return row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;
}

export function isSingle(r: CellRange): boolean {
  return r.anchor.row === r.end.row && r.anchor.col === r.end.col;
}

export function size(r: CellRange): { rows: number; cols: number } {
  const b = bounds(r);
  return { rows: b.bottom - b.top + 1, cols: b.right - b.left + 1 };
}

/** Moves the far corner by a step, kept inside a grid of `rows` × `cols`. */
export function extend(r: CellRange, dRow: number, dCol: number, rows: number, cols: number): CellRange {
  const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, v));
  return {
    anchor: r.anchor,
    end: { row: clamp(r.end.row + dRow, rows), col: clamp(r.end.col + dCol, cols) },
  };
}

export function sameRange(a: CellRange | null, b: CellRange | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.anchor.row === b.anchor.row &&
    a.anchor.col === b.anchor.col &&
    a.end.row === b.end.row &&
    a.end.col === b.end.col
  );
}
