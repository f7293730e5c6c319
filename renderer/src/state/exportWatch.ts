/**
 * Watches a running Excel export: the export call is given a job id, and the progress is asked
 * for with that id every POLL_MS until the call answers (neither IPC invoke nor HTTP lets the Node
 * side push it). The dialog shows only when an export takes longer than SHOW_AFTER_MS, so quick
 * exports do not flash it.
 */
import type { ExportJobProgress } from '../../../shared/contract';
import { invoke } from '../api/client';

export const POLL_MS = 150;
export const SHOW_AFTER_MS = 300;

export interface ExportWatchState {
  /** The dialog is shown (the export has run longer than SHOW_AFTER_MS). */
  visible: boolean;
  /** The last progress the Node side gave; null before the first answer. */
  progress: ExportJobProgress | null;
  /** 取消 was asked for; the export stops at its next form. */
  cancelling: boolean;
}

/** Ids only need to be unique among this window's exports; the server checks their form. */
function newJobId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `export-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export class ExportWatch {
  private state: ExportWatchState | null = null;
  private jobId: string | null = null;
  private readonly listeners = new Set<() => void>();

  /** Runs `start(jobId)` (the export call) and follows its progress until it answers. */
  async run<T>(start: (jobId: string) => Promise<T>): Promise<T> {
    const jobId = newJobId();
    this.jobId = jobId;
    this.set({ visible: false, progress: null, cancelling: false });
    let over = false;
    const show = setTimeout(() => this.update(jobId, { visible: true }), SHOW_AFTER_MS);
    const poll = async (): Promise<void> => {
      while (!over) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        if (over) return;
        // One question at a time: a slow answer delays the next one instead of piling them up.
        const r = await invoke('export/progress', { jobId });
        if (!over && r.ok && r.value) this.update(jobId, { progress: r.value });
      }
    };
    void poll();
    try {
      return await start(jobId);
    } finally {
      over = true;
      clearTimeout(show);
      if (this.jobId === jobId) {
        this.jobId = null;
        this.set(null);
      }
    }
  }

  /** Asks the running export to stop; it answers 'cancelled' and writes nothing. */
  cancel(): void {
    const jobId = this.jobId;
    if (jobId === null || !this.state || this.state.cancelling) return;
    this.update(jobId, { cancelling: true });
    void invoke('export/cancel', { jobId });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get = (): ExportWatchState | null => this.state;

  private update(jobId: string, change: Partial<ExportWatchState>): void {
    if (this.jobId === jobId && this.state) this.set({ ...this.state, ...change });
  }

  private set(state: ExportWatchState | null): void {
    this.state = state;
    for (const l of this.listeners) l();
  }
}
