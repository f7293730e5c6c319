/**
 * Writes a workbook's zip with Node's native deflate. exceljs compresses with a JavaScript
 * deflate that took about half of a 64-form export even at level 1 (BENCHMARKS.md); it writes
 * the zip stored instead, and every entry is deflated here by zlib, smaller and several times
 * faster. Each entry's CRC is checked against its bytes, so a zip this code misreads is refused
 * rather than rewritten wrong.
 */
import type ExcelJS from 'exceljs';
import { crc32, deflateRawSync } from 'node:zlib';
import { CENTRAL, EOCD, LOCAL, readZipEntries, zipEntryData } from './zip-entries';

/** zlib's default level: the file as small as exceljs's default, in a fraction of its time. */
const LEVEL = 6;
/** Bit 11 of the flags: names in UTF-8 (kept); bit 3 (sizes after the data) is not written. */
const UTF8_NAMES = 0x0800;

interface EntryFields {
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressed: number;
  size: number;
}

/** Flags … name length, as laid out in both the local header and the directory entry. */
function writeEntryFields(buf: Buffer, at: number, f: EntryFields, nameLength: number): void {
  buf.writeUInt16LE(f.flags, at);
  buf.writeUInt16LE(f.method, at + 2);
  buf.writeUInt16LE(f.time, at + 4);
  buf.writeUInt16LE(f.date, at + 6);
  buf.writeUInt32LE(f.crc, at + 8);
  buf.writeUInt32LE(f.compressed, at + 12);
  buf.writeUInt32LE(f.size, at + 16);
  buf.writeUInt16LE(nameLength, at + 20);
}

/** The same zip with every stored entry deflated (an entry that does not shrink stays stored). */
export function deflateStoredZip(stored: Buffer): Buffer {
  const entries = readZipEntries(stored, 0xfffe);
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    if (e.method !== 0 || e.compressed !== e.size) throw new Error(`zip 部件 ${e.name} 不是未压缩的`);
    const raw = zipEntryData(stored, e);
    if (crc32(raw) !== e.crc) throw new Error(`zip 部件 ${e.name} 的校验值不符`);
    const deflated = deflateRawSync(raw, { level: LEVEL });
    const [method, data] = deflated.length < raw.length ? [8, deflated] : [0, raw];
    const flags = e.flags & UTF8_NAMES;

    // The local header and the directory entry share these fields, the directory's 2 bytes later.
    const fields = {
      flags,
      method,
      time: e.time,
      date: e.date,
      crc: e.crc,
      compressed: data.length,
      size: e.size,
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    writeEntryFields(local, 6, fields, e.nameBytes.length);
    out.push(local, e.nameBytes, data);

    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(CENTRAL, 0);
    dir.writeUInt16LE(20, 4); // made by 2.0, MS-DOS
    dir.writeUInt16LE(20, 6);
    writeEntryFields(dir, 8, fields, e.nameBytes.length);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, e.nameBytes);
    offset += local.length + e.nameBytes.length + data.length;
  }
  const dirSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, ...central, end]);
}

/** The workbook as .xlsx bytes, zipped by zlib (by exceljs itself should that ever fail). */
export async function xlsxBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const stored = await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } });
  try {
    return new Uint8Array(deflateStoredZip(Buffer.from(stored as ArrayBuffer)));
  } catch {
    return new Uint8Array(
      await workbook.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } }),
    );
  }
}
