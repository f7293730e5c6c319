/**
 * Excel holds at most 32,767 characters in one cell; with a longer text the file is not one Excel
 * and WPS open as written (the text is cut or the file "repaired"). The rule lives with the model
 * so that patch validation, the checks and the sheet writer share it without a cycle.
 */
export const EXCEL_CELL_TEXT_LIMIT = 32_767;

/** Why a text cannot go into one Excel cell, or null when it can. */
export function tooLongForCell(text: string): string | null {
  if (text.length <= EXCEL_CELL_TEXT_LIMIT) return null;
  return `文字有 ${text.length.toLocaleString('en-US')} 字，超过 Excel 一个单元格的上限 32,767 字`;
}

/**
 * Goals and analysis texts are printed over as many rows as they need, so one cell's limit is not
 * theirs; this one keeps a pasted file or a runaway paste (millions of characters) from growing the
 * document and the server without end. About 50 printed pages: far beyond any real form.
 */
export const LONG_TEXT_LIMIT = 100_000;

/** Why a goal or analysis text is too long to keep, or null when it is not. */
export function tooLongForForm(text: string): string | null {
  if (text.length <= LONG_TEXT_LIMIT) return null;
  return `文字有 ${text.length.toLocaleString('en-US')} 字，超过目标和分析文字的上限 100,000 字`;
}
