/**
 * Messages say what happened and never claim what is not true:
 * - a full disk is 磁盘已满, naming the folder whose disk is full (the data folder when opening or
 *   upgrading a document: not an upgrade failure, not the document's folder);
 * - a hot journal beside a document (the program writing it stopped half-way) is 上次未正常关闭,
 *   never 已损坏, and neither file is touched;
 * - a failed `ziping import` says 导入未完成、文档未改变, not that nothing was lost.
 * Full disks are real small tmpfs mounts where the machine allows (root on Linux), else skipped
 * with the reason; the classification is also tested in-process with injected errors.
 */
import Database from 'better-sqlite3';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DocumentSession } from '../../electron/services/document-store';
import { fromSystemError, withoutEditsKept } from '../../electron/services/document-store/errors';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from '../../electron/services/document-store/schema';
import { exportDocument } from '../../electron/services/excel/export';
import { formToJson } from '../../shared/model/interchange';
import { SAMPLE_PATH } from '../../scripts/build-sample';
import { writeDocumentFile } from '../support/document-file';
import { rng } from '../support/documents';
import { layoutDocument, layoutForm } from '../support/excel';
import { fill, mountSmallDisk, smallDiskUnavailable } from '../support/small-disk';
import { ziping } from '../support/cli-in-process';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('ziping-messages-');

/** `length` Chinese characters that compress poorly (seeded, the same every run). */
function noise(seed: number, length: number): string {
  const next = rng(seed);
  return Array.from({ length }, () => String.fromCodePoint(0x4e00 + Math.floor(next() * 0x5000))).join('');
}
const data = () => join(tempDir(), 'data');

/** An upgrade step this version does not have: the sample document is then an older format. */
function nextMigration(up: Migration['up']): Migration[] {
  return [...MIGRATIONS, { version: SCHEMA_VERSION + 1, appVersion: '0.2.0', up }];
}

const workingFolders = () =>
  existsSync(join(data(), 'working')) ? readdirSync(join(data(), 'working')) : [];

beforeAll(() => {
  process.env.ZIPING_DATA_DIR = data();
});

