/** The status bar's zoom (like Excel's): −, a slider, +, and the percentage (click: back to 100%). */
import { clampView, ZOOM_MAX, ZOOM_MIN, ZOOM_STEP } from '../../../shared/view-settings';
import { useViewSettings, viewSettings } from '../state/viewSettings';

/** The zoom one step in or out (Ctrl+wheel, the buttons), on the step grid and in range. */
export function steppedZoom(zoom: number, step: 1 | -1): number {
  return clampView('zoom', (Math.round(zoom / ZOOM_STEP) + step) * ZOOM_STEP);
}

export function ZoomControl() {
  const { zoom } = useViewSettings();
  const setZoom = (value: number) => viewSettings.set({ zoom: clampView('zoom', value) });
  return (
    <span className="zoom-control" data-testid="zoom-control">
      <button
        type="button"
        onClick={() => setZoom(steppedZoom(zoom, -1))}
        disabled={zoom <= ZOOM_MIN}
        aria-label="缩小"
        title="缩小（Ctrl+滚轮）"
        data-testid="zoom-out"
      >
        −
      </button>
      <input
        type="range"
        min={ZOOM_MIN}
        max={ZOOM_MAX}
        step={ZOOM_STEP}
        value={zoom}
        onChange={(e) => setZoom(Number(e.target.value))}
        aria-label="表格缩放"
        data-testid="zoom-slider"
      />
      <button
        type="button"
        onClick={() => setZoom(steppedZoom(zoom, 1))}
        disabled={zoom >= ZOOM_MAX}
        aria-label="放大"
        title="放大（Ctrl+滚轮）"
        data-testid="zoom-in"
      >
        ＋
      </button>
      <button
        type="button"
        className="zoom-value"
        onClick={() => setZoom(100)}
        title="恢复 100%"
        data-testid="zoom-value"
      >
        {zoom}%
      </button>
    </span>
  );
}
