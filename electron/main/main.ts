/**
 * The Electron main process: wiring only. Everything it decides is in the modules beside it and
 * tested under Node (tests/unit/electron-*.test.ts); this file connects them to Electron's API.
 * Bundled to dist-electron/main.cjs by scripts/build-electron.ts.
 */
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  utilityProcess,
  type BaseWindow,
  type MessageBoxOptions,
  type SaveDialogOptions,
} from 'electron';
import { dataDir } from '../services/data-dir';
import { codeCacheDir, enableCodeCache, withCodeCache } from './code-cache';
import { utilityHost } from '../services/service-host/utility-launcher';
import {
  aboutDialog,
  cleanCopyDialog,
  errorDialog,
  pdfDialog,
  saveChangesDialog,
  saveChoice,
  withExtension,
} from './dialogs';
import { chosenPaths, nativeChooseDialog } from './choose-dialog';
import { handleInvoke, handleShell, IPC_CHANNELS } from './ipc';
import { buildMenuTemplate } from './menu';
import { APP_SCHEME_PRIVILEGES, appProtocolHandler } from './protocol';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  guardContents,
  isRemoteUrl,
  permissionAllowed,
  createAppWindow,
} from './security';
import { printHtmlToPdfFile } from './pdf-window';
import { SettingsStore } from './settings';
import type { ShellPlatform, ShellWindow } from './shell-platform';
import { DocumentWindows } from './windows';

// Next to this bundle: dist-electron/{main,preload,service-host}.cjs and dist/renderer/.
const PRELOAD = path.join(__dirname, 'preload.cjs');
const SERVICE_HOST = path.join(__dirname, 'service-host.cjs');
const RENDERER_DIR = path.join(__dirname, '../dist/renderer');

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

const DATA_DIR = dataDir();
// V8's code cache for what this process and the document service load (see code-cache.ts).
const CODE_CACHE = codeCacheDir(DATA_DIR);
enableCodeCache(CODE_CACHE);
// Chromium's own profile goes into our data folder too (ZIPING_DATA_DIR moves everything).
app.setPath('userData', path.join(DATA_DIR, 'chromium'));

// Windows groups taskbar buttons and jump lists by this id (the installer's appId).
if (process.platform === 'win32') app.setAppUserModelId('cn.ziping.editor');

if (!app.requestSingleInstanceLock()) {
  // Another instance runs: it receives our argv in 'second-instance' and opens the documents.
  app.quit();
} else {
  start();
}