describe('a hot journal: 上次未正常关闭, never 已损坏', { timeout: 120_000 }, () => {
  /** A document whose writer stopped in the middle of a change: the file and its hot journal as they were then. */
  function hotJournalDocument(name: string): string {
    const file = join(tempDir(), name);
    copyFileSync(SAMPLE_PATH, file);
    const db = new Database(file);
    db.pragma('cache_size = 1'); // spill to the file before commit, so that the journal is hot
    db.exec('BEGIN');
    db.exec("UPDATE meta SET value = value || '（改了一半）'");
    db.exec('CREATE TABLE spill(x)');
    const put = db.prepare('INSERT INTO spill VALUES (?)');
    for (let i = 0; i < 2000; i++) put.run('填'.repeat(200));
    const midway = readFileSync(file);
    const journal = readFileSync(`${file}-journal`);
    db.exec('ROLLBACK');
    db.close();
    writeFileSync(file, midway);
    writeFileSync(`${file}-journal`, journal);
    return file;
  }

  it('opening says what happened and what to do, and touches neither file', () => {
    const file = hotJournalDocument('中断.ziping');
    const before = [readFileSync(file), readFileSync(`${file}-journal`)];
    const r = DocumentSession.open(file, { dataDir: data() });
    if (r.ok) r.value.close();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('not-closed');
    expect(r.error.message).toContain('“中断.ziping”上次未正常关闭');
    expect(r.error.message).toContain('中断.ziping-journal');
    expect(r.error.message).toContain('撤销那次未完成的修改');
    expect(r.error.message).toMatch(/请.*备份/);
    expect(r.error.message).not.toContain('已损坏');
    expect(readFileSync(file).equals(before[0]!)).toBe(true);
    expect(readFileSync(`${file}-journal`).equals(before[1]!)).toBe(true);
    expect(workingFolders()).toEqual([]);
  });

  it('a file cut short mid-change (its pages not all written yet) with its journal is not called damaged', () => {
    const file = hotJournalDocument('写到一半.ziping');
    const whole = readFileSync(file);
    writeFileSync(file, whole.subarray(0, whole.length - 16 * 4096));
    const r = DocumentSession.open(file, { dataDir: data() });
    if (r.ok) r.value.close();
    expect(r.ok || r.error.code).toBe('not-closed');
    expect(r.ok || r.error.message).toContain('上次未正常关闭');
    // Without the journal the same file is what it looks like: cut short.
    rmSync(`${file}-journal`);
    const cut = DocumentSession.open(file, { dataDir: data() });
    if (cut.ok) cut.value.close();
    expect(cut.ok || cut.error.code).toBe('damaged');
    expect(cut.ok || cut.error.message).toContain('不完整');
  });

  it('the command line says the same, exit code 2', async () => {
    const file = hotJournalDocument('中断2.ziping');
    const run = await ziping('score', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('上次未正常关闭');
    expect(run.stderr).not.toContain('已损坏');
    expect(existsSync(`${file}-journal`)).toBe(true);
  });

  it('the journal is what SQLite rolls back: a writer opening the copy gets the last complete save', () => {
    const file = hotJournalDocument('中断3.ziping');
    const copy = join(tempDir(), '副本3.ziping');
    copyFileSync(file, copy);
    copyFileSync(`${file}-journal`, `${copy}-journal`);
    const db = new Database(copy);
    const unit = (db.prepare("SELECT value FROM meta WHERE key = 'unit'").get() as { value: string }).value;
    db.close();
    expect(unit).not.toContain('改了一半');
  });
});

describe('a full disk, classified in-process (injected errors)', () => {
  const enospc = () => Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });

  it('names the folder and what stays true', () => {
    const folder = tempDir();
    const e = fromSystemError(enospc(), '/某处/文档.ziping', '打开', () => ({
      folder,
      label: '数据文件夹',
      needed: 3 * 1024 * 1024,
      note: '；原文件没有改动',
    }));
    expect(e.code).toBe('disk-full');
    expect(e.message).toMatch(
      new RegExp(
        `^磁盘已满：数据文件夹“${folder}”所在的磁盘只剩 .+ 可用空间，打开失败：.*至少 3\\.0 MB.*；原文件没有改动$`,
      ),
    );
    const save = fromSystemError(
      Object.assign(new Error('full'), { code: 'SQLITE_FULL' }),
      join(folder, 'a.ziping'),
      '保存',
    );
    expect(save.message).toContain(`保存位置“${folder}”`);
    expect(save.message).toContain('已输入的内容没有丢失');
    expect(withoutEditsKept(save.message)).not.toContain('没有丢失');
    expect(withoutEditsKept(save.message)).not.toContain('另存为');
  });

  it('a full disk while upgrading an older document is 磁盘已满 in the data folder, not an upgrade failure', () => {
    const file = join(tempDir(), '旧格式.ziping');
    copyFileSync(SAMPLE_PATH, file);
    const original = readFileSync(file);
    const migrations = nextMigration(() => {
      throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    });
    const r = DocumentSession.open(file, { dataDir: data(), migrations });
    if (r.ok) r.value.close();
    expect(r.ok || r.error.code).toBe('disk-full');
    if (r.ok) return;
    expect(r.error.message).toContain(`数据文件夹“${data()}”`);
    expect(r.error.message).toContain('原文件没有改动');
    expect(r.error.message).not.toMatch(/升级|旧版|已输入的内容/);
    expect(readFileSync(file).equals(original)).toBe(true);
    expect(workingFolders()).toEqual([]);
  });

  it('a failed import says 导入未完成、文档未改变, not that nothing was lost', async () => {
    const doc = join(tempDir(), '导入.ziping');
    writeDocumentFile(doc, layoutDocument('shanxi', [layoutForm('shanxi')]), data());
    const before = readFileSync(doc);
    const json = join(tempDir(), '新表.json');
    writeFileSync(json, JSON.stringify(formToJson(layoutForm('shanxi', 'project', 'n1', '新表'), 'shanxi')));
    const save = vi
      .spyOn(DocumentSession.prototype, 'save')
      .mockImplementation(() => ({ ok: false, error: fromSystemError(enospc(), doc, '保存') }));
    try {
      const run = await ziping('import', json, '--into', doc);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^ziping：导入未完成、文档未改变：磁盘已满：保存位置/);
      expect(run.stderr).not.toMatch(/没有丢失|另存为/);
    } finally {
      save.mockRestore();
    }
    expect(readFileSync(doc).equals(before)).toBe(true);
    // Without the injected failure the same import goes through (the test above failed for its reason).
    const run = await ziping('import', json, '--into', doc);
    expect(run.code, run.stderr).toBe(0);
  });
});

const noMount = smallDiskUnavailable();

