/**
 * The Electron side of the shell replaced at its boundary (ShellPlatform): windows that record
 * what was done to them and dialogs that answer from a script, for tests under Node.
 */
import type { ChooseRequest, MenuCommand } from '../../shared/contract';
import type { SaveChoice } from '../../electron/main/dialogs';
import type { Rect, WindowState } from '../../electron/main/settings';
import type { ShellPlatform, ShellWindow } from '../../electron/main/shell-platform';
import type { HostProcess } from '../../electron/services/service-host/client';
import { inProcessHost } from './in-process-host';

export class FakeWindow implements ShellWindow {
  title = '';
  focusCount = 0;
  reloads = 0;
  closeRequests = 0;
  sent: MenuCommand[] = [];
  constructor(
    readonly id: number,
    readonly place: WindowState,
  ) {}
  setTitle(title: string): void {
    this.title = title;
  }
  focus(): void {
    this.focusCount++;
  }
  close(): void {
    this.closeRequests++;
  }
  reload(): void {
    this.reloads++;
  }
  send(command: MenuCommand): void {
    this.sent.push(command);
  }
  state(): WindowState {
    return this.place;
  }
}

export class FakePlatform implements ShellPlatform {
  windows: FakeWindow[] = [];
  errors: string[] = [];
  recentShown: (readonly string[])[] = [];
  /** What the next dialogs answer, in order. */
  openAnswers: (string | null)[] = [];
  saveAnswers: (string | null)[] = [];
  saveChoices: SaveChoice[] = [];
  asked: string[] = [];
  areas: Rect[] = [{ x: 0, y: 0, width: 1920, height: 1040 }];
  private nextId = 1;
  /** The document services' hosts started, in order (a test may stop one as if it crashed). */
  readonly hosts: HostProcess[] = [];
  private readonly launchHost = inProcessHost();
  readonly launchService = (): HostProcess => {
    const host = this.launchHost();
    this.hosts.push(host);
    return host;
  };

  createWindow(place: WindowState): FakeWindow {
    const w = new FakeWindow(this.nextId++, place);
    this.windows.push(w);
    return w;
  }
  /** The file dialogs asked, in order; save dialogs answer from saveAnswers, the others from openAnswers. */
  chooseRequests: ChooseRequest[] = [];
  async choose(_parent: ShellWindow | null, request: ChooseRequest): Promise<string[]> {
    this.chooseRequests.push(request);
    if (request.mode === 'save') {
      this.asked.push(`save:${request.suggested ?? ''}`);
      const a = this.saveAnswers.shift();
      return a ? [a] : [];
    }
    const a = this.openAnswers.shift();
    return a ? [a] : [];
  }
  /** The PDFs printed: the HTML and where it went (printToPdf throws `pdfFailure` when set). */
  printed: Array<{ html: string; target: string }> = [];
  pdfFailure: Error | null = null;
  async choosePdfPath(_parent: ShellWindow, suggestedName: string): Promise<string | null> {
    this.asked.push(`pdf:${suggestedName}`);
    return this.saveAnswers.shift() ?? null;
  }
  async printToPdf(html: string, target: string): Promise<void> {
    if (this.pdfFailure) throw this.pdfFailure;
    this.printed.push({ html, target });
  }
  async askSaveChanges(_parent: ShellWindow, documentName: string): Promise<SaveChoice> {
    this.asked.push(`close:${documentName}`);
    return this.saveChoices.shift() ?? 'cancel';
  }
  async showError(_parent: ShellWindow | null, message: string): Promise<void> {
    this.errors.push(message);
  }
  /** What the next clean-copy offers answer, in order (none: 取消). */
  cleanCopyAnswers: boolean[] = [];
  async offerCleanCopy(_parent: ShellWindow | null, message: string): Promise<boolean> {
    this.asked.push(`clean-copy:${message}`);
    return this.cleanCopyAnswers.shift() ?? false;
  }
  async showAbout(): Promise<void> {
    this.asked.push('about');
  }
  workAreas(): Rect[] {
    return this.areas;
  }
  setRecent(recent: readonly string[]): void {
    this.recentShown.push(recent);
  }
}

/**
 * Lets the promises started by a synchronous call (mayClose's question) finish: a few turns of the
 * event loop, since each call to the document service's host is a message and its answer another.
 */
export async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
}
