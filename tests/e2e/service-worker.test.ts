/**
 * Browser mode as `npm run web` runs it: the document service in a worker thread behind the
 * ServiceClient, the real renderer in Chromium. An edit typed in the grid reaches the worker's
 * working copy and 保存 writes it into the user's file.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDocument } from '../../shared/contract';
import type { ZipingDocument } from '../../shared/model/types';
import { readDocumentSnapshot } from '../../electron/services/document-store/snapshot';
import { ServiceClient } from '../../electron/services/service-host/client';
import { workerHost } from '../../electron/services/service-host/worker-launcher';
import { RENDERER_OUT } from '../../electron/web/build-renderer';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { SAMPLE_PATH } from '../../scripts/build-sample';
import { ensureRendererBuilt, launchBrowser } from './harness';
import { cell, numberOf, typeInto } from './support';
import { writeUserProfile } from '../../electron/services/user-settings';

let dir: string;
let file: string;
let client: ServiceClient;
let server: WebServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** The document as the worker holds it, asked through the contract. */
async function workerDocument(): Promise<ZipingDocument | undefined> {
  const r = await client.invoke('app/state', {});
  return r.ok ? (r.value as { document: OpenedDocument | null }).document?.document : undefined;
}

beforeAll(async () => {
  await ensureRendererBuilt();
  dir = mkdtempSync(join(tmpdir(), 'ziping-e2e-worker-'));
  file = join(dir, '示例.ziping');
  copyFileSync(SAMPLE_PATH, file);
  // A name was given at first start (else the first-run dialog would stand over the grid).
  writeUserProfile(join(dir, 'data'), { name: '测试用户', unit: '' });
  client = new ServiceClient(workerHost(), { dataDir: join(dir, 'data') });
  const opened = await client.invoke('doc/open', { path: file });
  if (!opened.ok) throw new Error(opened.error.message);
  server = await startWebServer({ service: client, staticDir: RENDERER_OUT });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1440, height: 2300 }, locale: 'zh-CN' });
  page = await context.newPage();
  await page.goto(server.url);
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  await client?.invoke('doc/close', { discard: true });
  await client?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('browser mode with the document service in a worker thread', { timeout: 120_000 }, () => {
  it('an edit typed in the grid is kept by the worker and saved into the file', async () => {
    const form = (await workerDocument())?.forms.find(
      (f) => f.projectName === '大气污染防治资金（示例：常见错误）',
    );
    if (!form) throw new Error('sample lacks 大气污染防治资金');
    await page.getByTestId(`form-item-${form.id}`).click();
    await expect.poll(() => cell(page, 0, 'actual').innerText()).toBe('100%');
    await typeInto(page, 0, 'actual', '50%');
    await expect.poll(() => numberOf(page, 'form-total')).toBeCloseTo(95.5, 2);
    await expect
      .poll(async () => (await workerDocument())?.forms.find((f) => f.id === form.id)?.indicators[0]?.actual)
      .toBe('50%');
    expect(client.current?.dirty).toBe(true);

    await page.getByTestId('save').click();
    await expect.poll(() => client.current?.dirty).toBe(false);
    const saved = readDocumentSnapshot(file, { dataDir: join(dir, 'check') });
    if (!saved.ok) throw new Error(saved.error.message);
    expect(saved.value.forms.find((f) => f.id === form.id)?.indicators[0]?.actual).toBe('50%');
  });
});
