/**
 * Author and reviewer are different people (issue #19), through the contract over real .ziping
 * and review files: the name given in the data folder signs review data and the change log (never
 * the OS login); the Node side refuses a reviewer's edit of the author's data and an author's
 * review decision (a crafted call included) with a Chinese message, while the author may take
 * in (and undo) a reviewer's items read for 导入审核意见; the per-document “seen” marker.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/handlers';
import { currentUser, UNNAMED_USER } from '../../electron/services/data-dir';
import { DocumentSession, type DocResult } from '../../electron/services/document-store';
import { reviewFilePath } from '../../electron/services/document-store/review-store';
import { USER_FILE } from '../../electron/services/user-settings';
import type { DocStatus } from '../../shared/contract';
import type { HistoryListing } from '../../shared/history/entries';
import type { ReviewPatch } from '../../shared/review/patch';
import { AUDIT_REFUSED, AUTHOR_DATA_REFUSED, STATUS_REFUSED } from '../../shared/review/roles';
import { auditPatch, statusPatch } from '../../shared/review/succession';
import { statusId, type ReviewItem } from '../../shared/review/types';
import { readFixture } from '../support/documents';
import { audit, comment, status, tick } from '../support/review-items';
import { useTempDir } from '../support/temp-dir';

const tmp = useTempDir('ziping-review-roles-');

function unwrap<T>(r: DocResult<T>): T {
  if (!r.ok) throw new Error(`unexpected ${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** A saved one-form document (form f1) and a data folder for each person. */
function shared(): { file: string; root: string; line: string } {
  const root = mkdtempSync(join(tmp(), 'case-'));
  mkdirSync(join(root, 'docs'));
  const file = join(root, 'docs', '年度自评.ziping');
  const form = readFixture('002-01.json', 'f1').form;
  const s = unwrap(
    DocumentSession.create(
      file,
      { unit: '测试单位', year: 2024, layout: 'shanxi' },
      { dataDir: join(root, 'setup') },
    ),
  );
  unwrap(s.apply([{ op: 'insertForm', index: 0, form }]));
  unwrap(s.save());
  unwrap(s.close());
  return { file, root, line: form.indicators[0]?.id ?? '' };
}

/** One window's contract over its own data folder, named as the first-run dialog names it. */
function windowOf(data: string, profile: { name: string; unit: string }): AppService {
  const app = new AppService(data);
  expect(app.call('user/set', profile).ok).toBe(true);
  return app;
}

