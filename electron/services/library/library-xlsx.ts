/**
 * The indicator library as a workbook, so that a 主管部门 can hand its units one shared library:
 * written as a plain table (一级指标 | 二级指标 | 三级指标 | 指标值 | 评分标准 | 使用次数) and read back
 * from any sheet with such a header row, whatever the column order.
 */
import ExcelJS from 'exceljs';
import type { LibraryEntry } from '../../../shared/library/types';
import { normalizeTitle } from '../excel/cell-grid';
import { excelFail, excelOk, writeErrorMessage, type ExcelResult } from '../excel/errors';
import { loadXlsx } from '../excel/import';
import { xlsxBytes } from '../excel/zip-deflate';
import { writeFileAtomic } from '../files';

type Field = 'level1' | 'level2' | 'name' | 'target' | 'ruleText' | 'uses';

const COLUMNS: ReadonlyArray<{ field: Field; title: string; width: number; aliases: string[] }> = [
  { field: 'level1', title: '一级指标', width: 14, aliases: [] },
  { field: 'level2', title: '二级指标', width: 16, aliases: [] },
  { field: 'name', title: '三级指标', width: 28, aliases: ['指标名称', '指标内容', '具体指标'] },
  { field: 'target', title: '指标值', width: 16, aliases: ['年度指标值', '目标值', '常用指标值'] },
  { field: 'ruleText', title: '评分标准', width: 40, aliases: ['赋分规则', '评分规则'] },
  { field: 'uses', title: '使用次数', width: 10, aliases: [] },
];

export interface LibraryImport {
  entries: LibraryEntry[];
  /** Rows not taken, with why (第 N 行 …). */
  skipped: string[];
}

export async function writeLibraryXlsx(
  file: string,
  entries: readonly LibraryEntry[],
): Promise<ExcelResult<number>> {
  if (!/\.xlsx$/i.test(file))
    return excelFail('not-xlsx', `“${file}”不是 .xlsx 文件：指标库请导出为 Excel 工作簿（.xlsx）`);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('指标库');
  ws.columns = COLUMNS.map((c) => ({ header: c.title, key: c.field, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const e of entries) {
    ws.addRow({
      level1: e.level1,
      level2: e.level2,
      name: e.name,
      target: e.target,
      ruleText: e.ruleText,
      uses: e.uses,
    });
  }
  try {
    writeFileAtomic(file, await xlsxBytes(wb));
  } catch (e) {
    return excelFail('write-failed', writeErrorMessage(e, file));
  }
  return excelOk(entries.length);
}

export async function readLibraryXlsx(file: string): Promise<ExcelResult<LibraryImport>> {
  if (!/\.xlsx$/i.test(file))
    return excelFail('not-xlsx', `“${file}”不是 .xlsx 文件：请选择 Excel 工作簿（.xlsx）`);
  const loaded = await loadXlsx(file);
  if (!loaded.ok) return loaded;
  const out: LibraryImport = { entries: [], skipped: [] };
  let found = false;
  loaded.value.eachSheet((ws) => {
    const header = findHeader(ws);
    if (!header) return;
    found = true;
    for (let r = header.row + 1; r <= ws.rowCount; r++) {
      const cell = (field: Field) => {
        const col = header.columns.get(field);
        return col === undefined ? '' : ws.getRow(r).getCell(col).text.trim();
      };
      const name = cell('name');
      const rest = [cell('level1'), cell('level2'), cell('target'), cell('ruleText')];
      if (name === '') {
        if (rest.some((t) => t !== '')) out.skipped.push(`${ws.name} 第 ${r} 行：没有三级指标名称，未读入`);
        continue;
      }
      if ([name, ...rest].some((t) => t.length > 2000)) {
        out.skipped.push(`${ws.name} 第 ${r} 行：文字超过 2000 字，不像指标，未读入`);
        continue;
      }
      const uses = Number(cell('uses'));
      out.entries.push({
        name,
        level1: rest[0] ?? '',
        level2: rest[1] ?? '',
        target: rest[2] ?? '',
        ruleText: rest[3] ?? '',
        origin: 'imported',
        uses: Number.isInteger(uses) && uses > 0 ? uses : 0,
      });
    }
  });
  if (!found) {
    return excelFail(
      'no-form-found',
      '没有找到指标库：工作表中应有一行表头，含“三级指标”（或“指标名称”）列，可另有一级指标、二级指标、指标值、评分标准',
    );
  }
  return excelOk(out);
}

/** The first row (of the first 20) naming the 三级指标 column; the other columns by their titles. */
function findHeader(ws: ExcelJS.Worksheet): { row: number; columns: Map<Field, number> } | null {
  for (let r = 1; r <= Math.min(ws.rowCount, 20); r++) {
    const columns = new Map<Field, number>();
    ws.getRow(r).eachCell((cell, col) => {
      const title = normalizeTitle(cell.text);
      const column = COLUMNS.find((c) => c.title === title || c.aliases.includes(title));
      if (column && !columns.has(column.field)) columns.set(column.field, col);
    });
    if (columns.has('name')) return { row: r, columns };
  }
  return null;
}
