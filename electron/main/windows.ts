/**
 * One window per document: opening, focusing, closing (with "保存更改？"), titles, the recent list
 * and window placement. Electron is behind the ShellPlatform port (shell-platform.ts; main.ts
 * implements it), so all of this runs under Node in tests.
 */
import path from 'node:path';
import type { CallResult, ChooseRequest } from '../../shared/contract';
import { ServiceClient } from '../services/service-host/client';
import { HOST_CRASHED } from '../services/service-host/protocol';
import { documentsInArgv, samePath } from './argv';
import { confirmClose, type CloseHost, type Entry } from './close-check';
import { OPEN_DOCUMENT, saveDocumentRequest } from './choose-dialog';
import type { IpcTargets, ShellImpl } from './ipc';
import type { MenuAction } from './menu';
import { placeWindow, withRecent, type SettingsStore } from './settings';
import type { ShellPlatform, ShellWindow } from './shell-platform';
import { windowTitle } from './window-title';

/** How a document is opened (the start panel's 打开方式; the menu's 以审核身份打开). */
export interface OpenOptions {
  readOnly?: boolean;
  review?: boolean;
}

/** How long a page may take to commit its open edits before the close check goes on without it. */
export const COMMIT_TIMEOUT_MS = 1000;

export class DocumentWindows implements IpcTargets {
  private readonly entries = new Map<number, Entry>();
  /** Most recently focused last. */
  private focusOrder: number[] = [];
  /** Windows gone whose service is still closing. */
  private readonly closing = new Set<Promise<void>>();

  constructor(
    private readonly platform: ShellPlatform,
    private readonly dataDir: string,
    private readonly settings: SettingsStore,
    private readonly commitTimeoutMs = COMMIT_TIMEOUT_MS,
  ) {}

  get count(): number {
    return this.entries.size;
  }

  /** At start and on a second launch: the documents named on the command line, or an empty window. */
  async openFromCommandLine(argv: readonly string[], cwd: string): Promise<void> {
    const files = documentsInArgv(argv, cwd);
    for (const file of files) await this.openDocument(file, null);
    if (files.length === 0) {
      const last = this.lastFocused();
      if (last) last.win.focus();
      else this.createWindow(null);
    }
  }

  /**
   * A document that could not be opened: the reason, and where its data is intact (objects that are
   * not ours were planted in it), the offer of a clean copy saved elsewhere, which is then opened.
   */
  private async refused(
    entry: Entry,
    error: { message: string; canRebuild?: boolean },
    file: string,
    options: OpenOptions,
  ): Promise<void> {
    if (!error.canRebuild) return this.platform.showError(entry.win, error.message);
    if (!(await this.platform.offerCleanCopy(entry.win, error.message))) return;
    const suggested = `${path.basename(file, path.extname(file))}-干净副本.ziping`;
    const to = await this.chooseOne(entry.win, saveDocumentRequest(suggested, '干净副本保存到'));
    if (!to) return;
    const r = await entry.service.invoke('doc/rebuildCleanCopy', { from: file, to });
    if (!r.ok) return this.platform.showError(entry.win, `未能重建干净副本：${r.error.message}`);
    await this.openDocument(to, entry.win.id, options);
  }

  /**
   * Opens `file`: brings its window forward if it is open already; else into `from` (or the
   * focused window) when that window has no document; else in a new window. False when it could
   * not be opened (the user has been told why).
   */
  async openDocument(file: string, from: number | null, options: OpenOptions = {}): Promise<boolean> {
    const openArgs = {
      path: path.resolve(file),
      readOnly: options.readOnly === true,
      review: options.review === true,
    };
    const wanted = path.resolve(file);
    for (const e of this.entries.values()) {
      const open = e.service.current?.path;
      if (open && samePath(open, wanted)) {
        e.win.focus();
        return true;
      }
    }
    const target = from !== null ? this.entries.get(from) : this.lastFocused();
    if (target && target.service.current === null) {
      const r = await target.service.invoke('doc/open', openArgs);
      if (!r.ok) {
        await this.refused(target, r.error, wanted, options);
        return false;
      }
      this.opened(target, wanted);
      target.win.reload();
      target.win.focus();
      return true;
    }
    const service = this.startService();
    const r = await service.invoke('doc/open', openArgs);
    if (!r.ok) {
      await service.close();
      if (r.error.canRebuild) {
        await this.refused(target ?? this.createWindow(null), r.error, wanted, options);
        return false;
      }
      await this.platform.showError(target?.win ?? null, r.error.message);
      if (this.entries.size === 0) this.createWindow(null);
      return false;
    }
    const entry = this.createWindow(service);
    this.opened(entry, wanted);
    return true;
  }

