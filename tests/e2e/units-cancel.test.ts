/**
 * 取消 while many units' files are read (#22), in the browser: a folder big enough to take a while
 * (copies of one document of 30 forms × 30 indicators), the scan's progress dialog, 取消 pressed:
 * the scan stops with its Chinese status, no partial table is shown, the read pool stops reading
 * (the rescan cache holds only the files read before 取消, and no more afterwards), and the
 * folder's files are as they were.
 */
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/handlers';
import { UNITS_CACHE_FILE } from '../../electron/services/units/units-cache';
import { writeUserProfile } from '../../electron/services/user-settings';
import { RENDERER_OUT } from '../../electron/web/build-renderer';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { writeDocumentFile } from '../support/document-file';
import { generatedDocument } from '../support/documents';
import { ROOT } from '../support/run-cli';
import { goToFolder } from './chooser';
import { useSharedBrowser } from './harness';

const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');
const COPIES = 1500;
const browser = useSharedBrowser();

/** The files the rescan cache holds an entry for (each one a file the pool read). */
function cachedCount(dataDir: string): number {
  const db = new Database(join(dataDir, UNITS_CACHE_FILE), { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM entries').pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('打开文件夹（多个单位）：取消', { timeout: 600_000 }, () => {
  let dir: string;
  let units: string;
  let data: string;
  let service: AppService;
  let server: WebServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ziping-e2e-units-cancel-'));
    units = join(dir, '全省各单位');
    data = join(dir, 'data');
    mkdirSync(units);
    const doc = generatedDocument(30, 30, 'national', 3);
    doc.meta.unit = '生成单位';
    const original = join(dir, '原件.ziping');
    writeDocumentFile(original, doc, join(dir, 'making'));
    for (let i = 1; i <= COPIES; i++) copyFileSync(original, join(units, `单位${i}.ziping`));

    writeUserProfile(data, { name: '测试用户', unit: '' });
    service = new AppService(data);
    server = await startWebServer({ service, staticDir: RENDERER_OUT });
    context = await browser().newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    context.setDefaultTimeout(120_000);
    page = await context.newPage();
    await page.goto(server.url);
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('取消 stops the scan with its status; no partial table; reading stops', async () => {
    await page.getByTestId('units-open').click();
    await goToFolder(page, units);
    await page.getByTestId('file-chooser-confirm').click();

    // The progress dialog once the pool has read a few files (its text names the file count).
    const text = page.getByTestId('export-progress-text');
    await expect
      // The workers start first (from the TypeScript sources here: seconds on a loaded machine).
      .poll(
        async () => Number(/第 (\d+)\//.exec((await text.textContent().catch(() => '')) ?? '')?.[1] ?? 0),
        {
          timeout: 180_000,
        },
      )
      .toBeGreaterThan(2);
    await expect.poll(() => text.textContent()).toContain(`/${COPIES} 个文件`);
    await page.getByTestId('export-cancel').click();

    await expect
      .poll(() => page.getByTestId('units-message').textContent(), { timeout: 60_000 })
      .toBe('已取消读取，没有更改任何文件');
    await expect.poll(() => page.getByTestId('export-progress').count()).toBe(0);
    // No rows from a scan that did not finish: no table at all.
    expect(await page.getByTestId('units-grid').count()).toBe(0);
    const read = cachedCount(data);
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(COPIES);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.getByTestId('units-overview').screenshot({ path: join(SCREENSHOTS, 'units-cancelled.png') });
    // The pool was stopped: nothing more was read after the status showed.
    expect(cachedCount(data)).toBe(read);
    expect(readdirSync(units)).toHaveLength(COPIES);
  });
});
