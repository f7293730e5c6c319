/** Ctrl+wheel over the form zooms it a step (as in Excel and WPS); the page itself never zooms. */
import { useEffect, type RefObject } from 'react';
import { viewSettings } from '../state/viewSettings';
import { steppedZoom } from './ZoomControl';

export function useZoomWheel(target: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = target.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey || e.deltaY === 0) return;
      e.preventDefault();
      viewSettings.set({ zoom: steppedZoom(viewSettings.get().zoom, e.deltaY < 0 ? 1 : -1) });
    };
    // Not passive: the browser's own zoom is what preventDefault stops.
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [target]);
}
