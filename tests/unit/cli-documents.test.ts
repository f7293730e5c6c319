/**
 * The command line over .ziping documents, through its main() in this process: new, import (add
 * and replace), export-json, score/check of a document; JSON in → document → JSON out is lossless
 * for every transcribed real form; and the bundled sample document is what `npm run sample` builds.
 */
import Database from 'better-sqlite3';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DocumentSession } from '../../electron/services/document-store';
import { readDocumentSnapshot } from '../../electron/services/document-store/snapshot';
import { fixtureFiles, FIXTURE_DIR } from '../support/documents';
import { runZipingInProcess } from '../support/run-cli';
import { buildSample, SAMPLE_PATH } from '../../scripts/build-sample';

let dir: string;
const CHINESE = /[\u4e00-\u9fff]/;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ziping-cli-doc-'));
  vi.stubEnv('ZIPING_DATA_DIR', join(dir, 'data'));
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

/** The command's main(), in this process: its data folder is ZIPING_DATA_DIR. */
const z = (...args: string[]) => runZipingInProcess(args);

describe('ziping new / import / export-json', { timeout: 120_000 }, () => {
  it('builds a document from every real form and gives every form back unchanged', async () => {
    const doc = join(dir, '晋城.ziping');
    const made = await z('new', doc, '--unit', '晋城市生态环境局', '--year', '2024', '--layout', 'shanxi');
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain('山西（晋城）');

    const shanxi = fixtureFiles().filter((f) => f.startsWith('002-'));
    for (const file of shanxi) {
      const run = await z('import', join(FIXTURE_DIR, file), '--into', doc);
      expect(run.code, run.stderr).toBe(0);
    }
    const out = join(dir, 'out');
    const exported = await z('export-json', doc, '--out', out);
    expect(exported.code, exported.stderr).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(shanxi.length);
    files.forEach((file, i) => {
      const original = JSON.parse(readFileSync(join(FIXTURE_DIR, shanxi[i] as string), 'utf8')) as unknown;
      expect(JSON.parse(readFileSync(join(out, file), 'utf8'))).toEqual(original);
    });
    // Nothing is left behind: no owner file, no temp file, no working copy.
    expect(readdirSync(dir).filter((f) => f.startsWith('~$') || f.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(join(dir, 'data', 'working'))).toEqual([]);
  });

  it('import replaces the form of the same name and adds the rest', async () => {
    const doc = join(dir, 'replace.ziping');
    expect((await z('new', doc, '--unit', '单位', '--year', '2024', '--layout', 'shanxi')).code).toBe(0);
    const first = await z('import', join(FIXTURE_DIR, '002-01.json'), '--into', doc);
    expect(first.stdout).toContain('新增 1 张，替换 0 张');
    const changed = JSON.parse(readFileSync(join(FIXTURE_DIR, '002-01.json'), 'utf8')) as {
      indicators: Array<{ actual: string }>;
    };
    (changed.indicators[0] as { actual: string }).actual = '=9次/天';
    const edited = join(dir, 'edited.json');
    writeFileSync(edited, JSON.stringify(changed));
    const again = await z('import', edited, '--into', doc);
    expect(again.stdout).toContain('新增 0 张，替换 1 张');
    const snapshot = readDocumentSnapshot(doc, { dataDir: join(dir, 'data') });
    if (!snapshot.ok) throw new Error(snapshot.error.message);
    expect(snapshot.value.forms).toHaveLength(1);
    expect(snapshot.value.forms[0]?.indicators[0]?.actual).toBe('=9次/天');
  });

  it('a form of another layout or year is imported with a note', async () => {
    const doc = join(dir, 'other.ziping');
    await z('new', doc, '--unit', '单位', '--year', '2023', '--layout', 'national');
    const run = await z('import', join(FIXTURE_DIR, '002-03.json'), '--into', doc);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('山西（晋城）样式');
    expect(run.stderr).toContain('2024 年度');
  });

  it('score and check read documents', async () => {
    const score = await z('score', SAMPLE_PATH);
    expect(score.code, score.stderr).toBe(0);
    const report = JSON.parse(score.stdout) as { forms: Array<{ projectName: string; total: number }> };
    expect(report.forms.length).toBeGreaterThanOrEqual(11);
    const check = await z('check', SAMPLE_PATH);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/共 \d+ 个错误/);
  });

  it.each([
    [['new', 'x.ziping', '--year', '2024'], '--unit'],
    [['new', join('x.ziping'), '--unit', '单位', '--year', '24'], '--year'],
    [['new', 'x.ziping', '--unit', '单位', '--year', '2024', '--layout', 'beijing'], '--layout'],
    [['new', 'x.json', '--unit', '单位', '--year', '2024'], '.ziping'],
    [['import', join(FIXTURE_DIR, '002-01.json')], '--into'],
    [['export-json', 'nowhere.ziping', '--out', 'o'], '找不到'],
    [['export-json', join(FIXTURE_DIR, '002-01.json'), '--out', 'o'], '.ziping'],
  ])('bad usage %j exits 2 with one Chinese line naming %s', async (args, named) => {
    const run = await z(...args);
    expect(run.code).toBe(2);
    const lines = run.stderr.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(CHINESE);
    expect(lines[0]).toContain(named);
  });

  it('new refuses to overwrite an existing document', async () => {
    const doc = join(dir, 'exists.ziping');
    await z('new', doc, '--unit', '单位', '--year', '2024');
    const before = readFileSync(doc);
    const run = await z('new', doc, '--unit', '别的', '--year', '2024');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('已存在');
    expect(readFileSync(doc).equals(before)).toBe(true);
  });

  it('import into a damaged document fails cleanly and changes nothing', async () => {
    const doc = join(dir, 'broken.ziping');
    writeFileSync(doc, 'not a database at all');
    const run = await z('import', join(FIXTURE_DIR, '002-01.json'), '--into', doc);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('不是自评表文档');
    expect(readFileSync(doc, 'utf8')).toBe('not a database at all');
  });
});

