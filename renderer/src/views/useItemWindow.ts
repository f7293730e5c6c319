/**
 * A long list of fixed-height items rendered by window: only the items in view and a margin
 * (a document has up to a thousand forms and tens of thousands of findings; rendering them all
 * costs every frame of the editor its style, layout and paint), kept in step with the list's
 * scroll and size.
 */
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

export interface ListGeometry {
  /** Every item's height in pixels, as styled. */
  itemHeight: number;
  /** The list's top padding, as styled. */
  padding: number;
  /** Items rendered above and below the visible ones, so a scroll shows them at once. */
  overscan: number;
}

interface View {
  top: number;
  height: number;
}

export function useItemWindow(
  list: RefObject<HTMLElement | null>,
  count: number,
  geometry: ListGeometry,
  /** An item to keep in view (the selected one), or -1. */
  keepInView = -1,
) {
  const [view, setView] = useState<View>({ top: 0, height: 1000 });
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setView({ top: el.scrollTop, height: el.clientHeight }));
    };
    setView({ top: el.scrollTop, height: el.clientHeight });
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    el.addEventListener('scroll', measure, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      el.removeEventListener('scroll', measure);
    };
  }, [list]);

  const viewNow = useRef(view);
  viewNow.current = view;
  useEffect(() => {
    if (list.current && keepInView >= 0) scrollToItem(list.current, keepInView, viewNow.current, geometry);
  }, [list, keepInView, geometry]);

  const { itemHeight, overscan } = geometry;
  const first = Math.max(0, Math.floor(view.top / itemHeight) - overscan);
  const last = Math.min(count, Math.ceil((view.top + view.height) / itemHeight) + overscan);
  return {
    first,
    last,
    /** Heights of the blank space standing for the items not rendered, above and below. */
    before: first * itemHeight,
    after: Math.max(0, count - last) * itemHeight,
  };
}

/**
 * Scrolls the list (not the page) so that item `index` is in view. Decided from the scroll
 * position the window already tracks: reading the element's geometry here would force a layout
 * of the whole page in the middle of a form switch (≈ 10 ms); scrollTop is written only when needed.
 */
function scrollToItem(el: HTMLElement, index: number, view: View, geometry: ListGeometry): void {
  const top = geometry.padding + index * geometry.itemHeight;
  if (top < view.top) el.scrollTop = top;
  else if (top + geometry.itemHeight > view.top + view.height)
    el.scrollTop = top + geometry.itemHeight - view.height;
}
