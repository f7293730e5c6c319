/**
 * The entries of a zip file, read from its central directory (the sizes there are the real ones,
 * also when a writer put them after the data). Used to check an .xlsx before exceljs reads it and
 * to re-compress what exceljs writes.
 */
import { crc32 } from 'node:zlib';
import { ExcelFailure } from './errors';

export interface ZipEntry {
  name: string;
  /** The name exceljs matches parts by (readerName): for messages and the workbook check. */
  readerName: string;
  /** The name as stored (for rewriting it unchanged). */
  nameBytes: Buffer;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  /** DOS time and date. */
  time: number;
  date: number;
  crc: number;
  compressed: number;
  size: number;
  localOffset: number;
}

export const EOCD = 0x06054b50;
export const CENTRAL = 0x02014b50;
export const LOCAL = 0x04034b50;

export const zipDamaged = (why: string) =>
  new ExcelFailure('damaged', `文件已损坏，无法读取（${why}）：请在 Excel 或 WPS 中打开后另存为 .xlsx 再试`);
export const zipTooLarge = (why: string) =>
  new ExcelFailure('too-large', `文件过大或异常（${why}），已拒绝读取：一份自评表不会这么大，请检查文件`);

export function readZipEntries(buf: Buffer, maxEntries: number): ZipEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw zipDamaged('找不到 zip 目录');
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw zipTooLarge('zip64 格式');
  if (count > maxEntries) throw zipTooLarge(`含 ${count} 个部件`);
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw zipDamaged('zip 目录不完整');
    const nameLength = buf.readUInt16LE(p + 28);
    const nameBytes = buf.subarray(p + 46, p + 46 + nameLength);
    const flags = buf.readUInt16LE(p + 8);
    const extra = buf.subarray(p + 46 + nameLength, p + 46 + nameLength + buf.readUInt16LE(p + 30));
    entries.push({
      name: nameBytes.toString('utf8'),
      readerName: readerName(nameBytes, flags, extra),
      nameBytes,
      flags,
      method: buf.readUInt16LE(p + 10),
      time: buf.readUInt16LE(p + 12),
      date: buf.readUInt16LE(p + 14),
      crc: buf.readUInt32LE(p + 16),
      compressed: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/** The Info-ZIP Unicode Path extra field (0x7075), used by JSZip when the name is not flagged UTF-8. */
function unicodePath(nameBytes: Buffer, extra: Buffer): string | null {
  for (let at = 0; at + 4 < extra.length; at += 4 + extra.readUInt16LE(at + 2)) {
    if (extra.readUInt16LE(at) !== 0x7075) continue;
    const field = extra.subarray(at + 4, at + 4 + extra.readUInt16LE(at + 2));
    if (field.length < 5 || field[0] !== 1 || field.readUInt32LE(1) !== crc32(nameBytes)) return null;
    return field.subarray(5).toString('utf8');
  }
  return null;
}

/**
 * The name under which exceljs sees an entry: JSZip takes the Unicode Path extra field when the
 * name is not flagged UTF-8, drops `.`, `..` and empty segments (utils.resolve), and exceljs then
 * strips one leading `/` (lib/xlsx/xlsx.js). exceljs matches case and `/` exactly; the guard
 * does not rely on names for its limits (it measures every part), only for messages and to read an
 * image under xl/media as bytes rather than XML (zip-guard's MEDIA).
 */
function readerName(nameBytes: Buffer, flags: number, extra: Buffer): string {
  const raw = (flags & 0x0800 ? null : unicodePath(nameBytes, extra)) ?? nameBytes.toString('utf8');
  const parts = raw.split('/');
  const kept: string[] = [];
  parts.forEach((part, i) => {
    if (part === '.' || (part === '' && i !== 0 && i !== parts.length - 1)) return;
    if (part === '..') kept.pop();
    else kept.push(part);
  });
  const name = kept.join('/');
  return name.startsWith('/') ? name.slice(1) : name;
}

/** The entry's bytes as stored in the file (still compressed when its method is 8). */
export function zipEntryData(buf: Buffer, e: ZipEntry): Buffer {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) throw zipDamaged(`部件 ${e.name} 位置不对`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + e.compressed);
  if (data.length < e.compressed) throw zipDamaged(`部件 ${e.name} 不完整`);
  return data;
}
