/**
 * The 汇总's four charts, drawn by ECharts on canvases (each saveable as PNG from its toolbox).
 * Only the parts used are imported (a lazily loaded chunk of its own, so the editor's bundle does
 * not carry ECharts).
 */
import { useEffect, useRef } from 'react';
import { init, use, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { SUMMARY_CHART_PARTS } from '../../../shared/summary/chart-parts';
import type { SummaryChart } from '../../../shared/summary/charts';

use([...SUMMARY_CHART_PARTS, CanvasRenderer]);

function Chart({ chart }: { chart: SummaryChart }) {
  const box = useRef<HTMLDivElement | null>(null);
  const instance = useRef<ECharts | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ec = init(el, null, { renderer: 'canvas' });
    instance.current = ec;
    // The observer reports the box once at start: drawing again only when the size changed
    // keeps each chart from being drawn twice as the view opens.
    const resize = new ResizeObserver(() => {
      if (el.clientWidth !== ec.getWidth() || el.clientHeight !== ec.getHeight()) ec.resize();
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      ec.dispose();
      instance.current = null;
    };
  }, []);

  useEffect(() => {
    instance.current?.setOption(chart.option, { notMerge: true });
  }, [chart]);

  return (
    <figure className="summary-chart" aria-label={chart.title} data-testid={`summary-chart-${chart.id}`}>
      <div className="summary-chart-box" ref={box} />
    </figure>
  );
}

export default function SummaryCharts({ charts }: { charts: SummaryChart[] }) {
  return (
    <div className="summary-charts" data-testid="summary-charts">
      {charts.map((c) => (
        <Chart key={c.id} chart={c} />
      ))}
    </div>
  );
}
