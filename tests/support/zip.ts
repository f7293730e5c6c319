/**
 * A minimal zip writer for tests that need files exceljs would never write: zip bombs, sizes that
 * lie, 100,000-row sheets, broken XML. Entries are deflated unless `stored`.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** Uncompressed size written in the headers; defaults to the true size (a lie makes a bomb). */
  declaredSize?: number;
  /** The name as raw bytes (overrides `name`), and no UTF-8 flag: for names in other encodings. */
  rawName?: Buffer;
  /** Extra fields of the directory entry (e.g. an Info-ZIP Unicode Path, 0x7075). */
  extra?: Buffer;
  /** Written as is (method 0) rather than deflated. */
  stored?: boolean;
}

function record(length: number, fields: Array<[number, 2 | 4, number]>): Buffer {
  const buf = Buffer.alloc(length);
  for (const [at, bytes, value] of fields) {
    if (bytes === 2) buf.writeUInt16LE(value, at);
    else buf.writeUInt32LE(value, at);
  }
  return buf;
}

export function makeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = e.rawName ?? Buffer.from(e.name, 'utf8');
    const extra = e.extra ?? Buffer.alloc(0);
    const body = e.stored ? e.data : deflateRawSync(e.data);
    const size = e.declaredSize ?? e.data.length;
    const crc = crc32(e.data);
    // The local and central headers share these fields, 16 bytes apart (zip format, APPNOTE 4.3).
    const common = (at: number): Array<[number, 2 | 4, number]> => [
      [at, 2, 20],
      [at + 2, 2, e.rawName ? 0 : 0x0800],
      [at + 4, 2, e.stored ? 0 : 8],
      [at + 10, 4, crc],
      [at + 14, 4, body.length],
      [at + 18, 4, size],
      [at + 22, 2, name.length],
    ];
    const local = record(30, [[0, 4, 0x04034b50], ...common(4)]);
    const central = record(46, [
      [0, 4, 0x02014b50],
      [4, 2, 20],
      ...common(6),
      [30, 2, extra.length],
      [42, 4, offset],
    ]);
    locals.push(local, name, body);
    centrals.push(central, name, extra);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = record(22, [
    [0, 4, 0x06054b50],
    [8, 2, entries.length],
    [10, 2, entries.length],
    [12, 4, cd.length],
    [16, 4, offset],
  ]);
  return Buffer.concat([...locals, cd, end]);
}

/** The smallest .xlsx Excel opens: one sheet whose XML is given. */
export function minimalXlsx(sheetXml: string | Buffer, extra: ZipEntry[] = []): Buffer {
  return makeZip(minimalXlsxEntries(sheetXml, extra));
}

/** The entries of minimalXlsx, for tests that rename or replace one. */
export function minimalXlsxEntries(sheetXml: string | Buffer, extra: ZipEntry[] = []): ZipEntry[] {
  const text = (name: string, s: string): ZipEntry => ({ name, data: Buffer.from(s, 'utf8') });
  return [
    text(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    text(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    text(
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    text(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    {
      name: 'xl/worksheets/sheet1.xml',
      data: typeof sheetXml === 'string' ? Buffer.from(sheetXml, 'utf8') : sheetXml,
    },
    ...extra,
  ];
}

/** A worksheet's XML with `rows` rows of `cols` numbers each. */
export function sheetXmlWithRows(rows: number, cols = 1): string {
  const letter = (c: number): string =>
    (c < 26 ? '' : letter(Math.floor(c / 26) - 1)) + String.fromCharCode(65 + (c % 26));
  const cells = (r: number) =>
    Array.from({ length: cols }, (_, c) => `<c r="${letter(c)}${r}"><v>${r + c}</v></c>`).join('');
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  for (let r = 1; r <= rows; r++) parts.push(`<row r="${r}">${cells(r)}</row>`);
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}