  /** 新建: the start panel (where unit, year and style are chosen), in an empty window. */
  newWindow(): void {
    for (const e of this.entries.values()) {
      if (e.service.current === null) {
        e.win.focus();
        return;
      }
    }
    this.createWindow(null);
  }

  /** The menu's actions; window commands go to the focused window. */
  async runMenuAction(action: MenuAction, focusedId: number | null): Promise<void> {
    const focused = focusedId !== null ? this.entries.get(focusedId) : undefined;
    switch (action.kind) {
      case 'window':
        focused?.win.send(action.command);
        return;
      case 'newWindow':
        this.newWindow();
        return;
      case 'open':
      case 'openForReview': {
        const file = await this.chooseOne(focused?.win ?? null, OPEN_DOCUMENT);
        if (file) await this.openDocument(file, focusedId, { review: action.kind === 'openForReview' });
        return;
      }
      case 'openRecent':
        await this.openDocument(action.path, focusedId);
        return;
      case 'clearRecent':
        this.settings.update((s) => ({ ...s, recent: [] }));
        this.platform.setRecent([]);
        return;
      case 'closeWindow':
        focused?.win.close();
        return;
      case 'about':
        await this.platform.showAbout(focused?.win ?? null);
        return;
    }
  }

  focused(id: number): void {
    this.focusOrder = [...this.focusOrder.filter((x) => x !== id), id];
  }

  /**
   * The window's close check (its 'close' event): true lets it close. A window with a document
   * first asks its page to commit what is still being typed ('commitEdits'; the page answers with
   * 'window/editsCommitted', or the check goes on after COMMIT_TIMEOUT_MS), then, with unsaved
   * edits, asks "保存更改？"; the answer closes the window or keeps it.
   */
  mayClose(id: number): boolean {
    const e = this.entries.get(id);
    if (!e) return true;
    this.settings.update((s) => ({ ...s, window: e.win.state() }));
    if (e.closing || e.service.current === null) return true;
    if (e.closeCheck === 'idle') {
      e.closeCheck = 'committing';
      e.win.send('commitEdits');
      e.commitTimer = setTimeout(() => this.editsCommitted(id), this.commitTimeoutMs);
    }
    return false;
  }

  /** The page has committed its open edits (or did not answer in time): go on closing. */
  editsCommitted(id: number): void {
    const e = this.entries.get(id);
    if (!e || e.closeCheck !== 'committing') return;
    if (e.commitTimer) clearTimeout(e.commitTimer);
    e.commitTimer = null;
    e.closeCheck = 'asking';
    void confirmClose(this.closeHost(), e).finally(() => {
      e.closeCheck = 'idle';
    });
  }

  /**
   * The window is gone: its exports are stopped, its document is closed (unsaved edits stay in
   * the working copy) and its service's host ends.
   */
  closed(id: number): Promise<void> {
    const done = this.release(id);
    this.closing.add(done);
    void done.finally(() => this.closing.delete(done));
    return done;
  }

  /** Once the windows already gone have closed their documents and hosts. */
  async settled(): Promise<void> {
    await Promise.all([...this.closing]);
  }

