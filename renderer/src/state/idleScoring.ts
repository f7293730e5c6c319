/**
 * The forms other than the open one are scored in the window's idle time, a few at a time, so
 * the first form paints without waiting for the whole document (issue #23). Until a form is
 * scored the sidebar shows a placeholder for its total and checks; what needs every result
 * (汇总, 全部表 checks, export) asks the Recalculator, which scores the rest at once.
 */
import type { Recalculator } from '../../../shared/scoring/recalculator';
import type { FormResult } from '../../../shared/scoring/types';

/** What an idle callback is told: how long it may still work in this idle period. */
export interface IdleTime {
  didTimeout: boolean;
  timeRemaining(): number;
}

/** Runs a callback when the window is idle; returns how to cancel it. */
export type IdleRequest = (work: (idle: IdleTime) => void) => () => void;

/** A slice runs at least this long when the browser ran it late (its timeout), not idle. */
const FORCED_SLICE_MS = 4;
/**
 * Idle callbacks are run at the latest after this, even when the window is never idle. Not
 * shorter: at 4× CPU the first form takes seconds, and forced slices would land in it.
 */
const IDLE_TIMEOUT_MS = 5000;
/** Without requestIdleCallback: a task after this pause. */
const FALLBACK_DELAY_MS = 50;

/** requestIdleCallback where the browser has it; otherwise a timer with a slice of its own. */
export const browserIdle: IdleRequest = (work) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(() => work({ didTimeout: true, timeRemaining: () => 0 }), FALLBACK_DELAY_MS);
  return () => clearTimeout(id);
};

export class IdleScoring {
  /** Bumped after each slice that scored forms; the sidebar items read results again then. */
  version = 0;
  private readonly listeners = new Set<() => void>();
  private cancel: (() => void) | null = null;
  /** A result was asked for before idle time scored it; the listeners are told after this task's work. */
  private tellPending = false;

  constructor(
    private readonly recalc: Recalculator,
    private readonly idle: IdleRequest = browserIdle,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Scores the waiting forms slice by slice until none waits; a second call changes nothing. */
  start(): void {
    if (this.cancel || this.recalc.allScored) return;
    this.cancel = this.idle((time) => this.slice(time));
  }

  stop(): void {
    this.cancel?.();
    this.cancel = null;
  }

  get done(): boolean {
    return this.recalc.allScored;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  /**
   * The form's result, scored now if it still waits. What scores forms on demand (汇总, 全部表
   * checks, export) goes through here: the sidebar's placeholders are told once the caller's work
   * is done — idle time would not tell them, having nothing left to score.
   */
  result(formId: string): FormResult {
    if (this.recalc.scoredResult(formId) === null && !this.tellPending) {
      this.tellPending = true;
      queueMicrotask(() => {
        this.tellPending = false;
        this.tell();
      });
    }
    return this.recalc.result(formId);
  }

  private tell(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  private slice(time: IdleTime): void {
    this.cancel = null;
    const until = this.now() + FORCED_SLICE_MS;
    let scored = 0;
    // At least one form a slice, so the work ends even on a window that is never idle.
    while (this.recalc.scoreNext() !== null) {
      scored++;
      const more = time.didTimeout ? this.now() < until : time.timeRemaining() > 1;
      if (!more) break;
    }
    if (scored > 0) this.tell();
    this.start();
  }
}
