/**
 * The bundled main process (dist-electron/main.cjs, as packaged, started as Electron starts it:
 * through package.json's "main", loader.cjs, which runs it with V8's code cache) run under Node with the
 * 'electron' module replaced by a recording fake: what it registers before and after ready, the
 * window it opens, its IPC answers, the single-instance hand-over and the close question; and the
 * bundled preload (what it exposes). This is main.ts's wiring; the real Electron has not run here
 * (it cannot be downloaded on this machine).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ZipingBridge } from '../../shared/contract';
import { AppService } from '../../electron/services/handlers';
import { buildElectron, ROOT } from '../../scripts/build-electron';
import {
  FakeBrowserWindow,
  fakeElectron,
  loadWithElectron,
  type FakeElectron,
} from '../support/fake-electron';

let dir: string;
let out: string;
let electron: FakeElectron;
let savedArgv: string[];
let savedDataDir: string | undefined;
let doc: string;

const pkgMain = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string }).main;
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
const frameOf = (w: FakeBrowserWindow, url = 'app://ziping/index.html') => ({
  sender: w.webContents,
  senderFrame: { url, parent: null },
});

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ziping-main-'));
  // Inside the repository, so the bundle finds better-sqlite3 in node_modules as it would packaged.
  mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
  out = mkdtempSync(path.join(ROOT, 'test-output', 'electron-main-'));
  await buildElectron(out);
  savedArgv = process.argv;
  savedDataDir = process.env.ZIPING_DATA_DIR;
  process.env.ZIPING_DATA_DIR = path.join(dir, 'data');
  doc = path.join(dir, '甲.ziping');
  const s = new AppService(path.join(dir, 'data'));
  s.call('doc/new', { path: doc, unit: '测试单位', year: 2024, layout: 'national' });
  s.call('doc/save', {});
  s.call('doc/close', { discard: false });

  process.argv = ['/opt/ziping/ziping', doc];
  electron = fakeElectron({ lock: true });
  loadWithElectron(path.join(out, path.basename(pkgMain)), electron);
  await electron.app.ready;
  // The document opens once its service's host (a child process here) has started.
  await vi.waitFor(() => expect(FakeBrowserWindow.all).toHaveLength(1), { timeout: 30_000, interval: 50 });
  await settle();
});

afterAll(async () => {
  electron.messageBoxAnswer = 1; // 不保存, should a window still hold edits
  for (const w of FakeBrowserWindow.getAllWindows()) w.close();
  await settle();
  // Whatever host a failed test left running is not left behind.
  await Promise.all(
    electron.utilityProcesses.map((p) => {
      if (p.child.exitCode !== null || p.child.signalCode !== null) return null;
      const gone = new Promise((resolve) => p.child.once('exit', resolve));
      p.kill();
      return gone;
    }),
  );
  process.argv = savedArgv;
  if (savedDataDir === undefined) delete process.env.ZIPING_DATA_DIR;
  else process.env.ZIPING_DATA_DIR = savedDataDir;
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe('the bundled main process', () => {
  it('is started by package.json’s "main", which saved main.cjs’s code cache in the data folder', () => {
    expect(pkgMain).toBe('dist-electron/loader.cjs');
    // (Node ≥ 22 also keeps its compile cache of the service host there, in a folder of its own.)
    const cache = readdirSync(path.join(dir, 'data', 'code-cache')).filter((n) => n.endsWith('.v8cache'));
    expect(cache).toEqual([expect.stringMatching(/^main\.cjs-[0-9a-f]{16}\.v8cache$/)]);
  });

  it('registers app:// as privileged and keeps Chromium’s profile in the data folder', () => {
    expect(electron.schemes).toEqual([expect.objectContaining({ scheme: 'app' })]);
    expect(electron.app.paths.get('userData')).toBe(path.join(dir, 'data', 'chromium'));
    expect(electron.protocolHandlers.has('app')).toBe(true);
  });

  it('opens the document from the command line in a secure window loading app://ziping/', () => {
    const [w] = FakeBrowserWindow.all;
    expect(FakeBrowserWindow.all).toHaveLength(1);
    expect(w?.loaded).toBe('app://ziping/index.html');
    expect(w?.title).toBe('甲.ziping - 自评表编辑器');
    expect(w?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    const preload = (w?.options.webPreferences as { preload: string }).preload;
    expect(preload).toBe(path.join(out, 'preload.cjs'));
    expect(existsSync(preload)).toBe(true);
  });

  it('guards every web contents and refuses permissions and remote requests', () => {
    const contents = FakeBrowserWindow.all[0]?.webContents;
    if (!contents) throw new Error('no window');
    electron.app.fire('web-contents-created', contents);
    expect(contents.fire('will-navigate')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    let granted: boolean | null = null;
    electron.permissionRequest?.(contents, 'media', (g: boolean) => (granted = g), {
      requestingUrl: 'app://ziping/index.html',
    });
    expect(granted).toBe(false);
    let cancel: unknown = null;
    electron.beforeRequest?.(
      { url: 'https://example.com/x.js' },
      (r: { cancel: boolean }) => (cancel = r.cancel),
    );
    expect(cancel).toBe(true);
  });

  it('answers the contract over IPC for our page only', async () => {
    const w = FakeBrowserWindow.all[0];
    if (!w) throw new Error('no window');
    const invoke = electron.ipc.get('ziping:invoke');
    const ok = (await invoke?.(frameOf(w), 'app/state', {})) as { ok: boolean; value: { document: unknown } };
    expect(ok.ok).toBe(true);
    expect(ok.value.document).not.toBeNull();
    const refused = (await invoke?.(frameOf(w, 'https://evil.example/'), 'app/state', {})) as { ok: boolean };
    expect(refused.ok).toBe(false);
    expect(electron.ipc.has('ziping:shell')).toBe(true);
  });

  it('runs the window’s document service in a utility process of the bundled host', () => {
    expect(electron.utilityProcesses).toHaveLength(1);
    expect(electron.utilityProcesses[0]?.modulePath).toBe(path.join(out, 'service-host.cjs'));
    expect(electron.utilityProcesses[0]?.child.pid).not.toBe(process.pid);
  });

  it('starts the document service with V8’s code cache on, in the data folder', () => {
    const env = electron.utilityProcesses[0]?.options['env'] as Record<string, string> | undefined;
    expect(env?.['NODE_COMPILE_CACHE']).toBe(path.join(dir, 'data', 'code-cache'));
    // The rest of the environment is passed on (the data folder the service must use).
    expect(env?.['ZIPING_DATA_DIR']).toBe(path.join(dir, 'data'));
  });

  it('reloads a page whose renderer crashed (the document stays open in its service)', () => {
    const contents = FakeBrowserWindow.all[0]?.webContents;
    if (!contents) throw new Error('no window');
    contents.fire('render-process-gone', { reason: 'crashed' });
    contents.fire('render-process-gone', { reason: 'clean-exit' });
    expect(contents.reloads).toBe(1);
  });

  it('sets the Chinese menu', () => {
    const menu = electron.menus.at(-1) as { label: string }[];
    expect(menu.map((m) => m.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
  });

  it('hands a second launch’s document to this instance (same document: no new window)', async () => {
    electron.app.fire('second-instance', ['/opt/ziping/ziping', doc], '/');
    await settle();
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(1);
    electron.app.fire('second-instance', ['/opt/ziping/ziping'], '/');
    await settle();
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(1);
  });

  it('a service host that dies is reported in Chinese, started again, and the page shown afresh', async () => {
    const w = FakeBrowserWindow.getAllWindows()[0];
    const host = electron.utilityProcesses.at(-1);
    if (!w || !host) throw new Error('no window');
    const reloads = w.webContents.reloads;
    const boxes = electron.messageBoxes.length;
    host.child.kill('SIGKILL');
    await expect.poll(() => electron.utilityProcesses.length).toBe(2);
    await expect.poll(() => electron.messageBoxes.length).toBe(boxes + 1);
    expect(electron.messageBoxes.at(-1)).toMatchObject({
      message: expect.stringMatching(/^文档服务意外退出/),
    });
    expect(w.webContents.reloads).toBe(reloads + 1);
    const invoke = electron.ipc.get('ziping:invoke');
    const state = (await invoke?.(frameOf(w), 'app/state', {})) as {
      ok: boolean;
      value: { recoverable: unknown[] };
    };
    expect(state.ok).toBe(true);
    // Opened again (its owner file, left by the dead host, is taken over).
    const shell = electron.ipc.get('ziping:shell');
    expect(await shell?.(frameOf(w), 'window/openDocument', { path: doc })).toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(w.title).toBe('甲.ziping - 自评表编辑器');
  });

  it('asks 保存更改？ when a window with unsaved edits is closed; 取消 keeps it', async () => {
    const w = FakeBrowserWindow.all[0];
    if (!w) throw new Error('no window');
    const invoke = electron.ipc.get('ziping:invoke');
    const r = (await invoke?.(frameOf(w), 'doc/apply', {
      patches: [{ op: 'setMeta', field: 'unit', value: '改过' }],
    })) as { ok: boolean };
    expect(r.ok).toBe(true);
    expect(w.title).toBe('甲.ziping * - 自评表编辑器');
    electron.messageBoxAnswer = 2; // 取消
    w.close();
    expect(w.webContents.sent).toEqual([['ziping:menu', 'commitEdits']]);
    const shell = electron.ipc.get('ziping:shell');
    expect(await shell?.(frameOf(w), 'window/editsCommitted', {})).toEqual({ ok: true, value: null });
    await settle();
    expect(w.destroyed).toBe(false);
    expect(electron.messageBoxes.at(-1)).toMatchObject({ buttons: ['保存', '不保存', '取消'] });
    electron.messageBoxAnswer = 1; // 不保存
    w.close();
    await shell?.(frameOf(w), 'window/editsCommitted', {});
    // The document is closed by its host (a message there and back) before the window goes.
    await expect.poll(() => w.destroyed).toBe(true);
  });

  it('has a preload that exposes only window.ziping, whose calls go to the contract’s channel', async () => {
    const renderer = fakeElectron({ lock: true });
    loadWithElectron(path.join(out, 'preload.cjs'), renderer);
    expect([...renderer.exposed.keys()]).toEqual(['ziping']);
    const bridge = renderer.exposed.get('ziping') as ZipingBridge;
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onMenuCommand', 'shell']);
    await bridge.invoke('app/state', {});
    expect(renderer.rendererCalls).toEqual([['ziping:invoke', 'app/state', {}]]);
  });

  it('quits at once when another instance holds the lock (it gets our argv instead)', () => {
    const second = fakeElectron({ lock: false });
    loadWithElectron(path.join(out, 'main.cjs'), second);
    expect(second.app.quitCalls).toBe(1);
    expect(second.ipc.size).toBe(0);
    expect(second.app.listeners.has('second-instance')).toBe(false);
  });
});
