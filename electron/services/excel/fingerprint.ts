/**
 * A digest of what a form sheet shows (every value, by address). The export stores it beside the
 * form's data; at import, a sheet whose digest still matches is our own export untouched, so its
 * stored data is used as is; one edited in Excel is read from its cells instead.
 */
import { createHash } from 'node:crypto';
import ExcelJS, { type Worksheet } from 'exceljs';

export function sheetFingerprint(ws: Worksheet): string {
  const parts: string[] = [];
  ws.eachRow((row) => {
    row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const v = cell.value;
      // Rounded so that Excel's re-save of a number (15–17 digits) does not count as an edit.
      const text =
        typeof v === 'number'
          ? String(Number(v.toPrecision(12)))
          : typeof v === 'string'
            ? v
            : JSON.stringify(v);
      parts.push(`${cell.address}\u0001${typeof v}\u0001${text}`);
    });
  });
  return createHash('sha256').update(parts.join('\u0002')).digest('hex').slice(0, 32);
}
