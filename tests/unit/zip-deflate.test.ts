/**
 * The export's zip: exceljs writes it stored, zlib deflates every entry. The result must hold
 * exactly the same parts (names, bytes, order), smaller, each deflated with a matching CRC, and
 * read back by exceljs and by an independent zip reader; what is not a stored zip is refused.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deflateStoredZip, xlsxBytes } from '../../electron/services/excel/zip-deflate';
import { readZipEntries, zipEntryData } from '../../electron/services/excel/zip-entries';

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const name of ['汇总表', '大气污染防治资金']) {
    const ws = wb.addWorksheet(name);
    for (let r = 1; r <= 200; r++) ws.addRow([`第${r}行`, r * 1.25, '达成预期指标', '=不是公式']);
    ws.mergeCells('A1:B3');
  }
  return wb;
}

describe('zip written by zlib', () => {
  it('holds the same parts as exceljs wrote, smaller, each deflated with its CRC', async () => {
    const stored = Buffer.from(
      (await workbook().xlsx.writeBuffer({ zip: { compression: 'STORE' } })) as ArrayBuffer,
    );
    const zipped = deflateStoredZip(stored);
    expect(zipped.length).toBeLessThan(stored.length / 3);

    const before = readZipEntries(stored, 1000);
    const after = readZipEntries(zipped, 1000);
    expect(after.map((e) => e.name)).toEqual(before.map((e) => e.name));
    for (const [i, e] of after.entries()) {
      const original = zipEntryData(stored, before[i]!);
      const data = e.method === 8 ? inflateRawSync(zipEntryData(zipped, e)) : zipEntryData(zipped, e);
      expect(data.equals(original)).toBe(true);
      expect(e.crc).toBe(crc32(data));
      expect(e.size).toBe(data.length);
      expect(e.flags & 0x8).toBe(0); // sizes in the header, no data descriptor
    }
    expect(after.filter((e) => e.method === 8).length).toBeGreaterThan(after.length / 2);

    // An independent reader finds every part.
    const zip = await JSZip.loadAsync(zipped);
    const sheet = await zip.file('xl/worksheets/sheet2.xml')?.async('string');
    expect(sheet).toContain('<mergeCell ref="A1:B3"/>');
  });

  it('exceljs reads the workbook back cell for cell', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsxBytes(workbook())) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('大气污染防治资金');
    expect(ws?.rowCount).toBe(200);
    expect(ws?.getCell('A200').value).toBe('第200行');
    expect(ws?.getCell('B200').value).toBe(250);
    expect(ws?.getCell('D7').value).toBe('=不是公式');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总表', '大气污染防治资金']);
  });

  it('refuses a zip that is already compressed, or one whose CRC does not match its bytes', async () => {
    const deflated = Buffer.from((await workbook().xlsx.writeBuffer()) as ArrayBuffer);
    expect(() => deflateStoredZip(deflated)).toThrow(/不是未压缩的/);
    const stored = Buffer.from(
      (await workbook().xlsx.writeBuffer({ zip: { compression: 'STORE' } })) as ArrayBuffer,
    );
    const first = readZipEntries(stored, 1000)[0]!;
    const data = zipEntryData(stored, first);
    data[0] = data[0]! ^ 0xff; // the bytes change, the directory's CRC does not
    expect(() => deflateStoredZip(stored)).toThrow(/校验值不符/);
    expect(() => deflateStoredZip(Buffer.from('不是 zip 文件'))).toThrow(/找不到 zip 目录/);
  });
});
