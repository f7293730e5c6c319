/**
 * The .ziping document store against real files on disk: every test works in a fresh temporary
 * folder, with its own data folder (never the user's ~/.config), and nothing is mocked at the
 * SQLite boundary. Covers create/edit/save/reopen, save as, a corpus of bad files, read-only
 * files, two processes on one document, migrations, crash recovery, and that every expected
 * failure is a value with a Chinese message.
 */
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { currentUser, dataDir as resolveDataDir } from '../../electron/services/data-dir';
import {
  APPLICATION_ID,
  DocumentSession,
  MIGRATIONS,
  SCHEMA_VERSION,
  discardRecoverable,
  listRecoverable,
  migrate,
  ownerFilePath,
  readOwner,
  recover,
  type DocError,
  type DocErrorCode,
  type DocResult,
  type Migration,
} from '../../electron/services/document-store';
import { decodeDocument } from '../../electron/services/document-store/codec';
import type { Form, ZipingDocument } from '../../shared/model/types';
import { getLayout } from '../../shared/layouts/definitions';
import { scoreForm } from '../../shared/scoring/form';
import type { FormResult } from '../../shared/scoring/types';
import { readFixture } from '../support/documents';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HOLDER = join(ROOT, 'tests', 'support', 'hold-document.ts');
const CHINESE = /[\u4e00-\u9fff]/;
/** What a store must never leave beside a document once it is done with it. */
const LEFTOVER = /^~\$|^\.~.*\.tmp$|\.tmp$|-journal$|-wal$|-shm$/;

const INIT = { unit: '测试单位', year: 2024, layout: 'shanxi' } as const;

let base = '';
const savedEnv = process.env.ZIPING_DATA_DIR;
const sessions: DocumentSession[] = [];
const children: ChildProcess[] = [];

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'ziping-store-'));
  // Anything that falls back to the default data folder lands here, never in ~/.config.
  process.env.ZIPING_DATA_DIR = join(base, 'env-data');
});

