/**
 * A comparison as a plain workbook people can read and filter: 修改明细 (表, 位置, 项目, 原值, 新值)
 * and 表格 (each form's 总分 and 等级 before and after). Numbers are numbers with two decimals.
 */
import ExcelJS, { type Worksheet } from 'exceljs';
import type { CompareResult } from '../../../shared/contract';
import type { CellRef, CellValue } from '../../../shared/history/cells';
import { FORM_STATUS_NAMES, lineChangeName } from '../../../shared/compare/names';
import { writeFileAtomic } from '../files';
import { xlsxBytes } from '../excel/zip-deflate';

const TWO_DECIMALS = '0.00';

type Row = [string, string, string, CellValue, CellValue];

function detailRows(result: CompareResult): Array<{ row: Row; cell: CellRef | null }> {
  const out: Array<{ row: Row; cell: CellRef | null }> = [];
  for (const c of result.comparison.meta)
    out.push({ row: ['文档', c.place, c.what, c.old, c.new], cell: c.cell });
  for (const form of result.comparison.forms) {
    if (form.status === 'added' || form.status === 'removed') {
      out.push({ row: [form.name, '表格', FORM_STATUS_NAMES[form.status], null, null], cell: null });
      continue;
    }
    for (const c of form.cells) out.push({ row: [form.name, c.place, c.what, c.old, c.new], cell: c.cell });
    for (const l of form.lines) {
      out.push({ row: [form.name, l.place, lineChangeName(l), null, null], cell: null });
    }
  }
  return out;
}

function header(ws: Worksheet, titles: string[], widths: number[]): void {
  ws.columns = titles.map((header, i) => ({ header, width: widths[i] ?? 12 }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/** A value cell: numbers as numbers (two decimals; years whole), text as text (never a formula). */
function putValue(ws: Worksheet, row: number, col: number, v: CellValue, cell: CellRef | null): void {
  const target = ws.getCell(row, col);
  if (v === null || v === '') return;
  target.value = v;
  if (typeof v === 'number')
    target.numFmt = cell && 'field' in cell && cell.field === 'year' ? '0' : TWO_DECIMALS;
  else target.alignment = { wrapText: true, vertical: 'top' };
}

export async function writeComparisonXlsx(
  result: CompareResult,
  file: string,
): Promise<{ path: string; rows: number }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '自评表编辑器';
  const details = wb.addWorksheet('修改明细');
  header(
    details,
    ['表', '位置', '项目', `原值（${result.before}）`, `新值（${result.after}）`],
    [28, 30, 18, 36, 36],
  );
  const rows = detailRows(result);
  rows.forEach(({ row, cell }, i) => {
    const r = i + 2;
    row.slice(0, 3).forEach((text, c) => (details.getCell(r, c + 1).value = String(text)));
    putValue(details, r, 4, row[3], cell);
    putValue(details, r, 5, row[4], cell);
  });

  const forms = wb.addWorksheet('表格');
  header(forms, ['表', '状态', '原总分', '新总分', '原等级', '新等级'], [32, 12, 10, 10, 8, 8]);
  result.comparison.forms.forEach((f, i) => {
    const r = i + 2;
    forms.getCell(r, 1).value = f.name;
    forms.getCell(r, 2).value = FORM_STATUS_NAMES[f.status];
    putValue(forms, r, 3, f.before?.total ?? null, null);
    putValue(forms, r, 4, f.after?.total ?? null, null);
    putValue(forms, r, 5, f.before?.grade ?? null, null);
    putValue(forms, r, 6, f.after?.grade ?? null, null);
  });

  writeFileAtomic(file, await xlsxBytes(wb));
  return { path: file, rows: rows.length };
}
