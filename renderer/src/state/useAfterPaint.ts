/** React side of state/afterPaint.ts. */
import { useEffect, useReducer } from 'react';
import { afterPaintSubscribe } from './afterPaint';

type Subscribe = (listener: () => void) => () => void;

/**
 * Re-renders the component after the next paint that follows a change announced by any of
 * `sources` (many changes before it: one render). The component reads the current state when it
 * renders, and is memo'd, or its parent follows a frame late too: a parent's render would bring
 * the change in before the paint.
 */
export function useRenderAfterPaint(...sources: Subscribe[]): void {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const unsubscribe = sources.map((subscribe) => afterPaintSubscribe(subscribe)(rerender));
    return () => {
      for (const u of unsubscribe) u();
    };
    // The sources are stable subscribe functions (the stores' own fields), fixed per use.
  }, sources);
}
