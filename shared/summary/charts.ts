/**
 * The 汇总's four charts as ECharts options (plain data): the screen draws them on a canvas, the
 * Excel export renders the same options on the server. Colours are the grade badges' (they stay
 * apart in grey print: dark green, blue, amber, red), no animation, white background.
 */
import type { BarSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  TitleComponentOption,
  ToolboxComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { fmt2, fmtAmount, fmtPct, round2 } from '../format/numbers';
import { GRADES, type Grade } from '../model/types';
import { sumAmounts } from '../report/report-tables';
import type { Summary, SummaryRow } from './summary';

export type SummaryChartOption = ComposeOption<
  | BarSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | ToolboxComponentOption
  | TooltipComponentOption
>;

export const GRADE_COLORS: Record<Grade, string> = {
  优: '#2e7d32',
  良: '#1565c0',
  中: '#ef8f00',
  差: '#c62828',
};

export const CHART_FONTS =
  "'Microsoft YaHei', '微软雅黑', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', SimSun, sans-serif";

export interface SummaryChart {
  id: 'grades' | 'scores' | 'rateScore' | 'gradeBudgets';
  title: string;
  option: SummaryChartOption;
}

/** What every chart has: its title, the PNG button (saved under the title), the fonts. */
function base(title: string): SummaryChartOption {
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: CHART_FONTS, color: '#1f2933' },
    title: { text: title, left: 'center', textStyle: { fontSize: 15 } },
    toolbox: {
      right: 8,
      feature: { saveAsImage: { title: '保存为图片', name: title, type: 'png', pixelRatio: 2 } },
    },
    tooltip: {},
  };
}

/** One bar per grade, in the grade's colour, its value written on top. */
function gradeBars(
  id: SummaryChart['id'],
  title: string,
  y: { name: string; left: number; minInterval?: number },
  value: (g: Grade) => number,
): SummaryChart {
  return {
    id,
    title,
    option: {
      ...base(title),
      grid: { left: y.left, right: 24, top: 48, bottom: 36 },
      xAxis: { type: 'category', data: [...GRADES], name: '等级' },
      yAxis: { type: 'value', name: y.name, minInterval: y.minInterval },
      series: [
        {
          type: 'bar',
          barMaxWidth: 56,
          label: { show: true, position: 'top' },
          data: GRADES.map((g) => ({ value: value(g), itemStyle: { color: GRADE_COLORS[g] } })),
        },
      ],
    },
  };
}

const formsPerGrade = (summary: Summary): SummaryChart =>
  gradeBars(
    'grades',
    '各等级表格数',
    { name: '张', left: 48, minInterval: 1 },
    (g) => summary.totals.gradeCounts[g],
  );

const budgetPerGrade = (summary: Summary): SummaryChart =>
  gradeBars(
    'gradeBudgets',
    '各等级全年预算数（万元）',
    { name: '万元', left: 72 },
    (g) => sumAmounts(summary.rows.filter((r) => r.grade === g).map((r) => r.budget)) ?? 0,
  );

function scorePerForm(summary: Summary): SummaryChart {
  const title = '各表得分（从高到低）';
  const rows = [...summary.rows].sort((a, b) => b.total - a.total);
  return {
    id: 'scores',
    title,
    option: {
      ...base(title),
      grid: { left: 48, right: 24, top: 48, bottom: 72 },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.name),
        // At most about 40 names under the bars: ECharts would otherwise measure every one of a
        // thousand labels to find which fit.
        axisLabel: {
          rotate: 40,
          width: 80,
          overflow: 'truncate',
          interval: Math.max(0, Math.ceil(rows.length / 40) - 1),
        },
      },
      yAxis: { type: 'value', name: '得分', max: 100 },
      series: [
        {
          type: 'bar',
          barMaxWidth: 32,
          // Many bars drawn as one path (per-bar colours still apply below the threshold).
          large: rows.length > 400,
          data: rows.map((r) => ({ value: round2(r.total), itemStyle: { color: GRADE_COLORS[r.grade] } })),
        },
      ],
    },
  };
}

/** Tooltips are HTML: a project's name is text. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Bubble diameter from the budget: area in proportion, 6–40 px. */
function bubble(budget: number | null, largest: number): number {
  if (budget === null || budget <= 0 || largest <= 0) return 6;
  return 6 + 34 * Math.sqrt(budget / largest);
}

function rateAgainstScore(summary: Summary): SummaryChart {
  const title = '执行率与得分（气泡大小为全年预算数）';
  const rated = summary.rows.filter((r): r is SummaryRow & { rate: number } => r.rate !== null);
  const largest = Math.max(0, ...rated.map((r) => r.budget ?? 0));
  return {
    id: 'rateScore',
    title,
    option: {
      ...base(title),
      legend: { bottom: 0, data: [...GRADES] },
      grid: { left: 56, right: 40, top: 56, bottom: 72 },
      // Room around the points: most rates are 100%, and a bubble there must not be cut.
      xAxis: {
        type: 'value',
        name: '执行率（%）',
        nameLocation: 'middle',
        nameGap: 28,
        scale: true,
        boundaryGap: ['10%', '10%'],
      },
      yAxis: { type: 'value', name: '得分', scale: true, max: 100, boundaryGap: ['10%', 0] },
      series: GRADES.map((g): ScatterSeriesOption => ({
        type: 'scatter',
        name: g,
        itemStyle: { color: GRADE_COLORS[g], opacity: 0.75 },
        data: rated
          .filter((r) => r.grade === g)
          .map((r) => ({
            name: r.name,
            value: [round2(r.rate * 100), round2(r.total)],
            symbolSize: bubble(r.budget, largest),
            tooltip: {
              formatter:
                `${escapeHtml(r.name)}<br/>执行率 ${fmtPct(r.rate)}，得分 ${fmt2(r.total)}` +
                (r.budget === null ? '' : `<br/>全年预算数 ${fmtAmount(r.budget)} 万元`),
            },
          })),
      })),
    },
  };
}

export function summaryCharts(summary: Summary): SummaryChart[] {
  return [formsPerGrade(summary), scorePerForm(summary), rateAgainstScore(summary), budgetPerGrade(summary)];
}
