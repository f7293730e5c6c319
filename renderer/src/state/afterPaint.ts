/**
 * Work that can wait for the next paint: a frame, then a task. What the user just did (the edited
 * cell, the form's total) is painted first; panels beside it follow in the next frame (#23).
 * A hidden window draws no frames, so nothing waits there.
 */

interface Waiting {
  run: () => void;
  cancelled: boolean;
}

/**
 * What waits for the next paint, run in one task after it: one animation frame and one timer
 * for all (the sidebar's items, the line detail and the window each wait after an edit), and
 * React renders what they change in one pass.
 */
let waiting: Waiting[] | null = null;

function runWaiting(): void {
  const due = waiting ?? [];
  waiting = null;
  for (const w of due) if (!w.cancelled) w.run();
}

/** Calls `run` after the next paint; the returned function cancels it. */
export function onNextPaint(run: () => void): () => void {
  const entry: Waiting = { run, cancelled: false };
  if (document.visibilityState === 'hidden') {
    queueMicrotask(() => {
      if (!entry.cancelled) run();
    });
  } else {
    if (!waiting) {
      waiting = [];
      requestAnimationFrame(() => setTimeout(runWaiting, 0));
    }
    waiting.push(entry);
  }
  return () => {
    entry.cancelled = true;
  };
}

/** Resolves after the next paint. */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => onNextPaint(resolve));
}

type Subscribe = (listener: () => void) => () => void;

/**
 * `subscribe` whose listeners hear of changes after the next paint: many changes before it, one
 * call. For useSyncExternalStore in memo'd components that may follow a frame late. Changes for
 * which `waits` says no are heard at once (with any waiting call folded in).
 */
export function afterPaintSubscribe(subscribe: Subscribe, waits: () => boolean = () => true): Subscribe {
  return (listener) => {
    let cancel: (() => void) | null = null;
    const off = subscribe(() => {
      if (!waits()) {
        cancel?.();
        cancel = null;
        listener();
        return;
      }
      cancel ??= onNextPaint(() => {
        cancel = null;
        listener();
      });
    });
    return () => {
      off();
      cancel?.();
    };
  };
}
