/**
 * A window's close check once the page has committed its open edits: with unsaved edits, asks
 * "保存更改？" and saves (asking where when the document has no file yet), discards, or keeps the
 * window open.
 */
import path from 'node:path';
import type { CallResult, ChooseRequest } from '../../shared/contract';
import type { ServiceClient } from '../services/service-host/client';
import { saveDocumentRequest } from './choose-dialog';
import type { ShellPlatform, ShellWindow } from './shell-platform';

/** One document window of the shell (windows.ts) and where its close check is. */
export interface Entry {
  win: ShellWindow;
  /** The window's document service, running in a host of its own (not on this thread). */
  service: ServiceClient;
  /** Set once the close check passed, so the second close() goes through. */
  closing: boolean;
  /** Where the close check is: waiting for the page to commit open edits, or asking the user. */
  closeCheck: 'idle' | 'committing' | 'asking';
  commitTimer: ReturnType<typeof setTimeout> | null;
}

/** What the close check needs of the shell. */
export interface CloseHost {
  readonly platform: ShellPlatform;
  chooseOne(parent: ShellWindow | null, request: ChooseRequest): Promise<string | null>;
  addRecent(file: string): void;
  afterCall(windowId: number): void;
}

/** Closes the window, unless the user cancels "保存更改？" or the save does not happen. */
export async function confirmClose(host: CloseHost, e: Entry): Promise<void> {
  const doc = e.service.current;
  if (doc && doc.dirty && !doc.readOnly) {
    const choice = await host.platform.askSaveChanges(e.win, doc.path ? path.basename(doc.path) : '未命名');
    if (choice === 'cancel') return;
    if (choice === 'save' && !(await saveFor(host, e))) return;
    const closed = await e.service.invoke('doc/close', { discard: choice === 'discard' });
    if (!closed.ok) {
      await host.platform.showError(e.win, closed.error.message);
      return;
    }
  }
  e.closing = true;
  e.win.close();
}

/** Saves the window's document, asking where when it has no file yet. False when not saved. */
async function saveFor(host: CloseHost, e: Entry): Promise<boolean> {
  const doc = e.service.current;
  if (!doc) return true;
  let r: CallResult<unknown>;
  if (doc.path) r = await e.service.invoke('doc/save', {});
  else {
    const meta = doc.meta;
    const target = await host.chooseOne(e.win, saveDocumentRequest(`${meta.unit}${meta.year}年自评.ziping`));
    if (!target) return false;
    r = await e.service.invoke('doc/saveAs', { path: target });
    if (r.ok) host.addRecent(target);
  }
  if (!r.ok) await host.platform.showError(e.win, r.error.message);
  host.afterCall(e.win.id);
  return r.ok;
}
