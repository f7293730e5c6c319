/**
 * The 汇总's charts as PNG images drawn on the server: the same ECharts options as the screen
 * (shared/summary/charts.ts) rendered to SVG by ECharts' server-side renderer, then to PNG by
 * resvg with a Chinese font from the system.
 */
import { Resvg } from '@resvg/resvg-js';
import { createHash } from 'node:crypto';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { SUMMARY_CHART_PARTS } from '../../../shared/summary/chart-parts';
import { summaryCharts, type SummaryChart } from '../../../shared/summary/charts';
import type { Summary } from '../../../shared/summary/summary';
import type { CjkFont } from './cjk-font';

// Toolbox and tooltip are hidden in the images (see svgOf).
echarts.use([...SUMMARY_CHART_PARTS, SVGRenderer]);

/** Size on the sheet in CSS pixels; the PNG has twice as many for a sharp print. */
export const CHART_SIZE = { width: 640, height: 360 };
export const CHART_PIXEL_RATIO = 2;

export interface ChartImage {
  id: SummaryChart['id'];
  title: string;
  png: Buffer;
}

/**
 * ECharts numbers its class names per instance and across instances (`zr3-cls-12`): renumbered in
 * order of appearance, the same chart gives the same SVG, so an unchanged 汇总 is found below.
 */
function canonicalIds(svg: string): string {
  const ids = new Map<string, string>();
  return svg.replace(/\bzr\d+-([a-z]+)-\d+\b/g, (id, kind: string) => {
    let same = ids.get(id);
    if (same === undefined) {
      same = `zr-${kind}-${ids.size}`;
      ids.set(id, same);
    }
    return same;
  });
}

/** The chart's option as an image wants it: no 保存为图片 button, no tooltips. */
function svgOf(chart: SummaryChart): string {
  const view = echarts.init(null, null, { renderer: 'svg', ssr: true, ...CHART_SIZE });
  try {
    view.setOption({ ...chart.option, toolbox: { show: false }, tooltip: { show: false } });
    return canonicalIds(view.renderToSVGString());
  } finally {
    view.dispose();
  }
}

/**
 * PNGs already drawn, by their SVG and font. resvg lays out every text with the CJK font anew
 * (about 15 ms a label, 1–1.5 s for the four charts of a 64-form document), while the SVG takes
 * a few ms: exporting again a document whose 汇总 has not changed reuses the images.
 */
const drawn = new Map<string, Buffer>();
const DRAWN_KEPT = 16;

function pngOf(svg: string, font: CjkFont): Buffer {
  const key = createHash('sha256').update(font.files.join('\n')).update('\0').update(svg).digest('hex');
  const known = drawn.get(key);
  if (known) return known;
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: CHART_SIZE.width * CHART_PIXEL_RATIO },
    font: {
      loadSystemFonts: false,
      fontFiles: font.files,
      defaultFontFamily: font.family,
      sansSerifFamily: font.family,
    },
  });
  const png = resvg.render().asPng();
  if (drawn.size >= DRAWN_KEPT) {
    const oldest = drawn.keys().next();
    if (!oldest.done) drawn.delete(oldest.value);
  }
  drawn.set(key, png);
  return png;
}

export function summaryChartImages(summary: Summary, font: CjkFont): ChartImage[] {
  return summaryCharts(summary).map((chart) => ({
    id: chart.id,
    title: chart.title,
    png: pngOf(svgOf(chart), font),
  }));
}
