/**
 * Hostile .ziping files (issue 17): each built here from a real document, then given SQL of its
 * own, a wrong schema version or no write permission. Opening, reading, scoring and reviewing
 * must refuse what is not ours with a clear message, never run it, never hang, lose nothing of
 * the user's, and still serve a document the user may only read.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DocumentSession,
  SCHEMA_VERSION,
  rebuildCleanCopy,
  type DocError,
  type DocResult,
} from '../../electron/services/document-store';
import { DocFailure } from '../../electron/services/document-store/errors';
import { readReviewFrom, readReviewFile } from '../../electron/services/document-store/review-store';
import { readDocumentSnapshot } from '../../electron/services/document-store/snapshot';
import type { ZipingDocument } from '../../shared/model/types';
import { AppService } from '../../electron/services/handlers';
import { writeDocumentFile } from '../support/document-file';
import { comment } from '../support/review-items';
import { fixtureDocument } from '../support/documents';
import { ROOT, runZipingInProcess } from '../support/run-cli';
import { useTempDir } from '../support/temp-dir';
import { asUser, isRoot, NOBODY, skipReason } from '../support/non-root';

const tmp = useTempDir('ziping-hostile-');
let counter = 0;

function space(): { dir: string; data: string } {
  const dir = join(tmp(), `t${++counter}`);
  const data = join(dir, 'data');
  mkdirSync(data, { recursive: true });
  return { dir, data };
}

const ORIGINAL: ZipingDocument = fixtureDocument('shanxi');

/** A real document of ours, then `sql` run on it as an attacker would (any SQLite tool). */
function hostile(dir: string, data: string, sql: string, name = '共享.ziping'): string {
  const file = join(dir, name);
  writeDocumentFile(file, ORIGINAL, data);
  const db = new Database(file);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
  return file;
}

function failed<T>(r: DocResult<T>): DocError {
  if (r.ok) throw new Error('expected a refusal, the document was accepted');
  return r.error;
}

function schemaOf(file: string): Array<{ type: string; name: string }> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT type, name FROM sqlite_master ORDER BY type, name').all() as Array<{
      type: string;
      name: string;
    }>;
  } finally {
    db.close();
  }
}

function workingCopies(data: string): string[] {
  const root = join(data, 'working');
  return existsSync(root) ? readdirSync(root) : [];
}

const REFUSED = '为安全起见不予打开';

/** Every path that reads a shared document refuses it with `expected` and leaves it as it was. */
async function expectRefusedEverywhere(file: string, data: string, expected: RegExp): Promise<DocError> {
  const bytes = readFileSync(file);
  const opened = failed(DocumentSession.open(file, { dataDir: data }));
  expect(opened.code).toBe('foreign-schema');
  expect(opened.message).toMatch(expected);
  expect(opened.message).toContain(REFUSED);
  expect(failed(DocumentSession.open(file, { dataDir: data, review: true })).code).toBe('foreign-schema');
  expect(failed(readDocumentSnapshot(file, { dataDir: data })).code).toBe('foreign-schema');
  let review: unknown = null;
  try {
    readReviewFrom(file);
  } catch (e) {
    review = e;
  }
  expect(review).toBeInstanceOf(DocFailure);
  expect((review as DocFailure).error.code).toBe('foreign-schema');
  const score = await runZipingInProcess(['score', file]);
  expect(score.code).not.toBe(0);
  expect(score.stdout).toBe('');
  expect(score.stderr).toContain(REFUSED);
  // Nothing left behind, nothing changed.
  expect(workingCopies(data)).toEqual([]);
  expect(readFileSync(file).equals(bytes)).toBe(true);
  return opened;
}

