/**
 * Review data in the history (issue #7), through the contract over real .ziping files and review
 * files on disk: audit, status and comment changes made as the editor makes them
 * (shared/review/succession.ts), saved into a writable document and into the review file of a
 * read-only one, come back from history/list per form, per cell and for the whole document with
 * old/new/who/when; they survive merging two copies; older files without the new fields load;
 * restoring an old value is one review patch that itself joins the history.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/handlers';
import { reviewFilePath } from '../../electron/services/document-store/review-store';
import { DocumentSession, type DocResult } from '../../electron/services/document-store';
import type { AuditField, CellRef } from '../../shared/history/cells';
import type { HistoryEntry, HistoryListing } from '../../shared/history/entries';
import { reviewRestorePatch } from '../../shared/history/review-entries';
import { mergeReviewItems, type ReviewItems, type ReviewPatch } from '../../shared/review/patch';
import { auditPatch, PREVIOUS_CAP, removal, replayed, statusPatch } from '../../shared/review/succession';
import { auditId, statusId, type ReviewItem, type ReviewStatus } from '../../shared/review/types';
import { isReviewItem } from '../../shared/review/validate';
import { readFixture } from '../support/documents';
import { comment, tick } from '../support/review-items';
import { useTempDir } from '../support/temp-dir';

const tmp = useTempDir('ziping-review-history-');
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function unwrap<T>(r: DocResult<T>): T {
  if (!r.ok) throw new Error(`unexpected ${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** A saved one-form document (form f1), closed; its first two lines' ids. */
function savedDocument(): { file: string; data: string; line: string; other: string } {
  const root = mkdtempSync(join(tmp(), 'case-'));
  const dir = join(root, 'docs');
  mkdirSync(dir);
  const data = join(root, 'data');
  const file = join(dir, '年度自评.ziping');
  const form = readFixture('002-01.json', 'f1').form;
  const s = unwrap(
    DocumentSession.create(file, { unit: '测试单位', year: 2024, layout: 'shanxi' }, { dataDir: data }),
  );
  unwrap(s.apply([{ op: 'insertForm', index: 0, form }]));
  unwrap(s.save());
  unwrap(s.close());
  return { file, data, line: form.indicators[0]?.id ?? '', other: form.indicators[1]?.id ?? '' };
}

/** One window's contract, signed by `user`. */
class Window {
  readonly service: AppService;
  constructor(
    data: string,
    readonly user: string,
  ) {
    this.service = new AppService(join(data, user), { user, host: 'test' });
  }
  call<T>(name: string, args: unknown): T {
    const r = this.service.call(name, args);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as T;
  }
  get items(): ReviewItems {
    const s = this.service.current;
    if (!s) throw new Error('no document');
    return s.review;
  }
  review(p: ReviewPatch | null): void {
    if (!p) throw new Error('nothing to change');
    this.call('review/apply', { patches: [p] });
  }
  /** What the editor's 核查分数 / 审核意见 cells and status box do. */
  audit(line: string, change: { score?: number | null; opinion?: string }): void {
    this.review(auditPatch(this.items, 'f1', line, change, this.user, tick()));
  }
  status(status: ReviewStatus | null, reason = ''): void {
    this.review(statusPatch(this.items, 'f1', status, reason, this.user, tick()));
  }
  history(args: { formId?: string; cell?: CellRef } = {}): HistoryEntry[] {
    return this.call<HistoryListing>('history/list', args).entries;
  }
}

const shown = (entries: HistoryEntry[]) =>
  entries.filter((e) => e.kind === 'review').map((e) => [e.what, e.old, e.new, e.user]);

const scoreCell = (line: string, field: AuditField = 'auditScore'): CellRef => ({
  section: 'audit',
  formId: 'f1',
  indicatorId: line,
  field,
});

/** The audit and status changes every case makes, by reviewer `r`. */
function reviewRound(r: Window, line: string): void {
  r.audit(line, { score: 8 });
  r.audit(line, { score: 6, opinion: '佐证不足' });
  r.status('待审核');
  r.status('退回修改', '请补充验收报告');
}

const ROUND = [
  ['审核状态', '待审核', '退回修改（请补充验收报告）', '张审核'],
  ['审核状态', null, '待审核', '张审核'],
  ['核查分数', 8, 6, '张审核'],
  ['审核意见', null, '佐证不足', '张审核'],
  ['核查分数', null, 8, '张审核'],
];