afterEach(() => {
  for (const s of sessions.splice(0)) s.close({ discard: true });
});

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  if (savedEnv === undefined) delete process.env.ZIPING_DATA_DIR;
  else process.env.ZIPING_DATA_DIR = savedEnv;
  rmSync(base, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------- helpers

/** A fresh folder for documents and a fresh data folder. */
function space(): { dir: string; data: string } {
  const root = mkdtempSync(join(base, 'case-'));
  const dir = join(root, 'docs');
  mkdirSync(dir);
  return { dir, data: join(root, 'data') };
}

function unwrap<T>(r: DocResult<T>): T {
  if (!r.ok) throw new Error(`unexpected ${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** Keeps a session to be closed (discarding) after the test, whatever happens. */
function track(r: DocResult<DocumentSession>): DocumentSession {
  const s = unwrap(r);
  sessions.push(s);
  return s;
}

function closeTracked(s: DocumentSession, options: { discard?: boolean } = {}): DocResult<void> {
  const result = s.close(options);
  if (result.ok) sessions.splice(sessions.indexOf(s), 1);
  return result;
}

function expectFailure<T>(r: DocResult<T>, code: DocErrorCode): DocError {
  if (r.ok) throw new Error(`expected ${code}, got ok`);
  expect(r.error.code).toBe(code);
  expect(r.error.message).toMatch(CHINESE);
  return r.error;
}

/** Scores are derived, never stored: what the document scores to. */
function scoresOf(doc: ZipingDocument): FormResult[] {
  return doc.forms.map((f) => scoreForm(f, getLayout(doc.meta.layout)));
}

function form(file: string, id: string): Form {
  return readFixture(file, id).form;
}

function firstIndicator(s: DocumentSession, formId = 'f1'): string {
  const f = s.document.forms.find((x) => x.id === formId);
  const ind = f?.indicators[0];
  if (!ind) throw new Error(`no indicator in ${formId}`);
  return ind.id;
}

function setActual(s: DocumentSession, value: string, formId = 'f1'): void {
  unwrap(
    s.apply([{ op: 'setIndicator', formId, indicatorId: firstIndicator(s, formId), field: 'actual', value }]),
  );
}

/** A saved document with two real shanxi forms, closed; returns its path. */
function savedDocument(dir: string, data: string, name = '年度自评.ziping'): string {
  const file = join(dir, name);
  const s = unwrap(DocumentSession.create(file, INIT, { dataDir: data }));
  unwrap(
    s.apply([
      { op: 'insertForm', index: 0, form: form('002-01.json', 'f1') },
      { op: 'insertForm', index: 1, form: form('002-02.json', 'f2') },
    ]),
  );
  unwrap(s.save());
  unwrap(s.close());
  return file;
}

function raw(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true });
}

/** The document as stored in an SQLite file, read with the store's own codec. */
function storedDocument(file: string): ZipingDocument {
  const db = raw(file);
  try {
    return decodeDocument(db, file);
  } finally {
    db.close();
  }
}

function workingFolders(data: string): string[] {
  const root = join(data, 'working');
  return existsSync(root) ? readdirSync(root) : [];
}

/** Names in a folder that a store must not leave behind (owner files, temp files, journals). */
function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((n) => LEFTOVER.test(n));
}

/** Every temp file of a save anywhere under `dir`. */
function tempFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((n) => /\.~.*\.tmp$/.test(basename(n)));
}

function pragma(file: string, name: string): unknown {
  const db = raw(file);
  try {
    return db.pragma(name, { simple: true });
  } finally {
    db.close();
  }
}

interface Holder {
  child: ChildProcess;
  ready: Promise<{ ready: boolean; pid: number; readOnly: boolean; sessionId: string }>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Another Ziping process (its own pid) that opens `file` and holds it until killed. */
function holdInChild(file: string, data: string, edit?: string): Holder {
  const args = ['--import', 'tsx', HOLDER, file, data, ...(edit === undefined ? [] : ['--edit', edit])];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const ready = new Promise<{ ready: boolean; pid: number; readOnly: boolean; sessionId: string }>(
    (resolve, reject) => {
      let out = '';
      let err = '';
      child.stdout?.setEncoding('utf8');
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (d: string) => (err += d));
      child.stdout?.on('data', (d: string) => {
        out += d;
        const line = out.split('\n')[0];
        if (out.includes('\n') && line) {
          const msg = JSON.parse(line) as {
            ready: boolean;
            pid: number;
            readOnly: boolean;
            sessionId: string;
          };
          if (msg.ready) resolve(msg);
          else reject(new Error(`holder failed: ${line}`));
        }
      });
      void exited.then(({ code, signal }) =>
        reject(new Error(`holder exited (${code ?? signal}) before ready: ${err}`)),
      );
    },
  );
  return { child, ready, exited };
}

async function kill(holder: Holder): Promise<void> {
  holder.child.kill('SIGKILL');
  const { signal } = await holder.exited;
  expect(signal).toBe('SIGKILL');
}

// ---------------------------------------------------------------------------------- 1. lifecycle

describe('create, edit, save, reopen', () => {
  it('saves exactly what was edited, as a standalone, tagged, intact SQLite file', () => {
    const { dir, data } = space();
    const file = join(dir, '年度自评.ziping');
    const s = track(DocumentSession.create(file, INIT, { dataDir: data }));
    // A new document is unsaved until it is first written; nothing is written before that.
    expect(s.dirty).toBe(true);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(ownerFilePath(file))).toBe(true);
    expect(readOwner(file)).toMatchObject({ app: 'ziping', pid: process.pid, host: hostname() });

    unwrap(s.apply([{ op: 'insertForm', index: 0, form: form('002-01.json', 'f1') }]));
    unwrap(s.apply([{ op: 'insertForm', index: 1, form: form('002-02.json', 'f2') }]));
    unwrap(s.save());
    expect(s.dirty).toBe(false);
    expect(existsSync(file)).toBe(true);

    const before = readFileSync(file);
    setActual(s, '=12次/天');
    unwrap(
      s.apply([
        { op: 'setIndicator', formId: 'f2', indicatorId: firstIndicator(s, 'f2'), field: 'score', value: 3 },
        {
          op: 'setIndicator',
          formId: 'f2',
          indicatorId: firstIndicator(s, 'f2'),
          field: 'scoreReason',
          value: '按完成情况人工评分',
        },
      ]),
    );
    expect(s.dirty).toBe(true);
    // The edits are durable in the working copy at once …
    const working = storedDocument(s.workingFile);
    expect(working.forms[0]?.indicators[0]?.actual).toBe('=12次/天');
    expect(working.forms[1]?.indicators[0]?.score).toBe(3);
    // … and the user's file has not changed at all.
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(storedDocument(file).forms[0]?.indicators[0]?.actual).not.toBe('=12次/天');

    unwrap(s.save());
    expect(s.dirty).toBe(false);
    expect(readFileSync(file).equals(before)).toBe(false);
    expect(tempFiles(dir)).toEqual([]);

    const forms = structuredClone(s.document.forms);
    const meta = structuredClone(s.document.meta);
    const results = scoresOf(s.document);
    unwrap(closeTracked(s));
    expect(workingFolders(data)).toEqual([]);
    expect(existsSync(ownerFilePath(file))).toBe(false);
    expect(readdirSync(dir)).toEqual(['年度自评.ziping']);

    // The saved file: ours, current schema, rollback journal (nothing beside it), intact.
    expect(pragma(file, 'application_id')).toBe(APPLICATION_ID);
    expect(pragma(file, 'user_version')).toBe(SCHEMA_VERSION);
    expect(pragma(file, 'journal_mode')).toBe('delete');
    expect(pragma(file, 'integrity_check')).toBe('ok');
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(existsSync(`${file}-journal`)).toBe(false);
    const header = readFileSync(file).subarray(0, 100);
    expect([header[18], header[19]]).toEqual([1, 1]);

    const again = track(DocumentSession.open(file, { dataDir: data }));
    expect(again.readOnly).toBe(false);
    expect(again.dirty).toBe(false);
    expect(again.document.forms).toEqual(forms);
    expect(again.document.meta).toEqual(meta);
    expect(again.document.forms.map((f) => f.id)).toEqual(['f1', 'f2']);
    // Scores are derived: recomputed on open, the same as before the save.
    expect(scoresOf(again.document)).toEqual(results);
    unwrap(closeTracked(again));
    expect(readdirSync(dir)).toEqual(['年度自评.ziping']);
  });

  it('refuses to close with unsaved edits; discarding keeps the file as saved and cleans up', () => {
    const { dir, data } = space();
    const file = savedDocument(dir, data);
    const before = readFileSync(file);
    const s = track(DocumentSession.open(file, { dataDir: data }));
    expect(s.dirty).toBe(false);
    expect(existsSync(ownerFilePath(file))).toBe(true);
    const folder = dirname(s.workingFile);
    expect(existsSync(folder)).toBe(true);

    setActual(s, '=99次/天');
    expect(s.dirty).toBe(true);
    const refused = expectFailure(s.close(), 'unsaved-changes');
    expect(refused.message).toContain('保存');
    // Still open and still editable after the refusal.
    setActual(s, '=98次/天');
    expect(existsSync(folder)).toBe(true);

    unwrap(closeTracked(s, { discard: true }));
    expect(existsSync(folder)).toBe(false);
    expect(workingFolders(data)).toEqual([]);
    expect(existsSync(ownerFilePath(file))).toBe(false);
    expect(readFileSync(file).equals(before)).toBe(true);
    // Closing twice is harmless.
    expect(s.close().ok).toBe(true);
  });

  it('an edit that names a missing form is refused as a value and changes nothing', () => {
    const { dir, data } = space();
    const s = track(DocumentSession.open(savedDocument(dir, data), { dataDir: data }));
    const before = structuredClone(s.document);
    const r = s.apply([
      { op: 'setIndicator', formId: 'f1', indicatorId: firstIndicator(s), field: 'actual', value: '改了' },
      { op: 'setIndicator', formId: 'nope', indicatorId: 'x', field: 'actual', value: '不存在' },
    ]);
    expectFailure(r, 'invalid-change');
    expect(s.document).toEqual(before);
    expect(s.dirty).toBe(false);
    expect(storedDocument(s.workingFile).forms).toEqual(before.forms);
  });

  it('uses ZIPING_DATA_DIR when no data folder is given', () => {
    const { dir } = space();
    const env = join(base, 'env-data');
    const s = track(DocumentSession.create(join(dir, 'env.ziping'), INIT));
    expect(s.workingFile.startsWith(join(env, 'working'))).toBe(true);
    unwrap(closeTracked(s, { discard: true }));
    expect(resolveDataDir({ ZIPING_DATA_DIR: join(base, 'other-data') })).toBe(join(base, 'other-data'));
    expect(statSync(join(base, 'other-data')).isDirectory()).toBe(true);
    expect(resolveDataDir({ XDG_CONFIG_HOME: join(base, 'xdg') })).toBe(
      process.platform === 'win32' ? expect.any(String) : join(base, 'xdg', 'ziping'),
    );
  });
});

// ---------------------------------------------------------------------------------- 2. save as

describe('save as', () => {
  it('moves the document to the new file, releasing the old one', () => {
    const { dir, data } = space();
    const a = savedDocument(dir, data, 'a.ziping');
    const aBytes = readFileSync(a);
    const b = join(dir, 'b.ziping');
    const s = track(DocumentSession.open(a, { dataDir: data }));
    setActual(s, '=20次/天');
    unwrap(s.saveAs(b));
    expect(s.path).toBe(b);
    expect(s.dirty).toBe(false);
    expect(existsSync(ownerFilePath(a))).toBe(false);
    expect(readOwner(b)).toMatchObject({ pid: process.pid });
    expect(readFileSync(a).equals(aBytes)).toBe(true);
    expect(storedDocument(b).forms[0]?.indicators[0]?.actual).toBe('=20次/天');

    // Editing continues in b; a stays as it was.
    setActual(s, '=21次/天');
    unwrap(s.save());
    expect(storedDocument(b).forms[0]?.indicators[0]?.actual).toBe('=21次/天');
    expect(readFileSync(a).equals(aBytes)).toBe(true);
    unwrap(closeTracked(s));
    expect(readdirSync(dir).sort()).toEqual(['a.ziping', 'b.ziping']);
  });

  it('a failed save leaves every file as it was and no temp files', () => {
    const { dir, data } = space();
    const target = savedDocument(dir, data, 'target.ziping');
    const s = track(DocumentSession.open(target, { dataDir: data }));
    setActual(s, '=30次/天');
    unwrap(s.save());
    const saved = readFileSync(target);
    setActual(s, '=31次/天');

    // The folder does not exist (USB stick pulled out, folder deleted).
    const missing = join(dir, '不存在的文件夹', 'x.ziping');
    const gone = expectFailure(s.saveAs(missing), 'path-gone');
    expect(gone.message).toContain('x.ziping');
    expect(existsSync(dirname(missing))).toBe(false);

    // The "folder" is a file.
    const notDir = join(dir, '是文件');
    writeFileSync(notDir, 'x');
    expectFailure(s.saveAs(join(notDir, 'y.ziping')), 'path-gone');
    expect(readFileSync(notDir, 'utf8')).toBe('x');

    // The target name is a folder with something in it: fails only at the final rename, after
    // the complete new file was written beside it.
    const folderTarget = join(dir, '文件夹.ziping');
    mkdirSync(folderTarget);
    writeFileSync(join(folderTarget, 'inside.txt'), '别动');
    const isFolder = expectFailure(s.saveAs(folderTarget), 'not-ziping');
    expect(isFolder.message).toContain('文件夹.ziping');
    expect(readFileSync(join(folderTarget, 'inside.txt'), 'utf8')).toBe('别动');

    // After every failure: the target is byte-identical, the session still edits it, nothing left.
    expect(readFileSync(target).equals(saved)).toBe(true);
    expect(s.path).toBe(target);
    expect(s.dirty).toBe(true);
    expect(s.readOnly).toBe(false);
    expect(tempFiles(dir)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(
      ['target.ziping', '~$target.ziping', '文件夹.ziping', '是文件'].sort(),
    );
    expect(readOwner(target)).toMatchObject({ pid: process.pid });

    // The unsaved edit is still there and the next save works.
    unwrap(s.save());
    expect(storedDocument(target).forms[0]?.indicators[0]?.actual).toBe('=31次/天');
    unwrap(closeTracked(s));
    expect(tempFiles(dir)).toEqual([]);
  });

  it('save of a document whose folder is gone fails with path-gone and keeps the edits', () => {
    const { dir, data } = space();
    const sub = join(dir, 'usb');
    mkdirSync(sub);
    const file = savedDocument(sub, data, 'u.ziping');
    const s = track(DocumentSession.open(file, { dataDir: data }));
    setActual(s, '=40次/天');
    rmSync(sub, { recursive: true, force: true });
    const err = expectFailure(s.save(), 'path-gone');
    expect(err.message).toContain('u.ziping');
    expect(s.dirty).toBe(true);
    // Save as elsewhere rescues the edits.
    const rescue = join(dir, 'rescued.ziping');
    unwrap(s.saveAs(rescue));
    expect(storedDocument(rescue).forms[0]?.indicators[0]?.actual).toBe('=40次/天');
    unwrap(closeTracked(s));
  });

  it('saves under a long Chinese file name (the temp name must still fit)', () => {
    const { dir, data } = space();
    // 80 Chinese characters are 240 bytes of UTF-8: near the 255-byte limit of a file name.
    const file = join(dir, `${'绩效自评项目'.repeat(13)}甲乙.ziping`);
    expect(Buffer.byteLength(basename(file))).toBeLessThanOrEqual(255);
    const s = track(DocumentSession.create(file, INIT, { dataDir: data }));
    unwrap(s.apply([{ op: 'insertForm', index: 0, form: form('002-05.json', 'f1') }]));
    unwrap(s.save());
    setActual(s, '已完成');
    unwrap(s.save());
    unwrap(closeTracked(s));
    expect(storedDocument(file).forms[0]?.indicators[0]?.actual).toBe('已完成');
    expect(readdirSync(dir)).toEqual([basename(file)]);
  });

  it('a new document needs a path; save as to a file someone else holds is refused', () => {
    const { dir, data } = space();
    const s = track(DocumentSession.create(null, INIT, { dataDir: data }));
    unwrap(s.apply([{ op: 'insertForm', index: 0, form: form('002-03.json', 'f1') }]));
    expectFailure(s.save(), 'needs-path');
    const held = join(dir, '别人的.ziping');
    writeFileSync(
      ownerFilePath(held),
      JSON.stringify({
        app: 'ziping',
        user: '张会计',
        host: '其他电脑',
        pid: 4242,
        since: new Date().toISOString(),
      }),
    );
    const locked = expectFailure(s.saveAs(held), 'locked');
    expect(locked.message).toContain('张会计');
    expect(existsSync(held)).toBe(false);
    const mine = join(dir, '我的.ziping');
    unwrap(s.saveAs(mine));
    expect(s.dirty).toBe(false);
    expect(storedDocument(mine).forms).toEqual(s.document.forms);
    unwrap(closeTracked(s));
    expect(readdirSync(dir).sort()).toEqual(['~$别人的.ziping', '我的.ziping'].sort());
  });
});

// ---------------------------------------------------------------------------------- 3. bad files

describe('bad files', () => {
  /** Builds the bad file in a fresh folder; returns its path. */
  type Maker = (dir: string, data: string) => string;

  function anotherAppDatabase(wal: boolean): Maker {
    return (dir) => {
      const file = join(dir, wal ? '记账软件-wal.ziping' : '记账软件.ziping');
      const db = new Database(file);
      if (wal) db.pragma('journal_mode = WAL');
      db.exec(
        "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO accounts(name) VALUES ('现金')",
      );
      db.pragma('user_version = 3');
      db.close();
      // A WAL database closed cleanly leaves no -wal/-shm; whatever is beside it now is a leftover.
      return file;
    };
  }

  /** A saved document changed through SQLite (rollback journal, so nothing is left beside it). */
  function edited(name: string, change: (db: Database.Database) => void): Maker {
    return (dir, data) => {
      const file = savedDocument(dir, data, name);
      const db = new Database(file);
      change(db);
      db.close();
      return file;
    };
  }

  const cases: Array<{ name: string; code: DocErrorCode; make: Maker; mentions?: string }> = [
    {
      name: 'an empty file',
      code: 'not-ziping',
      make: (dir) => {
        const f = join(dir, '空文件.ziping');
        writeFileSync(f, '');
        return f;
      },
    },
    {
      name: 'random bytes',
      code: 'not-ziping',
      make: (dir) => {
        const f = join(dir, '乱码.ziping');
        let x = 12345;
        const bytes = Buffer.alloc(8192, 0).map(() => (x = (x * 1103515245 + 12345) & 0x7fffffff) & 0xff);
        writeFileSync(f, bytes);
        return f;
      },
    },
    {
      name: 'a text file',
      code: 'not-ziping',
      make: (dir) => {
        const f = join(dir, '说明.ziping');
        writeFileSync(f, '单位,年度\n测试单位,2024\n'.repeat(20));
        return f;
      },
    },
    {
      name: 'a truncated document (first half of a saved one)',
      code: 'damaged',
      make: (dir, data) => {
        const full = readFileSync(savedDocument(dir, data, 'whole.ziping'));
        rmSync(join(dir, 'whole.ziping'));
        const f = join(dir, '截断.ziping');
        writeFileSync(f, full.subarray(0, Math.floor(full.length / 2)));
        return f;
      },
    },
    {
      name: 'another application’s SQLite database',
      code: 'not-ziping',
      make: anotherAppDatabase(false),
    },
    {
      name: 'another application’s SQLite database in WAL mode',
      code: 'not-ziping',
      make: anotherAppDatabase(true),
    },
    {
      name: 'a working copy taken out of the data folder (WAL mode)',
      code: 'not-ziping',
      mentions: '工作副本',
      make: edited('工作副本.ziping', (db) => db.pragma('journal_mode = WAL')),
    },
    {
      name: 'a document from a newer Ziping',
      code: 'newer-version',
      mentions: '9.0.0',
      make: edited('新版本.ziping', (db) => {
        db.prepare("UPDATE meta SET value = '9.0.0' WHERE key = 'minAppVersion'").run();
        db.pragma('user_version = 99');
      }),
    },
    {
      name: 'a missing path',
      code: 'path-gone',
      make: (dir) => join(dir, '不存在.ziping'),
    },
    {
      name: 'a directory',
      code: 'not-ziping',
      make: (dir) => {
        const f = join(dir, '文件夹.ziping');
        mkdirSync(f);
        return f;
      },
    },
    {
      name: 'a document with a corrupted page in the middle',
      code: 'damaged',
      make: (dir, data) => {
        const f = savedDocument(dir, data, '坏页.ziping');
        const db = raw(f);
        const pageSize = db.pragma('page_size', { simple: true }) as number;
        const pages = db
          .prepare("SELECT pageno FROM dbstat WHERE name = 'forms' ORDER BY pageno")
          .all() as Array<{ pageno: number }>;
        db.close();
        // A page of the forms table from the middle of the file: its first bytes (b-tree page
        // header, or the next-page pointer of an overflow page) overwritten with garbage.
        const page = pages[Math.floor(pages.length / 2)]?.pageno;
        if (page === undefined || page < 2) throw new Error('no forms page to corrupt');
        const bytes = readFileSync(f);
        bytes.fill(0xff, (page - 1) * pageSize, (page - 1) * pageSize + 16);
        writeFileSync(f, bytes);
        return f;
      },
    },
    {
      name: 'a document whose form body is not JSON',
      code: 'damaged',
      mentions: 'f2',
      make: edited('坏表.ziping', (db) => {
        db.prepare("UPDATE forms SET body = 'not json {' WHERE id = 'f2'").run();
      }),
    },
    {
      name: 'a document whose form body is JSON but not a form',
      code: 'damaged',
      make: edited('不是表.ziping', (db) => {
        db.prepare('UPDATE forms SET body = \'{"id":"f1","kind":"project"}\' WHERE id = \'f1\'').run();
      }),
    },
    {
      name: 'a document without its layout',
      code: 'damaged',
      make: edited('缺信息.ziping', (db) => {
        db.prepare("DELETE FROM meta WHERE key = 'layout'").run();
      }),
    },
  ];

  it.each(cases)(
    '$name: $code, in Chinese, naming the file; nothing left behind',
    ({ code, make, mentions }) => {
      const { dir, data } = space();
      const file = make(dir, data);
      // Whatever the makers' own documents left in the data folder is not the open's doing.
      rmSync(data, { recursive: true, force: true });
      const beside = readdirSync(dir).sort();
      const bytes = existsSync(file) && statSync(file).isFile() ? readFileSync(file) : null;

      const r = DocumentSession.open(file, { dataDir: data });
      if (r.ok) sessions.push(r.value);
      const err = expectFailure(r, code);
      expect(err.message).toContain(basename(file));
      if (mentions) expect(err.message).toContain(mentions);
      expect(err.path).toBe(file);

      // Nothing created or changed beside the file, no working copy left in the data folder.
      expect(readdirSync(dir).sort()).toEqual(beside);
      expect(leftovers(dir)).toEqual([]);
      if (bytes) expect(readFileSync(file).equals(bytes)).toBe(true);
      if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) expect(readdirSync(file)).toEqual([]);
      expect(workingFolders(data)).toEqual([]);
      // The crash-recovery scan finds nothing either.
      expect(listRecoverable(data)).toEqual([]);
    },
  );
});

// ---------------------------------------------------------------------------------- 4. read-only

describe('read-only files', () => {
  it('a file without write permission opens read-only; save as makes an editable copy', () => {
    const { dir, data } = space();
    const file = savedDocument(dir, data, '只读.ziping');
    chmodSync(file, 0o444);
    const bytes = readFileSync(file);
    const s = track(DocumentSession.open(file, { dataDir: data }));
    expect(s.readOnly).toBe(true);
    expect(s.readOnlyReason).toBe('no-permission');
    expect(s.readOnlyNotice()).toMatch(CHINESE);
    expect(s.readOnlyNotice()).toContain('另存为');
    // The working copy is ours to write whatever the file's mode: root writes a 444 file anyway,
    // a user could not (tests/adversarial runs this open as a user who is not root).
    expect(statSync(s.workingFile).mode & 0o200).toBe(0o200);
    // A read-only open takes nothing: no owner file.
    expect(existsSync(ownerFilePath(file))).toBe(false);

    const edit = s.apply([
      { op: 'setIndicator', formId: 'f1', indicatorId: firstIndicator(s), field: 'actual', value: '改' },
    ]);
    expectFailure(edit, 'read-only');
    expect(s.dirty).toBe(false);
    expectFailure(s.save(), 'read-only');
    // "Save as" onto the read-only file itself is a save, and refused like one.
    expectFailure(s.saveAs(file), 'read-only');
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o444);

    const copy = join(dir, '副本.ziping');
    unwrap(s.saveAs(copy));
    expect(s.readOnly).toBe(false);
    expect(s.readOnlyNotice()).toBeNull();
    expect(s.path).toBe(copy);
    expect(readOwner(copy)).toMatchObject({ pid: process.pid });
    setActual(s, '=50次/天');
    unwrap(s.save());
    expect(storedDocument(copy).forms[0]?.indicators[0]?.actual).toBe('=50次/天');
    unwrap(closeTracked(s));
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['副本.ziping', '只读.ziping']);
  });

  it('readOnly: true opens without taking the document', () => {
    const { dir, data } = space();
    const file = savedDocument(dir, data);
    const s = track(DocumentSession.open(file, { dataDir: data, readOnly: true }));
    expect(s.readOnlyReason).toBe('requested');
    expect(existsSync(ownerFilePath(file))).toBe(false);
    expectFailure(s.save(), 'read-only');
    // Someone else can still take it.
    const other = track(DocumentSession.open(file, { dataDir: data }));
    expect(other.readOnly).toBe(false);
  });
});

// ---------------------------------------------------------------------------------- 5. two processes

describe('two processes on one document', () => {
  it('the second is read-only and told who holds it; a killed holder locks no one out', async () => {
    const { dir, data } = space();
    const file = savedDocument(dir, data, '共享.ziping');
    const bytes = readFileSync(file);
    const childData = join(dir, '..', 'child-data');
    const holder = holdInChild(file, childData);
    const ready = await holder.ready;
    expect(ready.readOnly).toBe(false);
    expect(ready.pid).toBe(holder.child.pid);
    expect(ready.pid).not.toBe(process.pid);
    expect(readOwner(file)).toMatchObject({ pid: ready.pid, host: hostname() });

    const me = currentUser();
    const second = track(DocumentSession.open(file, { dataDir: data }));
    expect(second.readOnly).toBe(true);
    expect(second.readOnlyReason).toBe('locked');
    expect(second.lockedBy).toMatchObject({ app: 'ziping', user: me.user, host: hostname(), pid: ready.pid });
    expect(second.readOnlyNotice()).toMatch(CHINESE);
    expect(second.readOnlyNotice()).toContain(me.user);
    expectFailure(
      second.apply([
        {
          op: 'setIndicator',
          formId: 'f1',
          indicatorId: firstIndicator(second),
          field: 'actual',
          value: '改',
        },
      ]),
      'read-only',
    );
    expectFailure(second.save(), 'read-only');
    // Closing the read-only window leaves the holder's owner file alone.
    unwrap(closeTracked(second));
    expect(readOwner(file)).toMatchObject({ pid: ready.pid });

    // Save as is still allowed, and the copy is editable.
    const reader = track(DocumentSession.open(file, { dataDir: data }));
    expect(reader.readOnlyReason).toBe('locked');
    const copy = join(dir, '共享-副本.ziping');
    unwrap(reader.saveAs(copy));
    expect(reader.readOnly).toBe(false);
    setActual(reader, '=60次/天');
    unwrap(reader.save());
    unwrap(closeTracked(reader));
    expect(readOwner(file)).toMatchObject({ pid: ready.pid });

    // The holder dies without cleaning up: its owner file stays, stale.
    await kill(holder);
    expect(readOwner(file)).toMatchObject({ pid: ready.pid });
    const after = track(DocumentSession.open(file, { dataDir: data }));
    expect(after.readOnly).toBe(false);
    expect(after.readOnlyReason).toBeNull();
    expect(readOwner(file)).toMatchObject({ pid: process.pid });
    unwrap(closeTracked(after));
    expect(existsSync(ownerFilePath(file))).toBe(false);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    // The holder made no edits: its leftover working copy is cleaned up, nothing is offered.
    expect(listRecoverable(childData)).toEqual([]);
    expect(workingFolders(childData)).toEqual([]);
  });

  it('a killed process’s unsaved edit is offered and recovered', async () => {
    const { dir, data } = space();
    const file = savedDocument(dir, data, '崩溃.ziping');
    const bytes = readFileSync(file);
    const childData = join(dir, '..', 'child-data');
    const holder = holdInChild(file, childData, '子进程输入的理由');
    const ready = await holder.ready;
    // While it runs, its work is not offered for recovery and cannot be taken.
    expect(listRecoverable(childData)).toEqual([]);
    expectFailure(recover(childData, ready.sessionId, { dataDir: childData }), 'locked');

    await kill(holder);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    const offered = listRecoverable(childData);
    expect(offered).toHaveLength(1);
    expect(offered[0]).toMatchObject({
      sessionId: ready.sessionId,
      originalPath: file,
      unit: INIT.unit,
      year: INIT.year,
      unsavedEdits: 1,
    });
    const s = track(recover(childData, ready.sessionId, { dataDir: childData }));
    expect(s.readOnly).toBe(false);
    expect(s.dirty).toBe(true);
    expect(s.document.forms[0]?.indicators[0]?.scoreReason).toBe('子进程输入的理由');
    unwrap(s.save());
    unwrap(closeTracked(s));
    expect(storedDocument(file).forms[0]?.indicators[0]?.scoreReason).toBe('子进程输入的理由');
    expect(listRecoverable(childData)).toEqual([]);
    expect(leftovers(dir)).toEqual([]);
  });

  it('an owner file from another computer keeps the document read-only', () => {
    const { dir, data } = space();
    const file = savedDocument(dir, data, '网络共享.ziping');
    const owner = {
      app: 'ziping',
      user: '张会计',
      host: '其他电脑',
      pid: 4242,
      since: '2025-03-01T08:30:00.000Z',
    };
    writeFileSync(ownerFilePath(file), JSON.stringify(owner));
    const ownerBytes = readFileSync(ownerFilePath(file));

    const s = track(DocumentSession.open(file, { dataDir: data }));
    expect(s.readOnlyReason).toBe('locked');
    expect(s.lockedBy).toMatchObject({ user: '张会计', host: '其他电脑', pid: 4242 });
    expect(s.readOnlyNotice()).toContain('张会计');
    expect(s.readOnlyNotice()).toContain('其他电脑');
    unwrap(closeTracked(s));
    expect(readFileSync(ownerFilePath(file)).equals(ownerBytes)).toBe(true);

    // Creating a new document under that name is refused too.
    const created = DocumentSession.create(file, INIT, { dataDir: data });
    if (created.ok) sessions.push(created.value);
    expect(expectFailure(created, 'locked').message).toContain('张会计');
    expect(readFileSync(ownerFilePath(file)).equals(ownerBytes)).toBe(true);
  });

  it('a second window in the same process only reads', () => {
    const { dir, data } = space();
    const file = savedDocument(dir, data);
    const first = track(DocumentSession.open(file, { dataDir: data }));
    const second = track(DocumentSession.open(file, { dataDir: data }));
    expect(first.readOnly).toBe(false);
    expect(second.readOnlyReason).toBe('locked');
    unwrap(closeTracked(second));
    // The first keeps its owner file.
    expect(readOwner(file)).toMatchObject({ pid: process.pid });
    setActual(first, '=70次/天');
    unwrap(first.save());
    unwrap(closeTracked(first));
    expect(existsSync(ownerFilePath(file))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------- 6. migrations

describe('migrations', () => {
  const NEXT = SCHEMA_VERSION + 1;
  const addNotes: Migration = {
    version: NEXT,
    appVersion: '0.2.0',
    up(db) {
      db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT');
    },
  };
  const throws = (version: number): Migration => ({
    version,
    appVersion: '0.3.0',
    up(db) {
      db.exec('CREATE TABLE half_done (x TEXT)');
      throw new Error('迁移中断');
    },
  });

  function tables(db: Database.Database): string[] {
    return (
      db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as Array<{
        name: string;
      }>
    ).map((r) => r.name);
  }

  it('numbered migrations upgrade a database, each in its own transaction', () => {
    const { dir } = space();
    const db = new Database(join(dir, 'm.sqlite'));
    try {
      expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(migrate(db)).toEqual([]);

      expect(migrate(db, [...MIGRATIONS, addNotes])).toEqual([NEXT]);
      expect(db.pragma('user_version', { simple: true })).toBe(NEXT);
      expect(tables(db)).toContain('notes');
      expect(db.prepare("SELECT value FROM meta WHERE key = 'minAppVersion'").get()).toEqual({
        value: '0.2.0',
      });

      // A migration that throws leaves the database at the last completed version.
      expect(() => migrate(db, [...MIGRATIONS, addNotes, throws(NEXT + 1)])).toThrow('迁移中断');
      expect(db.pragma('user_version', { simple: true })).toBe(NEXT);
      expect(tables(db)).not.toContain('half_done');
      expect(db.prepare("SELECT value FROM meta WHERE key = 'minAppVersion'").get()).toEqual({
        value: '0.2.0',
      });
    } finally {
      db.close();
    }

    // Two pending migrations, the second failing: the first stays applied.
    const db2 = new Database(join(dir, 'm2.sqlite'));
    try {
      migrate(db2);
      expect(() => migrate(db2, [...MIGRATIONS, addNotes, throws(NEXT + 1)])).toThrow();
      expect(db2.pragma('user_version', { simple: true })).toBe(NEXT);
      expect(tables(db2)).toContain('notes');
      expect(tables(db2)).not.toContain('half_done');
    } finally {
      db2.close();
    }
  });

  it('an older file opens upgraded; the original is the untouched backup until saved', () => {
    const { dir, data } = space();
    const file = savedDocument(dir, data, '旧版本.ziping');
    const original = readFileSync(file);
    const migrations = [...MIGRATIONS, addNotes];

    // Opened and closed without saving: the file is exactly as it was.
    const look = track(DocumentSession.open(file, { dataDir: data, migrations }));
    expect(look.readOnly).toBe(false);
    expect(pragma(look.workingFile, 'user_version')).toBe(NEXT);
    expect(readFileSync(file).equals(original)).toBe(true);
    unwrap(closeTracked(look));
    expect(readFileSync(file).equals(original)).toBe(true);
    expect(pragma(file, 'user_version')).toBe(SCHEMA_VERSION);

    const s = track(DocumentSession.open(file, { dataDir: data, migrations }));
    const forms = structuredClone(s.document.forms);
    setActual(s, '=80次/天');
    expect(readFileSync(file).equals(original)).toBe(true);
    unwrap(s.save());
    unwrap(closeTracked(s));
    expect(pragma(file, 'user_version')).toBe(NEXT);
    expect(pragma(file, 'integrity_check')).toBe('ok');
    const db = raw(file);
    expect(tables(db)).toContain('notes');
    db.close();
    const upgraded = storedDocument(file);
    expect(upgraded.forms[0]?.indicators[0]?.actual).toBe('=80次/天');
    expect(upgraded.forms[1]).toEqual(forms[1]);

    // This app (without the new migration) is now the older one: refused, naming the version.
    const refused = DocumentSession.open(file, { dataDir: data });
    if (refused.ok) sessions.push(refused.value);
    const err = expectFailure(refused, 'newer-version');
    expect(err.message).toContain('0.2.0');
    expect(err.message).toContain('旧版本.ziping');
    expect(workingFolders(data)).toEqual([]);
  });

  it('an upgrade that fails leaves the file, the folder and the data folder as they were', () => {
    const { dir, data } = space();
    const file = savedDocument(dir, data, '升级失败.ziping');
    const original = readFileSync(file);
    const r = DocumentSession.open(file, { dataDir: data, migrations: [...MIGRATIONS, throws(NEXT)] });
    if (r.ok) sessions.push(r.value);
    const err = expectFailure(r, 'upgrade-failed');
    expect(err.message).toMatch(CHINESE);
    expect(err.message).toContain('升级失败.ziping');
    expect(err.message).toContain('原文件没有改动');
    expect(readFileSync(file).equals(original)).toBe(true);
    expect(readdirSync(dir)).toEqual(['升级失败.ziping']);
    expect(workingFolders(data)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------- 7. recovery

describe('crash recovery', () => {
  it('offers the unsaved edits of an abandoned session and recovers them', () => {
    const { dir, data } = space();
    const file = savedDocument(dir, data, '恢复.ziping');
    const bytes = readFileSync(file);
    const s = track(DocumentSession.open(file, { dataDir: data }));
    // An open session is not a crash.
    expect(listRecoverable(data)).toEqual([]);
    setActual(s, '=90次/天');
    unwrap(s.apply([{ op: 'setGoals', formId: 'f2', field: 'actual', value: '全部完成（恢复测试）' }]));
    const id = s.id;
    s.abandon();
    sessions.splice(sessions.indexOf(s), 1);
    expect(readFileSync(file).equals(bytes)).toBe(true);

    const offered = listRecoverable(data);
    expect(offered).toHaveLength(1);
    expect(offered[0]).toMatchObject({
      sessionId: id,
      originalPath: file,
      unit: INIT.unit,
      year: INIT.year,
      unsavedEdits: 2,
    });
    expect(offered[0]?.unsavedEdits).toBeGreaterThan(0);
    // Listing twice changes nothing.
    expect(listRecoverable(data)).toEqual(offered);

    const back = track(recover(data, id, { dataDir: data }));
    expect(back.readOnly).toBe(false);
    expect(back.dirty).toBe(true);
    expect(back.path).toBe(file);
    expect(back.document.forms[0]?.indicators[0]?.actual).toBe('=90次/天');
    expect(back.document.forms[1]?.goals.actual).toBe('全部完成（恢复测试）');
    // While recovered and open, it is not offered again.
    expect(listRecoverable(data)).toEqual([]);
    expectFailure(back.close(), 'unsaved-changes');
    unwrap(back.save());
    unwrap(closeTracked(back));
    expect(listRecoverable(data)).toEqual([]);
    expect(workingFolders(data)).toEqual([]);
    expect(storedDocument(file).forms[1]?.goals.actual).toBe('全部完成（恢复测试）');
    expect(leftovers(dir)).toEqual([]);
  });

  it('a clean abandoned session is not offered and its folder is removed', () => {
    const { dir, data } = space();
    const file = savedDocument(dir, data);
    const s = track(DocumentSession.open(file, { dataDir: data }));
    setActual(s, '=91次/天');
    unwrap(s.save());
    const folder = dirname(s.workingFile);
    s.abandon();
    sessions.splice(sessions.indexOf(s), 1);
    expect(existsSync(folder)).toBe(true);
    expect(listRecoverable(data)).toEqual([]);
    expect(existsSync(folder)).toBe(false);
    // The abandoned owner file does not lock anyone out.
    const again = track(DocumentSession.open(file, { dataDir: data }));
    expect(again.readOnly).toBe(false);
  });

  it('discardRecoverable throws the unsaved edits away', () => {
    const { dir, data } = space();
    const file = savedDocument(dir, data);
    const bytes = readFileSync(file);
    const s = track(DocumentSession.open(file, { dataDir: data }));
    setActual(s, '=92次/天');
    s.abandon();
    sessions.splice(sessions.indexOf(s), 1);
    const [offer] = listRecoverable(data);
    expect(offer?.sessionId).toBe(s.id);
    discardRecoverable(data, s.id);
    expect(listRecoverable(data)).toEqual([]);
    expect(workingFolders(data)).toEqual([]);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expectFailure(recover(data, s.id, { dataDir: data }), 'path-gone');
  });

  it('recovered edits whose file someone else now holds: read-only, kept, saved elsewhere', () => {
    const { dir, data } = space();
    const file = savedDocument(dir, data, '被占用.ziping');
    const bytes = readFileSync(file);
    const s = track(DocumentSession.open(file, { dataDir: data }));
    setActual(s, '=93次/天');
    s.abandon();
    sessions.splice(sessions.indexOf(s), 1);
    // Meanwhile a colleague opened the file on another computer.
    writeFileSync(
      ownerFilePath(file),
      JSON.stringify({
        app: 'ziping',
        user: '王审核',
        host: '其他电脑',
        pid: 77,
        since: new Date().toISOString(),
      }),
    );
    const back = track(recover(data, s.id, { dataDir: data }));
    expect(back.readOnlyReason).toBe('locked');
    expect(back.readOnlyNotice()).toContain('王审核');
    expect(back.dirty).toBe(true);
    expect(back.document.forms[0]?.indicators[0]?.actual).toBe('=93次/天');
    // Closing would lose the recovered work: refused like any unsaved change.
    expectFailure(back.close(), 'unsaved-changes');
    expectFailure(back.save(), 'read-only');
    const copy = join(dir, '恢复的副本.ziping');
    unwrap(back.saveAs(copy));
    expect(back.dirty).toBe(false);
    unwrap(closeTracked(back));
    expect(storedDocument(copy).forms[0]?.indicators[0]?.actual).toBe('=93次/天');
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readOwner(file)).toMatchObject({ user: '王审核' });
    expect(listRecoverable(data)).toEqual([]);
  });

  it('a new document never saved is offered, and saved with save as', () => {
    const { dir, data } = space();
    const s = track(DocumentSession.create(null, INIT, { dataDir: data }));
    unwrap(s.apply([{ op: 'insertForm', index: 0, form: form('002-04.json', 'f1') }]));
    const forms = structuredClone(s.document.forms);
    s.abandon();
    sessions.splice(sessions.indexOf(s), 1);
    const [offer] = listRecoverable(data);
    expect(offer).toMatchObject({ sessionId: s.id, originalPath: null, unit: INIT.unit });
    expect(offer?.unsavedEdits).toBeGreaterThan(0);
    const back = track(recover(data, s.id, { dataDir: data }));
    expect(back.document.forms).toEqual(forms);
    expectFailure(back.save(), 'needs-path');
    const file = join(dir, '新建.ziping');
    unwrap(back.saveAs(file));
    unwrap(closeTracked(back));
    expect(storedDocument(file).forms).toEqual(forms);
    expect(listRecoverable(data)).toEqual([]);
  });

  it('a working copy left by a crash in the middle of opening is cleaned up, not offered', () => {
    const { dir, data } = space();
    const file = savedDocument(dir, data);
    const s = track(DocumentSession.open(file, { dataDir: data }));
    const folder = dirname(s.workingFile);
    unwrap(closeTracked(s));
    // What open() leaves if killed before the copy is in place: session.json and an empty database.
    mkdirSync(folder, { recursive: true });
    new Database(join(folder, 'doc.ziping')).close();
    writeFileSync(
      join(folder, 'session.json'),
      JSON.stringify({
        sessionId: basename(folder),
        originalPath: file,
        pid: 999_999_999,
        host: hostname(),
        user: 'x',
        openedAt: '',
        savedSeq: 0,
      }),
    );
    expect(listRecoverable(data)).toEqual([]);
    expect(existsSync(folder)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------- 8. errors are values

describe('errors are values', () => {
  it('no store function throws for the expected failures', () => {
    const { dir, data } = space();
    const file = savedDocument(dir, data);
    const notDir = join(dir, 'plain-file');
    writeFileSync(notDir, 'x');

    const failing: Array<[string, () => DocResult<unknown>]> = [
      ['open missing', () => DocumentSession.open(join(dir, 'missing.ziping'), { dataDir: data })],
      ['open folder', () => DocumentSession.open(dir, { dataDir: data })],
      ['open with a file as data folder', () => DocumentSession.open(file, { dataDir: notDir })],
      [
        'create with a file as data folder',
        () => DocumentSession.create(join(dir, 'n.ziping'), INIT, { dataDir: notDir }),
      ],
      ['recover unknown', () => recover(data, 'no-such-session', { dataDir: data })],
      ['recover outside the data folder', () => recover(data, '../../..', { dataDir: data })],
    ];
    for (const [what, call] of failing) {
      let r: DocResult<unknown> | undefined;
      expect(() => (r = call()), what).not.toThrow();
      expect(r?.ok, what).toBe(false);
      if (r && !r.ok) expect(r.error.message, what).toMatch(CHINESE);
      if (r?.ok && r.value instanceof DocumentSession) r.value.close({ discard: true });
    }
    // Nothing was left beside the document by the failed opens.
    expect(leftovers(dir)).toEqual([]);
    expect(existsSync(ownerFilePath(file))).toBe(false);
    expect(() => listRecoverable(notDir)).not.toThrow();
    expect(listRecoverable(notDir)).toEqual([]);
    expect(listRecoverable(join(dir, 'nowhere'))).toEqual([]);
    expect(() => discardRecoverable(data, 'no-such-session')).not.toThrow();

    const s = track(DocumentSession.open(file, { dataDir: data }));
    expect(() => s.saveAs(join(notDir, 'x.ziping'))).not.toThrow();
    expect(() => s.saveAs(dir)).not.toThrow();
    expect(s.saveAs(dir).ok).toBe(false);
    unwrap(closeTracked(s));
    expect(() => s.close()).not.toThrow();
    // A closed session refuses, without blaming the file.
    for (const r of [
      s.save(),
      s.saveAs(join(dir, 'z.ziping')),
      s.apply([{ op: 'setMeta', field: 'unit', value: 'x' }]),
    ]) {
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).not.toBe('damaged');
        expect(r.error.message).toMatch(CHINESE);
      }
    }
    expect(existsSync(join(dir, 'z.ziping'))).toBe(false);
  });
});
