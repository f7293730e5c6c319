/**
 * Long-lived racing processes for the adversarial lock tests (tests/support/lock-race-worker.ts):
 * started once, then driven round after round, one JSON command and one JSON reply at a time.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(import.meta.dirname, '..', '..');
const WORKER = join(ROOT, 'tests', 'support', 'lock-race-worker.ts');

export type Reply = { pid: number } & Record<string, unknown>;

export interface RaceWorker {
  readonly pid: number;
  /** Sends one command; resolves with its reply (replies come in order). */
  send(command: Record<string, unknown>): Promise<Reply>;
}

function startWorker(): RaceWorker & { child: ChildProcessWithoutNullStreams } {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], { cwd: ROOT, stdio: 'pipe' });
  const waiting: { resolve: (r: Reply) => void; reject: (e: Error) => void }[] = [];
  let stderr = '';
  let ended: Error | null = null;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => (stderr += d));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const next = waiting.shift();
    if (!next) return;
    try {
      next.resolve(JSON.parse(line) as Reply);
    } catch {
      next.reject(new Error(`worker ${child.pid}: not a reply: ${line}`));
    }
  });
  child.on('exit', (code, signal) => {
    ended = new Error(`worker ${child.pid} exited (${code ?? signal}): ${stderr}`);
    for (const w of waiting.splice(0)) w.reject(ended);
  });
  return {
    child,
    get pid() {
      return child.pid ?? -1;
    },
    send(command) {
      if (ended) return Promise.reject(ended);
      return new Promise<Reply>((resolve, reject) => {
        waiting.push({ resolve, reject });
        child.stdin.write(`${JSON.stringify(command)}\n`);
      });
    },
  };
}

/** Starts `count` workers and waits until each has loaded the store's code. */
export async function startWorkers(
  count: number,
): Promise<{ workers: RaceWorker[]; stop: () => Promise<void> }> {
  const started = Array.from({ length: count }, startWorker);
  const stop = async () => {
    await Promise.all(
      started.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.child.exitCode !== null || w.child.signalCode !== null) return resolve();
            w.child.once('exit', () => resolve());
            w.child.stdin.end();
            setTimeout(() => w.child.kill('SIGKILL'), 10_000).unref();
          }),
      ),
    );
  };
  try {
    await Promise.all(started.map((w) => w.send({ cmd: 'ping' })));
  } catch (e) {
    await stop();
    throw e;
  }
  return { workers: started, stop };
}

/** A moment shortly ahead, for racers to start their step together (they spin until it). */
export function startTime(): number {
  return Date.now() + 250;
}

/** The pid of a process that has exited: what a crashed process leaves in its lock files. */
export function deadPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => resolve(child.pid ?? -1));
  });
}