describe('the bundled sample document', () => {
  it('holds a department form and at least ten project forms of real data', () => {
    expect(existsSync(SAMPLE_PATH)).toBe(true);
    const snapshot = readDocumentSnapshot(SAMPLE_PATH, { dataDir: join(dir, 'data') });
    if (!snapshot.ok) throw new Error(snapshot.error.message);
    const forms = snapshot.value.forms;
    expect(forms[0]?.kind).toBe('department');
    expect(forms.filter((f) => f.kind === 'project').length).toBeGreaterThanOrEqual(10);
  });

  it('is what npm run sample builds from the fixtures', () => {
    const rebuilt = join(dir, 'sample.ziping');
    buildSample(rebuilt);
    const a = readDocumentSnapshot(SAMPLE_PATH, { dataDir: join(dir, 'data') });
    const b = readDocumentSnapshot(rebuilt, { dataDir: join(dir, 'data') });
    if (!a.ok || !b.ok) throw new Error('sample unreadable');
    expect(a.value.forms).toEqual(b.value.forms);
    expect({ ...a.value.meta, createdAt: '', modifiedAt: '' }).toEqual({
      ...b.value.meta,
      createdAt: '',
      modifiedAt: '',
    });
  });

  it('has the current schema and can be opened, edited and saved', () => {
    const schemaOf = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all();
      } finally {
        db.close();
      }
    };
    const rebuilt = join(dir, 'sample-schema.ziping');
    buildSample(rebuilt);
    expect(schemaOf(SAMPLE_PATH)).toEqual(schemaOf(rebuilt));

    const copy = join(dir, '示例副本.ziping');
    copyFileSync(SAMPLE_PATH, copy);
    const opened = DocumentSession.open(copy, { dataDir: join(dir, 'data') });
    if (!opened.ok) throw new Error(opened.error.message);
    const s = opened.value;
    const form = s.document.forms[1];
    const ind = form?.indicators[0];
    if (!form || !ind) throw new Error('sample has no line');
    const edit = s.apply([
      { op: 'setIndicator', formId: form.id, indicatorId: ind.id, field: 'actual', value: '完成' },
    ]);
    expect(edit.ok ? '' : edit.error.message).toBe('');
    expect(s.save().ok).toBe(true);
    expect(s.close().ok).toBe(true);
  });
});
