/**
 * Unit files read in a small pool of worker_threads (#22), so that a scan uses the machine's cores
 * (min(cores, 4), at least one) and the service host stays free to answer progress polls and 取消.
 * Each worker runs readUnit (read-worker.ts): the same read-only reading as in process. Workers
 * start on the first read that needs one (a rescan served by the cache starts none); a worker
 * that dies on a file (its memory cap) lists that file with a reason and is replaced; cancelling
 * ends every worker at once. A worker script that cannot be loaded (missing or damaged install)
 * fails every read with one ReaderMissing instead of a reason per file.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReadRequest } from './read-worker';
import type { UnitRead } from './read-unit';

/** Above this a worker is ended and its file listed as too large (a hostile file must not take the host down). */
const WORKER_HEAP_MB = 384;

export const poolSize = (): number => Math.max(1, Math.min(os.availableParallelism(), 4));

/**
 * The worker's entry beside this module: read-worker.ts from the sources (run through tsx), or
 * units-read-worker.cjs / .mjs beside the bundle this module was built into.
 */
export function readWorkerEntry(here: string = fileURLToPath(import.meta.url)): string {
  const dir = path.dirname(here);
  if (here.endsWith('.ts')) return path.join(dir, 'read-worker.ts');
  return path.join(dir, `units-read-worker${path.extname(here)}`);
}

function startWorker(entry: string): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB };
  if (!entry.endsWith('.ts')) return new Worker(entry, { resourceLimits });
  // A worker thread cannot take tsx from --import (Node 20): the service host's bootstrap registers it.
  const bootstrap = path.join(path.dirname(entry), '../service-host/tsx-bootstrap.mjs');
  return new Worker(bootstrap, { resourceLimits, workerData: { entry: pathToFileURL(entry).href } });
}

/** The worker script could not be loaded: the installation is broken, not the files read. */
export class ReaderMissing extends Error {
  constructor(entry: string) {
    super(`汇总读取程序缺失或损坏（${path.basename(entry)}）：请重新安装自评表编辑器`);
    this.name = 'ReaderMissing';
  }
}

/** Errors of loading the worker's script (not found, or not a script Node can run). */
function failedToLoad(e: Error & { code?: string }): boolean {
  const codes = ['MODULE_NOT_FOUND', 'ERR_MODULE_NOT_FOUND', 'ERR_UNKNOWN_FILE_EXTENSION', 'ERR_WORKER_PATH'];
  return (e.code !== undefined && codes.includes(e.code)) || e.name === 'SyntaxError';
}

interface Job {
  file: string;
  resolve: (read: UnitRead) => void;
  reject: (reason: unknown) => void;
}

export class ReadPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private workers = 0;
  private closed = false;
  /** Set once a worker's script failed to load: every read then fails with it. */
  private missing: ReaderMissing | null = null;

  constructor(
    private readonly options: { indicators?: boolean; signal?: AbortSignal; size?: number } = {},
    private readonly entry: string = readWorkerEntry(),
  ) {
    options.signal?.addEventListener('abort', () => void this.close(), { once: true });
  }

  get size(): number {
    return this.options.size ?? poolSize();
  }

  /** The file read by the next free worker; rejects with the signal's reason once cancelled. */
  read = (file: string): Promise<UnitRead> => {
    if (this.closed) return Promise.reject(this.stopReason());
    if (this.missing) return Promise.reject(this.missing);
    return new Promise((resolve, reject) => {
      this.queue.push({ file, resolve, reject });
      this.dispatch();
    });
  };

  /** Ends every worker; reads not finished reject. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(this.stopReason());
    const all = [...this.idle.splice(0), ...this.busy.keys()];
    await Promise.all(all.map((w) => w.terminate()));
  }

  private stopReason(): unknown {
    return this.options.signal?.reason ?? new Error('读取已结束');
  }

  private dispatch(): void {
    if (this.missing) {
      for (const job of this.queue.splice(0)) job.reject(this.missing);
      return;
    }
    while (this.queue.length > 0 && !this.closed) {
      const worker = this.idle.pop() ?? (this.workers < this.size ? this.spawn() : undefined);
      if (!worker) return;
      const job = this.queue.shift() as Job;
      this.busy.set(worker, job);
      const request: ReadRequest = { file: job.file, indicators: this.options.indicators !== false };
      worker.postMessage(request);
    }
  }

  private spawn(): Worker {
    const worker = startWorker(this.entry);
    this.workers++;
    worker.on('message', (read: UnitRead) => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      this.idle.push(worker);
      job?.resolve(read);
      this.dispatch();
    });
    let failure = '';
    // Without a listener the worker's error would be thrown again in this thread; 'exit' follows.
    worker.on('error', (e: Error & { code?: string }) => {
      if (failedToLoad(e)) this.missing ??= new ReaderMissing(this.entry);
      failure = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? '' : (e.message.split('\n')[0] ?? '');
    });
    worker.on('exit', () => {
      this.workers--;
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      if (!job) return;
      if (this.closed) job.reject(this.stopReason());
      else if (this.missing) {
        job.reject(this.missing);
        this.dispatch();
      } else {
        const reason = failure
          ? `读取进程意外结束（${failure}）`
          : '读取该文件时超出内存上限：文件可能过大或已损坏';
        job.resolve({ ok: false, reason });
        this.dispatch();
      }
    });
    return worker;
  }
}
