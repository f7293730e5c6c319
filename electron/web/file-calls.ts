/**
 * Browser mode's file calls (shared/contract/files.ts): the folder browser's listing, the user's
 * places and recent documents, 新建文件夹, and exports handed to the browser as downloads. The
 * web server answers them itself; the document service never sees them.
 */
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { CallResult } from '../../shared/contract';
import { parseFileArgs, type FileArgs, type FileCallName, type FileValue } from '../../shared/contract/files';
import { FolderError, listFolder, makeFolder, userPlaces } from '../services/folder-listing';
import { RECENT_LIMIT, SettingsStore, withRecent } from '../main/settings';

/** The calls after which the open document's file is worth listing as recent. */
const DOCUMENT_CALLS = new Set(['doc/open', 'doc/new', 'doc/saveAs', 'recovery/recover']);

/** The document's path in a document call's answer (OpenedDocument or DocStatus), if any. */
function documentPath(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const status = 'status' in value ? value.status : value;
  if (typeof status !== 'object' || status === null || !('path' in status)) return null;
  return typeof status.path === 'string' ? status.path : null;
}

const bad = (message: string): CallResult<never> => ({ ok: false, error: { code: 'bad-request', message } });

export class FileCalls {
  private readonly downloads = mkdtempSync(path.join(os.tmpdir(), 'ziping-downloads-'));
  private recent: string[];

  /** `settings`: the data folder's settings (recent documents shared with the desktop app). */
  constructor(private readonly settings: SettingsStore | null = null) {
    this.recent = settings?.current.recent.slice(0, RECENT_LIMIT) ?? [];
  }

  /** Follows the document calls the server passes on, to keep the recent list. */
  noteResult(name: string, result: CallResult<unknown>): void {
    if (!result.ok || !DOCUMENT_CALLS.has(name)) return;
    const file = documentPath(result.value);
    if (file === null) return;
    this.recent = withRecent(this.recent, file);
    this.settings?.update((s) => ({ ...s, recent: withRecent(s.recent, file) }));
  }

  /** A JSON call; refused arguments and unreadable folders are 'bad-request' with the reason. */
  invoke(name: Exclude<FileCallName, 'files/download'>, raw: unknown): CallResult<unknown> {
    try {
      switch (name) {
        case 'files/places':
          return this.answer(name, raw, () => ({
            home: os.homedir(),
            places: userPlaces(),
            recent: this.recent,
          }));
        case 'files/list':
          return this.answer(name, raw, (a) => listFolder(a.folder, a.kinds));
        case 'files/makeFolder':
          return this.answer(name, raw, (a) => ({ path: makeFolder(a.parent, a.name) }));
        case 'files/downloadTarget':
          return this.answer(name, raw, (a) => ({ path: this.downloadTarget(a.name) }));
      }
    } catch (e) {
      if (e instanceof FolderError) return { ok: false, error: { code: 'folder', message: e.message } };
      throw e;
    }
  }

  private answer<N extends FileCallName>(
    name: N,
    raw: unknown,
    run: (args: FileArgs<N>) => FileValue<N>,
  ): CallResult<FileValue<N>> {
    const args = parseFileArgs(name, raw);
    return args.ok ? { ok: true, value: run(args.value) } : bad(args.message);
  }

  /** A new folder of the server's own for one download, holding `name` (no folder parts). */
  private downloadTarget(name: string): string {
    const base = path.basename(name.trim());
    if (base === '' || base === '.' || base === '..') throw new FolderError('下载的文件名不能为空');
    return path.join(mkdtempSync(path.join(this.downloads, 'd-')), base);
  }

  /**
   * Sends a file written to a download place as an attachment, then removes it. Any other path
   * (outside the server's download folder, a folder, gone) answers an error and sends nothing.
   */
  async download(raw: unknown, res: http.ServerResponse): Promise<CallResult<never> | null> {
    const args = parseFileArgs('files/download', raw);
    if (!args.ok) return bad(args.message);
    const file = path.resolve(args.value.path);
    const place = path.dirname(file);
    if (path.dirname(place) !== this.downloads) return bad('只能下载刚导出的文件');
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) return bad('只能下载刚导出的文件');
      size = stat.size;
    } catch {
      return { ok: false, error: { code: 'not-found', message: '要下载的文件已不存在：请重新导出' } };
    }
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': String(size),
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(path.basename(file))}`,
      'cache-control': 'no-store',
    });
    await new Promise<void>((resolve, reject) => {
      createReadStream(file).on('error', reject).pipe(res).on('finish', resolve).on('error', reject);
    });
    rmSync(place, { recursive: true, force: true });
    return null;
  }

  /** Removes what was exported and not downloaded. */
  close(): void {
    rmSync(this.downloads, { recursive: true, force: true });
  }
}
