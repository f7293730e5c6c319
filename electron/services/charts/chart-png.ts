/**
 * The 汇总's charts as PNG images drawn on the server: the same ECharts options as the screen
 * (shared/summary/charts.ts) rendered to SVG by ECharts' server-side renderer, then to PNG by
 * resvg with a Chinese font from the system.
 */
import { Resvg } from '@resvg/resvg-js';
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

/** The chart's option as an image wants it: no 保存为图片 button, no tooltips. */
function svgOf(chart: SummaryChart): string {
  const view = echarts.init(null, null, { renderer: 'svg', ssr: true, ...CHART_SIZE });
  try {
    view.setOption({ ...chart.option, toolbox: { show: false }, tooltip: { show: false } });
    return view.renderToSVGString();
  } finally {
    view.dispose();
  }
}

export function summaryChartImages(summary: Summary, font: CjkFont): ChartImage[] {
  return summaryCharts(summary).map((chart) => {
    const resvg = new Resvg(svgOf(chart), {
      fitTo: { mode: 'width', value: CHART_SIZE.width * CHART_PIXEL_RATIO },
      font: {
        loadSystemFonts: false,
        fontFiles: font.files,
        defaultFontFamily: font.family,
        sansSerifFamily: font.family,
      },
    });
    return { id: chart.id, title: chart.title, png: resvg.render().asPng() };
  });
}
