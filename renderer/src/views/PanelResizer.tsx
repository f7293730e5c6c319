/**
 * A bar on a bottom panel's top edge: dragged (or ↑/↓ with the keyboard) it sets the panel's
 * height, which is remembered for the next start (state/uiSettings.ts).
 */
import { useState, type KeyboardEvent, type PointerEvent } from 'react';
import { readNumberSetting, writeNumberSetting } from '../state/uiSettings';

const MIN_HEIGHT = 80;
const STEP = 20;

/** Never so tall that the form above has no room left. */
const maxHeight = () => Math.max(MIN_HEIGHT, Math.round(window.innerHeight * 0.6));

export function usePanelHeight(key: string, fallback: number): [number, (height: number) => void] {
  const [height, setHeight] = useState(() => readNumberSetting(key, fallback, MIN_HEIGHT, maxHeight()));
  const set = (h: number) => {
    const clamped = Math.min(maxHeight(), Math.max(MIN_HEIGHT, Math.round(h)));
    setHeight(clamped);
    writeNumberSetting(key, clamped);
  };
  return [height, set];
}

interface Props {
  height: number;
  onResize: (height: number) => void;
  label: string;
  testId: string;
}

export function PanelResizer({ height, onResize, label, testId }: Props) {
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const startY = e.clientY;
    const startHeight = height;
    const bar = e.currentTarget;
    bar.setPointerCapture(e.pointerId);
    const move = (m: globalThis.PointerEvent) => onResize(startHeight + startY - m.clientY);
    const up = () => {
      bar.removeEventListener('pointermove', move);
      bar.removeEventListener('pointerup', up);
      bar.removeEventListener('pointercancel', up);
    };
    bar.addEventListener('pointermove', move);
    bar.addEventListener('pointerup', up);
    bar.addEventListener('pointercancel', up);
    e.preventDefault();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    onResize(height + (e.key === 'ArrowUp' ? STEP : -STEP));
  };
  return (
    <div
      className="panel-resizer"
      role="separator"
      aria-orientation="horizontal"
      aria-label={label}
      aria-valuenow={height}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      data-testid={testId}
    />
  );
}
