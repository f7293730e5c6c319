/** What paths mean in the file chooser: folders, full paths, the 文件名 box (no DOM, no client). */
import { withKind } from '../../../shared/contract/choose';
import type { FileKind } from '../../../shared/contract/files';

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
  const named = withKind(text, kinds);
  return isFullPath(text) ? named : joinPath(folder, named);
}
