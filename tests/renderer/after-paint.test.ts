/**
 * state/afterPaint.ts (#23): listeners hear of changes after the next frame and a task, many
 * changes in one call, all listeners in one frame and task; changes that need not wait at once;
 * unsubscribing cancels what waits; a hidden window does not wait for frames.
 * The frames are a queue the test runs; timers are vitest's.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterPaintSubscribe } from '../../renderer/src/state/afterPaint';

const frames: (() => void)[] = [];
const g = globalThis as unknown as Record<string, unknown>;

function source() {
  const listeners = new Set<() => void>();
  return {
    subscribe: (l: () => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    change: () => listeners.forEach((l) => l()),
    count: () => listeners.size,
  };
}

describe('after the next paint', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    frames.length = 0;
    g['document'] = { visibilityState: 'visible' };
    g['requestAnimationFrame'] = (f: () => void) => frames.push(f);
    g['cancelAnimationFrame'] = (id: number) => {
      frames[id - 1] = () => undefined;
    };
  });
  afterEach(() => {
    // What a test left waiting runs, so the next one starts with no frame asked for.
    while (frames.length > 0) frames.shift()?.();
    vi.runAllTimers();
    vi.useRealTimers();
    for (const k of ['document', 'requestAnimationFrame', 'cancelAnimationFrame']) delete g[k];
  });

  it('tells many changes once, after the frame and a task', () => {
    const s = source();
    const heard = vi.fn();
    afterPaintSubscribe(s.subscribe)(heard);
    s.change();
    s.change();
    expect(frames).toHaveLength(1);
    vi.runAllTimers();
    expect(heard).not.toHaveBeenCalled();
    frames.shift()?.();
    expect(heard).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(heard).toHaveBeenCalledTimes(1);
    // A change after that waits for the next frame again.
    s.change();
    expect(frames).toHaveLength(1);
  });

  it('all that waits for a paint shares one frame and one task', () => {
    const s = source();
    const heard: string[] = [];
    afterPaintSubscribe(s.subscribe)(() => heard.push('a'));
    afterPaintSubscribe(s.subscribe)(() => heard.push('b'));
    const off = afterPaintSubscribe(s.subscribe)(() => heard.push('c'));
    s.change();
    off();
    expect(frames).toHaveLength(1);
    frames.shift()?.();
    expect(vi.getTimerCount()).toBe(1);
    vi.runAllTimers();
    expect(heard).toEqual(['a', 'b']);
  });

  it('unsubscribing cancels what waits and lets go of the source', () => {
    const s = source();
    const heard = vi.fn();
    const off = afterPaintSubscribe(s.subscribe)(heard);
    s.change();
    frames.shift()?.();
    off();
    vi.runAllTimers();
    expect(heard).not.toHaveBeenCalled();
    expect(s.count()).toBe(0);
  });

  it('changes that need not wait are heard at once, with what waited folded in', () => {
    const s = source();
    const heard = vi.fn();
    let waits = true;
    afterPaintSubscribe(s.subscribe, () => waits)(heard);
    s.change();
    expect(heard).not.toHaveBeenCalled();
    waits = false;
    s.change();
    expect(heard).toHaveBeenCalledTimes(1);
    // The waiting call was cancelled: the frame brings nothing more.
    frames.shift()?.();
    vi.runAllTimers();
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('a hidden window hears at the end of the current task, without a frame', async () => {
    g['document'] = { visibilityState: 'hidden' };
    const s = source();
    const heard = vi.fn();
    afterPaintSubscribe(s.subscribe)(heard);
    s.change();
    expect(heard).not.toHaveBeenCalled();
    await Promise.resolve();
    expect(heard).toHaveBeenCalledTimes(1);
    expect(frames).toHaveLength(0);
  });
});
