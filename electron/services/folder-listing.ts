/**
 * The folder browser of browser mode (issue #19): one folder's sub-folders and the files of the
 * kinds asked for, the user's usual folders, a new folder. Only names, types, sizes and times
 * are read, never a file's contents, and only the one folder the user asked for (no walking
 * down into sub-folders). Failures are Chinese sentences that say what to do.
 */
import { mkdirSync, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface FolderEntry {
  name: string;
  path: string;
  type: 'folder' | 'file';
  /** Bytes (0 for a folder). */
  size: number;
  /** Last modified, ms since the epoch. */
  modified: number;
}

export interface FolderListing {
  /** The folder listed, as a full path. */
  folder: string;
  /** The folder above it; null at the top (/, C:\). */
  parent: string | null;
  /** Folders first, then files, each by name (as 资源管理器 sorts). */
  entries: FolderEntry[];
}

export interface Place {
  label: string;
  path: string;
}

/** A folder that cannot be listed or made, with the sentence to show. */
export class FolderError extends Error {}

/** At most this many entries are answered (a folder of 100,000 files stays usable). */
export const MAX_ENTRIES = 5000;

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** The cause of a file system error, in words the user can act on. */
function folderProblem(error: unknown, folder: string, doing: string): FolderError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT')
    return new FolderError(`找不到文件夹“${folder}”：它可能已被移动或删除，请另选文件夹`);
  if (code === 'ENOTDIR') return new FolderError(`“${folder}”不是文件夹，请另选文件夹`);
  if (code === 'EACCES' || code === 'EPERM')
    return new FolderError(`没有权限${doing}文件夹“${folder}”：请另选文件夹，或请管理员开放权限`);
  if (code === 'EEXIST') return new FolderError(`“${folder}”已经存在，请换一个名称`);
  return new FolderError(`无法${doing}文件夹“${folder}”（${code ?? '未知原因'}）：请另选文件夹`);
}

/** A full path from the user: relative paths would depend on where the server was started. */
function fullPath(folder: string): string {
  if (!path.isAbsolute(folder)) throw new FolderError(`“${folder}”不是完整路径，请从列出的文件夹中选择`);
  return path.resolve(folder);
}

/** What a directory entry is (a link counts as what it points to; a broken one is left out). */
function statOf(folder: string, entry: Dirent): Stats | null {
  try {
    return statSync(path.join(folder, entry.name));
  } catch {
    return null;
  }
}

/**
 * Lists `folder`: its sub-folders and its files whose names end in one of `extensions`
 * (case-insensitive; none given: no files). Hidden entries (a leading dot) are left out.
 */
export function listFolder(folder: string, extensions: readonly string[]): FolderListing {
  const full = fullPath(folder);
  let dirents: Dirent[];
  try {
    dirents = readdirSync(full, { withFileTypes: true });
  } catch (e) {
    throw folderProblem(e, full, '读取');
  }
  const endings = extensions.map((e) => e.toLowerCase());
  const entries: FolderEntry[] = [];
  for (const d of dirents) {
    if (d.name.startsWith('.') || entries.length >= MAX_ENTRIES) continue;
    const lower = d.name.toLowerCase();
    const wanted = endings.some((e) => lower.endsWith(e));
    // Only folders and wanted files are looked at: the rest costs no stat call.
    if (!wanted && !d.isDirectory() && !d.isSymbolicLink()) continue;
    const stat = statOf(full, d);
    if (stat === null) continue;
    const type = stat.isDirectory() ? 'folder' : stat.isFile() && wanted ? 'file' : null;
    if (type === null) continue;
    entries.push({
      name: d.name,
      path: path.join(full, d.name),
      type,
      size: type === 'file' ? stat.size : 0,
      modified: stat.mtimeMs,
    });
  }
  entries.sort((a, b) =>
    a.type === b.type ? collator.compare(a.name, b.name) : a.type === 'folder' ? -1 : 1,
  );
  const parent = path.dirname(full);
  return { folder: full, parent: parent === full ? null : parent, entries };
}

/** Characters no file system we run on accepts in a name (Windows' list covers Linux's '/'). */
const BAD_CHARACTERS = '<>:"/\\|?*';

function badName(name: string): boolean {
  if (name === '' || name === '.' || name === '..' || name.length > 255) return true;
  return [...name].some((c) => BAD_CHARACTERS.includes(c) || c.charCodeAt(0) < 32);
}

/** Makes the folder `name` inside `parent`; answers its full path. */
export function makeFolder(parent: string, name: string): string {
  const full = fullPath(parent);
  const trimmed = name.trim();
  if (badName(trimmed))
    throw new FolderError('文件夹名称不能为空，也不能含有 < > : " / \\ | ? * 等字符，请换一个名称');
  const made = path.join(full, trimmed);
  try {
    mkdirSync(made);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException | null)?.code;
    throw code === 'EEXIST' ? folderProblem(e, made, '新建') : folderProblem(e, full, '写入');
  }
  return made;
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The user's usual folders that exist here: 主文件夹, 桌面, 文档 (Chinese and English names, as
 * a Chinese desktop names them), 下载; on Windows every drive.
 */
export function userPlaces(home = os.homedir(), platform = process.platform): Place[] {
  const candidates: Place[] = [
    { label: '主文件夹', path: home },
    { label: '桌面', path: path.join(home, '桌面') },
    { label: '桌面', path: path.join(home, 'Desktop') },
    { label: '文档', path: path.join(home, '文档') },
    { label: '文档', path: path.join(home, 'Documents') },
    { label: '下载', path: path.join(home, '下载') },
    { label: '下载', path: path.join(home, 'Downloads') },
  ];
  if (platform === 'win32')
    for (const letter of 'CDEFGHIJKLMNOPQRSTUVWXYZ')
      candidates.push({ label: `${letter}: 盘`, path: `${letter}:\\` });
  else candidates.push({ label: '根目录', path: '/' });
  const seen = new Set<string>();
  return candidates.filter((p) => {
    if (seen.has(p.label) || !isFolder(p.path)) return false;
    seen.add(p.label);
    return true;
  });
}
