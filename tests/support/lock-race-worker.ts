/**
 * One of several processes racing for the same files (tests/adversarial/owner-race.test.ts,
 * review-save-race.test.ts). Started once and driven round after round over stdin, so that a
 * race of many rounds costs a few process starts, not hundreds.
 *
 *   node --import tsx tests/support/lock-race-worker.ts
 *
 * Commands, one JSON line each on stdin; every command gets one JSON line on stdout:
 *   {"cmd":"ping"}                     → {"pid":…,"ready":true} once the code is loaded
 *   {"cmd":"acquire","doc":D,"at":T}   at time T (epoch ms) try to become D's editor (acquireOwner)
 *                                      → {"pid":…,"kind":"acquired"|"held"|"unavailable"}
 *   {"cmd":"release","doc":D}          give D up if this process holds it → {"pid":…,"released":true}
 *   {"cmd":"review","doc":D,"data":F,"user":U}
 *                                      open D as reviewer U (working copies in F) → {"pid":…,"open":true}
 *   {"cmd":"comment","ids":[…],"at":T} add a comment per id now, save at time T (the review file)
 *                                      → {"pid":…,"saved":true} or {"pid":…,"error":{code,message}}
 * Workers spin until T rather than sleep, so that they start their step within a millisecond of
 * each other.
 */
import { hostname } from 'node:os';
import { createInterface } from 'node:readline';
import { DocumentSession } from '../../electron/services/document-store';
import { acquireOwner, releaseOwner } from '../../electron/services/document-store/owner-lock';
import { comment } from './review-items';

type Command =
  | { cmd: 'ping' }
  | { cmd: 'acquire'; doc: string; at: number }
  | { cmd: 'release'; doc: string }
  | { cmd: 'review'; doc: string; data: string; user: string }
  | { cmd: 'comment'; ids: string[]; at: number };

const me = { user: `worker-${process.pid}`, host: hostname(), pid: process.pid };
let reviewer: DocumentSession | null = null;

function reply(value: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ pid: process.pid, ...value })}\n`);
}

function spinUntil(at: number): void {
  while (Date.now() < at) {
    // Busy wait: the racers must start together, timers are too coarse.
  }
}

function run(c: Command): Record<string, unknown> {
  switch (c.cmd) {
    case 'ping':
      return { ready: true };
    case 'acquire':
      spinUntil(c.at);
      return { kind: acquireOwner(c.doc, me).kind };
    case 'release':
      releaseOwner(c.doc, me);
      return { released: true };
    case 'review': {
      const opened = DocumentSession.open(c.doc, {
        dataDir: c.data,
        review: true,
        who: { user: c.user, host: me.host },
      });
      if (!opened.ok) return { error: opened.error };
      reviewer = opened.value;
      return { open: true };
    }
    case 'comment': {
      if (!reviewer) return { error: { code: 'no-session', message: 'review first' } };
      const user = reviewer.user;
      const added = reviewer.applyReview(
        c.ids.map((id) => ({
          op: 'putReview',
          item: comment(id, null, `${user}的批注 ${id}`, { author: user }),
        })),
      );
      if (!added.ok) return { error: added.error };
      spinUntil(c.at);
      const saved = reviewer.save();
      return saved.ok ? { saved: true } : { error: saved.error };
    }
  }
}

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === '') return;
  try {
    reply(run(JSON.parse(line) as Command));
  } catch (e) {
    reply({ error: { code: 'exception', message: e instanceof Error ? (e.stack ?? e.message) : String(e) } });
  }
});
