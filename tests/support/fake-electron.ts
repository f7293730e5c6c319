/**
 * A stand-in for the 'electron' module, for running the bundled main process (dist-electron/
 * main.cjs) under Node: it records what the main process registers and creates, and lets a
 * test fire app and window events and IPC calls the way Electron would.
 */
import { fork, type ChildProcess } from 'node:child_process';
import Module from 'node:module';

type Listener = (...args: unknown[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  /** Calls the listeners with an event object; returns whether one of them called preventDefault. */
  fire(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    const e = { preventDefault: () => (prevented = true), defaultPrevented: false };
    for (const l of this.listeners.get(event) ?? []) l(e, ...args);
    return prevented;
  }
}

export class FakeWebContents extends Emitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly sent: unknown[][] = [];
  reloads = 0;
  windowOpenHandler: Listener | null = null;
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
  reload(): void {
    this.reloads++;
  }
  setWindowOpenHandler(h: Listener): void {
    this.windowOpenHandler = h;
  }
}

export class FakeBrowserWindow extends Emitter {
  static all: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  title = '';
  loaded: string | null = null;
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.all.push(this);
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all.filter((w) => !w.destroyed);
  }
  static getFocusedWindow(): FakeBrowserWindow | null {
    return FakeBrowserWindow.getAllWindows().at(-1) ?? null;
  }
  async loadURL(url: string): Promise<void> {
    this.loaded = url;
  }
  setTitle(t: string): void {
    this.title = t;
  }
  /** As Electron: 'close' may be prevented; otherwise the window goes and 'closed' follows. */
  close(): void {
    if (this.fire('close')) return;
    this.destroyed = true;
    this.fire('closed');
  }
  maximize(): void {}
  isMinimized(): boolean {
    return false;
  }
  isMaximized(): boolean {
    return false;
  }
  restore(): void {}
  show(): void {}
  focus(): void {}
  getNormalBounds() {
    return { x: 10, y: 20, width: 1100, height: 700 };
  }
}

const PARENT_PORT_SHIM = new URL('./fake-parent-port.cjs', import.meta.url).pathname;

/**
 * Electron's UtilityProcess as a Node child process: the module runs with `process.parentPort`
 * (fake-parent-port.cjs) over the IPC channel, messages copied by structured clone as Electron does.
 */
export class FakeUtilityProcess {
  readonly child: ChildProcess;
  constructor(
    readonly modulePath: string,
    readonly options: Record<string, unknown>,
  ) {
    this.child = fork(modulePath, [], {
      execArgv: ['--require', PARENT_PORT_SHIM],
      serialization: 'advanced',
      stdio: 'inherit',
    });
  }
  postMessage(message: unknown): void {
    this.child.send(message as object);
  }
  on(event: string, listener: (value: unknown) => void): this {
    if (event === 'message') this.child.on('message', listener);
    if (event === 'exit') this.child.on('exit', (code) => listener(code));
    return this;
  }
  kill(): boolean {
    return this.child.kill();
  }
}

export interface FakeElectron {
  module: Record<string, unknown>;
  app: Emitter & { quitCalls: number; paths: Map<string, string>; lock: boolean; ready: Promise<void> };
  schemes: unknown[];
  protocolHandlers: Map<string, (r: Request) => Promise<Response>>;
  permissionRequest: Listener | null;
  permissionCheck: Listener | null;
  beforeRequest: Listener | null;
  ipc: Map<string, Listener>;
  menus: unknown[];
  messageBoxes: unknown[];
  messageBoxAnswer: number;
  /** What a preload exposed with contextBridge.exposeInMainWorld, and its ipcRenderer calls. */
  exposed: Map<string, unknown>;
  rendererCalls: unknown[][];
  /** The utility processes main started (the document services' hosts). */
  utilityProcesses: FakeUtilityProcess[];
}

export function fakeElectron(options: { lock: boolean }): FakeElectron {
  FakeBrowserWindow.all = [];
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((r) => (resolveReady = r));
  const app = Object.assign(new Emitter(), {
    quitCalls: 0,
    paths: new Map<string, string>(),
    lock: options.lock,
    ready,
  });
  const f: FakeElectron = {
    module: {},
    app,
    schemes: [],
    protocolHandlers: new Map(),
    permissionRequest: null,
    permissionCheck: null,
    beforeRequest: null,
    ipc: new Map(),
    menus: [],
    messageBoxes: [],
    messageBoxAnswer: 2,
    exposed: new Map(),
    rendererCalls: [],
    utilityProcesses: [],
  };
  f.module = {
    app: Object.assign(app, {
      isPackaged: false,
      setPath: (name: string, value: string) => app.paths.set(name, value),
      requestSingleInstanceLock: () => app.lock,
      quit: () => app.quitCalls++,
      getVersion: () => '0.1.0',
      whenReady: () => {
        resolveReady();
        return ready;
      },
    }),
    BrowserWindow: FakeBrowserWindow,
    utilityProcess: {
      fork: (modulePath: string, _args: string[], options: Record<string, unknown> = {}) => {
        const p = new FakeUtilityProcess(modulePath, options);
        f.utilityProcesses.push(p);
        return p;
      },
    },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => f.exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => {
        f.rendererCalls.push(args);
        return { ok: true, value: null };
      },
      on: () => {},
      removeListener: () => {},
    },
    protocol: { registerSchemesAsPrivileged: (list: unknown[]) => f.schemes.push(...list) },
    session: {
      defaultSession: {
        protocol: {
          handle: (scheme: string, h: (r: Request) => Promise<Response>) => f.protocolHandlers.set(scheme, h),
        },
        setPermissionRequestHandler: (h: Listener) => (f.permissionRequest = h),
        setPermissionCheckHandler: (h: Listener) => (f.permissionCheck = h),
        webRequest: { onBeforeRequest: (h: Listener) => (f.beforeRequest = h) },
      },
    },
    ipcMain: { handle: (channel: string, h: Listener) => f.ipc.set(channel, h) },
    Menu: {
      buildFromTemplate: (t: unknown) => t,
      setApplicationMenu: (m: unknown) => f.menus.push(m),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
    dialog: {
      showMessageBox: async (...args: unknown[]) => {
        f.messageBoxes.push(args.at(-1));
        return { response: f.messageBoxAnswer };
      },
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
    },
  };
  return f;
}

/** Runs a CommonJS file with `require('electron')` answered by the fake. */
export function loadWithElectron(file: string, electron: FakeElectron): void {
  const load = Reflect.get(Module, '_load') as (request: string, parent: unknown, isMain: boolean) => unknown;
  Reflect.set(Module, '_load', (request: string, parent: unknown, isMain: boolean) =>
    request === 'electron' ? electron.module : load(request, parent, isMain),
  );
  try {
    const req = Module.createRequire(file);
    delete req.cache[file]; // run it afresh each time (a new process, as far as it can tell)
    req(file);
  } finally {
    Reflect.set(Module, '_load', load);
  }
}
