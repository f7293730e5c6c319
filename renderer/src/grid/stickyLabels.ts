/**
 * The label of a tall merged 一级/二级 cell stays at the top of the cell's visible part while the
 * form scrolls under the table's sticky header (styles.css .label-sticky). Only the merged cells
 * near the header's lower edge get a sticky label: each sticky element costs every frame a
 * compositing pass, and a 60-line form has dozens of merged cells (#23: ≈ 3 ms of an edit's frame
 * on an old PC). The band around the edge is wide enough for the fastest wheel scroll of a frame,
 * so a label is sticky before its cell reaches the edge; a jump (PageDown, a finding) catches up
 * in the next frame.
 */
import { onNextPaint } from '../state/afterPaint';

/** How far above and below the header's lower edge a merged cell gets a sticky label (px). */
const STICKY_BAND = 240;
const STICKY_CLASS = 'label-sticky';

const watchers = new Set<() => void>();

/** New merged cells were drawn (grid/levelLabel.ts): the watched grids check theirs. */
export function labelsChanged(): void {
  for (const schedule of watchers) schedule();
}

/** Whether a cell from `top` to `bottom` (px, viewport) needs a sticky label near an edge at `edge`. */
function nearEdge(top: number, bottom: number, edge: number): boolean {
  return bottom > edge - STICKY_BAND && top < edge + STICKY_BAND;
}

/**
 * Keeps the sticky labels of the grid in `container` on the merged cells near its header's lower
 * edge: after scrolls of any ancestor, size changes and new merged cells. Returns the un-watch.
 */
export function watchStickyLabels(container: HTMLElement): () => void {
  let frame = 0;
  let waiting: (() => void) | null = null;
  const update = () => {
    frame = 0;
    waiting?.();
    waiting = null;
    const header = container.querySelector('.ag-header');
    if (!header) return;
    const edge = header.getBoundingClientRect().bottom;
    for (const cell of container.querySelectorAll<HTMLElement>('.ag-spanned-cell-wrapper')) {
      const r = cell.getBoundingClientRect();
      const near = nearEdge(r.top, r.bottom, edge);
      // Only real changes: a class set again still costs a style pass.
      if (cell.classList.contains(STICKY_CLASS) !== near) cell.classList.toggle(STICKY_CLASS, near);
    }
  };
  // After a scroll: in the scroll's own frame. After new cells or a new size: once that frame is
  // painted, so that a form switch or an edit paints first (the cells have not moved on screen).
  const onScroll = () => {
    frame ||= requestAnimationFrame(update);
  };
  const later = () => {
    waiting ??= onNextPaint(update);
  };
  // Scroll events do not bubble; captured on the document they come from every scroller.
  document.addEventListener('scroll', onScroll, { capture: true, passive: true });
  const resized = new ResizeObserver(later);
  resized.observe(container);
  watchers.add(later);
  later();
  return () => {
    document.removeEventListener('scroll', onScroll, { capture: true });
    resized.disconnect();
    watchers.delete(later);
    cancelAnimationFrame(frame);
    waiting?.();
  };
}
