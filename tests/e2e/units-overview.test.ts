/**
 * 打开文件夹（多个单位） in the browser (#22): from the start panel, the units under a folder
 * (documents and an exported workbook) in one table with 合计, the bad file listed with its reason,
 * the 汇总 charts drawn, the workbook's unknown 审核状态 counts shown as “—”, sorting, the overview
 * exported to Excel (单位, 表格) and a double-click opening that unit's document in reviewer mode.
 */
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/handlers';
import { RENDERER_OUT } from '../../electron/web/build-renderer';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { writeDocumentFile } from '../support/document-file';
import { choosePath } from './chooser';
import { fixtureDocument, generatedDocument } from '../support/documents';
import { exportOrThrow } from '../support/excel';
import { ROOT } from '../support/run-cli';
import { useSharedBrowser } from './harness';
import { writeUserProfile } from '../../electron/services/user-settings';

const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');
const browser = useSharedBrowser();

/** The units AG Grid has drawn, in the order shown: file and 错误数. */
async function shownUnits(page: Page): Promise<Array<{ unit: string; errors: number; file: string }>> {
  const rows = await page
    .getByTestId('units-grid')
    .locator('.ag-row:not(.ag-row-pinned)')
    .evaluateAll((els) =>
      els
        .filter((el) => el.querySelector('[col-id="errors"]'))
        .map((el) => ({
          index: Number(el.getAttribute('row-index')),
          file: el.getAttribute('row-id') ?? '',
          errors: Number(el.querySelector('[col-id="errors"]')?.textContent ?? 'NaN'),
        })),
    );
  return rows
    .sort((a, b) => a.index - b.index)
    .map(({ file, errors }) => ({ file, errors, unit: file.split('/').pop() ?? '' }));
}

