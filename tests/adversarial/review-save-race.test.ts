/**
 * Review saves are serialised (issue 17): three reviewers of one document, each in a process of
 * their own, add comments and save at the same moment, round after round. Before, each read the
 * review file, merged its own items and wrote it back, and the last writer dropped what the
 * others had just saved although every one was told it was saved. After every round the review
 * file must hold every item of every reviewer saved so far, and no lock file may be left.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentSession } from '../../electron/services/document-store';
import { readReviewFile, reviewFilePath } from '../../electron/services/document-store/review-store';
import { writeDocumentFile } from '../support/document-file';
import { fixtureDocument } from '../support/documents';
import { startTime, startWorkers, type RaceWorker } from '../support/race-workers';
import { useTempDir } from '../support/temp-dir';

const REVIEWERS = ['赵审核', '钱审核', '孙审核'];
const ROUNDS = 20;
const ITEMS_PER_SAVE = 3;
const tmp = useTempDir('ziping-review-race-');

describe('three reviewers saving their review files at once', () => {
  let workers: RaceWorker[] = [];
  let stop: () => Promise<void> = () => Promise.resolve();

  beforeAll(async () => {
    ({ workers, stop } = await startWorkers(REVIEWERS.length));
  }, 120_000);
  afterAll(() => stop(), 60_000);

  it(`keeps every reviewer's items in each of ${ROUNDS} rounds`, async () => {
    const dir = join(tmp(), 'docs');
    mkdirSync(dir);
    const doc = join(dir, '年度自评.ziping');
    writeDocumentFile(doc, fixtureDocument('shanxi'), join(tmp(), 'author-data'));
    const opened = await Promise.all(
      workers.map((w, i) =>
        w.send({ cmd: 'review', doc, data: join(tmp(), `data-${i}`), user: REVIEWERS[i] }),
      ),
    );
    for (const r of opened) expect(r, JSON.stringify(r)).toMatchObject({ open: true });

    const told: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const at = startTime();
      const batches = workers.map((_, i) =>
        Array.from({ length: ITEMS_PER_SAVE }, (__, k) => `r${round}-${REVIEWERS[i]}-${k}`),
      );
      const replies = await Promise.all(
        workers.map((w, i) => w.send({ cmd: 'comment', ids: batches[i], at })),
      );
      const what = `round ${round}: ${JSON.stringify(replies)}`;
      // Every reviewer is told the save worked (the lock is held for milliseconds).
      for (const r of replies) expect(r, what).toMatchObject({ saved: true });
      told.push(...batches.flat());
      const inFile = new Set(readReviewFile(reviewFilePath(doc)).map((item) => item.id));
      expect(
        told.filter((id) => !inFile.has(id)),
        what,
      ).toEqual([]);
      expect(existsSync(`${reviewFilePath(doc)}.lock`), what).toBe(false);
    }

    // Nothing but the document and its review file is left beside it.
    expect(readdirSync(dir).sort()).toEqual(['年度自评.ziping', '年度自评.ziping-review']);
    // The author opening the document sees every comment of every reviewer.
    const author = DocumentSession.open(doc, { dataDir: join(tmp(), 'author-data') });
    if (!author.ok) throw new Error(author.error.message);
    try {
      const comments = [...author.value.review.values()].filter((item) => item.kind === 'comment');
      expect(comments.map((c) => c.id).sort()).toEqual([...told].sort());
    } finally {
      author.value.close();
    }
  }, 300_000);
});
