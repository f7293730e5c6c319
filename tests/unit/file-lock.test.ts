/**
 * Lock files (electron/services/file-lock.ts) and their two users, owner files and review-file
 * saves, one step at a time: what is broken (a dead process's lock, after proof), what is never
 * touched (a live process's lock, a lock that changed since it was read, anything a reader
 * sees), and what a save does when it cannot have the lock.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentSession } from '../../electron/services/document-store';
import { DocFailure } from '../../electron/services/document-store/errors';
import { acquireOwner, ownerFilePath } from '../../electron/services/document-store/owner-lock';
import {
  readReviewFile,
  reviewFilePath,
  saveReviewFile,
} from '../../electron/services/document-store/review-store';
import { breakStaleLock, createExclusive, withFileLock } from '../../electron/services/file-lock';
import { writeDocumentFile } from '../support/document-file';
import { fixtureDocument } from '../support/documents';
import { deadPid } from '../support/race-workers';
import { comment } from '../support/review-items';
import { useTempDir } from '../support/temp-dir';

const tmp = useTempDir('ziping-file-lock-');
const me = { user: '测试', host: hostname(), pid: process.pid };
const DOCUMENT = { unit: '测试单位', year: 2024 };

function folder(): string {
  return mkdtempSync(join(tmp(), 'case-'));
}

/** Lock content naming `pid` on this computer. */
function lockOf(pid: number): string {
  return JSON.stringify({
    app: 'ziping',
    user: '他人',
    host: hostname(),
    pid,
    since: new Date().toISOString(),
  });
}

/** The ids of the items in a review file, sorted. */
function idsIn(reviewFile: string): string[] {
  return readReviewFile(reviewFile)
    .map((i) => i.id)
    .sort();
}

function makeOld(file: string): void {
  const old = new Date(Date.now() - 60_000);
  utimesSync(file, old, old);
}

describe('lock files', () => {
  it('an exclusive create writes the whole file once; a second create finds it there', () => {
    const file = join(folder(), 'a.lock');
    expect(createExclusive(file, 'first')).toBe('created');
    expect(createExclusive(file, 'second')).toBe('exists');
    expect(readFileSync(file, 'utf8')).toBe('first');
    expect(readdirSync(join(file, '..'))).toEqual(['a.lock']);
  });

  it('a stale lock is broken only while it still holds what was proved stale', async () => {
    const dir = folder();
    const file = join(dir, 'a.lock');
    const stale = Buffer.from(lockOf(await deadPid()));
    writeFileSync(file, stale);
    // Taken by someone else since it was read: that lock stays.
    writeFileSync(file, lockOf(process.ppid));
    expect(breakStaleLock(file, stale)).toBe('changed');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.ppid });
    // Still the stale content: broken, nothing left beside it.
    writeFileSync(file, stale);
    expect(breakStaleLock(file, stale)).toBe('removed');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('breakers take turns: a live breaker’s turn makes others wait, a dead one’s is broken', async () => {
    const dir = folder();
    const file = join(dir, 'a.lock');
    const stale = Buffer.from(lockOf(await deadPid()));
    writeFileSync(file, stale);
    writeFileSync(`${file}.break`, lockOf(process.ppid));
    expect(breakStaleLock(file, stale)).toBe('busy');
    expect(readFileSync(file).equals(stale)).toBe(true);
    writeFileSync(`${file}.break`, lockOf(await deadPid()));
    expect(breakStaleLock(file, stale)).toBe('busy');
    expect(existsSync(`${file}.break`)).toBe(false);
    expect(breakStaleLock(file, stale)).toBe('removed');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leftovers of killed processes beside a lock are removed, a live process’s stay', async () => {
    const dir = folder();
    const file = join(dir, 'a.lock');
    const dead = await deadPid();
    writeFileSync(join(dir, `a.lock.${dead}.0123abcd.tmp`), 'x');
    writeFileSync(join(dir, `a.lock.${dead}.89abcdef.aside`), 'x');
    writeFileSync(join(dir, `a.lock.${dead}.tmp`), 'x');
    writeFileSync(join(dir, `a.lock.${process.ppid}.0123abcd.tmp`), 'x');
    expect(createExclusive(file, 'mine')).toBe('created');
    expect(readdirSync(dir).sort()).toEqual(['a.lock', `a.lock.${process.ppid}.0123abcd.tmp`].sort());
  });

  it('a lock held by a live process is waited for, then refused with the caller’s error', () => {
    const file = join(folder(), 'a.lock');
    writeFileSync(file, lockOf(process.ppid));
    let ran = false;
    expect(() =>
      withFileLock(
        file,
        () => (ran = true),
        200,
        () => new Error('busy'),
      ),
    ).toThrow('busy');
    expect(ran).toBe(false);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.ppid });
  });
  it('another computer’s lock is waited for until it is far older than any save', () => {
    const file = join(folder(), 'a.lock');
    writeFileSync(file, JSON.stringify({ app: 'ziping', host: '其他电脑', pid: 4242, since: '' }));
    const busy = () => new Error('busy');
    expect(() => withFileLock(file, () => true, 200, busy)).toThrow('busy');
    const abandoned = new Date(Date.now() - 10 * 60_000);
    utimesSync(file, abandoned, abandoned);
    expect(withFileLock(file, () => true, 200, busy)).toBe(true);
    expect(existsSync(file)).toBe(false);
  });
});

