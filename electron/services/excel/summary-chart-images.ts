/**
 * The 汇总 sheet's charts: the four charts of the 汇总 view as PNG images, two by two below the
 * table. Without a Chinese font the charts are left out (their labels would print as boxes) and a
 * line under the table says so and what to install; the export goes on either way.
 */
import type ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { CHART_SIZE, summaryChartImages } from '../charts/chart-png';
import { findCjkFont } from '../charts/cjk-font';
import type { Summary } from '../../../shared/summary/summary';

export const NO_CJK_FONT_NOTE =
  '说明：图表未生成——本机没有找到中文字体（如思源黑体/Noto Sans CJK、微软雅黑、文泉驿微米黑），图中的中文无法显示。安装中文字体后重新导出即可带图表（Debian/Ubuntu：sudo apt-get install fonts-noto-cjk）。';

/** A row is 15 pt = 20 px tall unless set; the charts sit in whole rows with one row between. */
const ROW_PX = 20;
const GAP_PX = 16;

/** Excel's pixels for a column `width` characters wide (7 px a character and 5 px of padding). */
const columnPx = (width: number | undefined) => Math.trunc((width ?? 9) * 7 + 5);

/** The first column (0-based) whose left edge is at least `px` from the sheet's left edge. */
function columnAt(ws: Worksheet, px: number): number {
  let left = 0;
  let col = 0;
  while (left < px) left += columnPx(ws.getColumn(++col).width);
  return col;
}

/** The note across the table's width, wrapped, in red. */
function writeNote(ws: Worksheet, row: number, text: string): void {
  ws.mergeCells(row, 1, row, Math.max(1, ws.columnCount));
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
  cell.font = { color: { argb: 'FFC62828' }, bold: true };
  ws.getRow(row).height = 36;
}

/** Adds the charts (or the note why there are none) from row `firstRow` down. */
export function addSummaryCharts(
  wb: ExcelJS.Workbook,
  ws: Worksheet,
  summary: Summary,
  firstRow: number,
): void {
  const font = findCjkFont();
  if (font === null) {
    writeNote(ws, firstRow, NO_CJK_FONT_NOTE);
    return;
  }
  let images;
  try {
    images = summaryChartImages(summary, font);
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    writeNote(ws, firstRow, `说明：图表未生成——绘制图表时出错（${why}），表格数字不受影响。`);
    return;
  }
  const secondCol = columnAt(ws, CHART_SIZE.width + GAP_PX);
  const rowsTall = Math.ceil((CHART_SIZE.height + GAP_PX) / ROW_PX);
  images.forEach((image, i) => {
    const id = wb.addImage({ base64: image.png.toString('base64'), extension: 'png' });
    const row = firstRow - 1 + Math.floor(i / 2) * rowsTall;
    ws.addImage(id, {
      tl: { col: i % 2 === 0 ? 0 : secondCol, row },
      ext: { ...CHART_SIZE },
      editAs: 'oneCell',
    });
  });
}
