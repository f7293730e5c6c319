/**
 * Review data against real .ziping files and review files on disk: a reviewer of a read-only
 * document writes only the review file, the author sees it on opening, copies merge item by
 * item (the later change wins), and nothing the author typed changes in a review session.
 */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/handlers';
import {
  DocumentSession,
  listRecoverable,
  recover,
  type DocResult,
} from '../../electron/services/document-store';
import { readReviewFrom, reviewFilePath } from '../../electron/services/document-store/review-store';
import type { Form } from '../../shared/model/types';
import { applyReviewPatch, liveItems, mergeReviewItems, type ReviewItems } from '../../shared/review/patch';
import { auditId, statusId, type ReviewItem } from '../../shared/review/types';
import { readFixture } from '../support/documents';
import { useTempDir } from '../support/temp-dir';
import { audit, comment, status, takeIn, tick } from '../support/review-items';

const tmp = useTempDir('ziping-review-');
const CHINESE = /[\u4e00-\u9fff]/;

function unwrap<T>(r: DocResult<T>): T {
  if (!r.ok) throw new Error(`unexpected ${r.error.code}: ${r.error.message}`);
  return r.value;
}

function space(): { dir: string; data: string } {
  const root = mkdtempSync(join(tmp(), 'case-'));
  mkdirSync(join(root, 'docs'));
  return { dir: join(root, 'docs'), data: join(root, 'data') };
}

function fixtureForm(): Form {
  return readFixture('002-01.json', 'f1').form;
}

/** A saved one-form document, closed. */
function savedDocument(dir: string, data: string): string {
  const file = join(dir, '年度自评.ziping');
  const s = unwrap(
    DocumentSession.create(file, { unit: '测试单位', year: 2024, layout: 'shanxi' }, { dataDir: data }),
  );
  unwrap(s.apply([{ op: 'insertForm', index: 0, form: fixtureForm() }]));
  unwrap(s.save());
  unwrap(s.close());
  return file;
}

const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const put = (item: ReviewItem) => ({ op: 'putReview', item }) as const;

