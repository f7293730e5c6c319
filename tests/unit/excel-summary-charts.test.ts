/**
 * The 汇总 sheet's charts (#20): an export read back with exceljs holds the four charts of the 汇总
 * view as PNG images below the table, each of the expected size and drawn (grade colours, text);
 * without a Chinese font the export still succeeds and the sheet says why the charts are missing.
 */
import type ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHART_PIXEL_RATIO, CHART_SIZE, summaryChartImages } from '../../electron/services/charts/chart-png';
import { findCjkFont } from '../../electron/services/charts/cjk-font';
import { NO_CJK_FONT_NOTE } from '../../electron/services/excel/summary-chart-images';
import { getLayout } from '../../shared/layouts/definitions';
import { GRADES } from '../../shared/model/types';
import { scoreForm } from '../../shared/scoring/form';
import { GRADE_COLORS } from '../../shared/summary/charts';
import { buildSummary } from '../../shared/summary/summary';
import { generatedDocument } from '../support/documents';
import { exportOrThrow, readWorkbook } from '../support/excel';
import { pixelsNear, readPng } from '../support/png';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('ziping-summary-charts-');
const FONT = findCjkFont();

function summarySheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.getWorksheet('汇总');
  if (!ws) throw new Error('no 汇总 sheet');
  return ws;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe.skipIf(FONT === null)('the 汇总 sheet with charts (a CJK font is installed)', () => {
  it('holds the four charts as PNG images below the table, drawn in the grade colours', async () => {
    const doc = generatedDocument(12, 6, 'national', 7);
    const layout = getLayout('national');
    const summary = buildSummary(doc.forms, (f) => scoreForm(f, layout), layout, new Map());
    const file = join(tempDir(), '汇总.xlsx');
    await exportOrThrow(doc, file, { draft: true });
    const wb = await readWorkbook(file);
    const ws = summarySheet(wb);
    const images = ws.getImages();
    expect(images).toHaveLength(4);
    const tableEnd = 4 + doc.forms.length; // title rows, header row, one row per form (1-based)
    const columns = new Set<number>();
    for (const image of images) {
      // 0-based anchors: below the table's last row, in the first column or beside the first chart.
      expect(image.range.tl.nativeRow).toBeGreaterThanOrEqual(tableEnd);
      columns.add(image.range.tl.nativeCol);
    }
    expect([...columns].sort((a, b) => a - b)[0]).toBe(0);
    expect(columns.size).toBe(2);
    const pngs = images.map((image) => {
      const stored = wb.getImage(Number(image.imageId));
      expect(stored.extension).toBe('png');
      // exceljs types its Node Buffer as an ArrayBuffer: copied into a Node Buffer either way.
      if (stored.buffer === undefined) throw new Error('image without bytes');
      return readPng(Buffer.from(new Uint8Array(stored.buffer)));
    });
    for (const png of pngs) {
      expect([png.width, png.height]).toEqual([
        CHART_SIZE.width * CHART_PIXEL_RATIO,
        CHART_SIZE.height * CHART_PIXEL_RATIO,
      ]);
      // Text and axes: the charts' dark grey, antialiased, in many pixels.
      expect(pixelsNear(png, '#1f2933', 60)).toBeGreaterThan(500);
      expect(pixelsNear(png, '#ffffff', 2)).toBeLessThan(png.width * png.height * 0.97);
    }
    // The per-grade bars (first and last chart): a bar in each grade's colour exactly where forms have it.
    for (const png of [pngs[0], pngs[3]]) {
      if (!png) throw new Error('missing chart');
      for (const g of GRADES) {
        const drawn = pixelsNear(png, GRADE_COLORS[g], 8) > 200;
        expect(drawn, `${g} ${summary.totals.gradeCounts[g]}`).toBe(summary.totals.gradeCounts[g] > 0);
      }
    }
  }, 120_000);
});

describe.skipIf(FONT === null)('drawing the charts again', () => {
  it('reuses the images of an unchanged 汇总 and draws a changed one anew', () => {
    if (FONT === null) return;
    const layout = getLayout('national');
    const summaryOf = (seed: number) => {
      const doc = generatedDocument(6, 4, 'national', seed);
      return buildSummary(doc.forms, (f) => scoreForm(f, layout), layout, new Map());
    };
    const first = summaryChartImages(summaryOf(3), FONT);
    const again = summaryChartImages(summaryOf(3), FONT);
    again.forEach((image, i) => expect(image.png).toBe(first[i]?.png));
    const changed = summaryChartImages(summaryOf(4), FONT);
    // The per-grade charts may match when the grades happen to; the per-project scores never do.
    const scores = (images: typeof first) => images.find((image) => image.id === 'scores')?.png;
    expect(scores(changed)).toBeDefined();
    expect(scores(changed)).not.toBe(scores(first));
    expect(scores(changed)?.equals(scores(first) ?? Buffer.alloc(0))).toBe(false);
  }, 120_000);
});

describe('the 汇总 sheet without a Chinese font', () => {
  it('is exported without charts and says why, in Chinese, under the table', async () => {
    const empty = join(tempDir(), 'no-fonts');
    mkdirSync(empty, { recursive: true });
    vi.stubEnv('ZIPING_FONT_DIRS', empty);
    const doc = generatedDocument(3, 4, 'national');
    const file = join(tempDir(), '无字体.xlsx');
    await exportOrThrow(doc, file, { draft: true });
    const ws = summarySheet(await readWorkbook(file));
    expect(ws.getImages()).toHaveLength(0);
    const noteRow = 4 + doc.forms.length + 2;
    expect(ws.getCell(noteRow, 1).value).toBe(NO_CJK_FONT_NOTE);
    expect(NO_CJK_FONT_NOTE).toMatch(/图表未生成.*没有找到中文字体.*安装中文字体/);
  }, 60_000);
});

describe('finding a CJK font', () => {
  it('takes a known file name under the folders, with its bold face beside it', () => {
    const dir = join(tempDir(), 'fonts', 'opentype', 'noto');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'DejaVuSans.ttf'), '');
    expect(findCjkFont([join(tempDir(), 'fonts')])).toBeNull();
    writeFileSync(join(dir, 'NotoSansCJK-Regular.ttc'), '');
    writeFileSync(join(dir, 'NotoSansCJK-Bold.ttc'), '');
    expect(findCjkFont([join(tempDir(), 'fonts'), join(tempDir(), 'missing')])).toEqual({
      family: 'Noto Sans CJK SC',
      files: [join(dir, 'NotoSansCJK-Regular.ttc'), join(dir, 'NotoSansCJK-Bold.ttc')],
    });
  });
});
