/**
 * Electron behind a port (main.ts implements it; tests use a stand-in): the windows, dialogs and
 * menu the shell's window logic (windows.ts) works through.
 */
import type { ChooseRequest, MenuCommand } from '../../shared/contract';
import type { LaunchHost } from '../services/service-host/client';
import type { SaveChoice } from './dialogs';
import type { Rect, WindowState } from './settings';

/** What the shell needs of one BrowserWindow. */
export interface ShellWindow {
  /** Its webContents id: what IPC events name as sender. */
  readonly id: number;
  setTitle(title: string): void;
  focus(): void;
  /** Asks to close: goes through the close check (see mayClose). */
  close(): void;
  /** Shows the page again from the start (after a document was opened into an empty window). */
  reload(): void;
  send(command: MenuCommand): void;
  state(): WindowState;
}

/** Electron behind a port: windows, dialogs, screens, the menu. */
export interface ShellPlatform {
  createWindow(place: WindowState): ShellWindow;
  /** The one file dialog (choose-dialog.ts maps the request): the paths chosen, none when cancelled. */
  choose(parent: ShellWindow | null, request: ChooseRequest): Promise<string[]>;
  /** The save dialog for 导出 PDF. */
  choosePdfPath(parent: ShellWindow, suggestedName: string): Promise<string | null>;
  /** Prints the print view's HTML to a PDF file (Electron: a hidden window's printToPDF). */
  printToPdf(html: string, target: string): Promise<void>;
  askSaveChanges(parent: ShellWindow, documentName: string): Promise<SaveChoice>;
  showError(parent: ShellWindow | null, message: string): Promise<void>;
  /** Shows why a document was refused and asks whether to rebuild a clean copy of its data. */
  offerCleanCopy(parent: ShellWindow | null, message: string): Promise<boolean>;
  showAbout(parent: ShellWindow | null): Promise<void>;
  workAreas(): Rect[];
  /** Rebuilds the application menu (the recent list changed). */
  setRecent(recent: readonly string[]): void;
  /** Starts a document service's host (Electron: a utility process), one per window. */
  launchService: LaunchHost;
}
