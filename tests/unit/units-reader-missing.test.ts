/**
 * 'units/scan' and 'units/exportXlsx' with the read pool's worker script missing (a broken
 * install): the call fails with one Chinese message saying to reinstall, instead of an internal
 * error or each file listed with Node's "Cannot find module". The pool is pointed at a path that
 * does not exist; everything else is the real service.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AppService } from '../../electron/services/handlers';
import { POOL_FROM } from '../../electron/services/units/scan-units';
import { useTempDir } from '../support/temp-dir';

const tmp = useTempDir('ziping-units-missing-');

vi.mock('../../electron/services/units/read-pool', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../electron/services/units/read-pool')>();
  class PoolWithoutWorker extends original.ReadPool {
    constructor(options: ConstructorParameters<typeof original.ReadPool>[0]) {
      super(options, '/不存在/units-read-worker.cjs');
    }
  }
  return { ...original, ReadPool: PoolWithoutWorker };
});

describe('units calls without the read worker', () => {
  it('answer with one message to reinstall, and write nothing', async () => {
    const units = join(tmp(), '各单位');
    mkdirSync(units);
    // Enough files for the pool; none is read, so their content does not matter.
    for (let i = 1; i <= POOL_FROM; i++) writeFileSync(join(units, `单位${i}.ziping`), '');
    const app = new AppService(join(tmp(), 'data'));
    const error = {
      code: 'reader-missing',
      message: '汇总读取程序缺失或损坏（units-read-worker.cjs）：请重新安装自评表编辑器',
    };
    expect(await app.invoke('units/scan', { paths: [units] })).toEqual({ ok: false, error });
    const target = join(tmp(), '总览.xlsx');
    expect(await app.invoke('units/exportXlsx', { paths: [units], path: target })).toEqual({
      ok: false,
      error,
    });
    expect(existsSync(target)).toBe(false);
  });
});
