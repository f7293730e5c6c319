/**
 * Checks an .xlsx file before exceljs sees it, so that a hostile or huge file is refused in
 * seconds without filling memory: reads the zip's central directory itself, refuses too many or
 * too large entries and suspicious compression ratios, then inflates every entry as a stream
 * with an output cap (a size the directory lies about is caught too) and counts, as an XML
 * parser reads it, what exceljs would build from it (xml-tally.ts). Every entry is measured,
 * whatever its name: exceljs inflates every entry into a string and picks parts by unanchored
 * patterns, so limits tied to names could be walked around (`/xl/…`, `xl\…`, other cases).
 *
 * The limits keep the worst file they accept within 10 s and 400 MB for exceljs and the readers
 * (tests/adversarial/xlsx-guard.test.ts measures it).
 */
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { ExcelFailure } from './errors';
import { type PartTally, XmlTally } from './xml-tally';
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
  /**
   * Uncompressed, per entry and in total (also shared strings, styles, drawings, media): exceljs
   * turns every entry into a string. 350 exported forms take ≈ 7 MB.
   */
  entryBytes: 16 * 2 ** 20,
  totalBytes: 32 * 2 ** 20,
  /** Uncompressed / compressed above this, for entries over 1 MiB, is a zip bomb. */
  ratio: 200,
  rowsPerSheet: 10_000,
  /**
   * What exceljs builds, all parts together, in cells: a written cell or a cell a merge covers
   * is 1 (a merge over written cells counts them twice, simple and on the safe side), a shared
   * string ½, a cell a data validation or defined name covers ⅕ (measured: ≈ 0.8, 0.4 and
   * 0.15 kB). The worst file within all these limits (long unique text in every cell, and
   * sheets formatted to the last column) peaks at ≈ 350 MB; a form of 30 indicators as exported costs ≈ 560, so ≈ 350 forms fit in one
   * workbook (a city bureau's year is 64).
   */
  cells: 200_000,
  /** exceljs checks each merge against every earlier one of its sheet. */
  mergesPerSheet: 2_000,
  /**
   * Columns exceljs makes for `<col max>`, all sheets together (≈ 0.17 kB each): 18 sheets
   * formatted to the last column (16,384), ≈ 50 MB on top of the cells.
   */
  columns: 300_000,
  /** XML elements of all parts: each is an event and mostly an object in exceljs. */
  elements: 1_000_000,
  /** Rows × columns a sheet reaches, and all sheets together: the readers look at every position. */
  sheetArea: 1_000_000,
  area: 4_000_000,
} as const;

const INFLATE_CHUNK = 64 * 1024;

function* slices(data: Buffer): Generator<Buffer> {
  for (let at = 0; at < data.length; at += INFLATE_CHUNK) yield data.subarray(at, at + INFLATE_CHUNK);
}

/** The entry's uncompressed bytes, streamed; never more than it declares. */
async function* inflated(buf: Buffer, e: ZipEntry): AsyncGenerator<Buffer> {
  const data = zipEntryData(buf, e);
  const overDeclared = () => tooLarge(`部件 ${e.readerName} 解压后比声明的大，像是压缩炸弹`);
  if (e.method === 0) {
    // Stored: JSZip takes the directory's compressed size, which must not pass the declared one.
    if (data.length > e.size) throw overDeclared();
    return yield* slices(data);
  }
  if (e.method !== 8) throw damaged(`部件 ${e.readerName} 的压缩方式 ${e.method} 不受支持`);
  const inflater = createInflateRaw({ chunkSize: INFLATE_CHUNK });
  Readable.from(slices(data)).pipe(inflater);
  let out = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      out += chunk.length;
      if (out > e.size) throw overDeclared();
      yield chunk;
    }
  } catch (err) {
    if (err instanceof ExcelFailure) throw err;
    throw damaged(`部件 ${e.readerName} 无法解压`);
  } finally {
    inflater.destroy();
  }
}

