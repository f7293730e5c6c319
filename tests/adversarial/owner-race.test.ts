/**
 * Exactly one editor (issue 17): four processes race for one document whose owner file is
 * stale (its process is gone), round after round. Before, every racer saw the stale file and
 * deleted what was under its name, so one deleted another's fresh owner file and both edited.
 * Each round must end with exactly one editor, the others told who holds the document, the
 * owner file naming the editor, and nothing else left beside the document.
 */
import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerFilePath, readOwner } from '../../electron/services/document-store/owner-lock';
import { deadPid, startTime, startWorkers, type RaceWorker } from '../support/race-workers';
import { useTempDir } from '../support/temp-dir';

const RACERS = 4;
const ROUNDS = 50;
const tmp = useTempDir('ziping-owner-race-');

/** The stale owner file of round `round`: a dead process's, or (every 5th) unreadable and old. */
function plantStaleOwner(doc: string, round: number, pid: number): void {
  const file = ownerFilePath(doc);
  if (round % 5 === 4) {
    // Cut short by a crash mid-write long ago (file systems without hard links).
    writeFileSync(file, '{"app":"ziping","us');
    const old = new Date(Date.now() - 60_000);
    utimesSync(file, old, old);
    return;
  }
  writeFileSync(
    file,
    JSON.stringify({
      app: 'ziping',
      user: '已退出的用户',
      host: hostname(),
      pid,
      since: new Date().toISOString(),
    }),
  );
}

describe('four processes racing for a document with a stale owner file', () => {
  let workers: RaceWorker[] = [];
  let stop: () => Promise<void> = () => Promise.resolve();

  beforeAll(async () => {
    ({ workers, stop } = await startWorkers(RACERS));
  }, 120_000);
  afterAll(() => stop(), 60_000);

  it(`has exactly one editor in each of ${ROUNDS} rounds`, async () => {
    const dir = tmp();
    const doc = join(dir, '共享文档.ziping');
    writeFileSync(doc, '');
    const stalePid = await deadPid();
    for (let round = 0; round < ROUNDS; round++) {
      plantStaleOwner(doc, round, stalePid);
      const at = startTime();
      const replies = await Promise.all(workers.map((w) => w.send({ cmd: 'acquire', doc, at })));
      const editors = replies.filter((r) => r.kind === 'acquired');
      const what = `round ${round}: ${JSON.stringify(replies)}`;
      expect(editors, what).toHaveLength(1);
      expect(
        replies.filter((r) => r.kind === 'held'),
        what,
      ).toHaveLength(RACERS - 1);
      // The file on disk names the one editor, and the stale file left nothing behind.
      expect(readOwner(doc), what).toMatchObject({ pid: editors[0]?.pid, host: hostname() });
      expect(readdirSync(dir).sort(), what).toEqual([`~$共享文档.ziping`, '共享文档.ziping'].sort());

      await Promise.all(workers.map((w) => w.send({ cmd: 'release', doc })));
      // Only the editor's release removes the owner file.
      expect(readdirSync(dir), what).toEqual(['共享文档.ziping']);
    }
  }, 300_000);
});
