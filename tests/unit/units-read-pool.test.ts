/**
 * Many units' files read in the pool of worker threads (#22): a real folder of real .ziping
 * documents, an official-layout workbook, a corrupt file and a read-only one gives the same rows
 * as the in-process reader, writes nothing beside the files, and a cancelled scan stops its
 * workers. The pool also runs the bundled worker (as the desktop's service host starts it), a
 * worker that dies on a file lists that file and is replaced, and a worker script that is missing
 * fails every read with one Chinese message (not Node's per file).
 */
import { chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocument } from '../../electron/services/excel/export';
import { ReaderMissing, ReadPool, readWorkerEntry } from '../../electron/services/units/read-pool';
import { POOL_FROM, scanUnits } from '../../electron/services/units/scan-units';
import { buildElectron, ROOT } from '../../scripts/build-electron';
import { writeDocumentFile } from '../support/document-file';
import { generatedDocument } from '../support/documents';
import { useTempDir } from '../support/temp-dir';

const tmp = useTempDir('ziping-units-pool-');
/** With the workbook and the bad file, enough files for the pool (POOL_FROM). */
const DOCUMENTS = 16;

/** Every file under the folder, relative to it (what a scan must leave as it was). */
const listing = (dir: string): string[] => (readdirSync(dir, { recursive: true }) as string[]).sort();

describe('read pool', { timeout: 300_000 }, () => {
  let units: string;
  beforeAll(async () => {
    units = join(tmp(), '各单位');
    mkdirSync(join(units, '乙区'), { recursive: true });
    for (let i = 1; i <= DOCUMENTS; i++) {
      const doc = generatedDocument(3, 4, i % 2 ? 'national' : 'shanxi', i);
      doc.meta.unit = `单位${i}`;
      writeDocumentFile(join(units, i > 8 ? '乙区' : '', `单位${i}.ziping`), doc, join(tmp(), 'making'));
    }
    const book = generatedDocument(2, 3, 'national', 77);
    book.meta.unit = '表格单位';
    const exported = await exportDocument(book, join(units, '表格单位.xlsx'), { draft: true });
    if (!exported.ok) throw new Error(exported.error.message);
    writeFileSync(join(units, '坏的.ziping'), 'not a database');
    chmodSync(join(units, '单位1.ziping'), 0o444);
  });

  it('gives the rows of the in-process reader, in the same order, and writes nothing', async () => {
    expect(DOCUMENTS + 2).toBeGreaterThanOrEqual(POOL_FROM);
    const before = listing(units);
    const inProcess = await scanUnits([units], { inProcess: true });
    const progress: number[] = [];
    const pooled = await scanUnits([units], { onProgress: (done) => progress.push(done) });
    expect(pooled).toEqual(inProcess);
    expect(pooled.units).toHaveLength(DOCUMENTS + 1);
    expect(pooled.failed).toEqual([
      { file: join(units, '坏的.ziping'), reason: expect.any(String) as unknown },
    ]);
    expect(pooled.failed[0]?.reason).toMatch(/[\u4e00-\u9fff]/);
    expect(pooled.units.map((u) => u.unit)).toContain('单位1');
    expect(progress.at(-1)).toBe(DOCUMENTS + 2);
    expect(listing(units)).toEqual(before);
  });

  it('stops when cancelled: the scan rejects with the reason and reads no further', async () => {
    const stop = new AbortController();
    const reason = new Error('已取消');
    let last = 0;
    const scan = scanUnits([units], {
      signal: stop.signal,
      onProgress: (done) => {
        last = done;
        if (done === 1) stop.abort(reason);
      },
    });
    await expect(scan).rejects.toBe(reason);
    const atCancel = last;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(last).toBe(atCancel);
    expect(last).toBeLessThan(DOCUMENTS + 2);
  });

  it('reads through the bundled worker beside the built service host', async () => {
    const out = join(ROOT, 'test-output', `units-pool-${process.pid}`);
    await buildElectron(out);
    const entry = readWorkerEntry(join(out, 'service-host.cjs'));
    expect(entry).toBe(join(out, 'units-read-worker.cjs'));
    const pool = new ReadPool({ size: 2 }, entry);
    const inProcess = await scanUnits([units], { inProcess: true });
    try {
      expect(await scanUnits([units], { read: pool.read, concurrency: 4 })).toEqual(inProcess);
    } finally {
      await pool.close();
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('lists a file whose worker died with a reason, and goes on with a new worker', async () => {
    const entry = join(tmp(), 'dying-worker.mjs');
    writeFileSync(
      entry,
      [
        "import { parentPort } from 'node:worker_threads';",
        "parentPort.on('message', ({ file }) => {",
        "  if (file.includes('坏')) throw new Error('读取时崩溃');",
        '  parentPort.postMessage({ ok: false, reason: `读过 ${file}` });',
        '});',
      ].join('\n'),
    );
    const pool = new ReadPool({ size: 1 }, entry);
    try {
      const reads = await Promise.all(['甲.ziping', '坏.ziping', '乙.ziping'].map((f) => pool.read(f)));
      expect(reads).toEqual([
        { ok: false, reason: '读过 甲.ziping' },
        { ok: false, reason: '读取进程意外结束（读取时崩溃）' },
        { ok: false, reason: '读过 乙.ziping' },
      ]);
    } finally {
      await pool.close();
    }
  });

  it('a missing worker script fails every read with one Chinese message, not a reason per file', async () => {
    const pool = new ReadPool({ size: 2 }, join(tmp(), '不存在', 'units-read-worker.cjs'));
    const message = '汇总读取程序缺失或损坏（units-read-worker.cjs）：请重新安装自评表编辑器';
    try {
      const reads = await Promise.allSettled(
        ['甲.ziping', '乙.ziping', '丙.ziping'].map((f) => pool.read(f)),
      );
      for (const r of reads) {
        expect(r.status).toBe('rejected');
        expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ReaderMissing);
        expect((r as PromiseRejectedResult).reason).toHaveProperty('message', message);
      }
      // Later reads fail at once, starting no worker.
      await expect(pool.read('丁.ziping')).rejects.toThrow(message);
      // A scan through it stops with the message instead of listing each file.
      await expect(scanUnits([units], { read: pool.read, concurrency: 4 })).rejects.toThrow(message);
    } finally {
      await pool.close();
    }
  });
});
