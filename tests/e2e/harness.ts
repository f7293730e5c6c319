/**
 * End-to-end harness: the real browser-mode server (electron/web) over a copy of a document in a
 * temp folder with its own data folder, and Debian's Chromium driven by playwright-core.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { connectChromium, launchChromium } from '../support/chromium';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { AppService } from '../../electron/services/handlers';
import { buildRenderer, RENDERER_OUT } from '../../electron/web/build-renderer';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { SAMPLE_PATH } from '../../scripts/build-sample';
import { reviewFilePath } from '../../electron/services/document-store/review-store';
import { writeUserProfile } from '../../electron/services/user-settings';

/**
 * The shared Chromium of tests/e2e/global-setup.ts, which also built the renderer; absent only
 * when a file runs outside the e2e project (then it builds and launches its own).
 */
function sharedEndpoint(): string | undefined {
  return inject('chromiumEndpoint');
}

/** The e2e tests serve the renderer as built for shipping: by the global setup, else once here. */
let built: Promise<void> | null = null;
export function ensureRendererBuilt(): Promise<void> {
  built ??= sharedEndpoint() === undefined ? buildRenderer() : Promise.resolve();
  return built;
}

/** A browser for this file: a connection to the shared Chromium (close() ends only that). */
export function launchBrowser(): Promise<Browser> {
  const endpoint = sharedEndpoint();
  return endpoint === undefined ? launchChromium() : connectChromium(endpoint);
}

/** The shared Chromium for a test file (renderer built); the getter is valid in tests. */
export function useSharedBrowser(): () => Browser {
  let browser: Browser | null = null;
  beforeAll(async () => {
    await ensureRendererBuilt();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium 未启动');
    return browser;
  };
}

/** A fresh copy of the sample opened for every test (registered in the calling describe). */
export function useAppPerTest(browser: () => Browser): () => App {
  let app: App | null = null;
  beforeEach(async () => {
    app = await openApp(browser());
  });
  afterEach(async () => {
    await app?.close();
    app = null;
  });
  return () => {
    if (!app) throw new Error('应用未打开');
    return app;
  };
}

export interface App {
  dir: string;
  file: string;
  dataDir: string;
  service: AppService;
  server: WebServer;
  page: Page;
  close(): Promise<void>;
}

/**
 * Serves a copy of `source` (the sample by default; its review file comes along, as when a
 * document is shared) and opens it in a new page; `review` opens it as a reviewer, `user` signs
 * its edits (the name given on first start; default 测试用户); `firstRun`: no name given yet, so
 * the page asks for one.
 */
export async function openApp(
  browser: Browser,
  source = SAMPLE_PATH,
  options: {
    review?: boolean;
    user?: string;
    firstRun?: boolean;
    /** Script run in the page before its own (e.g. to hold the idle callbacks). */
    initScript?: string;
    /** The window's size in CSS pixels and its scale (a 125% Windows display: 1.25). */
    viewport?: { width: number; height: number };
    deviceScaleFactor?: number;
  } = {},
): Promise<App> {
  const dir = mkdtempSync(join(tmpdir(), 'ziping-e2e-'));
  const file = join(dir, '示例.ziping');
  copyFileSync(source, file);
  if (existsSync(reviewFilePath(source))) copyFileSync(reviewFilePath(source), reviewFilePath(file));
  const dataDir = join(dir, 'data');
  if (options.firstRun !== true) writeUserProfile(dataDir, { name: options.user ?? '测试用户', unit: '' });
  const service = new AppService(dataDir, options.user ? { user: options.user, host: 'e2e' } : undefined);
  const opened = service.call('doc/open', { path: file, review: options.review === true });
  if (!opened.ok) throw new Error(opened.error.message);
  const server = await startWebServer({ service, staticDir: RENDERER_OUT });
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1440, height: 2300 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    locale: 'zh-CN',
  });
  // Playwright's 30 s per action is too short when the machine is busy; a pass returns at once.
  context.setDefaultTimeout(60_000);
  if (options.initScript) await context.addInitScript(options.initScript);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  return {
    dir,
    file,
    dataDir,
    service,
    server,
    page,
    async close() {
      await context.close();
      await server.close();
      const s = service.current;
      if (s) s.close({ discard: true });
      rmSync(dir, { recursive: true, force: true });
      if (errors.length > 0) throw new Error(`页面脚本出错：${errors.join('；')}`);
    },
  };
}
