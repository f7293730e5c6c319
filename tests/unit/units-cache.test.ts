/**
 * The rescan cache of the many-units overview (#22): a rescan reads only the files whose size or
 * mtime changed and gives the same rows; a cancelled scan keeps what it read; entries of files gone
 * are dropped and the entries held to a bound; a damaged cache or a
 * data folder where no cache can be kept only makes the scan read every file.
 */
import Database from 'better-sqlite3';
import { mkdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reviewFilePath, saveReviewFile } from '../../electron/services/document-store/review-store';
import { MAX_ENTRIES, scanUnitsCached, UNITS_CACHE_FILE } from '../../electron/services/units/units-cache';
import { getLayout } from '../../shared/layouts/definitions';
import { scoreForm } from '../../shared/scoring/form';
import { writeDocumentFile } from '../support/document-file';
import { generatedDocument } from '../support/documents';
import { status } from '../support/review-items';
import { useTempDir } from '../support/temp-dir';

const tmp = useTempDir('ziping-units-cache-');

/** The files the cache of a data folder holds entries for (read from its SQLite file). */
function cachedPaths(dataDir: string): string[] {
  const db = new Database(join(dataDir, UNITS_CACHE_FILE), { readonly: true });
  try {
    return db.prepare('SELECT path FROM entries').pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('rescan cache', { timeout: 120_000 }, () => {
  let units: string;
  let data: string;
  const unitFile = (i: number) => join(units, `单位${i}.ziping`);
  const unitDoc = (i: number, seed = i) => {
    const doc = generatedDocument(2, 3, 'national', seed);
    doc.meta.unit = `单位${i}`;
    return doc;
  };
  beforeAll(() => {
    units = join(tmp(), '各单位');
    data = join(tmp(), 'data');
    mkdirSync(units, { recursive: true });
    for (let i = 1; i <= 4; i++) writeDocumentFile(unitFile(i), unitDoc(i), join(tmp(), 'making'));
    writeFileSync(join(units, '坏的.ziping'), 'not a database');
  });

  it('reads every file once; a rescan with nothing changed reads none and gives the same rows', async () => {
    const first = await scanUnitsCached([units], { dataDir: data });
    expect(first.readsFromDisk).toBe(5);
    expect(first.scan.units).toHaveLength(4);
    expect(first.scan.failed).toHaveLength(1);
    const again = await scanUnitsCached([units], { dataDir: data });
    expect(again.readsFromDisk).toBe(0);
    expect(again.scan).toEqual(first.scan);
    // The overview leaves the indicator lines out; the units and forms are the same.
    const overview = await scanUnitsCached([units], { dataDir: data, indicators: false });
    expect(overview.readsFromDisk).toBe(0);
    expect(overview.scan.indicators).toEqual([]);
    expect(overview.scan.forms).toEqual(first.scan.forms);
  });

  it('entries the overview kept without indicator lines are read again for a scan that wants them', async () => {
    const fresh = join(tmp(), 'data-overview');
    const overview = await scanUnitsCached([units], { dataDir: fresh, indicators: false });
    expect(overview.readsFromDisk).toBe(5);
    expect(overview.scan.indicators).toEqual([]);
    const full = await scanUnitsCached([units], { dataDir: fresh });
    // The four documents again (now with their lines); the bad file's reason was kept.
    expect(full.readsFromDisk).toBe(4);
    expect(full.scan.indicators).toHaveLength(4 * 2 * 3);
    expect((await scanUnitsCached([units], { dataDir: fresh })).readsFromDisk).toBe(0);
  });

  it('reads again a file whose mtime changed, and one whose content changed', async () => {
    await scanUnitsCached([units], { dataDir: data });
    utimesSync(unitFile(1), new Date(), new Date(Date.now() + 5000));
    expect((await scanUnitsCached([units], { dataDir: data })).readsFromDisk).toBe(1);
    const changed = unitDoc(2, 99);
    const next = join(tmp(), '新的.ziping');
    writeDocumentFile(next, changed, join(tmp(), 'making'));
    renameSync(next, unitFile(2));
    const rescan = await scanUnitsCached([units], { dataDir: data });
    expect(rescan.readsFromDisk).toBe(1);
    const layout = getLayout('national');
    expect(rescan.scan.forms.filter((f) => f.unit === '单位2').map((f) => f.score)).toEqual(
      changed.forms.map((f) => scoreForm(f, layout, true).total),
    );
  });

  it('counts 审核状态 from the review file beside a document; a changed review file is read again', async () => {
    const fresh = join(tmp(), 'data-review');
    const before = await scanUnitsCached([units], { dataDir: fresh });
    expect(before.scan.units.find((u) => u.unit === '单位3')).toMatchObject({
      待审核: 0,
      已审核: 0,
      退回修改: 0,
    });
    const reviewFile = reviewFilePath(unitFile(3));
    saveReviewFile(reviewFile, [status('f1', '已审核'), status('f2', '退回修改', '指标值不明确')], {
      unit: '单位3',
      year: 2024,
    });
    const after = await scanUnitsCached([units], { dataDir: fresh });
    // Only that unit is read again: its document did not change, its review file did.
    expect(after.readsFromDisk).toBe(1);
    expect(after.scan.units.find((u) => u.unit === '单位3')).toMatchObject({
      待审核: 0,
      已审核: 1,
      退回修改: 1,
    });
    expect(after.scan.forms.filter((f) => f.unit === '单位3').map((f) => f.status)).toEqual([
      '已审核',
      '退回修改',
    ]);
    rmSync(reviewFile);
  });

  it('取消 stops the reads; what was read stays cached', async () => {
    const fresh = join(tmp(), 'data-cancel');
    const stop = new AbortController();
    const seen: Array<[number, number]> = [];
    await expect(
      scanUnitsCached([units], {
        dataDir: fresh,
        signal: stop.signal,
        onProgress: (done, total) => {
          seen.push([done, total]);
          if (done === 2) stop.abort(new Error('已取消'));
        },
      }),
    ).rejects.toThrow('已取消');
    // Reads already answered when 取消 came are counted and kept; the rest were stopped.
    const read = seen.at(-1)?.[0] ?? 0;
    expect(read).toBeGreaterThanOrEqual(2);
    expect(read).toBeLessThan(5);
    expect(seen).toEqual(Array.from({ length: read + 1 }, (_, i) => [i, 5]));
    expect((await scanUnitsCached([units], { dataDir: fresh })).readsFromDisk).toBe(5 - read);
  });

  it('drops the entries of files that are gone from a scanned folder, and keeps other folders’', async () => {
    const fresh = join(tmp(), 'data-gone');
    const other = join(tmp(), '其他单位');
    mkdirSync(other);
    writeDocumentFile(join(other, '丙.ziping'), unitDoc(7), join(tmp(), 'making'));
    const extra = join(units, '临时单位.ziping');
    writeDocumentFile(extra, unitDoc(8), join(tmp(), 'making'));
    await scanUnitsCached([units], { dataDir: fresh });
    await scanUnitsCached([other], { dataDir: fresh });
    expect(cachedPaths(fresh)).toContain(extra);
    rmSync(extra);
    const rescan = await scanUnitsCached([units], { dataDir: fresh });
    expect(rescan.readsFromDisk).toBe(0);
    expect(rescan.scan.units.map((u) => u.file)).not.toContain(extra);
    expect(cachedPaths(fresh)).not.toContain(extra);
    expect(cachedPaths(fresh)).toContain(join(other, '丙.ziping'));
    expect(cachedPaths(fresh)).toHaveLength(6);
  });

  it('holds at most its bound of entries; the scan still gives every row', async () => {
    const fresh = join(tmp(), 'data-bound');
    const first = await scanUnitsCached([units], { dataDir: fresh, maxEntries: 3 });
    expect(first.scan.units).toHaveLength(4);
    expect(cachedPaths(fresh)).toHaveLength(3);
    const again = await scanUnitsCached([units], { dataDir: fresh, maxEntries: 3 });
    expect(again.readsFromDisk).toBe(2);
    expect(again.scan).toEqual(first.scan);
    expect(cachedPaths(fresh)).toHaveLength(3);
    expect(MAX_ENTRIES).toBe(20_000);
  });

  it('a damaged cache starts afresh; where no cache can be kept every file is read', async () => {
    const damaged = join(tmp(), 'data-damaged');
    mkdirSync(damaged);
    writeFileSync(join(damaged, UNITS_CACHE_FILE), 'not a database at all, just text');
    const r = await scanUnitsCached([units], { dataDir: damaged });
    expect(r.scan.units).toHaveLength(4);
    expect((await scanUnitsCached([units], { dataDir: damaged })).readsFromDisk).toBe(0);
    // A data folder below a file: no cache, the same rows.
    const blocked = join(tmp(), 'a-file');
    writeFileSync(blocked, '');
    const without = await scanUnitsCached([units], { dataDir: join(blocked, 'data') });
    expect(without.scan.units.map((u) => u.unit)).toEqual(r.scan.units.map((u) => u.unit));
  });
});
