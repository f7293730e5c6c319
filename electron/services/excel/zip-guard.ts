/**
 * Checks an .xlsx file before exceljs sees it, so that a hostile or huge file is refused in
 * seconds without filling memory: reads the zip's central directory itself, refuses too many or
 * too large entries and suspicious compression ratios, then inflates each entry with an output
 * cap (a size the directory lies about is caught too) and counts the rows of every worksheet.
 */
import { inflateRawSync } from 'node:zlib';
import { ExcelFailure } from './errors';
import {
  LOCAL,
  readZipEntries,
  zipDamaged as damaged,
  zipEntryData,
  zipTooLarge as tooLarge,
  type ZipEntry,
} from './zip-entries';

export const LIMITS = {
  fileBytes: 50 * 2 ** 20,
  entries: 2000,
  entryBytes: 32 * 2 ** 20,
  totalBytes: 128 * 2 ** 20,
  /** Uncompressed / compressed above this, for entries over 1 MiB, is a zip bomb. */
  ratio: 200,
  rowsPerSheet: 10_000,
  /** All sheets together: 1,000 forms take about 400,000; exceljs needs some hundred bytes each. */
  cells: 600_000,
} as const;

function inflateEntry(buf: Buffer, e: ZipEntry): Buffer {
  const data = zipEntryData(buf, e);
  if (e.method === 0) return data;
  if (e.method !== 8) throw damaged(`部件 ${e.name} 的压缩方式 ${e.method} 不受支持`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
  } catch (err) {
    if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw tooLarge(`部件 ${e.name} 解压后比声明的大，像是压缩炸弹`);
    throw damaged(`部件 ${e.name} 无法解压`);
  }
}

/** Occurrences of an element in XML, with or without a namespace prefix (<row …>, <x:row …>), without copying it into a string. */
function countTags(xml: Buffer, tag: string): number {
  let n = 0;
  for (const open of [`<${tag} `, `<${tag}>`, `:${tag} `, `:${tag}>`]) {
    const needle = Buffer.from(open, 'latin1');
    for (let at = xml.indexOf(needle); at >= 0; at = xml.indexOf(needle, at + needle.length)) n++;
  }
  return n;
}

/** Throws ExcelFailure when the file must not be handed to exceljs; returns rows per worksheet. */
export function guardXlsx(buf: Buffer): Map<string, number> {
  if (buf.length > LIMITS.fileBytes) throw tooLarge(`${(buf.length / 2 ** 20).toFixed(1)} MB`);
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0)
    throw new ExcelFailure(
      'not-xlsx',
      '这是旧版 Excel 97-2003（.xls）文件：请在 Excel 或 WPS 中另存为 .xlsx 后再导入',
    );
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL)
    throw new ExcelFailure('not-xlsx', '不是 .xlsx 文件（不是 Excel 2007 及以后的格式）：请选择 .xlsx 文件');
  const entries = readZipEntries(buf, LIMITS.entries);
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (e.size > LIMITS.entryBytes)
      throw tooLarge(`部件 ${e.name} 解压后 ${(e.size / 2 ** 20).toFixed(0)} MB`);
    if (e.size > 2 ** 20 && e.size / Math.max(1, e.compressed) > LIMITS.ratio)
      throw tooLarge(
        `部件 ${e.name} 压缩比 ${Math.round(e.size / Math.max(1, e.compressed))}:1，像是压缩炸弹`,
      );
  }
  if (total > LIMITS.totalBytes) throw tooLarge(`解压后共 ${(total / 2 ** 20).toFixed(0)} MB`);
  if (!entries.some((e) => e.name === 'xl/workbook.xml'))
    throw new ExcelFailure('not-xlsx', '不是 Excel 工作簿（缺少 xl/workbook.xml）：请选择 .xlsx 文件');
  const rows = new Map<string, number>();
  let cells = 0;
  for (const e of entries) {
    const data = inflateEntry(buf, e);
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) continue;
    const n = countTags(data, 'row');
    if (n > LIMITS.rowsPerSheet)
      throw tooLarge(`工作表 ${e.name.slice(14)} 有 ${n} 行，超过 ${LIMITS.rowsPerSheet} 行`);
    rows.set(e.name, n);
    cells += countTags(data, 'c');
    if (cells > LIMITS.cells) throw tooLarge(`单元格超过 ${LIMITS.cells} 个`);
  }
  return rows;
}
