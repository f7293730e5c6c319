/**
 * The shell's security settings under Node (Electron's checklist): window options, CSP, what the
 * app:// protocol serves, navigation and new-window guards, permissions, who may call over IPC
 * and with what, and that the preload exposes only the typed contract.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type {
  BrowserWindowConstructorOptions,
  Event,
  HandlerDetails,
  WindowOpenHandlerResponse,
} from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANDLER_NAMES, SHELL_HANDLER_NAMES } from '../../shared/contract';
import {
  handleInvoke,
  handleShell,
  IPC_CHANNELS,
  isTrustedCaller,
  type CallerEvent,
} from '../../electron/main/ipc';
import { APP_SCHEME_PRIVILEGES, appProtocolHandler } from '../../electron/main/protocol';
import {
  APP_ENTRY_URL,
  guardContents,
  isAppUrl,
  isRemoteUrl,
  permissionAllowed,
  createAppWindow,
  type GuardedContents,
} from '../../electron/main/security';
import { SettingsStore } from '../../electron/main/settings';
import { DocumentWindows } from '../../electron/main/windows';
import { CSP } from '../../electron/web/static-files';
import { createBridge, type BridgeIpc } from '../../electron/preload/bridge';
import { FakePlatform } from '../support/fake-shell';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ziping-sec-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('window options', () => {
  it('isolate the page from Node and from remote content', () => {
    class RecordingWindow {
      constructor(readonly options: BrowserWindowConstructorOptions) {}
    }
    const o = createAppWindow(RecordingWindow, { width: 1000, height: 700 }, '/app/preload.cjs').options;
    expect(o.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(o.webPreferences?.enableBlinkFeatures).toBeUndefined();
    expect(o.webPreferences).not.toHaveProperty('additionalArguments');
    expect(o.show).toBe(false); // shown on ready-to-show, no white flash
    expect(o.title).toBe('自评表编辑器');
  });
});

describe('CSP', () => {
  it('allows only the app itself: no remote hosts, no inline scripts, no eval, no plugins', () => {
    const directives = new Map(CSP.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(CSP).not.toMatch(/unsafe-eval|https?:|\*|ws:/);
  });
});

describe('the app:// protocol', () => {
  let root: string;
  let handler: (r: Request) => Promise<Response>;
  beforeAll(() => {
    root = path.join(dir, 'renderer');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    handler = appProtocolHandler(root);
  });

  it('is registered standard and secure, without bypassing the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      scheme: 'app',
      privileges: { standard: true, secure: true, bypassCSP: false },
    });
  });

  it('serves the renderer with the same CSP as browser mode', async () => {
    const res = await handler(new Request(APP_ENTRY_URL));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>t</title>');
    const js = await handler(new Request('app://ziping/assets/app.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await handler(new Request('app://ziping/'))).status).toBe(200);
  });

  it('refuses paths outside the renderer folder, other hosts and writes', async () => {
    for (const url of [
      'app://ziping/%2e%2e/secret.txt',
      'app://ziping/..%2fsecret.txt',
      'app://ziping/assets/..%2f..%2fsecret.txt',
      'app://ziping/%2e%2e%5csecret.txt',
      `app://ziping/${encodeURIComponent(path.join(dir, 'secret.txt'))}`,
      'app://ziping/%E0%A4%A',
      'app://ziping/index.html%00.js',
      'app://other/index.html',
      'app://ziping/missing.js',
    ]) {
      const res = await handler(new Request(url));
      expect(res.status, url).toBe(404);
      expect(await res.text()).not.toContain('secret');
    }
    const post = await handler(new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });
});

describe('navigation, new windows, permissions, remote requests', () => {
  function fakeContents() {
    const listeners = new Map<string, (e: Event) => void>();
    let openHandler: ((d: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
    const contents: GuardedContents = {
      on(event: string, listener: (e: Event) => void) {
        listeners.set(event, listener);
        return contents;
      },
      setWindowOpenHandler(h) {
        openHandler = h;
      },
    };
    guardContents(contents);
    const fire = (name: string) => {
      let prevented = false;
      listeners.get(name)?.({ preventDefault: () => (prevented = true), defaultPrevented: false });
      return prevented;
    };
    return { fire, openHandler: () => openHandler };
  }

  it('refuses every navigation, redirect and <webview>, and denies window.open', () => {
    const c = fakeContents();
    expect(c.fire('will-navigate')).toBe(true);
    expect(c.fire('will-redirect')).toBe(true);
    expect(c.fire('will-attach-webview')).toBe(true);
    const details: HandlerDetails = {
      url: 'https://example.com/',
      frameName: '',
      features: '',
      disposition: 'new-window',
      referrer: { url: '', policy: 'default' },
      postBody: undefined,
    };
    expect(c.openHandler()?.(details)).toEqual({ action: 'deny' });
  });

  it('grants only the clipboard, and only to the app itself', () => {
    expect(permissionAllowed('clipboard-sanitized-write', 'app://ziping/index.html')).toBe(true);
    expect(permissionAllowed('clipboard-read', 'app://ziping')).toBe(true);
    expect(permissionAllowed('clipboard-read', 'https://evil.example')).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'fileSystem', 'hid', 'usb']) {
      expect(permissionAllowed(p, 'app://ziping/index.html')).toBe(false);
    }
  });

  it('knows its own origin and cancels anything remote', () => {
    expect(isAppUrl('app://ziping/index.html?x=1')).toBe(true);
    expect(isAppUrl('app://zipingx/index.html')).toBe(false);
    expect(isAppUrl('file:///C:/app/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isRemoteUrl('https://example.com/x.js')).toBe(true);
    expect(isRemoteUrl('ws://127.0.0.1:1')).toBe(true);
    expect(isRemoteUrl('app://ziping/index.html')).toBe(false);
  });
});

describe('IPC', () => {
  let windows: DocumentWindows;
  let platform: FakePlatform;
  const dataDir = () => path.join(dir, 'data');
  beforeAll(async () => {
    platform = new FakePlatform();
    windows = new DocumentWindows(platform, dataDir(), new SettingsStore(dataDir()));
    await windows.openFromCommandLine([], dir);
  });
  const from = (url: string, id = 1, parent: unknown = null): CallerEvent => ({
    sender: { id },
    senderFrame: { url, parent },
  });

  it('uses three channels, all prefixed', () => {
    expect(Object.values(IPC_CHANNELS)).toEqual(['ziping:invoke', 'ziping:shell', 'ziping:menu']);
  });

  it('answers our page in our window', async () => {
    const r = await handleInvoke(windows, from(APP_ENTRY_URL), 'app/state', {});
    expect(r.ok).toBe(true);
  });

  it('refuses other origins, sub-frames, a destroyed frame and unknown windows', async () => {
    expect(isTrustedCaller(from('https://evil.example/'))).toBe(false);
    expect(isTrustedCaller(from('file:///etc/passwd'))).toBe(false);
    expect(isTrustedCaller(from(APP_ENTRY_URL, 1, {}))).toBe(false);
    expect(isTrustedCaller({ sender: { id: 1 }, senderFrame: null })).toBe(false);
    for (const event of [
      from('https://evil.example/'),
      from(APP_ENTRY_URL, 1, {}),
      from(APP_ENTRY_URL, 99),
    ]) {
      const r = await handleInvoke(windows, event, 'app/state', {});
      expect(r.ok === false && r.error.code).toBe('forbidden');
    }
  });

  it('refuses unknown calls and bad arguments (AppService validation)', async () => {
    for (const name of ['doc/delete', '__proto__', 'constructor', 42, null]) {
      const r = await handleInvoke(windows, from(APP_ENTRY_URL), name, {});
      expect(r.ok === false && r.error.code).toBe('bad-request');
    }
    for (const [name, args] of [
      ['doc/open', { path: 7 }],
      ['doc/open', 'x'],
      ['doc/new', { path: null, unit: '单位', year: 'x', layout: 'national' }],
      ['doc/apply', { patches: [{ op: 'rm -rf' }] }],
    ] as const) {
      const r = await handleInvoke(windows, from(APP_ENTRY_URL), name, args);
      expect(r.ok === false && r.error.code, name).toMatch(/bad-request|no-document/);
    }
  });

  it('checks shell calls the same way, field by field', async () => {
    const OPEN_XLSX = { mode: 'open', title: '导入', kinds: ['.xlsx'], confirm: '导入' } as const;
    expect((await handleShell(windows, from('https://evil.example/'), 'dialog/choose', OPEN_XLSX)).ok).toBe(
      false,
    );
    const cases: [unknown, unknown][] = [
      ['dialog/run', {}],
      ['window/openDocument', { path: 5 }],
      ['window/openDocument', { path: 'a\0b' }],
      ['window/openDocument', { path: '' }],
      ['window/openDocument', { path: null, review: 'yes' }],
      ['window/openDocument', { path: null, readOnly: 1 }],
      ['dialog/export', { format: 'xlsx', suggestedName: 'a' }],
      ['dialog/choose', { ...OPEN_XLSX, kinds: ['.exe'] }],
      ['dialog/choose', { ...OPEN_XLSX, mode: 'run' }],
      ['dialog/choose', { ...OPEN_XLSX, suggested: 'a\0b' }],
      ['dialog/choose', { ...OPEN_XLSX, title: 'x'.repeat(300) }],
      ['dialog/choose', { ...OPEN_XLSX, kinds: [] }],
      ['dialog/choose', { ...OPEN_XLSX, mode: 'save', multiple: true }],
      ['dialog/choose', null],
      ['dialog/choose', []],
    ];
    for (const [name, args] of cases) {
      const r = await handleShell(windows, from(APP_ENTRY_URL), name, args);
      expect(r.ok === false && r.error.code, JSON.stringify([name, args])).toBe('bad-request');
    }
    platform.saveAnswers.push('/tmp/表.xlsx');
    expect(
      await handleShell(windows, from(APP_ENTRY_URL), 'dialog/choose', {
        ...OPEN_XLSX,
        mode: 'save',
        suggested: '表',
      }),
    ).toEqual({ ok: true, value: ['/tmp/表.xlsx'] });
    expect(await handleShell(windows, from(APP_ENTRY_URL), 'shell/recentDocuments', {})).toEqual({
      ok: true,
      value: [],
    });
  });
});

describe('the preload bridge', () => {
  function fakeIpc() {
    const calls: unknown[][] = [];
    const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
    const ipc: BridgeIpc = {
      invoke: async (...args) => {
        calls.push(args);
        return { ok: true, value: null };
      },
      on: (channel, l) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(l)),
      removeListener: (channel, l) => listeners.get(channel)?.delete(l),
    };
    const emit = (channel: string, ...args: unknown[]) =>
      listeners.get(channel)?.forEach((l) => l({ sender: 'ipcRenderer itself' }, ...args));
    return { ipc, calls, emit, listeners };
  }

  it('exposes exactly invoke, shell and onMenuCommand', () => {
    expect(Object.keys(createBridge(fakeIpc().ipc)).sort()).toEqual(['invoke', 'onMenuCommand', 'shell']);
  });

  it('sends only the contract’s names, each on its own channel', async () => {
    const f = fakeIpc();
    const bridge = createBridge(f.ipc);
    // Called as a page could (bypassing the types): names are checked at run time.
    const invoke = (name: string): Promise<unknown> => Reflect.apply(bridge.invoke, bridge, [name, {}]);
    const shell = (name: string): Promise<unknown> => Reflect.apply(bridge.shell, bridge, [name, {}]);
    for (const name of HANDLER_NAMES) await invoke(name);
    for (const name of SHELL_HANDLER_NAMES) await shell(name);
    expect(f.calls.map((c) => `${String(c[0])} ${String(c[1])}`)).toEqual([
      ...HANDLER_NAMES.map((n) => `ziping:invoke ${n}`),
      ...SHELL_HANDLER_NAMES.map((n) => `ziping:shell ${n}`),
    ]);
    for (const name of ['ziping:menu', 'doc/delete', 'dialog/choose']) {
      expect(await invoke(name)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(await shell('doc/open')).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(f.calls).toHaveLength(HANDLER_NAMES.length + SHELL_HANDLER_NAMES.length);
  });

  it('delivers menu commands without the IPC event, drops unknown ones, unsubscribes', () => {
    const f = fakeIpc();
    const got: unknown[][] = [];
    const off = createBridge(f.ipc).onMenuCommand((...args) => got.push(args));
    f.emit('ziping:menu', 'save');
    f.emit('ziping:menu', 'formatDisk');
    expect(got).toEqual([['save']]);
    off();
    f.emit('ziping:menu', 'undo');
    expect(got).toHaveLength(1);
    expect(f.listeners.get('ziping:menu')?.size).toBe(0);
  });
});