describe('review changes in the history', () => {
  it('a writable document reviewed: listed per form, per cell and for the whole document, with who and when', () => {
    const { file, data, line, other } = savedDocument();
    const reviewer = new Window(data, '张审核');
    reviewer.call('doc/open', { path: file, review: true });
    reviewRound(reviewer, line);
    reviewer.audit(other, { opinion: '无异议' });
    const c = comment('c1', 'f1', '实际完成值与验收报告不一致', {
      anchor: { section: 'indicator', indicatorId: line, field: 'actual' },
      author: '张审核',
    });
    reviewer.review({ op: 'putReview', item: c });
    reviewer.review({
      op: 'putReview',
      item: { ...c, resolved: true, resolvedBy: '张审核', resolvedAt: tick() },
    });
    const whole = comment('c2', 'f1', '整行指标值偏低', {
      anchor: { section: 'indicator', indicatorId: other },
    });
    reviewer.review({ op: 'putReview', item: whole });
    reviewer.review({ op: 'putReview', item: removal(whole, '张审核', tick()) });
    reviewer.call('doc/save', {});
    reviewer.call('doc/close', { discard: false });

    const author = new Window(data, '作者');
    author.call('doc/open', { path: file });
    // An edit of the author's data after the review: the log's entries and review entries, by time.
    const form = author.service.current?.document.forms[0];
    author.call('doc/apply', {
      patches: [{ op: 'setIndicator', formId: 'f1', indicatorId: line, field: 'actual', value: '95%' }],
    });

    const all = author.history();
    const times = all.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
    expect(all[0]).toMatchObject({ kind: 'set', user: '作者', new: '95%' });
    expect(shown(all)).toEqual([
      ['删除批注', '整行指标值偏低', null, '张审核'],
      ['新增批注', null, '整行指标值偏低', '审核人'],
      ['批注已解决（实际完成值与验收报告不一致）', '未解决', '已解决', '张审核'],
      ['新增批注', null, '实际完成值与验收报告不一致', '张审核'],
      ['审核意见', null, '无异议', '张审核'],
      ...ROUND,
    ]);
    const perForm = author.history({ formId: 'f1' });
    expect(shown(perForm)).toEqual(shown(all));
    const audit = perForm.find((e) => e.what === '核查分数' && e.new === 6);
    expect(audit?.place).toBe(`绩效指标 第1行（${form?.indicators[0]?.name ?? ''}）`);
    expect(audit?.formName).toBe(form?.projectName);

    // Per cell: the 核查分数 cell has its two changes; 审核意见 its one; the 实际完成值 cell its
    // comment beside the author's edit; a whole-line comment shows with every cell of its line.
    expect(shown(author.history({ cell: scoreCell(line) }))).toEqual([
      ['核查分数', 8, 6, '张审核'],
      ['核查分数', null, 8, '张审核'],
    ]);
    const at = author.history({ cell: scoreCell(line) }).map((e) => e.at);
    expect(at[0]! > at[1]!).toBe(true);
    expect(shown(author.history({ cell: scoreCell(line, 'auditOpinion') }))).toEqual([
      ['审核意见', null, '佐证不足', '张审核'],
    ]);
    const actual = author.history({
      cell: { section: 'indicator', formId: 'f1', indicatorId: line, field: 'actual' },
    });
    expect(actual.map((e) => e.what)).toEqual([
      expect.any(String),
      '批注已解决（实际完成值与验收报告不一致）',
      '新增批注',
    ]);
    expect(
      author.history({ cell: { section: 'indicator', formId: 'f1', indicatorId: other, field: 'weight' } }),
    ).toHaveLength(2);
    // Another form's listing has none of them.
    expect(author.history({ formId: 'nope' })).toEqual([]);
    author.call('doc/close', { discard: true });
  });

  it('saved into the review file of a read-only document: the author sees them on opening, the document unchanged', () => {
    const { file, data, line } = savedDocument();
    const before = hash(file);
    const reviewer = new Window(data, '张审核');
    reviewer.call('doc/open', { path: file, review: true });
    reviewRound(reviewer, line);
    // The reviewer sees their own history before saving.
    expect(shown(reviewer.history({ formId: 'f1' }))).toEqual(ROUND);
    reviewer.call('doc/save', {});
    reviewer.call('doc/close', { discard: false });
    expect(hash(file)).toBe(before);
    const saved = JSON.parse(readFileSync(reviewFilePath(file), 'utf8')) as { items: ReviewItem[] };
    expect(saved.items.find((i) => i.id === auditId('f1', line))).toMatchObject({
      score: 6,
      previous: [{ score: 8, opinion: '', by: '张审核' }],
    });

    const author = new Window(data, '作者');
    author.call('doc/open', { path: file });
    expect(shown(author.history())).toEqual(ROUND);
    expect(shown(author.history({ cell: scoreCell(line) }))).toEqual([
      ['核查分数', 8, 6, '张审核'],
      ['核查分数', null, 8, '张审核'],
    ]);
    author.call('doc/close', { discard: true });
  });

  it('survives merging two copies: the newer item brings the older one’s history with it', () => {
    const { file, data, line } = savedDocument();
    // A first reviewer's audit; a second reviewer of the shared file changes it later.
    const first = new Window(data, '王初审');
    first.call('doc/open', { path: file, review: true });
    first.audit(line, { score: 8 });
    first.call('doc/save', {});
    first.call('doc/close', { discard: false });
    const second = new Window(data, '张审核');
    second.call('doc/open', { path: file, review: true });
    second.audit(line, { score: 6 });
    second.call('doc/save', {});
    const newer = second.items.get(auditId('f1', line));
    second.call('doc/close', { discard: false });

    const author = new Window(data, '作者');
    author.call('doc/open', { path: file });
    expect(shown(author.history({ cell: scoreCell(line) }))).toEqual([
      ['核查分数', 8, 6, '张审核'],
      ['核查分数', null, 8, '王初审'],
    ]);
    // Merging the older copy again takes nothing; the older copy merged with this one gets the
    // newer item, history and all.
    const olderItem = {
      ...(newer as ReviewItem),
      score: 8,
      previous: [],
      updatedAt: '2000-01-01T00:00:00.000Z',
    };
    expect(mergeReviewItems(author.items, [olderItem])).toEqual([]);
    const oldCopy: ReviewItems = new Map([[olderItem.id, olderItem]]);
    expect(mergeReviewItems(oldCopy, author.items.values())).toContainEqual(newer);
    expect(oldCopy.get(auditId('f1', line))).toMatchObject({
      score: 6,
      previous: [{ score: 8, by: '王初审' }],
    });
    author.call('doc/close', { discard: true });
  });

  it('older files without the new fields load, and their items are listed by their last change', () => {
    const { file, data, line } = savedDocument();
    const at = '2024-05-01T02:00:00.000Z';
    // As written before items kept their history: no previous, resolvedAt or deletedBy.
    const legacy = [
      {
        kind: 'audit',
        id: auditId('f1', line),
        formId: 'f1',
        indicatorId: line,
        score: 7,
        opinion: '',
        by: '老审核',
        updatedAt: at,
      },
      {
        kind: 'status',
        id: statusId('f1'),
        formId: 'f1',
        status: '已审核',
        reason: '',
        by: '老审核',
        updatedAt: at,
      },
      { ...comment('old', 'f1', '旧批注'), resolved: true, resolvedBy: '作者', updatedAt: at },
    ];
    writeFileSync(
      reviewFilePath(file),
      JSON.stringify({
        format: 'ziping-review',
        version: 1,
        document: { unit: '测试单位', year: 2024 },
        items: legacy,
      }),
    );
    const author = new Window(data, '作者');
    author.call('doc/open', { path: file });
    expect(author.items.size).toBe(3);
    const listed = author.history();
    expect(shown(listed)).toContainEqual(['核查分数', null, 7, '老审核']);
    expect(shown(listed)).toContainEqual(['审核状态', null, '已审核', '老审核']);
    expect(listed.find((e) => e.what.startsWith('批注已解决'))).toMatchObject({ at, user: '作者' });
    author.call('doc/close', { discard: true });
    // The next change (a reviewer's) keeps the old value as the first of its history.
    const reviewer = new Window(data, '复审');
    reviewer.call('doc/open', { path: file, review: true });
    reviewer.audit(line, { score: 5 });
    expect(shown(reviewer.history({ cell: scoreCell(line) }))).toEqual([
      ['核查分数', 7, 5, '复审'],
      ['核查分数', null, 7, '老审核'],
    ]);
    reviewer.call('doc/close', { discard: true });
  });

  it('validates the history of items from outside and caps it', () => {
    const item = {
      kind: 'audit',
      id: 'audit:f1:i1',
      formId: 'f1',
      indicatorId: 'i1',
      score: 3,
      opinion: '',
      by: '甲',
      updatedAt: tick(),
    };
    expect(isReviewItem(item)).toBe(true);
    expect(isReviewItem({ ...item, previous: [{ score: 2, opinion: '', by: '甲', at: tick() }] })).toBe(true);
    expect(isReviewItem({ ...item, previous: [{ score: 'two', opinion: '', by: '甲', at: tick() }] })).toBe(
      false,
    );
    expect(isReviewItem({ ...item, previous: 'x' })).toBe(false);
    const full = Array.from({ length: PREVIOUS_CAP + 1 }, (_, i) => ({
      score: i,
      opinion: '',
      by: '甲',
      at: tick(),
    }));
    expect(isReviewItem({ ...item, previous: full })).toBe(false);
    expect(
      isReviewItem({
        kind: 'status',
        id: 's',
        formId: 'f1',
        status: '已审核',
        reason: '',
        by: '甲',
        updatedAt: tick(),
        previous: [{ status: null, reason: '', by: '乙', at: tick() }],
      }),
    ).toBe(true);
    expect(isReviewItem({ ...comment('c', 'f1', '批注'), resolvedAt: 5 })).toBe(false);

    // A much-changed item keeps the last PREVIOUS_CAP values; the oldest listed change is one whose
    // old value is still known.
    const items: ReviewItems = new Map();
    for (let i = 0; i <= PREVIOUS_CAP + 5; i++) {
      const p = auditPatch(items, 'f1', 'i1', { score: i }, '甲', tick());
      if (p?.op === 'putReview') items.set(p.item.id, p.item);
    }
    const kept = items.get('audit:f1:i1');
    expect(kept?.kind === 'audit' && kept.previous?.length).toBe(PREVIOUS_CAP);
    expect(isReviewItem(kept)).toBe(true);
  });

  it('restoring an old value is one review patch; it joins the history and can be undone', () => {
    const { file, data, line } = savedDocument();
    const reviewer = new Window(data, '张审核');
    reviewer.call('doc/open', { path: file, review: true });
    reviewRound(reviewer, line);
    const author = reviewer; // the same window: restoring works in a read-only review session too
    const entry = author.history({ cell: scoreCell(line) }).find((e) => e.old === 8);
    expect(entry?.reviewRestore).toEqual({
      kind: 'audit',
      formId: 'f1',
      indicatorId: line,
      change: { score: 8 },
    });
    const patch = reviewRestorePatch(entry!.reviewRestore!, author.items, '张审核', tick());
    expect(patch).not.toBeNull();
    const status = author.call<{ dirty: boolean }>('review/apply', { patches: [patch] });
    expect(status.dirty).toBe(true);
    expect(author.items.get(auditId('f1', line))).toMatchObject({ score: 8, opinion: '佐证不足' });
    expect(shown(author.history({ cell: scoreCell(line) }))[0]).toEqual(['核查分数', 6, 8, '张审核']);
    // Nothing to restore once the value is back.
    expect(reviewRestorePatch(entry!.reviewRestore!, author.items, '张审核', tick())).toBeNull();
    // The status goes back to 待审核 in one patch; undoing it (its inverse) brings 退回修改 back.
    const sent = author.history({ formId: 'f1' }).find((e) => e.what === '审核状态' && e.old === '待审核');
    const back = reviewRestorePatch(sent!.reviewRestore!, author.items, '张审核', tick());
    const before = author.items.get(statusId('f1'));
    author.review(back);
    expect(author.items.get(statusId('f1'))).toMatchObject({ status: '待审核', reason: '' });
    // Undo replays the inverse as the editor does (DocumentStore.replay): a change of its own.
    author.review(
      replayed({ op: 'putReview', item: before! }, author.items.get(statusId('f1')), '张审核', tick()),
    );
    expect(author.items.get(statusId('f1'))).toMatchObject({ status: '退回修改' });
    expect(shown(author.history({ formId: 'f1' })).slice(0, 2)).toEqual([
      ['审核状态', '待审核', '退回修改（请补充验收报告）', '张审核'],
      ['审核状态', '退回修改（请补充验收报告）', '待审核', '张审核'],
    ]);
    reviewer.call('doc/close', { discard: true });
  });
});
