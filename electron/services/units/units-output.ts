/**
 * The overview of many units written out: one workbook (sheets 单位, 表格, 指标, 未读入) or a
 * folder of CSV files (units.csv, forms.csv, indicators.csv, failed.csv; UTF-8 with BOM so that
 * Excel and WPS read the Chinese), one row per thing, the same columns in both (the schema is in
 * docs/summary-schema.md, shared/units/units-tables.ts). Written whole or not at all.
 */
import ExcelJS from 'exceljs';
import path from 'node:path';
import { unitsTables, type Cell, type FilledTable } from '../../../shared/units/units-tables';
import { xlsxBytes } from '../excel/zip-deflate';
import { StagedFolder, writeFileAtomic } from '../files';
import type { UnitsScan } from './scan-units';

/** `indicators` false: no 指标 sheet (the app's overview reads no indicator lines). */
export async function writeUnitsXlsx(
  file: string,
  scan: UnitsScan,
  options: { indicators?: boolean } = {},
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const tables = unitsTables(scan).filter((t) => options.indicators !== false || t.sql !== 'indicators');
  for (const table of tables) {
    const ws = wb.addWorksheet(table.sheet);
    ws.columns = table.columns.map((col) => ({ header: col.title, width: col.width }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    // exceljs writes strings as strings: a name starting with = never becomes a formula.
    for (const row of table.rows) {
      const added = ws.addRow(row);
      table.columns.forEach((col, i) => {
        if (!col.unknown || row[i] !== null) return;
        const cell = added.getCell(i + 1);
        cell.value = col.unknown.text;
        cell.note = col.unknown.note;
        cell.alignment = { horizontal: 'right' };
      });
    }
  }
  writeFileAtomic(file, await xlsxBytes(wb));
}

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled. */
export function csvText(table: FilledTable): string {
  const field = (v: Cell) => {
    const s = v === null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const lines = [table.columns.map((col) => field(col.title)), ...table.rows.map((r) => r.map(field))];
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}

export function writeUnitsCsv(folder: string, scan: UnitsScan): string[] {
  const staged = StagedFolder.create(folder);
  try {
    const names = unitsTables(scan).map((t) => {
      staged.write(`${t.sql}.csv`, csvText(t));
      return path.join(folder, `${t.sql}.csv`);
    });
    staged.commit();
    return names;
  } catch (e) {
    staged.discard();
    throw e;
  }
}