function start(): void {
  const settings = new SettingsStore(DATA_DIR);
  const windowOf = (w: ShellWindow | null): BrowserWindow | undefined =>
    w === null ? undefined : BrowserWindow.getAllWindows().find((b) => b.webContents.id === w.id);
  const messageBox = async (parent: ShellWindow | null, options: MessageBoxOptions) => {
    const owner: BaseWindow | undefined = windowOf(parent);
    return owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options);
  };

  const platform: ShellPlatform = {
    createWindow(place) {
      const win = createAppWindow(BrowserWindow, place, PRELOAD);
      const id = win.webContents.id;
      if (place.maximized) win.maximize();
      win.on('focus', () => windows.focused(id));
      win.on('close', (event) => {
        if (!windows.mayClose(id)) event.preventDefault();
      });
      win.on('closed', () => void windows.closed(id));
      // The title says which document and whether it is saved; the page's <title> does not.
      win.on('page-title-updated', (event) => event.preventDefault());
      win.once('ready-to-show', () => win.show());
      // A crashed page comes back: the document stays open in its service's host and every
      // edit is in the working copy, so the reloaded page shows it as it was.
      win.webContents.on('render-process-gone', (_event, details) => {
        if (details.reason !== 'clean-exit') win.webContents.reload();
      });
      void win.loadURL(APP_ENTRY_URL);
      return {
        id,
        setTitle: (title) => win.setTitle(title),
        focus: () => {
          if (win.isMinimized()) win.restore();
          win.show();
          win.focus();
        },
        close: () => win.close(),
        reload: () => win.webContents.reload(),
        send: (command) => win.webContents.send(IPC_CHANNELS.menu, command),
        state: () => ({ ...win.getNormalBounds(), maximized: win.isMaximized() }),
      };
    },
    async choose(parent, request) {
      const owner = windowOf(parent);
      const native = nativeChooseDialog(request);
      const answer =
        native.kind === 'save'
          ? owner
            ? await dialog.showSaveDialog(owner, native.options)
            : await dialog.showSaveDialog(native.options)
          : owner
            ? await dialog.showOpenDialog(owner, native.options)
            : await dialog.showOpenDialog(native.options);
      return chosenPaths(request, answer);
    },
    async choosePdfPath(parent, suggestedName) {
      return savePath(parent, pdfDialog(suggestedName), 'pdf');
    },
    async printToPdf(html, target) {
      // A window of its own that runs nothing: it only lays out and prints the print view.
      const open = () =>
        new BrowserWindow({
          show: false,
          webPreferences: {
            javascript: false,
            contextIsolation: true,
            sandbox: true,
            nodeIntegration: false,
            webSecurity: true,
            disableBlinkFeatures: 'Auxclick',
          },
        });
      await printHtmlToPdfFile(html, target, open);
    },
    async askSaveChanges(parent, documentName) {
      return saveChoice((await messageBox(parent, saveChangesDialog(documentName))).response);
    },
    async showError(parent, message) {
      await messageBox(parent, errorDialog(message));
    },
    async offerCleanCopy(parent, message) {
      return (await messageBox(parent, cleanCopyDialog(message))).response === 0;
    },
    async showAbout(parent) {
      await messageBox(parent, aboutDialog(app.getVersion(), process.versions.electron ?? ''));
    },
    workAreas: () => screen.getAllDisplays().map((d) => d.workArea),
    setRecent: (recent) => setMenu(recent),
    // Each window's document service in a utility process: saves and exports off this thread.
    launchService: utilityHost(utilityProcess, SERVICE_HOST, withCodeCache(CODE_CACHE)),
  };

  async function savePath(
    parent: ShellWindow,
    options: SaveDialogOptions,
    extension: string,
  ): Promise<string | null> {
    const owner = windowOf(parent);
    if (!owner) return null;
    const r = await dialog.showSaveDialog(owner, options);
    return r.canceled || !r.filePath ? null : withExtension(r.filePath, extension);
  }

  const windows = new DocumentWindows(platform, DATA_DIR, settings);

  function setMenu(recent: readonly string[]): void {
    const template = buildMenuTemplate({ recent, devTools: !app.isPackaged }, (action) => {
      const focused = BrowserWindow.getFocusedWindow();
      void windows.runMenuAction(action, focused ? focused.webContents.id : null);
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  // Every web contents, including any created later, gets the navigation and window guards.
  app.on('web-contents-created', (_event, contents) => guardContents(contents));

  const earlyFiles: string[] = [];
  let ready = false;
  app.on('open-file', (event, file) => {
    // macOS only (not a target, but harmless): a document given to the running app.
    event.preventDefault();
    if (ready) void windows.openDocument(file, null);
    else earlyFiles.push(file);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    void windows.openFromCommandLine(argv, workingDirectory);
  });
  // The last windows' documents are closed by their hosts first (owner files removed).
  app.on('window-all-closed', () => void windows.settled().then(() => app.quit()));

  void app.whenReady().then(async () => {
    const ses = session.defaultSession;
    ses.protocol.handle(APP_SCHEME, appProtocolHandler(RENDERER_DIR));
    ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
      callback(permissionAllowed(permission, details.requestingUrl)),
    );
    ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
      permissionAllowed(permission, requestingOrigin),
    );
    // No remote content at all, whatever a page asks for (the CSP says the same).
    ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: isRemoteUrl(details.url) }));

    ipcMain.handle(IPC_CHANNELS.invoke, (event, name: unknown, args: unknown) =>
      handleInvoke(windows, event, name, args),
    );
    ipcMain.handle(IPC_CHANNELS.shell, (event, name: unknown, args: unknown) =>
      handleShell(windows, event, name, args),
    );

    setMenu(settings.current.recent);
    ready = true;
    await windows.openFromCommandLine(process.argv, process.cwd());
    for (const file of earlyFiles) await windows.openDocument(file, null);
  });
}
