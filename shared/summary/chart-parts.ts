/**
 * The ECharts parts the 汇总's charts use, registered by the screen (with the canvas renderer) and
 * by the Excel export (with the SVG renderer). Imported only where charts are drawn, so that the
 * editor's first bundle does not carry ECharts.
 */
import { BarChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TitleComponent,
  ToolboxComponent,
  TooltipComponent,
} from 'echarts/components';

export const SUMMARY_CHART_PARTS = [
  BarChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  ToolboxComponent,
  TooltipComponent,
];
