/**
 * The app's many-units calls (#22) through the contract: 'units/scan' reports each file as a job
 * (stage 'scan'), stops on 'export/cancel', needs no open document; 'units/exportXlsx' writes the
 * overview's workbook (单位, 表格, 未读入) read back here.
 */
import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExportJobProgress, UnitsOverview } from '../../shared/contract';
import { AppService } from '../../electron/services/handlers';
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
});
