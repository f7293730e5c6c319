/**
 * Excel exports that can be watched and cancelled while they run. The renderer names each export
 * with a job id of its own choosing and, since neither IPC invoke nor HTTP pushes anything to it,
 * polls the progress with that id until the export call answers.
 */
import type { ExportJobProgress } from '../../shared/contract';
import type { ExportProgress } from './excel/export';

interface Job {
  controller: AbortController;
  progress: ExportJobProgress;
}

/** What an export started as a job is given: where to report, and the signal that stops it. */
export interface JobHooks {
  signal: AbortSignal;
  onProgress: (p: ExportProgress) => void;
}

/**
 * What the caller of one export may add (the document service's host, electron/services/
 * service-host): a listener that hears every step, and a signal that stops the export too.
 */
export type JobWatch = Partial<JobHooks>;

export class ExportJobs {
  private readonly running = new Map<string, Job>();
  private unnamed = 0;

  /** An id for an export the caller did not name (it can still be stopped by cancelAll). */
  unnamedId(): string {
    // ':' is not allowed in the ids the renderer makes up, so the two never meet.
    return `internal:${++this.unnamed}`;
  }

  /** Registers a job; null when an export with this id is still running. */
  start(jobId: string, watch: JobWatch = {}): JobHooks | null {
    if (this.running.has(jobId)) return null;
    const job: Job = {
      controller: new AbortController(),
      progress: { stage: 'check', done: 0, total: 0, formName: '' },
    };
    this.running.set(jobId, job);
    if (watch.signal?.aborted) job.controller.abort();
    watch.signal?.addEventListener('abort', () => job.controller.abort(), { once: true });
    return {
      signal: job.controller.signal,
      onProgress: (p) => {
        job.progress = { ...p };
        watch.onProgress?.({ ...p });
      },
    };
  }

  finish(jobId: string): void {
    this.running.delete(jobId);
  }

  progress(jobId: string): ExportJobProgress | null {
    const job = this.running.get(jobId);
    return job ? { ...job.progress } : null;
  }

  /** Stops every running export (the window that asked for them is gone). */
  cancelAll(): void {
    for (const job of this.running.values()) job.controller.abort();
  }

  /** Asks the export to stop at its next step; false when no such export runs. */
  cancel(jobId: string): boolean {
    const job = this.running.get(jobId);
    if (!job) return false;
    job.controller.abort();
    return true;
  }
}