describe.skipIf(noMount !== null)(
  `on a real full disk (small tmpfs)${noMount ? ` — skipped: ${noMount}` : ''}`,
  { timeout: 180_000 },
  () => {
    const unmounts: Array<() => void> = [];
    const disk = (name: string, size: string) => {
      const { mnt, unmount } = mountSmallDisk(tempDir(), name, size);
      unmounts.push(unmount);
      return mnt;
    };
    afterAll(() => {
      for (const unmount of unmounts.reverse()) unmount();
    });

    it('a document on a full disk opens read-only and says the disk is full, not that permission is missing', () => {
      const full = disk('doc-full', '1m');
      const file = join(full, '示例.ziping');
      copyFileSync(SAMPLE_PATH, file);
      const original = readFileSync(file);
      fill(full);
      const r = DocumentSession.open(file, { dataDir: join(tempDir(), 'data-roomy') });
      if (!r.ok) throw new Error(r.error.message);
      try {
        expect(r.value.readOnlyReason).toBe('disk-full');
        expect(r.value.readOnlyNotice()).toMatch(/^文档所在的磁盘已满/);
        expect(r.value.readOnlyNotice()).not.toMatch(/权限/);
      } finally {
        r.value.close();
      }
      expect(readFileSync(file).equals(original)).toBe(true);
    });

    it('opening with a full data folder says 磁盘已满 in the data folder; with an upgrade too', () => {
      const small = disk('data-small', '128k');
      const file = join(tempDir(), '示例.ziping');
      copyFileSync(SAMPLE_PATH, file);
      const original = readFileSync(file);
      const r = DocumentSession.open(file, { dataDir: small });
      if (r.ok) r.value.close();
      expect(r.ok || r.error.code).toBe('disk-full');
      if (r.ok) return;
      expect(r.error.message).toMatch(new RegExp(`^磁盘已满：数据文件夹“${small}”所在的磁盘只剩`));
      expect(r.error.message).toContain('原文件没有改动');

      // Room for the copy, not for the upgrade (it adds 300 KB).
      const upgrading = disk('data-upgrade', '512k');
      const migrations = nextMigration((db) => {
        db.exec('CREATE TABLE notes(x)');
        db.prepare('INSERT INTO notes VALUES (?)').run('注'.repeat(100_000));
      });
      const u = DocumentSession.open(file, { dataDir: upgrading, migrations });
      if (u.ok) u.value.close();
      expect(u.ok || u.error.code).toBe('disk-full');
      if (u.ok) return;
      expect(u.error.message).toContain(`数据文件夹“${upgrading}”`);
      expect(u.error.message).not.toMatch(/升级|旧版/);
      expect(readFileSync(file).equals(original)).toBe(true);
      expect(readdirSync(join(upgrading, 'working'))).toEqual([]);
    });

    it('ziping import onto a full disk: 导入未完成、文档未改变, the document as it was', async () => {
      const mnt = disk('usb', '1m');
      const doc = join(mnt, '文档.ziping');
      copyFileSync(SAMPLE_PATH, doc);
      const before = readFileSync(doc);
      const fillers = fill(mnt);
      // Room for the owner file, not for the saved copy.
      writeFileSync(join(mnt, fillers.at(-2)!), '');
      const json = join(tempDir(), '大表.json');
      const form = layoutForm('shanxi', 'project', 'big', '大表');
      form.goals.expected = '目标'.repeat(10_000);
      writeFileSync(json, JSON.stringify(formToJson(form, 'shanxi')));
      const run = await ziping('import', json, '--into', doc);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        new RegExp(`^ziping：导入未完成、文档未改变：磁盘已满：保存位置“${mnt}”`, 'm'),
      );
      expect(run.stderr).not.toMatch(/没有丢失|另存为|已损坏/);
      expect(readFileSync(doc).equals(before)).toBe(true);
      expect(readdirSync(mnt).filter((n) => !fillers.includes(n))).toEqual(['文档.ziping']);
    });

    it('export-json and the Excel folder export onto a full disk leave no folder and no file', async () => {
      const mnt = disk('out', '1m');
      writeFileSync(join(mnt, '用户的.txt'), '别动');
      const forms = [1, 2, 3, 4].map((n) => {
        const form = layoutForm('shanxi', 'project', `f${n}`, `项目${n}`);
        form.goals.expected = noise(n, 100_000); // 300 KB of UTF-8 per form, little to compress
        return form;
      });
      const file = join(tempDir(), '大文档.ziping');
      writeDocumentFile(file, layoutDocument('shanxi', forms), data());

      const run = await ziping('export-json', file, '--out', join(mnt, '导出'));
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`磁盘已满：导出位置“${mnt}”所在的磁盘.*没有导出任何文件`));
      expect(readdirSync(mnt)).toEqual(['用户的.txt']);

      mkdirSync(join(mnt, '已有'));
      const r = await exportDocument(
        layoutDocument('shanxi', [...forms, ...forms.map((f) => ({ ...f, id: `${f.id}b` }))]),
        join(mnt, '已有'),
        {
          draft: true,
        },
      );
      expect(r.ok || r.error.code).toBe('write-failed');
      expect(r.ok || r.error.message).toMatch(/^磁盘已满：导出位置/);
      expect(readdirSync(mnt).sort()).toEqual(['已有', '用户的.txt']);
      expect(readdirSync(join(mnt, '已有'))).toEqual([]);
    });
  },
);
