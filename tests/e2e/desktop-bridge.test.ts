/**
 * The renderer as the desktop shell runs it, as far as Chromium without Electron allows: the
 * shipped renderer with the real preload bridge (electron/preload/bridge.ts, bundled for the page)
 * as `window.ziping`, whose IPC goes to the shell's real IPC handlers and DocumentWindows. The
 * page is served over http here (not app://), and the IPC sender is stated as our app page, so this
 * checks the client's transport choice and the contract through the shell, not Electron's own
 * origin and sandbox (those are tested under Node, and not run at all on this machine).
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDocument, ZipingBridge } from '../../shared/contract';
import type { ZipingDocument } from '../../shared/model/types';
import { handleInvoke, handleShell, type CallerEvent } from '../../electron/main/ipc';
import { SettingsStore, withRecent } from '../../electron/main/settings';
import { DocumentWindows } from '../../electron/main/windows';
import { AppService } from '../../electron/services/handlers';
import { RENDERER_OUT } from '../../electron/web/build-renderer';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { SAMPLE_PATH } from '../../scripts/build-sample';
import { ROOT } from '../../scripts/build-electron';
import { FakePlatform } from '../support/fake-shell';
import { ensureRendererBuilt, launchBrowser } from './harness';
import { writeUserProfile } from '../../electron/services/user-settings';

let dir: string;
let browser: Browser;
let server: WebServer;
let context: BrowserContext;
let page: Page;
let settings: SettingsStore;
let platform: FakePlatform;
let windows: DocumentWindows;
const pageErrors: string[] = [];

/** The preload bridge, bundled for the page, over an ipc that calls the test's binding. */
async function bridgeScript(): Promise<string> {
  const r = await esbuild({
    stdin: {
      contents: `
        import { createBridge } from './electron/preload/bridge';
        const menuListeners = new Set();
        window.__zipingMenu = (command) => menuListeners.forEach((l) => l({}, command));
        window.ziping = createBridge({
          invoke: (channel, ...args) => window.__zipingIpc(channel, ...args),
          on: (_channel, l) => menuListeners.add(l),
          removeListener: (_channel, l) => menuListeners.delete(l),
        });`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
  });
  return r.outputFiles[0]?.text ?? '';
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ziping-bridge-'));
  // The shipped renderer, built once for all e2e files (tests/e2e/global-setup.ts).
  await ensureRendererBuilt();
  const file = path.join(dir, '示例.ziping');
  copyFileSync(SAMPLE_PATH, file);
  const dataDir = path.join(dir, 'data');
  platform = new FakePlatform();
  // A name was given at first start (else the first-run dialog would stand over the grid).
  writeUserProfile(dataDir, { name: '测试用户', unit: '' });
  settings = new SettingsStore(dataDir);
  windows = new DocumentWindows(platform, dataDir, settings);
  await windows.openFromCommandLine(['ziping', file], '/');

  // Browser mode's server only serves the files: its own service has no document, so a page that
  // used HTTP instead of the bridge would show the start panel.
  server = await startWebServer({
    service: new AppService(path.join(dir, 'unused')),
    staticDir: RENDERER_OUT,
  });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
  page = await windowPage(1);
}, 120_000);

/** The page of window `id`: its IPC is stated as sent by that window's app page. */
async function windowPage(id: number): Promise<Page> {
  const p = await context.newPage();
  p.on('pageerror', (e) => pageErrors.push(e.message));
  const ourPage: CallerEvent = {
    sender: { id },
    senderFrame: { url: 'app://ziping/index.html', parent: null },
  };
  await p.exposeFunction('__zipingIpc', (channel: string, name: unknown, args: unknown) =>
    channel === 'ziping:invoke'
      ? handleInvoke(windows, ourPage, name, args)
      : handleShell(windows, ourPage, name, args),
  );
  await p.addInitScript(await bridgeScript());
  await p.goto(server.url.replace(/\?token=.*/, ''));
  return p;
}

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await windows?.serviceFor(1)?.invoke('doc/close', { discard: true });
  await windows?.closed(1);
  await windows?.closed(2);
  rmSync(dir, { recursive: true, force: true });
});

/** The window's document as its service holds it (asked through the contract, as the page does). */
async function windowDocument(): Promise<ZipingDocument | undefined> {
  const r = await windows.serviceFor(1)?.invoke('app/state', {});
  return r?.ok ? (r.value as { document: OpenedDocument | null }).document?.document : undefined;
}

