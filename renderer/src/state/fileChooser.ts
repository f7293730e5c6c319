/**
 * Browser mode's file chooser as a service: `choose` shows the in-app folder browser
 * (views/FileChooser.tsx, mounted once by FileChooserHost) and resolves with the path chosen,
 * or null when it was closed. One at a time; the folder last used is where the next one starts.
 */
import type { FileKind } from '../../../shared/contract/files';

export interface ChooseRequest {
  /**
   * 'open': an existing file; 'save': a file name in a folder (it may exist: replaced after asking);
   * 'folder': the folder shown (its files of `kinds` listed so the user sees what it holds).
   */
  mode: 'open' | 'save' | 'folder';
  title: string;
  /** The kinds listed; a name typed without one of them gets the first. Empty: folders only. */
  kinds: FileKind[];
  /** Save: the name (or full path) proposed in the 文件名 box. */
  suggested?: string;
  /** The confirm button's label (打开, 保存, 导出…). */
  confirm: string;
}

export interface OpenChooser extends ChooseRequest {
  answer: (path: string | null) => void;
}

class FileChooserService {
  current: OpenChooser | null = null;
  /** Where the last chooser was left: the next one starts there. */
  lastFolder: string | null = null;
  private readonly listeners = new Set<() => void>();

  choose(request: ChooseRequest): Promise<string | null> {
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

/** The folder of a full path ('' when it has none). */
export function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut < 0 ? '' : cut === 0 ? '/' : path.slice(0, cut === 2 && path[1] === ':' ? 3 : cut);
}

/** A full path (/… or C:\…) rather than a bare name. */
export const isFullPath = (text: string): boolean => text.startsWith('/') || /^[A-Za-z]:[\\/]/.test(text);

/** `name` inside `folder`, with the folder's own separator. */
export function joinPath(folder: string, name: string): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(sep) ? `${folder}${name}` : `${folder}${sep}${name}`;
}

/** What the 文件名 box means: a full path as typed, else a name in `folder` (with `kinds[0]` added). */
export function chosenPath(folder: string, typed: string, kinds: readonly FileKind[]): string {
  const text = typed.trim();
  const ending = kinds[0];
  const named = ending && !kinds.some((k) => text.toLowerCase().endsWith(k)) ? `${text}${ending}` : text;
  return isFullPath(text) ? named : joinPath(folder, named);
}
