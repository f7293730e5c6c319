/**
 * Browser mode's own calls (issue #19): the in-app folder browser and downloads, where the
 * desktop app has native dialogs (SHELL_CONTRACT). Served by the web server itself
 * (electron/web/file-calls.ts), never by the document service, and only in browser mode.
 */
import { fileName, filePath } from './args';
import { arrayOf, literal, none, obj, type Parsed, type Parser } from './parse';

/** The kinds of file the chooser can show (its filter). */
export const FILE_KINDS = ['.ziping', '.xlsx', '.json', '.ziping-review', '.docx'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export interface FolderEntryInfo {
  name: string;
  path: string;
  type: 'folder' | 'file';
  size: number;
  modified: number;
}

export interface FolderListingInfo {
  folder: string;
  parent: string | null;
  entries: FolderEntryInfo[];
}

export interface FilePlaces {
  /** Where the chooser starts when nothing else says (the user's home folder). */
  home: string;
  /** 主文件夹, 桌面, 文档, 下载, drives on Windows: those that exist. */
  places: { label: string; path: string }[];
  /** Documents opened or saved lately through this server, newest first. */
  recent: string[];
}

interface FileCall<A, R> {
  readonly args: Parser<A>;
  readonly result?: R;
}
const fileCall = <A, R>(args: Parser<A>): FileCall<A, R> => ({ args });

export const FILE_CONTRACT = {
  /** The user's folders and recent documents, for the chooser's side list. */
  'files/places': fileCall<Record<string, never>, FilePlaces>(none),
  /** One folder: its sub-folders and its files of these kinds; names, sizes, times only. */
  'files/list': fileCall<{ folder: string; kinds: FileKind[] }, FolderListingInfo>(
    obj({
      folder: filePath('要列出的文件夹'),
      kinds: arrayOf(literal(...FILE_KINDS), { max: FILE_KINDS.length }),
    }),
  ),
  /** 新建文件夹 inside `parent`; answers the new folder's path. */
  'files/makeFolder': fileCall<{ parent: string; name: string }, { path: string }>(
    obj({ parent: filePath('上级文件夹'), name: fileName }),
  ),
  /**
   * A place to export to that the browser then downloads ('files/download'): a fresh folder of
   * the server's own, with the file name asked for.
   */
  'files/downloadTarget': fileCall<{ name: string }, { path: string }>(obj({ name: fileName })),
  /**
   * Not JSON: answers the bytes of a file written to a 'files/downloadTarget' place (and then
   * removes it); any other path is refused.
   */
  'files/download': fileCall<{ path: string }, never>(obj({ path: filePath('要下载的文件') })),
} as const;

export type FileCallName = keyof typeof FILE_CONTRACT;
type ArgsOf<E> = E extends FileCall<infer A, unknown> ? A : never;
type ValueOf<E> = E extends FileCall<unknown, infer R> ? R : never;
export type FileArgs<N extends FileCallName> = ArgsOf<(typeof FILE_CONTRACT)[N]>;
export type FileValue<N extends FileCallName> = ValueOf<(typeof FILE_CONTRACT)[N]>;

export const isFileCallName = (name: unknown): name is FileCallName =>
  typeof name === 'string' && Object.hasOwn(FILE_CONTRACT, name);

const FILE_CALLS: { readonly [N in FileCallName]: FileCall<FileArgs<N>, FileValue<N>> } = FILE_CONTRACT;

export function parseFileArgs<N extends FileCallName>(name: N, raw: unknown): Parsed<FileArgs<N>> {
  return FILE_CALLS[name].args(raw, '');
}