  private async release(id: number): Promise<void> {
    const e = this.entries.get(id);
    if (!e) return;
    if (e.commitTimer) clearTimeout(e.commitTimer);
    this.entries.delete(id);
    this.focusOrder = this.focusOrder.filter((x) => x !== id);
    // An export the window started stops at its next form and removes what it had written.
    e.service.cancelExports();
    const doc = e.service.current;
    if (doc && !doc.dirty) await e.service.invoke('doc/close', { discard: false });
    await e.service.close();
  }

  // IpcTargets

  serviceFor(windowId: number): ServiceClient | undefined {
    return this.entries.get(windowId)?.service;
  }

  afterCall(windowId: number): void {
    const e = this.entries.get(windowId);
    if (!e) return;
    const doc = e.service.current;
    e.win.setTitle(windowTitle(doc));
    if (doc?.path && this.settings.current.recent[0] !== doc.path) this.addRecent(doc.path);
  }

  readonly shell: ShellImpl = {
    'window/openDocument': async (id, args) => {
      const file = args.path ?? (await this.chooseOne(this.entries.get(id)?.win ?? null, OPEN_DOCUMENT));
      if (!file) return ok({ opened: false });
      const options = { readOnly: args.readOnly === true, review: args.review === true };
      return ok({ opened: await this.openDocument(file, id, options) });
    },
    'dialog/choose': async (id, args) => ok(await this.platform.choose(this.win(id), args)),
    'shell/recentDocuments': async () => ok([...this.settings.current.recent]),
    'window/editsCommitted': async (id) => {
      this.editsCommitted(id);
      return ok(null);
    },
    'print/savePdf': async (id, args) => {
      const target = await this.platform.choosePdfPath(this.win(id), args.suggestedName);
      if (!target) return ok(null);
      try {
        await this.platform.printToPdf(args.html, target);
      } catch (e) {
        const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
        return { ok: false, error: { code: 'pdf-failed', message: `未能生成 PDF：${why}（文件没有写入）` } };
      }
      return ok(target);
    },
  };

  private closeHost(): CloseHost {
    return {
      platform: this.platform,
      chooseOne: (parent, request) => this.chooseOne(parent, request),
      addRecent: (file) => this.addRecent(file),
      afterCall: (id) => this.afterCall(id),
    };
  }

  private async chooseOne(parent: ShellWindow | null, request: ChooseRequest): Promise<string | null> {
    return (await this.platform.choose(parent, request))[0] ?? null;
  }

  private win(id: number): ShellWindow {
    const e = this.entries.get(id);
    if (!e) throw new Error(`没有编号为 ${id} 的窗口`);
    return e.win;
  }

  /** A window's document service; when its host dies, the page comes back offering recovery. */
  private startService(): ServiceClient {
    const service: ServiceClient = new ServiceClient(
      this.platform.launchService,
      { dataDir: this.dataDir },
      () => {
        const e = [...this.entries.values()].find((x) => x.service === service);
        if (!e) return;
        e.win.setTitle(windowTitle(null));
        e.win.reload();
        void this.platform.showError(e.win, HOST_CRASHED.message);
      },
    );
    return service;
  }

  private createWindow(service: ServiceClient | null): Entry {
    const place = placeWindow(this.settings.current.window, this.platform.workAreas(), this.entries.size);
    const win = this.platform.createWindow(place);
    const entry: Entry = {
      win,
      service: service ?? this.startService(),
      closing: false,
      closeCheck: 'idle',
      commitTimer: null,
    };
    this.entries.set(win.id, entry);
    this.focused(win.id);
    win.setTitle(windowTitle(entry.service.current));
    return entry;
  }

  private opened(e: Entry, file: string): void {
    e.win.setTitle(windowTitle(e.service.current));
    this.addRecent(file);
  }

  private addRecent(file: string): void {
    this.settings.update((s) => ({ ...s, recent: withRecent(s.recent, file) }));
    this.platform.setRecent(this.settings.current.recent);
  }

  private lastFocused(): Entry | undefined {
    const id = this.focusOrder.at(-1);
    return id === undefined ? undefined : this.entries.get(id);
  }
}

function ok<T>(value: T): CallResult<T> {
  return { ok: true, value };
}
