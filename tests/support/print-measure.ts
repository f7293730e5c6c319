/**
 * Measures a printed sheet, independently of the writer: for every wrapped text cell, whether the
 * rows it spans are tall enough for its wrapped lines at its font size and column width (issue 16:
 * by measure, not by text extraction, since a PDF keeps clipped glyphs).
 */
import ExcelJS from 'exceljs';

/** Width of a text in Excel character units, measured here on its own: CJK and full-width count 2. */
function units(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    n += c >= 0x1100 && !(c >= 0xff61 && c <= 0xffdc) ? 2 : 1;
  }
  return n;
}

/**
 * The least height (points) a wrapped text needs in a cell `width` characters wide at `size`
 * points: one character of padding, lines of 1.25 × the font size (a little less than the writer
 * allows, so that this measure does not simply repeat the writer's).
 */
function neededHeight(text: string, width: number, size: number): number {
  const usable = Math.max(1, width - 1);
  const lines = text.split('\n').reduce((s, part) => s + Math.max(1, Math.ceil(units(part) / usable)), 0);
  return lines * size * 1.25;
}

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function mergesOf(ws: ExcelJS.Worksheet): Map<string, Area> {
  const merges = new Map<string, Area>();
  for (const range of ws.model.merges) {
    const [a, b] = range.split(':') as [string, string];
    const [tl, br] = [ws.getCell(a), ws.getCell(b)];
    merges.set(tl.address, {
      top: Number(tl.row),
      left: Number(tl.col),
      bottom: Number(br.row),
      right: Number(br.col),
    });
  }
  return merges;
}

/** The text cells of the sheet (merged ranges by their first cell), each with its area and width. */
function textCells(
  ws: ExcelJS.Worksheet,
): Array<{ cell: ExcelJS.Cell; text: string; area: Area; width: number }> {
  const merges = mergesOf(ws);
  const out: Array<{ cell: ExcelJS.Cell; text: string; area: Area; width: number }> = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value !== 'string' || cell.value === '' || cell.type === ExcelJS.ValueType.Merge)
        return;
      const [r, c] = [Number(cell.row), Number(cell.col)];
      const area = merges.get(cell.address) ?? { top: r, left: c, bottom: r, right: c };
      let width = 0;
      for (let k = area.left; k <= area.right; k++) width += ws.getColumn(k).width ?? 9;
      out.push({ cell, text: cell.value, area, width });
    }),
  );
  return out;
}

/** Every wrapped text cell of the sheet whose rows are too low for its lines, as “B12: 300 < 412”. */
export function clippedCells(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  for (const { cell, text, area, width } of textCells(ws)) {
    if (cell.alignment?.wrapText !== true) continue;
    let height = 0;
    for (let r = area.top; r <= area.bottom; r++) height += Math.min(409, ws.getRow(r).height ?? 15);
    const need = neededHeight(text, width, cell.font?.size ?? 11);
    if (height < need) out.push(`${ws.name}!${cell.address}: ${height} < ${Math.ceil(need)}`);
  }
  return out;
}

/**
 * Text cells that do not wrap and are wider than the columns they span while a neighbour to the
 * right holds something: Excel cuts such a text at the neighbour's edge.
 */
export function overflowingCells(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  for (const { cell, text, area, width } of textCells(ws)) {
    if (cell.alignment?.wrapText === true) continue;
    const next = ws.getCell(area.top, area.right + 1);
    const blocked = area.right + 1 <= ws.columnCount && next.value !== null && next.value !== '';
    const longest = Math.max(...text.split('\n').map(units));
    if (blocked && longest > width) out.push(`${ws.name}!${cell.address}: ${longest} > ${width}`);
  }
  return out;
}
