/**
 * The one file chooser of the renderer (issue #19): open, save as, import, export, compare and
 * batch export all call `choose`. The desktop asks the shell's one 'dialog/choose' (native
 * dialogs); browser mode shows the in-app folder browser (views/FileChooser.tsx, mounted once by
 * FileChooserHost), one at a time, starting where the last one was left.
 */
import type { ChooseRequest } from '../../../shared/contract/choose';
import { shell } from '../api/client';

export type { ChooseRequest };

export interface OpenChooser extends ChooseRequest {
  answer: (path: string | null) => void;
}

class FileChooserService {
  current: OpenChooser | null = null;
  /** Where the last chooser was left: the next one starts there. */
  lastFolder: string | null = null;
  private readonly listeners = new Set<() => void>();

  /** The path chosen, or null when cancelled. */
  async choose(request: ChooseRequest): Promise<string | null> {
    return (await this.chooseFiles(request))[0] ?? null;
  }

  /**
   * The paths chosen (several only where `multiple` and the desktop's dialog allow), none when
   * cancelled. A request the shell refuses is a mistake in the caller: it throws with the reason.
   */
  async chooseFiles(request: ChooseRequest): Promise<string[]> {
    if (shell) {
      const r = await shell('dialog/choose', request);
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    }
    const path = await this.showInApp(request);
    return path === null ? [] : [path];
  }

  private showInApp(request: ChooseRequest): Promise<string | null> {
    this.current?.answer(null);
    return new Promise((resolve) => {
      const open: OpenChooser = {
        ...request,
        answer: (path) => {
          if (this.current === open) this.current = null;
          this.emit();
          resolve(path);
        },
      };
      this.current = open;
      this.emit();
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get = (): OpenChooser | null => this.current;

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

export const fileChooser = new FileChooserService();