describe('review data in the document store', () => {
  it('a document whose long name leaves no room for “.ziping-review”: the review file is named within 255 bytes, found by the author', () => {
    const { dir, data } = space();
    const saved = savedDocument(dir, data);
    // 82 characters: the document's name fits (253 bytes), “….ziping-review” would not (260).
    const file = join(dir, `${'审'.repeat(82)}.ziping`);
    writeFileSync(file, readFileSync(saved));
    expect(Buffer.byteLength(`${'审'.repeat(82)}.ziping-review`)).toBeGreaterThan(255);
    const reviewer = unwrap(DocumentSession.open(file, { dataDir: data, review: true }));
    unwrap(reviewer.applyReview([put(comment('c-long', 'f1', '长文件名的文档也能审核'))]));
    unwrap(reviewer.save());
    unwrap(reviewer.close());
    const review = reviewFilePath(file);
    expect(Buffer.byteLength(review.slice(dir.length + 1))).toBeLessThanOrEqual(250);
    expect(review.endsWith('.ziping-review')).toBe(true);
    expect(existsSync(review)).toBe(true);
    const author = unwrap(DocumentSession.open(file, { dataDir: data }));
    expect(author.review.get('c-long')).toMatchObject({ text: '长文件名的文档也能审核' });
    unwrap(author.close());
  });

  it('a reviewer writes only the review file; the author opens the document and sees all of it', () => {
    const { dir, data } = space();
    const file = savedDocument(dir, data);
    const before = hash(file);
    const reviewer = unwrap(DocumentSession.open(file, { dataDir: data, review: true }));
    expect(reviewer.reviewing).toBe(true);
    expect(reviewer.readOnlyNotice()).toMatch(/审核模式/);
    const ind = reviewer.document.forms[0]?.indicators[0]?.id ?? '';
    // The author's data cannot change in a review session.
    const refused = reviewer.apply([
      { op: 'setIndicator', formId: 'f1', indicatorId: ind, field: 'actual', value: '0' },
    ]);
    expect(refused.ok).toBe(false);
    unwrap(
      reviewer.applyReview([
        put(
          comment('c1', 'f1', '实际完成值与佐证资料不符', {
            anchor: { section: 'indicator', indicatorId: ind, field: 'actual' },
          }),
        ),
        put(audit('f1', ind, 3, '扣2分：佐证不足')),
        put(status('f1', '退回修改', '请补充佐证资料')),
      ]),
    );
    expect(reviewer.dirty).toBe(true);
    unwrap(reviewer.save());
    expect(reviewer.dirty).toBe(false);
    unwrap(reviewer.close());
    expect(hash(file)).toBe(before);
    expect(existsSync(reviewFilePath(file))).toBe(true);
    expect(reviewFilePath(file)).toBe(join(dir, '年度自评.ziping-review'));

    const author = unwrap(DocumentSession.open(file, { dataDir: data }));
    expect(author.readOnly).toBe(false);
    expect(author.review.get('c1')).toMatchObject({ text: '实际完成值与佐证资料不符', author: '审核人' });
    expect(author.review.get(auditId('f1', ind))).toMatchObject({ score: 3, opinion: '扣2分：佐证不足' });
    expect(author.review.get(statusId('f1'))).toMatchObject({ status: '退回修改', reason: '请补充佐证资料' });
    // The author answers and marks the thread done; that goes into the document itself.
    const root = author.review.get('c1');
    if (root?.kind !== 'comment') throw new Error('no comment');
    unwrap(
      author.applyReview([
        put(comment('c2', 'f1', '已补充验收报告', { parentId: 'c1', author: '作者', anchor: root.anchor })),
        put({ ...root, resolved: true, resolvedBy: '作者', updatedAt: tick() }),
      ]),
    );
    unwrap(author.save());
    unwrap(author.close());
    rmSync(reviewFilePath(file));
    const again = unwrap(DocumentSession.open(file, { dataDir: data }));
    expect(again.review.get('c1')).toMatchObject({ resolved: true, resolvedBy: '作者' });
    expect(again.review.get('c2')).toMatchObject({ parentId: 'c1', text: '已补充验收报告' });
    unwrap(again.close());
  });

  it('a document in use elsewhere or without write permission is reviewed into the review file', () => {
    const { dir, data } = space();
    const file = savedDocument(dir, data);
    const holder = unwrap(DocumentSession.open(file, { dataDir: data }));
    const second = unwrap(DocumentSession.open(file, { dataDir: join(data, 'second') }));
    expect(second.readOnlyReason).toBe('locked');
    unwrap(second.applyReview([put(comment('while-locked', 'f1', '作者打开期间的批注'))]));
    unwrap(second.save());
    unwrap(second.close());
    // The author's session goes on and saves its own edits; the review reaches it on the next open.
    const ind = holder.document.forms[0]?.indicators[0]?.id ?? '';
    unwrap(
      holder.apply([{ op: 'setIndicator', formId: 'f1', indicatorId: ind, field: 'actual', value: '100%' }]),
    );
    unwrap(holder.save());
    unwrap(holder.close());
    chmodSync(file, 0o444);
    const readOnly = unwrap(DocumentSession.open(file, { dataDir: data }));
    expect(readOnly.readOnlyReason).toBe('no-permission');
    expect(readOnly.review.get('while-locked')).toBeDefined();
    expect(readOnly.document.forms[0]?.indicators[0]?.actual).toBe('100%');
    unwrap(takeIn(readOnly, [status('f1', '已审核')]));
    unwrap(readOnly.save());
    unwrap(readOnly.close());
    chmodSync(file, 0o644);
    expect(
      readReviewFrom(reviewFilePath(file))
        .map((i) => i.id)
        .sort(),
    ).toEqual([statusId('f1'), 'while-locked'].sort());
  });

  it('a reviewer who removes an audit score saved in the document removes it for the author too', () => {
    const { dir, data } = space();
    const file = savedDocument(dir, data);
    const owner = unwrap(DocumentSession.open(file, { dataDir: data }));
    const ind = owner.document.forms[0]?.indicators[0]?.id ?? '';
    unwrap(takeIn(owner, [audit('f1', ind, 4, '初审意见')]));
    unwrap(owner.save());
    unwrap(owner.close());
    const reviewer = unwrap(DocumentSession.open(file, { dataDir: data, review: true }));
    expect(reviewer.review.get(auditId('f1', ind))).toMatchObject({ score: 4 });
    unwrap(reviewer.applyReview([{ op: 'removeReview', id: auditId('f1', ind) }]));
    unwrap(reviewer.save());
    unwrap(reviewer.close());
    const author = unwrap(DocumentSession.open(file, { dataDir: data }));
    expect(author.review.get(auditId('f1', ind))).toMatchObject({ deleted: true });
    unwrap(author.close());
  });

  it('review edits undo through their inverses, and the undo is what is saved', () => {
    const { dir, data } = space();
    const file = savedDocument(dir, data);
    const s = unwrap(DocumentSession.open(file, { dataDir: data, review: true }));
    const first = audit('f1', '@funds', 8);
    unwrap(s.applyReview([put(first)]));
    const inverse = unwrap(s.applyReview([put({ ...first, score: 6, updatedAt: tick() })]));
    expect(s.review.get(first.id)).toMatchObject({ score: 6 });
    unwrap(s.applyReview(inverse));
    expect(s.review.get(first.id)).toMatchObject({ score: 8 });
    unwrap(s.save());
    unwrap(s.close());
    const back = unwrap(DocumentSession.open(file, { dataDir: data }));
    expect(back.review.get(first.id)).toMatchObject({ score: 8 });
    unwrap(back.close());
  });

  it('a review file that cannot be written is reported in Chinese and nothing is lost', () => {
    const { dir, data } = space();
    const file = savedDocument(dir, data);
    mkdirSync(reviewFilePath(file)); // something in the way of the rename
    const s = unwrap(DocumentSession.open(file, { dataDir: data, review: true }));
    unwrap(s.applyReview([put(comment('c1', null, '整体意见：资料齐全'))]));
    const r = s.save();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/审核意见仍在本机/);
    expect(s.dirty).toBe(true);
    expect(s.review.get('c1')).toBeDefined();
    rmSync(reviewFilePath(file), { recursive: true });
    unwrap(s.save());
    expect(readReviewFrom(reviewFilePath(file)).map((i) => i.id)).toEqual(['c1']);
    unwrap(s.close());
  });

  it('two reviewers saving into the same review file keep both their items, the later change of one item winning', () => {
    const { dir, data } = space();
    const file = savedDocument(dir, data);
    const a = unwrap(DocumentSession.open(file, { dataDir: data, review: true }));
    const b = unwrap(DocumentSession.open(file, { dataDir: data, review: true }));
    unwrap(a.applyReview([put(comment('from-a', 'f1', '甲的意见')), put(status('f1', '待审核'))]));
    unwrap(b.applyReview([put(comment('from-b', 'f1', '乙的意见')), put(status('f1', '已审核'))]));
    unwrap(a.save());
    unwrap(b.save());
    unwrap(a.close());
    unwrap(b.close());
    const items = readReviewFrom(reviewFilePath(file));
    expect(items.map((i) => i.id).sort()).toEqual(['from-a', 'from-b', statusId('f1')].sort());
    expect(items.find((i) => i.id === statusId('f1'))).toMatchObject({ status: '已审核' });
  });

  it('a crashed review session is offered for recovery and comes back as a review session', () => {
    const { dir, data } = space();
    const file = savedDocument(dir, data);
    const s = unwrap(DocumentSession.open(file, { dataDir: data, review: true }));
    unwrap(s.applyReview([put(comment('c1', 'f1', '崩溃前的批注'))]));
    s.abandon();
    const offered = listRecoverable(data);
    expect(offered).toHaveLength(1);
    const back = unwrap(recover(data, offered[0]?.sessionId ?? '', { dataDir: data }));
    expect(back.reviewing).toBe(true);
    expect(back.review.get('c1')).toBeDefined();
    unwrap(back.save());
    unwrap(back.close());
    expect(readReviewFrom(file).map((i) => i.id)).toEqual(['c1']);
  });

  it('a damaged review file does not stop the document from opening, and says so', () => {
    const { dir, data } = space();
    const file = savedDocument(dir, data);
    writeFileSync(reviewFilePath(file), '{"format":"ziping-review","items":[');
    const s = unwrap(DocumentSession.open(file, { dataDir: data }));
    expect(s.reviewFileProblem).toMatch(/审核文件.*无法读取/);
    unwrap(s.close());
    writeFileSync(reviewFilePath(file), '{"format":"other"}');
    const bad = (() => {
      try {
        readReviewFrom(reviewFilePath(file));
        return null;
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(bad).toMatch(/不是自评表的审核文件/);
  });
});

describe('review calls through the contract', () => {
  it('validates review patches and serves the review with the document', async () => {
    const { dir, data } = space();
    const file = savedDocument(dir, data);
    const app = new AppService(data);
    const opened = app.call('doc/open', { path: file, review: true });
    expect(opened.ok).toBe(true);
    if (opened.ok) {
      const v = opened.value as { status: { reviewing: boolean; reviewFile: string; user: string } };
      expect(v.status.reviewing).toBe(true);
      expect(v.status.reviewFile).toBe(reviewFilePath(file));
      expect(v.status.user).not.toBe('');
    }
    for (const bad of [
      { patches: [{ op: 'putReview', item: { kind: 'comment', id: 'x' } }] },
      { patches: [{ op: 'dropTable' }] },
      { patches: [{ op: 'putReview', item: { ...audit('f1', 'i1', 5), score: 'five' } }] },
      { patches: [{ op: 'putReview', item: { ...status('f1', '已审核'), status: '通过' } }] },
      { patches: 'all' },
    ]) {
      const r = app.call('review/apply', bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(CHINESE);
    }
    const ok = app.call('review/apply', { patches: [put(comment('c1', null, '文档级批注'))] });
    expect(ok.ok && (ok.value as { dirty: boolean }).dirty).toBe(true);
    expect(app.call('doc/save', {}).ok).toBe(true);
    const read = await app.invoke('review/read', { path: reviewFilePath(file) });
    expect(read.ok && (read.value as { items: ReviewItem[] }).items.map((i) => i.id)).toEqual(['c1']);
    const missing = await app.invoke('review/read', { path: join(dir, '没有.ziping-review') });
    expect(!missing.ok && missing.error.message).toMatch(/找不到/);
    expect(app.call('doc/close', { discard: false }).ok).toBe(true);
  });
});

describe('review patches and merging (pure)', () => {
  it('every patch returns the inverse that restores the items there exactly', () => {
    const items: ReviewItems = new Map();
    const steps = [
      put(comment('a', null, '一')),
      put(audit('f', 'i', 1)),
      put(comment('a', null, '二')),
      { op: 'removeReview', id: 'a' } as const,
      { op: 'removeReview', id: 'missing' } as const,
    ];
    const snapshots: string[] = [];
    const inverses = steps.map((p) => {
      snapshots.push(JSON.stringify(liveItems(items)));
      return applyReviewPatch(items, p);
    });
    expect(liveItems(items).map((i) => i.id)).toEqual([auditId('f', 'i')]);
    for (let i = steps.length - 1; i >= 0; i--) {
      applyReviewPatch(items, inverses[i] ?? { op: 'removeReview', id: '' });
      expect(JSON.stringify(liveItems(items))).toBe(snapshots[i]);
    }
  });

  it('a removal is a tombstone that wins over the older copy it removed', () => {
    const items: ReviewItems = new Map();
    const item = audit('f', 'i', 3);
    applyReviewPatch(items, put(item));
    applyReviewPatch(items, { op: 'removeReview', id: item.id }, tick());
    expect(items.get(item.id)).toMatchObject({ deleted: true });
    expect(mergeReviewItems(items, [item])).toEqual([]);
    expect(liveItems(items)).toEqual([]);
  });

  it('merging keeps the later change of each item and reports what it took', () => {
    const older = audit('f', 'i', 1);
    const newer = { ...older, score: 2, updatedAt: tick() };
    const items: ReviewItems = new Map([[newer.id, newer]]);
    expect(mergeReviewItems(items, [older])).toEqual([]);
    expect(items.get(older.id)).toMatchObject({ score: 2 });
    const later = { ...older, score: 3, updatedAt: tick() };
    expect(mergeReviewItems(items, [later])).toEqual([later]);
  });
});

describe('the reviewed total', () => {
  it('replaces audited lines by their 核查分数 and grades the result by the layout', async () => {
    const { scoreForm } = await import('../../shared/scoring/form');
    const { LAYOUTS } = await import('../../shared/layouts/definitions');
    const { reviewedTotal } = await import('../../shared/review/reviewed-total');
    const form = fixtureForm();
    const layout = LAYOUTS.shanxi;
    const result = scoreForm(form, layout);
    const items: ReviewItems = new Map();
    expect(reviewedTotal(result, items, layout.policy)).toBeNull();
    const line = result.indicators[0];
    if (!line) throw new Error('no line');
    items.set(auditId('f1', line.id), audit('f1', line.id, line.final - 2.5));
    items.set(auditId('f1', '@funds'), audit('f1', '@funds', result.execution.final - 1));
    // An audit that only gives an opinion leaves the author's score.
    const other = result.indicators[1];
    if (other) items.set(auditId('f1', other.id), audit('f1', other.id, null, '同意'));
    const reviewed = reviewedTotal(result, items, layout.policy);
    expect(reviewed).toMatchObject({ audited: 2, difference: -3.5 });
    expect(reviewed?.total).toBeCloseTo(result.total - 3.5, 2);
    for (const l of result.indicators) items.set(auditId('f1', l.id), audit('f1', l.id, 0));
    expect(result.grade).not.toBe('差');
    expect(reviewedTotal(result, items, layout.policy)).toMatchObject({ grade: '差' });
  });
});
