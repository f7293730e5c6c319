/**
 * Tab-separated text as Excel and WPS put it on the clipboard: cells split by tabs, rows by
 * CRLF (or LF), a cell that holds a tab, a newline or a quote wrapped in quotes with inner
 * quotes doubled, and one trailing newline after the last row. Cell text is kept exactly
 * (full-width spaces included); the readers of numbers decide what to trim.
 */

/** Text → rows of cells. An empty text is no rows; one trailing newline adds no empty row. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const n = text.length;
  let atCellStart = true;
  while (i < n) {
    const c = text[i];
    if (atCellStart && c === '"') {
      // A quoted cell: up to the closing quote that is not doubled.
      const start = i + 1;
      let j = start;
      let value = '';
      let closed = false;
      while (j < n) {
        const q = text.indexOf('"', j);
        if (q < 0) break;
        value += text.slice(j, q);
        if (text[q + 1] === '"') {
          value += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        closed = true;
        break;
      }
      const next = text[j];
      if (closed && (j >= n || next === '\t' || next === '\n' || next === '\r')) {
        cell = value;
        i = j;
        atCellStart = false;
        continue;
      }
      // Not a well-formed quoted cell (e.g. `"5" 分`): the quote is just a character.
    }
    atCellStart = false;
    if (c === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
      i++;
    } else if (c === '\r' || c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += c;
      i++;
    }
  }
  if (!atCellStart || cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function quote(cell: string): string {
  return /[\t\n\r"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Rows of cells → text for the clipboard, with the trailing newline Excel writes. */
export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(quote).join('\t')).join('\r\n') + '\r\n';
}