function checkDirectory(entries: ZipEntry[]): void {
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (e.size > LIMITS.entryBytes)
      throw tooLarge(`部件 ${e.readerName} 解压后 ${(e.size / 2 ** 20).toFixed(0)} MB`);
    if (e.size > 2 ** 20 && e.size / Math.max(1, e.compressed) > LIMITS.ratio)
      throw tooLarge(
        `部件 ${e.readerName} 压缩比 ${Math.round(e.size / Math.max(1, e.compressed))}:1，像是压缩炸弹`,
      );
  }
  if (total > LIMITS.totalBytes) throw tooLarge(`解压后共 ${(total / 2 ** 20).toFixed(0)} MB`);
}

interface Totals {
  cells: number;
  columns: number;
  elements: number;
  area: number;
}

/** A part's share of the cells budget (LIMITS.cells). */
const cost = (t: PartTally) => t.cells + t.mergedCells + t.strings / 2 + t.rangeCells / 5;

/** Refuses as soon as one part, or all parts so far, pass a limit (checked per chunk). */
function checkTally(name: string, t: PartTally, before: Totals): void {
  const sheet = name.replace(/^.*\//, '');
  if (t.rows > LIMITS.rowsPerSheet) throw tooLarge(`工作表 ${sheet} 超过 ${LIMITS.rowsPerSheet} 行`);
  if (t.merges > LIMITS.mergesPerSheet)
    throw tooLarge(`工作表 ${sheet} 的合并单元格超过 ${LIMITS.mergesPerSheet} 处`);
  const over = (key: keyof Totals, value: number, what: string) => {
    if (before[key] + value > LIMITS[key]) throw tooLarge(`${what}超过 ${LIMITS[key]} 个`);
  };
  if (t.lastRow * t.lastCol > LIMITS.sheetArea)
    throw tooLarge(`工作表 ${sheet} 用到第 ${t.lastRow} 行、第 ${t.lastCol} 列，范围过大`);
  over('cells', cost(t), '单元格（含合并单元格、共享文本、数据验证和名称覆盖的单元格，折合）');
  over('columns', t.columns, '设置了格式的列');
  over('elements', t.elements, 'XML 元素');
  over('area', t.lastRow * t.lastCol, '工作表行数乘列数之和');
}

/**
 * An image exceljs keeps as bytes and never parses (its media pattern, with no other part's
 * pattern able to match such a name): its bytes are not XML (a PNG may hold `<!`), so not counted.
 */
const MEDIA = /^xl\/media\/[A-Za-z0-9]+\.(png|jpe?g|gif)$/;

/**
 * Throws ExcelFailure when the file must not be handed to exceljs; returns the rows of every part
 * that has rows (by the name exceljs sees it under).
 */
export async function guardXlsx(buf: Buffer): Promise<Map<string, number>> {
  if (buf.length > LIMITS.fileBytes) throw tooLarge(`${(buf.length / 2 ** 20).toFixed(1)} MB`);
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0)
    throw new ExcelFailure(
      'not-xlsx',
      '这是旧版 Excel 97-2003（.xls）文件：请在 Excel 或 WPS 中另存为 .xlsx 后再导入',
    );
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL)
    throw new ExcelFailure('not-xlsx', '不是 .xlsx 文件（不是 Excel 2007 及以后的格式）：请选择 .xlsx 文件');
  const entries = readZipEntries(buf, LIMITS.entries);
  checkDirectory(entries);
  if (!entries.some((e) => e.readerName === 'xl/workbook.xml'))
    throw new ExcelFailure('not-xlsx', '不是 Excel 工作簿（缺少 xl/workbook.xml）：请选择 .xlsx 文件');
  const rows = new Map<string, number>();
  const totals: Totals = { cells: 0, columns: 0, elements: 0, area: 0 };
  for (const e of entries) {
    const scan = new XmlTally(e.readerName);
    const media = MEDIA.test(e.readerName);
    for await (const chunk of inflated(buf, e)) {
      if (media) continue; // inflated all the same: the size caps hold for images too
      scan.feed(chunk);
      checkTally(e.readerName, scan.tally, totals);
    }
    const t = scan.tally;
    if (t.rows > 0) rows.set(e.readerName, t.rows);
    totals.cells += cost(t);
    totals.columns += t.columns;
    totals.elements += t.elements;
    totals.area += t.lastRow * t.lastCol;
  }
  return rows;
}
