/**
 * The shell's security settings, per Electron's security checklist, as plain data and small
 * functions so they are tested under Node: window options, what the window may load and ask for.
 */
import type {
  BrowserWindowConstructorOptions,
  Event,
  HandlerDetails,
  WindowOpenHandlerResponse,
} from 'electron';

/** The renderer is served from this origin only (electron/main/protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'ziping';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

/** Electron's BrowserWindow constructor, passed in so tests can record what a window is given. */
export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;

/**
 * Every window of the app. Everything a page could use to reach Node or remote content is off.
 * The options are written out at the `new BrowserWindow` itself so that electronegativity, which
 * reads the source, sees them (tests/unit/electron-security-scan.test.ts).
 */
export function createAppWindow<W>(
  BrowserWindow: WindowConstructor<W>,
  bounds: WindowBounds,
  preloadPath: string,
): W {
  return new BrowserWindow({
    ...bounds,
    minWidth: 800,
    minHeight: 500,
    title: '自评表编辑器',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // Middle-click would otherwise try to open links in a new window (denied anyway).
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  });
}

/** Whether a URL belongs to the app (same scheme and host; what the CSP calls 'self'). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Permissions the app's own pages may have: writing and reading the clipboard (copy and paste
 * of cells through navigator.clipboard). Everything else, and anything asked by another origin,
 * is refused.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'clipboard-read']);

export function permissionAllowed(permission: string, requestingUrl: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}

/** The part of WebContents the guards need (a fake in tests). */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: Event) => void): unknown;
  on(event: 'will-redirect', listener: (event: Event) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Event) => void): unknown;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void;
}

/**
 * The app is one page: it never navigates (a dropped file or a link would replace the editor),
 * opens no windows and attaches no <webview>. Reloads are not navigations and still work.
 */
export function guardContents(contents: GuardedContents): void {
  const refuse = (event: Event) => event.preventDefault();
  contents.on('will-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-attach-webview', refuse);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Anything fetched from the network (the app has no remote content; requests for it are cancelled). */
export function isRemoteUrl(url: string): boolean {
  return /^(https?|wss?|ftp):/i.test(url);
}
