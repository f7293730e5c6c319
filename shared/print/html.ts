/** Small HTML string helpers for the print view: every text that reaches the page is escaped here. */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export interface Cell {
  text: string;
  /** Class names: label (bold, centred), num (right), long (top-left, keeps line breaks). */
  cls?: string;
  colspan?: number;
  rowspan?: number;
}

function attrs(cell: Cell): string {
  const parts: string[] = [];
  if (cell.cls) parts.push(` class="${cell.cls}"`);
  if (cell.colspan && cell.colspan > 1) parts.push(` colspan="${cell.colspan}"`);
  if (cell.rowspan && cell.rowspan > 1) parts.push(` rowspan="${cell.rowspan}"`);
  return parts.join('');
}

/** One table row of cells; `tag` is td or th. */
export function row(cells: readonly Cell[], tag: 'td' | 'th' = 'td'): string {
  return `<tr>${cells.map((c) => `<${tag}${attrs(c)}>${escapeHtml(c.text)}</${tag}>`).join('')}</tr>`;
}

export const label = (text: string, colspan?: number, rowspan?: number): Cell => ({
  text,
  cls: 'label',
  colspan,
  rowspan,
});

/** Column widths as shares of the table (the layout's Excel widths), for table-layout: fixed. */
export function colgroup(widths: readonly number[]): string {
  const sum = widths.reduce((a, b) => a + b, 0) || 1;
  const cols = widths.map((w) => `<col style="width:${((100 * w) / sum).toFixed(2)}%">`);
  return `<colgroup>${cols.join('')}</colgroup>`;
}