describe('the renderer over the preload bridge', { timeout: 60_000 }, () => {
  it('loads the window’s document through window.ziping (not HTTP)', async () => {
    const doc = await windowDocument();
    if (!doc) throw new Error('no document');
    await expect.poll(() => page.locator('[data-testid^="form-item-"]').count()).toBe(doc.forms.length);
    expect(await page.evaluate(() => typeof (Reflect.get(globalThis, 'ziping') as ZipingBridge).invoke)).toBe(
      'function',
    );
  });

  it('sends edits and saves through the shell, whose window title follows', async () => {
    const grid = page.getByTestId('indicator-grid');
    await grid.locator('.ag-row[row-index="0"] [col-id="actual"]').first().dblclick();
    const editor = grid.locator('.ag-cell-inline-editing input, .ag-cell-inline-editing textarea').first();
    await editor.fill('77%');
    await editor.press('Enter');
    await expect.poll(() => windows.serviceFor(1)?.current?.dirty).toBe(true);
    expect(platform.windows[0]?.title).toBe('示例.ziping * - 自评表编辑器');
    await page.getByTestId('save').click();
    await expect.poll(() => windows.serviceFor(1)?.current?.dirty).toBe(false);
    expect(platform.windows[0]?.title).toBe('示例.ziping - 自评表编辑器');
    expect(pageErrors).toEqual([]);
  });

  it('gives the page the shell’s calls and menu commands', async () => {
    const recent = await page.evaluate(() =>
      (Reflect.get(globalThis, 'ziping') as ZipingBridge).shell('shell/recentDocuments', {}),
    );
    expect(recent).toEqual({ ok: true, value: [windows.serviceFor(1)?.current?.path] });
    const got = await page.evaluate(() => {
      const seen: string[] = [];
      const bridge = Reflect.get(globalThis, 'ziping') as ZipingBridge;
      const off = bridge.onMenuCommand((c) => seen.push(c));
      const fire = Reflect.get(globalThis, '__zipingMenu') as (c: string) => void;
      fire('find');
      fire('not-a-command');
      off();
      fire('save');
      return seen;
    });
    expect(got).toEqual(['find']);
  });

  it('carries out 导出 Excel and 导入 from the menu with the native dialogs', async () => {
    const fire = (command: string) =>
      page.evaluate((c) => (Reflect.get(globalThis, '__zipingMenu') as (c: string) => void)(c), command);
    const target = path.join(dir, '菜单导出.xlsx');
    platform.saveAnswers.push(target);
    await fire('exportXlsx');
    // The sample has check errors: the editor asks, and a draft is written.
    await expect.poll(() => page.getByTestId('dialog').count()).toBe(1);
    await page.getByTestId('dialog-draft').click();
    await expect.poll(() => existsSync(target)).toBe(true);
    // One shell call for every file dialog: 'dialog/choose' with the request.
    expect(platform.chooseRequests.at(-1)).toMatchObject({
      mode: 'save',
      title: '导出 Excel',
      kinds: ['.xlsx'],
    });

    const forms = async () => (await windowDocument())?.forms.length ?? 0;
    const before = await forms();
    platform.openAnswers.push(target);
    await fire('importExcel');
    await expect.poll(() => page.getByTestId('dialog').innerText()).toMatch(/替换同名的 \d+ 张/);
    await page.getByTestId('dialog-ok').click();
    expect(await forms()).toBe(before);
    expect(platform.chooseRequests.at(-1)).toMatchObject({ mode: 'open', kinds: ['.xlsx'], multiple: true });
    expect(pageErrors).toEqual([]);
  });

  it('asks the toolbar’s 导入… and 导入审核意见… in the native dialog: no typed path box', async () => {
    const asked = platform.chooseRequests.length;
    await page.getByTestId('import-forms').click();
    await expect.poll(() => platform.chooseRequests.length).toBe(asked + 1);
    expect(platform.chooseRequests.at(-1)).toMatchObject({
      mode: 'open',
      kinds: ['.xlsx', '.json'],
      multiple: true,
    });
    await page.getByTestId('import-review').click();
    await expect.poll(() => platform.chooseRequests.length).toBe(asked + 2);
    expect(platform.chooseRequests.at(-1)).toMatchObject({
      mode: 'open',
      kinds: ['.ziping-review', '.ziping'],
    });
    // Both were cancelled (no answer given): nothing shown in the page, no in-app chooser either.
    expect(await page.locator('.toolbar-popover input').count()).toBe(0);
    expect(await page.getByTestId('file-chooser').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('opens from 最近打开 with the start panel’s 打开方式 只读: read-only in that window', async () => {
    const other = path.join(dir, '乙.ziping');
    copyFileSync(SAMPLE_PATH, other);
    settings.update((s) => ({ ...s, recent: withRecent(s.recent, other) }));
    windows.newWindow();
    const start = await windowPage(2);
    await start.getByTestId('open-mode').selectOption('readOnly');
    await start.getByRole('button', { name: '乙.ziping' }).click();
    await expect.poll(() => windows.serviceFor(2)?.current?.path).toBe(other);
    expect(windows.serviceFor(2)?.current).toMatchObject({ readOnly: true, reviewing: false });
    expect(platform.windows[1]?.title).toBe('乙.ziping（只读） - 自评表编辑器');
    await start.close();
    expect(pageErrors).toEqual([]);
  });
});