describe('打开文件夹（多个单位）', { timeout: 180_000 }, () => {
  let dir: string;
  let units: string;
  let service: AppService;
  let server: WebServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ziping-e2e-units-'));
    units = join(dir, '各单位');
    mkdirSync(join(units, '县级'), { recursive: true });
    const making = join(dir, 'making');
    const fixture = fixtureDocument('national');
    fixture.meta.unit = '市教育局';
    writeDocumentFile(join(units, '市教育局.ziping'), fixture, making);
    for (const [i, name] of ['县财政局', '县卫健委'].entries()) {
      const doc = generatedDocument(3 + i, 5, i === 0 ? 'shanxi' : 'hunan', i + 1);
      doc.meta.unit = name;
      writeDocumentFile(join(units, '县级', `${name}.ziping`), doc, making);
    }
    const exported = generatedDocument(2, 4, 'national', 9);
    exported.meta.unit = '县水利局';
    await exportOrThrow(exported, join(units, '县级', '县水利局.xlsx'));
    writeFileSync(join(units, '损坏.ziping'), 'not a database');

    writeUserProfile(join(dir, 'data'), { name: '测试用户', unit: '' });
    service = new AppService(join(dir, 'data'));
    server = await startWebServer({ service, staticDir: RENDERER_OUT });
    context = await browser().newContext({ viewport: { width: 1600, height: 1800 }, locale: 'zh-CN' });
    context.setDefaultTimeout(60_000);
    page = await context.newPage();
    await page.goto(server.url);
    // Browser mode: the folder is chosen in the in-app file chooser, the one shown when confirmed.
    // (In beforeAll: waits by locators, expect.poll belongs to tests.)
    await page.getByTestId('units-open').click();
    await page.waitForFunction(() => {
      const shown = document.querySelector('[data-testid="file-chooser-folder"]')?.textContent;
      return shown !== undefined && shown !== null && shown !== '正在读取…';
    });
    await page.getByTestId('file-chooser-name').fill(units);
    await page.getByTestId('file-chooser-name').press('Enter');
    await page.getByTestId('file-chooser-folder').filter({ hasText: units }).waitFor();
    await page.getByTestId('file-chooser-confirm').click();
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
    service?.current?.close({ discard: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists every unit with 合计 under them, the bad file with its reason, and draws the charts', async () => {
    await expect.poll(async () => (await shownUnits(page)).length).toBe(4);
    const shown = await shownUnits(page);
    expect(shown.map((u) => u.unit).sort()).toEqual(
      ['市教育局.ziping', '县财政局.ziping', '县卫健委.ziping', '县水利局.xlsx'].sort(),
    );
    const totals = page.getByTestId('units-grid').locator('.ag-row-pinned');
    await expect.poll(() => totals.locator('[col-id="unit"]').first().textContent()).toBe('合计（4 个单位）');
    const sum = shown.reduce((n, u) => n + u.errors, 0);
    await expect.poll(() => totals.locator('[col-id="errors"]').first().textContent()).toBe(String(sum));
    await expect.poll(() => page.getByTestId('units-failed').textContent()).toContain('损坏.ziping');
    for (const id of ['grades', 'scores', 'rateScore', 'gradeBudgets']) {
      await expect
        .poll(() => page.getByTestId(`summary-chart-${id}`).locator('canvas').count())
        .toBeGreaterThan(0);
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.getByTestId('units-overview').screenshot({ path: join(SCREENSHOTS, 'units-overview.png') });
  });

  it('shows a workbook’s 审核状态 counts as “—” with why (it records none), not 0', async () => {
    const scroller = page.getByTestId('units-grid').locator('.ag-body-horizontal-scroll-viewport');
    await scroller.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    const row = page
      .getByTestId('units-grid')
      .locator(`.ag-row[row-id="${join(units, '县级', '县水利局.xlsx')}"]`);
    for (const col of ['待审核', '已审核', '退回修改']) {
      await expect.poll(() => row.locator(`[col-id="${col}"]`).first().textContent()).toBe('—');
    }
    await row.locator('[col-id="待审核"]').first().hover();
    await expect
      .poll(() => page.locator('.ag-tooltip').first().textContent())
      .toBe('审核状态只记在 .ziping 文档里');
    const document = page
      .getByTestId('units-grid')
      .locator(`.ag-row[row-id="${join(units, '市教育局.ziping')}"]`);
    await expect.poll(() => document.locator('[col-id="待审核"]').first().textContent()).toMatch(/^\d+$/);
    await scroller.evaluate((el) => (el.scrollLeft = 0));
  });

  it('sorts by 错误数, rereads only what changed, and exports 单位 and 表格', async () => {
    await page
      .getByTestId('units-grid')
      .locator('.ag-header-cell[col-id="errors"] .ag-header-cell-label')
      .click();
    await expect
      .poll(async () => {
        const errors = (await shownUnits(page)).map((u) => u.errors);
        return errors.length === 4 && errors.every((e, i) => i === 0 || (errors[i - 1] ?? 0) <= e);
      })
      .toBe(true);
    await page.getByTestId('units-rescan').click();
    await expect
      .poll(() => page.getByTestId('units-message').textContent())
      .toContain('本次读入 0 个新的或有改动的文件');

    const out = join(dir, '总览.xlsx');
    // Batch export: where, chosen in the file chooser (no path box).
    await page.getByTestId('units-export').click();
    await choosePath(page, out);
    await expect.poll(() => page.getByTestId('units-message').textContent()).toContain('已导出 4 个单位');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['单位', '表格', '未读入']);
    expect(wb.getWorksheet('单位')?.rowCount).toBe(5);
  });

  it('a double-click opens that unit’s document in reviewer mode', async () => {
    const row = page.getByTestId('units-grid').locator('.ag-row[row-id$="县财政局.ziping"] [col-id="forms"]');
    await row.dblclick();
    await expect.poll(() => page.getByTestId('units-overview').count()).toBe(0);
    await expect.poll(() => service.current?.reviewing ?? false).toBe(true);
    expect(service.current?.path).toBe(join(units, '县级', '县财政局.ziping'));
    await expect.poll(() => page.getByTestId('form-scroll').count()).toBeGreaterThan(0);
  });
});
