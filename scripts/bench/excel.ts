/**
 * Excel speed: export of a 64-form document (the size of a real city bureau) beside exceljs
 * writing the same cell values with no layout work (no styles, merges, heights, page set-up,
 * checks or hidden data), and import of the exported file.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportDocument } from '../../electron/services/excel/export';
import { xlsxBytes } from '../../electron/services/excel/zip-deflate';
import { DATA_SHEET } from '../../electron/services/excel/hidden-data';
import { importXlsx } from '../../electron/services/excel/import';
import { generatedDocument } from '../../tests/support/documents';
import { performance } from 'node:perf_hooks';
import { figureOf, measureAsync, type Figure } from './measure';

const RUNS = 10;

type Rows = Array<{ name: string; rows: ExcelJS.CellValue[][] }>;

/** The values of every visible sheet of a workbook, row by row. */
async function valuesOf(file: string): Promise<Rows> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets
    .filter((ws) => ws.name !== DATA_SHEET)
    .map((ws) => {
      const rows: ExcelJS.CellValue[][] = [];
      ws.eachRow({ includeEmpty: true }, (row) => {
        const values: ExcelJS.CellValue[] = [];
        row.eachCell((cell, c) => {
          if (cell.type !== ExcelJS.ValueType.Merge) values[c - 1] = cell.value;
        });
        rows.push(values);
      });
      return { name: ws.name, rows };
    });
}

async function bareWrite(sheets: Rows, file: string, fast = false): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const values of sheet.rows) ws.addRow(values);
  }
  writeFileSync(file, fast ? await xlsxBytes(wb) : new Uint8Array(await wb.xlsx.writeBuffer()));
}

export async function benchExcel(): Promise<{ figures: Figure[]; note: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ziping-bench-xlsx-'));
  try {
    const doc = generatedDocument(64, 30, 'national');
    const file = path.join(dir, '六十四表.xlsx');
    const exported = async () => {
      const r = await exportDocument(doc, file, { draft: true });
      if (!r.ok) throw new Error(r.error.message);
    };
    // Export and the bare write run in turns, so that a busy machine slows both alike.
    await exported();
    const sheets = await valuesOf(file);
    const bare = path.join(dir, 'bare.xlsx');
    await bareWrite(sheets, bare);
    const times: [number[], number[], number[]] = [[], [], []];
    for (let i = 0; i < RUNS; i++) {
      let t0 = performance.now();
      await exported();
      times[0].push(performance.now() - t0);
      t0 = performance.now();
      await bareWrite(sheets, bare);
      times[1].push(performance.now() - t0);
      t0 = performance.now();
      await bareWrite(sheets, bare, true);
      times[2].push(performance.now() - t0);
    }
    const figures: Figure[] = [
      figureOf('导出：64 张表 × 30 个指标（审核、表样、汇总表、隐藏数据、原子写入）', times[0], '≤ 3 s'),
      figureOf('对照：exceljs 直接写同样的单元格值（无样式、合并、页面设置；默认压缩）', times[1]),
      figureOf('对照：同上，与导出相同的压缩方式（不压缩写出，再用 zlib 压缩）', times[2]),
    ];
    const bareFigure = figures[1] as Figure;
    const size = statSync(file).size;
    figures.push(
      await measureAsync(
        '导入：上面导出的文件（安全检查、读入、核对指纹、还原 64 张表）',
        RUNS,
        async () => {
          const r = await importXlsx(file);
          if (!r.ok || r.value.forms.length !== 64) throw new Error('import failed');
        },
        '≤ 3 s',
      ),
    );
    // The same workbook without its hidden data: every sheet read by its printed titles.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const hidden = wb.getWorksheet(DATA_SHEET);
    if (hidden) wb.removeWorksheet(hidden.id);
    const plain = path.join(dir, 'plain.xlsx');
    await wb.xlsx.writeFile(plain);
    figures.push(
      await measureAsync('导入：同一文件去掉隐藏数据（64 张表全部按表头读单元格）', 5, async () => {
        const r = await importXlsx(plain);
        if (!r.ok || r.value.forms.length !== 64) throw new Error('import failed');
      }),
    );
    const ratio = (figures[0]?.median ?? 0) / bareFigure.median;
    const sameLevel = (figures[0]?.median ?? 0) / (figures[2]?.median ?? 1);
    return {
      figures,
      note: `文件 ${(size / 2 ** 20).toFixed(2)} MiB；导出 / exceljs 直接写 = ${ratio.toFixed(2)} 倍（目标 ≤ 1.5 倍），同压缩方式 ${sameLevel.toFixed(2)} 倍`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