function value<T>(app: AppService, name: string, args: unknown): T {
  const r = app.call(name, args);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

function refusal(app: AppService, name: string, args: unknown): { code: string; message: string } {
  const r = app.call(name, args);
  if (r.ok) throw new Error(`${name} was not refused`);
  return r.error;
}

const put = (item: ReviewItem): { patches: ReviewPatch[] } => ({ patches: [{ op: 'putReview', item }] });

describe('the user’s name', () => {
  it('is asked for once, kept in the data folder and signs review data and the change log', () => {
    const { file, root } = shared();
    const data = join(root, 'author');
    const app = new AppService(data);
    expect(value(app, 'user/get', {})).toBeNull();
    // Before a name is given, nothing is signed with the OS login.
    expect(currentUser(data).user).toBe(UNNAMED_USER);
    const bad = refusal(app, 'user/set', { name: '   ', unit: '' });
    expect(bad.message).toContain('请填写姓名');
    expect(refusal(app, 'user/set', { name: '张\n三', unit: '' }).message).toContain('不能有换行');

    value(app, 'doc/open', { path: file });
    const set = value<{ status: DocStatus | null }>(app, 'user/set', {
      name: ' 张三 ',
      unit: '某某县财政局',
    });
    // The open document is signed with the new name from now on.
    expect(set.status?.user).toBe('张三（某某县财政局）');
    expect(JSON.parse(readFileSync(join(data, USER_FILE), 'utf8'))).toMatchObject({
      profile: { name: '张三', unit: '某某县财政局' },
    });
    expect(value(new AppService(data), 'user/get', {})).toEqual({ name: '张三', unit: '某某县财政局' });

    value(app, 'doc/apply', { patches: [{ op: 'setMeta', field: 'unit', value: '新单位' }] });
    const c = comment('c1', 'f1', '请补充佐证', { author: '张三（某某县财政局）' });
    value(app, 'review/apply', put(c));
    const history = value<HistoryListing>(app, 'history/list', {}).entries;
    expect(history.find((e) => e.kind === 'set')).toMatchObject({ user: '张三（某某县财政局）' });
    value(app, 'doc/save', {});
    value(app, 'doc/close', { discard: false });
    // A new session of this data folder is signed with the name too (owner file, saves).
    const again = unwrap(DocumentSession.open(file, { dataDir: data }));
    expect(again.user).toBe('张三（某某县财政局）');
    unwrap(again.close());
  });

  it('remembers per document up to when its review data was seen', () => {
    const { file, root } = shared();
    const data = join(root, 'author');
    const app = windowOf(data, { name: '作者', unit: '' });
    value(app, 'doc/open', { path: file });
    expect(value(app, 'review/seen', {})).toBeNull();
    value(app, 'review/markSeen', { at: '2026-12-05T10:00:00.000Z' });
    value(app, 'doc/close', { discard: true });
    const next = new AppService(data);
    value(next, 'doc/open', { path: file });
    expect(value(next, 'review/seen', {})).toBe('2026-12-05T10:00:00.000Z');
    value(next, 'doc/close', { discard: true });
  });
});

describe('author and reviewer roles on the Node side', () => {
  it('the reviewer may review but not change the author’s data', () => {
    const { file, root, line } = shared();
    const reviewer = windowOf(join(root, 'reviewer'), { name: '李审核', unit: '财政局' });
    value(reviewer, 'doc/open', { path: file, review: true });
    const edit = refusal(reviewer, 'doc/apply', {
      patches: [{ op: 'setIndicator', formId: 'f1', indicatorId: line, field: 'actual', value: '50%' }],
    });
    expect(edit).toEqual({ code: 'role', message: AUTHOR_DATA_REFUSED });
    const items = reviewer.current?.review ?? new Map();
    value(reviewer, 'review/apply', {
      patches: [auditPatch(items, 'f1', line, { score: 3, opinion: '佐证不足' }, '李审核（财政局）', tick())],
    });
    value(reviewer, 'review/apply', {
      patches: [statusPatch(items, 'f1', '退回修改', '请补充', '李审核（财政局）', tick())],
    });
    value(reviewer, 'doc/save', {});
    value(reviewer, 'doc/close', { discard: false });
    expect(readFileSync(reviewFilePath(file), 'utf8')).toContain('李审核（财政局）');
    // The author opens it with the review file beside it: the decision is not theirs to take away.
    const author = windowOf(join(root, 'author'), { name: '王填报', unit: '' });
    value(author, 'doc/open', { path: file });
    const held = author.current?.review ?? new Map();
    expect(held.get(statusId('f1'))).toMatchObject({ status: '退回修改' });
    const undone = statusPatch(held, 'f1', null, '', '王填报', tick());
    expect(refusal(author, 'review/apply', { patches: [undone] }).message).toBe(STATUS_REFUSED);
    const cleared = auditPatch(held, 'f1', line, { score: null, opinion: '' }, '王填报', tick());
    expect(refusal(author, 'review/apply', { patches: [cleared] }).message).toBe(AUDIT_REFUSED);
    value(author, 'doc/close', { discard: true });
  });

  it('the author may comment and send for review, but not audit or decide; a crafted call is refused too', () => {
    const { file, root, line } = shared();
    const author = windowOf(join(root, 'author'), { name: '王填报', unit: '' });
    value(author, 'doc/open', { path: file });
    const items = author.current?.review ?? new Map();
    const typed = auditPatch(items, 'f1', line, { score: 5 }, '王填报', tick());
    expect(refusal(author, 'review/apply', { patches: [typed] })).toEqual({
      code: 'role',
      message: AUDIT_REFUSED,
    });
    expect(refusal(author, 'review/apply', put(status('f1', '已审核')))).toEqual({
      code: 'role',
      message: STATUS_REFUSED,
    });
    // Signed as someone else, without that person's file: still refused.
    expect(refusal(author, 'review/apply', put(audit('f1', line, 1, '伪造'))).message).toBe(AUDIT_REFUSED);
    expect(items.size).toBe(0);
    value(author, 'review/apply', put(comment('c1', 'f1', '已按意见修改', { author: '王填报' })));
    value(author, 'review/apply', put(status('f1', '待审核')));
    expect(items.get(statusId('f1'))).toMatchObject({ status: '待审核' });
    value(author, 'doc/close', { discard: true });
  });

  it('the author takes in a reviewer’s file, may undo and redo that, and cannot remove a decision otherwise', async () => {
    const { file, root, line } = shared();
    const reviewer = windowOf(join(root, 'reviewer'), { name: '李审核', unit: '' });
    value(reviewer, 'doc/open', { path: file, review: true });
    const sent = [audit('f1', line, 2, '扣3分'), status('f1', '退回修改', '请补充')];
    for (const item of sent) value(reviewer, 'review/apply', put(item));
    value(reviewer, 'doc/save', {});
    value(reviewer, 'doc/close', { discard: false });
    const copy = join(root, 'reviewer-copy.ziping-review');
    copyFileSync(reviewFilePath(file), copy);
    rmSync(reviewFilePath(file));

    const author = windowOf(join(root, 'author'), { name: '王填报', unit: '' });
    value(author, 'doc/open', { path: file });
    // Not read for 导入审核意见 yet: the reviewer's items are refused like the author's own.
    expect(refusal(author, 'review/apply', put(sent[1] as ReviewItem)).message).toBe(STATUS_REFUSED);
    const read = await author.invoke('review/read', { path: copy });
    if (!read.ok) throw new Error(read.error.message);
    const items = (read.value as { items: ReviewItem[] }).items;
    value(author, 'review/apply', { patches: items.map((item) => ({ op: 'putReview', item })) });
    const held = author.current?.review ?? new Map();
    expect(held.get(statusId('f1'))).toMatchObject({ status: '退回修改', by: '审核人' });
    // Undo of the import (as the editor replays it: tombstones signed by the author), then redo.
    const undo = items.map((i) => ({
      op: 'putReview',
      item: { ...i, deleted: true, by: '王填报', updatedAt: tick() },
    }));
    value(author, 'review/apply', { patches: undo });
    expect(held.get(statusId('f1'))).toMatchObject({ deleted: true });
    const redo = items.map((i) => ({ op: 'putReview', item: { ...i, by: '王填报', updatedAt: tick() } }));
    value(author, 'review/apply', { patches: redo });
    // Another score is still the reviewer's to give.
    const other = auditPatch(held, 'f1', line, { score: 4 }, '王填报', tick());
    expect(refusal(author, 'review/apply', { patches: [other] }).message).toBe(AUDIT_REFUSED);
    value(author, 'doc/close', { discard: true });
  });
});