describe('owner files', () => {
  it('a stale owner file is taken over; an unreadable one only once it is old', async () => {
    const dir = folder();
    const doc = join(dir, '文档.ziping');
    writeFileSync(ownerFilePath(doc), lockOf(await deadPid()));
    expect(acquireOwner(doc, me).kind).toBe('acquired');
    expect(JSON.parse(readFileSync(ownerFilePath(doc), 'utf8'))).toMatchObject({ pid: process.pid });

    const other = join(dir, '其他.ziping');
    writeFileSync(ownerFilePath(other), '{"app":"zi');
    makeOld(ownerFilePath(other));
    expect(acquireOwner(other, me).kind).toBe('acquired');
    expect(readdirSync(dir).sort()).toEqual([`~$文档.ziping`, `~$其他.ziping`].sort());
  });

  it('a document whose long name leaves no room for temp suffixes is still taken, and broken when stale', async () => {
    const dir = folder();
    // The owner file (~$…, 249 bytes) fits the 255-byte limit; `<it>.<pid>.<hex>.tmp` would not.
    const doc = join(dir, `${'项'.repeat(80)}.ziping`);
    expect(Buffer.byteLength(`~$${'项'.repeat(80)}.ziping`)).toBe(249);
    expect(acquireOwner(doc, me).kind).toBe('acquired');
    writeFileSync(ownerFilePath(doc), lockOf(await deadPid()));
    expect(acquireOwner(doc, me).kind).toBe('acquired');
    expect(JSON.parse(readFileSync(ownerFilePath(doc), 'utf8'))).toMatchObject({ pid: process.pid });
    expect(readdirSync(dir)).toEqual([`~$${'项'.repeat(80)}.ziping`]);
  });

  it('a live owner keeps the document and its owner file', () => {
    const doc = join(folder(), '文档.ziping');
    writeFileSync(ownerFilePath(doc), lockOf(process.ppid));
    const bytes = readFileSync(ownerFilePath(doc));
    expect(acquireOwner(doc, me)).toMatchObject({ kind: 'held', owner: { pid: process.ppid } });
    expect(readFileSync(ownerFilePath(doc)).equals(bytes)).toBe(true);
  });

  it('readers never remove an owner file, not even a stale one', async () => {
    const dir = folder();
    const doc = join(dir, '共享.ziping');
    const data = join(dir, 'data');
    writeDocumentFile(doc, fixtureDocument('shanxi'), data);
    writeFileSync(ownerFilePath(doc), lockOf(await deadPid()));
    const bytes = readFileSync(ownerFilePath(doc));
    for (const options of [{ readOnly: true }, { review: true }]) {
      const s = DocumentSession.open(doc, { dataDir: data, ...options });
      if (!s.ok) throw new Error(s.error.message);
      expect(readFileSync(ownerFilePath(doc)).equals(bytes)).toBe(true);
      s.value.close();
      expect(readFileSync(ownerFilePath(doc)).equals(bytes)).toBe(true);
    }
  });
});

describe('review-file saves', () => {
  it('merge with what is in the file and leave no lock behind', () => {
    const dir = folder();
    const file = join(dir, '文档.ziping-review');
    saveReviewFile(file, [comment('a', null, '甲的批注')], DOCUMENT);
    saveReviewFile(file, [comment('b', null, '乙的批注')], DOCUMENT);
    expect(idsIn(file)).toEqual(['a', 'b']);
    expect(readdirSync(dir)).toEqual(['文档.ziping-review']);
  });

  it('break the lock a killed save left', async () => {
    const dir = folder();
    const file = join(dir, '文档.ziping-review');
    writeFileSync(`${file}.lock`, lockOf(await deadPid()));
    saveReviewFile(file, [comment('a', null, '批注')], DOCUMENT);
    writeFileSync(`${file}.lock`, '');
    makeOld(`${file}.lock`);
    saveReviewFile(file, [comment('b', null, '批注')], DOCUMENT);
    expect(idsIn(file)).toEqual(['a', 'b']);
    expect(readdirSync(dir)).toEqual(['文档.ziping-review']);
  });

  it('wait a bounded time for another reviewer’s save, then say so; the comments stay in the session', () => {
    const dir = folder();
    const doc = join(dir, '审核.ziping');
    const data = join(dir, 'data');
    mkdirSync(data);
    writeDocumentFile(doc, fixtureDocument('shanxi'), data);
    const opened = DocumentSession.open(doc, { dataDir: data, review: true });
    if (!opened.ok) throw new Error(opened.error.message);
    const reviewer = opened.value;
    expect(reviewer.applyReview([{ op: 'putReview', item: comment('c1', null, '请补充佐证') }]).ok).toBe(
      true,
    );
    const lock = `${reviewFilePath(doc)}.lock`;
    writeFileSync(lock, lockOf(process.ppid));

    const started = Date.now();
    const refused = reviewer.save();
    // Bounded: the save waits about 5 s for the lock, never for ever.
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('locked');
    expect(refused.error.message).toContain('审核文件正被其他人保存，请稍后再试');
    expect(refused.error.message).toContain('没有丢失');
    expect(existsSync(reviewFilePath(doc))).toBe(false);
    expect(reviewer.dirty).toBe(true);

    // The other save finished: the next save goes through.
    writeFileSync(lock, '');
    makeOld(lock);
    expect(reviewer.save().ok).toBe(true);
    expect(idsIn(reviewFilePath(doc))).toEqual(['c1']);
    reviewer.close();
  }, 60_000);

  it('report a folder they cannot write as it is', () => {
    const dir = folder();
    const file = join(dir, '没有此文件夹', '文档.ziping-review');
    let thrown: unknown = null;
    try {
      saveReviewFile(file, [comment('a', null, '批注')], DOCUMENT);
    } catch (e) {
      thrown = e;
    }
    // Not mistaken for a busy lock: the folder's own error, which the session words (找不到…).
    expect(thrown).not.toBeInstanceOf(DocFailure);
    expect((thrown as { code?: string } | null)?.code).toBe('ENOENT');
  });
});
