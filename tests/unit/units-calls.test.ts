/**
 * The app's many-units calls (#22) through the contract: 'units/scan' reports each file as a job
 * (stage 'scan'), stops on 'export/cancel', needs no open document; 'units/exportXlsx' writes the
 * overview's workbook (单位, 表格, 未读入) read back here; a workbook unit's 审核状态 counts are
 * unknown ("—" with a note), not 0.
 */
import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExportJobProgress, UnitsOverview } from '../../shared/contract';
import { AppService } from '../../electron/services/handlers';
import { exportDocument } from '../../electron/services/excel/export';
import { overviewTotals } from '../../shared/units/units-overview';
import type { UnitRow } from '../../shared/units/unit-summary';
import { writeDocumentFile } from '../support/document-file';
import { generatedDocument } from '../support/documents';
import { useTempDir } from '../support/temp-dir';

const tmp = useTempDir('ziping-units-calls-');

describe('units/scan and units/exportXlsx', { timeout: 120_000 }, () => {
  let units: string;
  beforeAll(() => {
    units = join(tmp(), '各单位');
    mkdirSync(units);
    for (let i = 1; i <= 3; i++) {
      const doc = generatedDocument(i, 3, 'national', i);
      doc.meta.unit = `单位${i}`;
      writeDocumentFile(join(units, `单位${i}.ziping`), doc, join(tmp(), 'making'));
    }
    writeFileSync(join(units, '坏的.xlsx'), 'not a workbook');
  });

  it('scans with progress and no open document; a rescan reads nothing', async () => {
    const app = new AppService(join(tmp(), 'data'));
    const steps: ExportJobProgress[] = [];
    const r = await app.invoke(
      'units/scan',
      { paths: [units], jobId: 'scan-1' },
      { onProgress: (p) => steps.push(p) },
    );
    expect(r.ok).toBe(true);
    const overview = (r as { value: UnitsOverview }).value;
    expect(overview.units.map((u) => u.unit)).toEqual(['单位1', '单位2', '单位3']);
    expect(overview.forms).toHaveLength(6);
    expect(overview.failed.map((f) => f.file)).toEqual([join(units, '坏的.xlsx')]);
    expect(steps.map((s) => [s.stage, s.done, s.total])).toEqual([0, 1, 2, 3, 4].map((d) => ['scan', d, 4]));
    const again = await app.invoke('units/scan', { paths: [units] });
    expect((again as { value: UnitsOverview }).value.readsFromDisk).toBe(0);
  });

  it('取消: export/cancel with the job id stops the scan', async () => {
    const app = new AppService(join(tmp(), 'data-cancel'));
    const scan = app.invoke(
      'units/scan',
      { paths: [units], jobId: 'scan-2' },
      {
        onProgress: (p) => {
          if (p.done === 1)
            expect(app.call('export/cancel', { jobId: 'scan-2' })).toEqual({
              ok: true,
              value: { cancelled: true },
            });
        },
      },
    );
    expect(await scan).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(app.call('export/progress', { jobId: 'scan-2' })).toEqual({ ok: true, value: null });
  });

  it('exports the overview: units sheet, all-forms sheet, files not read', async () => {
    const app = new AppService(join(tmp(), 'data'));
    const out = join(tmp(), '总览.xlsx');
    expect(await app.invoke('units/exportXlsx', { paths: [units], path: out })).toEqual({
      ok: true,
      value: { path: out, units: 3, forms: 6 },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['单位', '表格', '未读入']);
    expect(wb.getWorksheet('表格')?.rowCount).toBe(7);
    expect(wb.getWorksheet('单位')?.getRow(4).getCell(1).text).toBe('单位3');
    const missing = await app.invoke('units/scan', { paths: [join(tmp(), '没有')] });
    expect((missing as { value: UnitsOverview }).value.failed).toEqual([
      { file: join(tmp(), '没有'), reason: '找不到该文件或文件夹' },
    ]);
    const empty = join(tmp(), '空文件夹');
    mkdirSync(empty);
    expect(await app.invoke('units/scan', { paths: [empty] })).toMatchObject({
      ok: false,
      error: {
        code: 'not-found',
        message: expect.stringMatching(/没有找到 \.ziping 文档或 \.xlsx 工作簿/) as unknown,
      },
    });
  });

  it('a workbook’s 审核状态 counts are unknown: null in the overview, "—" with a note in the export', async () => {
    const mixed = join(tmp(), '混合');
    mkdirSync(mixed);
    const doc = generatedDocument(2, 3, 'national', 5);
    doc.meta.unit = '文档单位';
    writeDocumentFile(join(mixed, '文档单位.ziping'), doc, join(tmp(), 'making'));
    const book = generatedDocument(2, 3, 'national', 6);
    book.meta.unit = '表格单位';
    const exported = await exportDocument(book, join(mixed, '表格单位.xlsx'), { draft: true });
    if (!exported.ok) throw new Error(exported.error.message);
    const app = new AppService(join(tmp(), 'data-mixed'));
    const r = await app.invoke('units/scan', { paths: [mixed] });
    const { units: rows } = (r as { value: UnitsOverview }).value;
    const reviews = (u: UnitRow | undefined) => [u?.待审核, u?.已审核, u?.退回修改];
    expect(rows.map((u) => [u.unit, ...reviews(u)])).toEqual([
      ['表格单位', null, null, null],
      ['文档单位', 0, 0, 0],
    ]);
    // The totals count the units that record a status; none recording one: unknown.
    expect(reviews(overviewTotals(rows))).toEqual([0, 0, 0]);
    expect(reviews(overviewTotals(rows.filter((u) => u.unit === '表格单位')))).toEqual([null, null, null]);

    const out = join(tmp(), '混合总览.xlsx');
    expect(await app.invoke('units/exportXlsx', { paths: [mixed], path: out })).toMatchObject({ ok: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet('单位');
    const titles = (sheet?.getRow(1).values as unknown[]).slice(1);
    const at = (title: string) => titles.indexOf(title) + 1;
    const noteText = (note: ExcelJS.Cell['note'] | undefined) =>
      typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
    for (const title of ['待审核', '已审核', '退回修改']) {
      const document = sheet?.getRow(3).getCell(at(title));
      expect(document?.value).toBe(0);
      const workbook = sheet?.getRow(2).getCell(at(title));
      expect([workbook?.value, noteText(workbook?.note)]).toEqual(['—', '审核状态只记在 .ziping 文档里']);
    }
  });
});
