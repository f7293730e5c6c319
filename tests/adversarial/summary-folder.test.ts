/**
 * A folder of units' files as a reviewer receives it (#22): documents, official-layout workbooks
 * (our export, and one whose hidden data is gone so its cells are read), and hostile or broken
 * files of both kinds. `ziping summary` reads the good ones — workbooks through the import engine
 * — lists each bad one with its reason and goes on; it writes nothing into the folder, and works
 * for a user who may only read it (run as a user who is not root).
 */
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  mkdirSync,
  readdirSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UnitsScan } from '../../electron/services/units/scan-units';
import { getLayout } from '../../shared/layouts/definitions';
import { scoreForm } from '../../shared/scoring/form';
import { asUser, isRoot, NOBODY, skipReason } from '../support/non-root';
import { writeDocumentFile } from '../support/document-file';
import { generatedDocument } from '../support/documents';
import { exportOrThrow, withoutHiddenData } from '../support/excel';
import { ROOT, runZipingInProcess } from '../support/run-cli';
import { useTempDir } from '../support/temp-dir';
import { minimalXlsx } from '../support/zip';

const tmp = useTempDir('ziping-units-folder-');
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

const unitDocument = (unit: string, forms: number, seed: number) => {
  const doc = generatedDocument(forms, 5, 'national', seed);
  doc.meta.unit = unit;
  return doc;
};
const GOOD = {
  甲局: unitDocument('甲局', 3, 1),
  乙局: unitDocument('乙局', 2, 2),
  丙局: unitDocument('丙局', 2, 3),
};

