/**
 * The edge of a panel that the mouse drags to resize it (the sidebar, the review panel, the
 * history drawer). `grow` says which way makes the panel bigger; the size stays in its limits.
 */
import { useRef, type PointerEvent } from 'react';

interface Props {
  /** 'x': a left/right edge; 'y': a top edge. */
  axis: 'x' | 'y';
  /** +1: dragging right (or down) makes the panel bigger; -1: left (or up). */
  grow: 1 | -1;
  size: number;
  onResize: (size: number) => void;
  label: string;
  testId: string;
}

export function ResizeHandle({ axis, grow, size, onResize, label, testId }: Props) {
  const start = useRef<{ at: number; size: number } | null>(null);
  const at = (e: PointerEvent) => (axis === 'x' ? e.clientX : e.clientY);
  return (
    <div
      className={`resize-handle resize-${axis}`}
      role="separator"
      aria-orientation={axis === 'x' ? 'vertical' : 'horizontal'}
      aria-label={label}
      title={`拖动调整${label}`}
      data-testid={testId}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        start.current = { at: at(e), size };
      }}
      onPointerMove={(e) => {
        const s = start.current;
        if (s) onResize(s.size + grow * (at(e) - s.at));
      }}
      onPointerUp={() => {
        start.current = null;
      }}
    />
  );
}
