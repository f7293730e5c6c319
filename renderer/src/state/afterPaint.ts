/**
 * Work that can wait for the next paint: a frame, then a task. What the user just did (the edited
 * cell, the form's total) is painted first; panels beside it follow in the next frame (#23).
 * A hidden window draws no frames, so nothing waits there.
 */

/** Calls `run` after the next paint; the returned function cancels it. */
export function onNextPaint(run: () => void): () => void {
  if (document.visibilityState === 'hidden') {
    let cancelled = false;
    queueMicrotask(() => {
      if (!cancelled) run();
    });
    return () => {
      cancelled = true;
    };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
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