/** Every file under the folder with its bytes' size and mtime: what "nothing written" compares. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .sort()
    .map((name) => {
      const s = statSync(join(dir, name));
      return `${name} ${s.size} ${s.mtimeMs} ${s.mode.toString(8)}`;
    });
}

describe('ziping summary over a folder with workbooks and hostile files', { timeout: 180_000 }, () => {
  let units: string;
  const bad: Record<string, RegExp> = {};

  beforeAll(async () => {
    const data = join(tmp(), 'data');
    vi.stubEnv('ZIPING_DATA_DIR', data);
    units = join(tmp(), '各单位');
    mkdirSync(join(units, '县级'), { recursive: true });
    writeDocumentFile(join(units, '甲局.ziping'), GOOD.甲局, data);
    // Our export, read back from its hidden data; the other with the hidden data removed.
    await exportOrThrow(GOOD.乙局, join(units, '县级', '乙局.xlsx'));
    const edited = join(tmp(), '丙局.xlsx');
    await exportOrThrow(GOOD.丙局, edited);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(edited);
    await withoutHiddenData(wb, join(units, '县级', '丙局（手填）.xlsx'));

    const hostileDoc = join(units, '触发器.ziping');
    writeDocumentFile(hostileDoc, GOOD.甲局, data);
    const db = new Database(hostileDoc);
    db.exec('CREATE TRIGGER t AFTER INSERT ON forms BEGIN SELECT 1; END;');
    db.close();
    bad['触发器.ziping'] = /触发器|不属于/;
    copyFileSync(join(units, '甲局.ziping'), join(units, '截断.ziping'));
    truncateSync(join(units, '截断.ziping'), 3000);
    bad['截断.ziping'] = /[\u4e00-\u9fa5]/;
    writeFileSync(join(units, '假文档.ziping'), 'not a database');
    bad['假文档.ziping'] = /[\u4e00-\u9fa5]/;
    const bomb = minimalXlsx(`<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData/></worksheet>`, [
      { name: 'xl/sharedStrings.xml', data: Buffer.alloc(20 * 2 ** 20, 0x20), declaredSize: 5000 },
    ]);
    writeFileSync(join(units, '县级', '炸弹.xlsx'), bomb);
    bad['炸弹.xlsx'] = /解压后比声明的大/;
    const dtd = `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaa">]><worksheet xmlns="${NS}"><sheetData/></worksheet>`;
    writeFileSync(join(units, '县级', '实体.xlsx'), minimalXlsx(dtd));
    bad['实体.xlsx'] = /DTD/;
    writeFileSync(
      join(units, '县级', '空白.xlsx'),
      minimalXlsx(`<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData/></worksheet>`),
    );
    bad['空白.xlsx'] = /没有找到自评表/;
    writeFileSync(join(units, '县级', '坏压缩包.xlsx'), 'PK\u0003\u0004 broken');
    bad['坏压缩包.xlsx'] = /不是 \.xlsx 文件/;
    writeFileSync(join(units, '说明.txt'), '不是文档');
  });
  afterAll(() => vi.unstubAllEnvs());

  it('reads documents and workbooks alike, lists every bad file with its reason, writes nothing there', async () => {
    const before = snapshot(units);
    const run = await runZipingInProcess(['summary', units, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const scan = JSON.parse(run.stdout) as UnitsScan;
    // The hand-filled workbook's forms name no unit: the file's name stands for it.
    expect(scan.units.map((u) => u.unit).sort()).toEqual(['丙局（手填）', '乙局', '甲局'].sort());
    const reasons = new Map(scan.failed.map((f) => [f.file.split('/').pop() ?? '', f.reason]));
    expect([...reasons.keys()].sort()).toEqual(Object.keys(bad).sort());
    for (const [name, reason] of Object.entries(bad)) expect(reasons.get(name), name).toMatch(reason);
    // The workbook read from its hidden data scores as its document; the hand-filled one has its forms.
    const layout = getLayout('national');
    const yi = scan.forms.filter((f) => f.unit === '乙局');
    expect(yi.map((f) => f.score)).toEqual(GOOD.乙局.forms.map((f) => scoreForm(f, layout, true).total));
    const bing = scan.units.find((u) => u.unit === '丙局（手填）');
    expect(bing?.forms).toBe(GOOD.丙局.forms.length);
    expect(bing?.file).toMatch(/丙局（手填）\.xlsx$/);
    expect(scan.indicators.filter((l) => l.file === bing?.file)).toHaveLength(GOOD.丙局.forms.length * 5);
    expect(snapshot(units)).toEqual(before);
  });

  it.skipIf(asUser === null)(
    `works on a read-only folder for a user who is not root${skipReason}`,
    async () => {
      // Files 444 in folders 555 owned by root: the user may read them and nothing else.
      for (const name of readdirSync(units, { recursive: true }).map(String)) {
        const p = join(units, name);
        chmodSync(p, statSync(p).isDirectory() ? 0o555 : 0o444);
      }
      chmodSync(units, 0o555);
      chmodSync(tmp(), 0o755);
      const data = join(tmp(), 'data-nobody');
      mkdirSync(data);
      if (isRoot) chownSync(data, NOBODY, NOBODY);
      const before = snapshot(units);
      const stdout = await new Promise<string>((resolve, reject) => {
        const command = [
          ...(asUser ?? []),
          process.execPath,
          '--import',
          'tsx',
          join('tests', 'support', 'summary-child.ts'),
          units,
          '--json',
        ];
        execFile(
          command[0] as string,
          command.slice(1),
          {
            cwd: ROOT,
            env: { ...process.env, ZIPING_DATA_DIR: data, HOME: data },
            maxBuffer: 64 * 2 ** 20,
            timeout: 150_000,
          },
          (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out)),
        );
      });
      const run = JSON.parse(stdout) as { uid: number; code: number; stdout: string; stderr: string };
      expect(run.uid).not.toBe(0);
      expect(run.code, run.stderr).toBe(0);
      const scan = JSON.parse(run.stdout) as UnitsScan;
      expect(scan.units).toHaveLength(3);
      expect(scan.failed).toHaveLength(Object.keys(bad).length);
      expect(snapshot(units)).toEqual(before);
    },
  );
});