describe('planted triggers', () => {
  it.each([
    ['after insert on changes', 'CREATE TRIGGER wipe AFTER INSERT ON changes BEGIN DELETE FROM forms; END;'],
    [
      'after update on forms',
      "CREATE TRIGGER rename AFTER UPDATE ON forms BEGIN UPDATE meta SET value = '被篡改' WHERE key = 'unit'; END;",
    ],
  ])('%s: refused everywhere; the clean copy keeps every form and no trigger', async (_, sql) => {
    const { dir, data } = space();
    const file = hostile(dir, data, sql);
    const error = await expectRefusedEverywhere(file, data, /触发器\/视图/);
    expect(error.canRebuild).toBe(true);
    expect((await runZipingInProcess(['score', file])).stderr).toContain('ziping rebuild');

    const clean = join(dir, '干净副本.ziping');
    const rebuilt = rebuildCleanCopy(file, clean);
    if (!rebuilt.ok) throw new Error(rebuilt.error.message);
    expect(rebuilt.value.leftOut).toHaveLength(1);
    expect(rebuilt.value.leftOut[0]).toMatch(/^trigger /);
    expect(schemaOf(clean).filter((o) => o.type === 'trigger')).toEqual([]);

    // The clean copy opens for editing, holds the author's data, and an edit saved in it
    // meets no trigger.
    const opened = DocumentSession.open(clean, { dataDir: data });
    if (!opened.ok) throw new Error(opened.error.message);
    const s = opened.value;
    expect(s.readOnly).toBe(false);
    expect(s.document.forms).toEqual(ORIGINAL.forms);
    expect(s.document.meta.unit).toBe(ORIGINAL.meta.unit);
    const form = s.document.forms[0];
    const indicator = form?.indicators[0];
    if (!form || !indicator) throw new Error('fixture has no indicator');
    const edit = s.apply([
      { op: 'setIndicator', formId: form.id, indicatorId: indicator.id, field: 'actual', value: '已核实' },
    ]);
    expect(edit.ok).toBe(true);
    expect(s.save().ok).toBe(true);
    expect(s.close().ok).toBe(true);
    const saved = readDocumentSnapshot(clean, { dataDir: data });
    if (!saved.ok) throw new Error(saved.error.message);
    expect(saved.value.forms).toHaveLength(ORIGINAL.forms.length);
    expect(saved.value.meta.unit).toBe(ORIGINAL.meta.unit);
    expect(saved.value.forms[0]?.indicators[0]?.actual).toBe('已核实');
    expect(schemaOf(clean).filter((o) => o.type === 'trigger')).toEqual([]);
  });

  it('ziping rebuild writes the clean copy and never overwrites', async () => {
    const { dir, data } = space();
    const file = hostile(
      dir,
      data,
      'CREATE TRIGGER wipe AFTER INSERT ON changes BEGIN DELETE FROM forms; END;',
    );
    const out = join(dir, '重建.ziping');
    const run = await runZipingInProcess(['rebuild', file, '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('trigger wipe');
    const score = await runZipingInProcess(['score', out]);
    expect(score.code).toBe(0);
    expect((JSON.parse(score.stdout) as { forms: unknown[] }).forms).toHaveLength(ORIGINAL.forms.length);
    const again = await runZipingInProcess(['rebuild', file, '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已存在');
  });
});

describe('views, extra objects, wrong schema', () => {
  it('a view is refused', async () => {
    const { dir, data } = space();
    const file = hostile(dir, data, 'CREATE VIEW all_forms AS SELECT * FROM forms;');
    expect((await expectRefusedEverywhere(file, data, /触发器\/视图/)).canRebuild).toBe(true);
  });

  it.each([
    ['an extra table', 'CREATE TABLE extra (x TEXT); INSERT INTO extra VALUES (1);'],
    ['an extra index', 'CREATE INDEX forms_position ON forms(position);'],
  ])('%s is refused; the data can be rebuilt', async (_, sql) => {
    const { dir, data } = space();
    const file = hostile(dir, data, sql);
    expect((await expectRefusedEverywhere(file, data, /数据表或索引/)).canRebuild).toBe(true);
    const rebuilt = rebuildCleanCopy(file, join(dir, '副本.ziping'));
    expect(rebuilt.ok).toBe(true);
  });

  it('a schema too big to be ours is refused before SQLite parses it', async () => {
    const { dir, data } = space();
    const views = Array.from({ length: 300 }, (_, i) => `CREATE VIEW v${i} AS SELECT * FROM forms;`);
    const file = hostile(dir, data, views.join('\n'));
    const error = await expectRefusedEverywhere(file, data, /大量不属于自评表的数据库对象/);
    expect(error.canRebuild).toBe(false);
  });

  it('a table of ours changed is refused, and cannot be rebuilt', async () => {
    const { dir, data } = space();
    const file = hostile(
      dir,
      data,
      'DROP TABLE forms; CREATE TABLE forms (id TEXT PRIMARY KEY, position INTEGER NOT NULL, body TEXT NOT NULL, extra TEXT) STRICT;',
    );
    const error = await expectRefusedEverywhere(file, data, /数据库结构与其版本（第 2 版）不符/);
    expect(error.canRebuild).toBe(false);
    const rebuilt = rebuildCleanCopy(file, join(dir, '副本.ziping'));
    expect(rebuilt.ok).toBe(false);
    expect(existsSync(join(dir, '副本.ziping'))).toBe(false);
  });

  it('a schema version this app does not know is refused as newer, by the command line too', async () => {
    const { dir, data } = space();
    const file = hostile(dir, data, `PRAGMA user_version = ${SCHEMA_VERSION + 5};`);
    const error = failed(DocumentSession.open(file, { dataDir: data }));
    expect(error.code).toBe('newer-version');
    expect(error.message).toContain('更新版本');
    const score = await runZipingInProcess(['score', file]);
    expect(score.code).toBe(2);
    expect(score.stderr).toContain('更新版本');
    expect(workingCopies(data)).toEqual([]);
  });

  it('a schema older than its tables (user_version lowered) is refused', async () => {
    const { dir, data } = space();
    const file = hostile(dir, data, 'PRAGMA user_version = 1;');
    await expectRefusedEverywhere(file, data, /数据表或索引/);
    const zero = hostile(dir, data, 'PRAGMA user_version = 0;', '零.ziping');
    expect((await expectRefusedEverywhere(zero, data, /数据表或索引/)).canRebuild).toBe(false);
  });
});

describe('what the window calls', () => {
  it('doc/open refuses with canRebuild; doc/rebuildCleanCopy saves a copy that opens', () => {
    const { dir, data } = space();
    const file = hostile(
      dir,
      data,
      'CREATE TRIGGER wipe AFTER INSERT ON changes BEGIN DELETE FROM forms; END;',
    );
    const app = new AppService(data);
    const refused = app.call('doc/open', { path: file });
    expect(refused).toMatchObject({ ok: false, error: { code: 'foreign-schema', canRebuild: true } });
    const to = join(dir, '干净.ziping');
    expect(app.call('doc/rebuildCleanCopy', { from: file, to: join(dir, 'x.txt') })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(app.call('doc/rebuildCleanCopy', { from: file, to: file })).toMatchObject({ ok: false });
    expect(app.call('doc/rebuildCleanCopy', { from: file, to })).toMatchObject({
      ok: true,
      value: { path: to },
    });
    expect(app.call('doc/open', { path: to })).toMatchObject({ ok: true });
    expect(app.call('doc/close', { discard: false })).toMatchObject({ ok: true });
  });

  it('review/saveAs writes the review file where the user chose; later saves go there too', () => {
    const { dir, data } = space();
    const file = join(dir, '送审.ziping');
    writeDocumentFile(file, ORIGINAL, data);
    const app = new AppService(data);
    expect(app.call('doc/open', { path: file, review: true })).toMatchObject({ ok: true });
    const formId = ORIGINAL.forms[0]?.id ?? null;
    const put = (id: string) =>
      app.call('review/apply', { patches: [{ op: 'putReview', item: comment(id, formId, '意见') }] });
    expect(put('c1')).toMatchObject({ ok: true });
    const chosen = join(dir, '别处', '我的审核.ziping-review');
    mkdirSync(join(dir, '别处'));
    expect(app.call('review/saveAs', { path: join(dir, '审核.txt') })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(app.call('review/saveAs', { path: chosen })).toMatchObject({
      ok: true,
      value: { reviewFile: chosen, dirty: false },
    });
    expect(put('c2')).toMatchObject({ ok: true });
    expect(app.call('doc/save', {})).toMatchObject({ ok: true, value: { dirty: false } });
    expect(
      readReviewFile(chosen)
        .map((i) => i.id)
        .sort(),
    ).toEqual(['c1', 'c2']);
    expect(existsSync(file.replace(/\.ziping$/, '.ziping-review'))).toBe(false);
    expect(app.call('doc/close', { discard: false })).toMatchObject({ ok: true });
    // A document the user may write keeps its review data itself.
    expect(app.call('doc/open', { path: file })).toMatchObject({
      ok: true,
      value: { status: { readOnly: false } },
    });
    expect(app.call('review/saveAs', { path: chosen })).toMatchObject({
      ok: false,
      error: { code: 'invalid-change' },
    });
    expect(app.call('doc/close', { discard: false })).toMatchObject({ ok: true });
  });
});

/** Runs tests/support/untrusted-child.ts; a run that outlives `killAfterMs` is killed and fails. */
function child(
  args: string[],
  options: { prefix?: string[]; env?: NodeJS.ProcessEnv; killAfterMs?: number } = {},
): Promise<{ code: number | null; killed: boolean; stdout: string; stderr: string }> {
  const command = [
    ...(options.prefix ?? []),
    process.execPath,
    '--import',
    'tsx',
    join('tests', 'support', 'untrusted-child.ts'),
    ...args,
  ];
  return new Promise((resolve, reject) => {
    const p = spawn(command[0] as string, command.slice(1), {
      cwd: ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    p.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
    p.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    const timer = setTimeout(() => {
      killed = true;
      p.kill('SIGKILL');
    }, options.killAfterMs ?? 120_000);
    p.on('error', reject);
    p.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, killed, stdout, stderr });
    });
  });
}

describe('recursive views (no hang)', () => {
  const RECURSE =
    'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x AS key, x AS value FROM c';

  it.each([
    ['an extra recursive view', `CREATE VIEW forever AS ${RECURSE};`, 'foreign-schema'],
    [
      'meta replaced by a recursive view',
      `DROP TABLE meta; CREATE VIEW meta AS ${RECURSE};`,
      'foreign-schema',
    ],
    [
      'a newer version whose meta is a recursive view',
      `DROP TABLE meta; CREATE VIEW meta AS ${RECURSE}; PRAGMA user_version = ${SCHEMA_VERSION + 1};`,
      'newer-version',
    ],
  ])(
    '%s: every read answers with an error within 5 s',
    async (_, sql, code) => {
      const { dir, data } = space();
      const file = hostile(dir, data, sql);
      const bytes = readFileSync(file);
      // A regression would spin forever: the child is killed after 2 minutes and the test fails.
      const run = await child(['open', file, data]);
      expect(run.killed).toBe(false);
      expect(run.code, run.stderr).toBe(0);
      const r = JSON.parse(run.stdout) as Record<
        'session' | 'snapshot' | 'score',
        { ms: number; value: { code: string | number; stderr?: string } | null }
      >;
      expect(r.session.value?.code).toBe(code);
      expect(r.snapshot.value?.code).toBe(code);
      expect(r.score.value?.code).toBe(2);
      // The bound; each takes milliseconds, 5 s leaves room for a loaded machine.
      for (const step of [r.session, r.snapshot, r.score]) expect(step.ms).toBeLessThan(5000);
      expect(readFileSync(file).equals(bytes)).toBe(true);
      expect(workingCopies(data)).toEqual([]);
    },
    150_000,
  );
});

// ------------------------------------------------------------------ read-only files, not as root

describe(`read-only documents, opened by a user who is not root${skipReason}`, () => {
  // A folder the unprivileged user can use; the runner's temp folder may not be reachable by it.
  const base = asUser === null ? '' : mkdtempSync(join(tmpdir(), 'ziping-nonroot-'));
  afterAll(() => {
    if (base) rmSync(base, { recursive: true, force: true });
  });

  /** A folder owned by the test user (root changes owners; a non-root runner owns it already). */
  function usersFolder(name: string): string {
    const dir = join(base, name);
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    if (isRoot) chownSync(dir, NOBODY, NOBODY);
    return dir;
  }

  /** A 444 document in `folder`; `folderWritable` false: a folder the user cannot write either. */
  function readOnlyDocument(folder: string, folderWritable: boolean): string {
    const dir = folderWritable ? usersFolder(folder) : join(base, folder);
    if (!folderWritable) mkdirSync(dir, { recursive: true, mode: 0o755 });
    const file = join(dir, '只读文档.ziping');
    const making = join(base, `making-${folder}`);
    mkdirSync(making, { recursive: true });
    writeDocumentFile(file, ORIGINAL, making);
    chmodSync(file, 0o444);
    // Not root: the folder that must not be writable loses its write bit for its owner too.
    if (!folderWritable && !isRoot) chmodSync(dir, 0o555);
    return file;
  }

  async function reviewAsUser(file: string): Promise<Record<string, unknown>> {
    const data = usersFolder(`data-${++counter}`);
    const out = usersFolder(`out-${counter}`);
    const home = usersFolder(`home-${counter}`);
    chmodSync(base, 0o755);
    const run = await child(['review', file, data, out], {
      prefix: asUser ?? [],
      env: { HOME: home, ZIPING_DATA_DIR: data },
    });
    expect(run.killed).toBe(false);
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(r.uid).not.toBe(0);
    // The working copy is gone with the session.
    expect(workingCopies(data)).toEqual([]);
    return { ...r, out };
  }

  it.skipIf(asUser === null)(
    'a 444 file opens read-only: read, scored, exported; the review goes to the review file beside it',
    async () => {
      const file = readOnlyDocument('shared', true);
      const bytes = readFileSync(file);
      const r = await reviewAsUser(file);
      expect(r.readOnlyReason).toBe('no-permission');
      expect(r.forms).toBe(ORIGINAL.forms.length);
      expect(r.score).toMatchObject({ code: 0, forms: ORIGINAL.forms.length });
      expect(r.export).toMatchObject({ code: 0, written: true });
      expect(r.applied).toBe(true);
      const reviewFile = file.replace(/\.ziping$/, '.ziping-review');
      expect(r.save).toEqual({ ok: true, reviewFile });
      expect(r.reviewItems).toEqual(['c-nonroot']);
      expect(readReviewFile(reviewFile).map((i) => i.id)).toEqual(['c-nonroot']);
      expect(r.dirty).toBe(false);
      expect(r.closed).toBe(true);
      expect(readFileSync(file).equals(bytes)).toBe(true);
      // A read-only open takes nothing: no owner file beside the document.
      expect(readdirSync(join(base, 'shared')).sort()).toEqual(['只读文档.ziping', '只读文档.ziping-review']);
    },
    150_000,
  );

  it.skipIf(asUser === null)(
    'in a folder the user cannot write, saving the review says so and it is saved elsewhere',
    async () => {
      const file = readOnlyDocument('locked', false);
      const bytes = readFileSync(file);
      const r = await reviewAsUser(file);
      expect(r.readOnlyReason).toBe('no-permission');
      expect(r.score).toMatchObject({ code: 0 });
      expect(r.export).toMatchObject({ code: 0, written: true });
      const save = r.save as { ok: boolean; error: DocError };
      expect(save.ok).toBe(false);
      expect(save.error.message).toContain('审核文件另存为');
      expect(save.error.message).toContain('没有丢失');
      const elsewhere = join(r.out as string, '审核意见.ziping-review');
      expect(r.saveAs).toEqual({ ok: true, reviewFile: elsewhere });
      expect(r.reviewItems).toEqual(['c-nonroot']);
      expect(r.dirty).toBe(false);
      expect(readFileSync(file).equals(bytes)).toBe(true);
      expect(readdirSync(join(base, 'locked'))).toEqual(['只读文档.ziping']);
    },
    150_000,
  );
});
