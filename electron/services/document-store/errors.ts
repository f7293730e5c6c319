import { closeSync, openSync, readSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { diskFullMessage, type DiskPlace } from '../disk-full';

/**
 * Typed failures of the document store. Every expected failure is a value, not an exception,
 * with a Chinese message that says what happened and what to do; nothing the user had is lost.
 */

export type DocErrorCode =
  | 'not-ziping'
  | 'damaged'
  /** The file holds SQL objects that are not ours (schema-guard.ts). */
  | 'foreign-schema'
  | 'newer-version'
  | 'upgrade-failed'
  | 'locked'
  | 'read-only'
  | 'disk-full'
  | 'not-closed'
  | 'no-permission'
  | 'path-gone'
  | 'unsaved-changes'
  | 'needs-path'
  | 'invalid-change'
  /** Not this role's to change: the reviewer the author's data, the author a review decision. */
  | 'role';

export interface DocError {
  code: DocErrorCode;
  message: string;
  /** The file concerned, when there is one. */
  path?: string;
  /** A 'foreign-schema' file whose tables are intact: rebuildCleanCopy (clean-copy.ts) can save its data. */
  canRebuild?: boolean;
}

export type DocResult<T> = { ok: true; value: T } | { ok: false; error: DocError };

export const ok = <T>(value: T): DocResult<T> => ({ ok: true, value });
export const fail = <T = never>(code: DocErrorCode, message: string, path?: string): DocResult<T> => ({
  ok: false,
  error: path === undefined ? { code, message } : { code, message, path },
});

/** Thrown inside the store and turned into a DocResult at its boundary. */
export class DocFailure extends Error {
  constructor(readonly error: DocError) {
    super(error.message);
  }
}

export function failure(code: DocErrorCode, message: string, path?: string): DocFailure {
  return new DocFailure(path === undefined ? { code, message } : { code, message, path });
}

/** What a session whose save failed on a full disk still offers: save as elsewhere; its edits are kept. */
const EDITS_KEPT = '；也可以用“另存为”保存到其他位置，已输入的内容没有丢失';

/** The message without that offer, for callers that drop the session (the command line). */
export function withoutEditsKept(message: string): string {
  return message.replace(EDITS_KEPT, '');
}

/** Where a step wrote when the disk was full, and what stays true after it failed. */
export interface WritePlace extends DiskPlace {
  /** Appended to the message, e.g. '；原文件没有改动'. */
  note: string;
}

/**
 * Maps a Node or SQLite error to a typed one; anything unknown is reported as damage to the file.
 * `place`: where the step writes when that is not beside `path` (the working copy in the data
 * folder), so that a full disk names the right folder; asked only for a full disk.
 */
export function fromSystemError(e: unknown, path: string, doing: string, place?: () => WritePlace): DocError {
  if (e instanceof DocFailure) return e.error;
  const code = (e as { code?: string }).code ?? '';
  const name = path.split(/[\\/]/).pop() ?? path;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'SQLITE_FULL': {
      // Asked only now: finding the data folder may itself fail (it is made when missing).
      const at = place?.();
      return {
        code: 'disk-full',
        message: at
          ? `${diskFullMessage(at, doing)}${at.note}`
          : `${diskFullMessage({ folder: dirname(path), label: '保存位置' }, doing)}${EDITS_KEPT}`,
        path,
      };
    }
    case 'SQLITE_READONLY_ROLLBACK':
      return { code: 'not-closed', message: notClosedMessage(name), path };
    case 'EACCES':
    case 'EPERM':
    case 'SQLITE_PERM':
    case 'SQLITE_READONLY':
      return {
        code: 'no-permission',
        message: `没有权限${doing}“${name}”：请检查文件权限，或用“另存为”保存到其他位置`,
        path,
      };
    case 'EROFS':
      return { code: 'read-only', message: `“${name}”所在位置是只读的：请用“另存为”保存到其他位置`, path };
    case 'ENOENT':
    case 'ENOTDIR':
      return {
        code: 'path-gone',
        message: `找不到“${name}”或其所在文件夹（可能已被移动、删除，或移动硬盘已拔出）：请检查路径，或用“另存为”保存`,
        path,
      };
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
    case 'EBUSY':
      return { code: 'locked', message: `“${name}”正被其他程序占用：请关闭占用它的程序后重试`, path };
    case 'EISDIR':
      return {
        code: 'not-ziping',
        message: `“${name}”是文件夹，不是自评表文档：请选择或输入 .ziping 文件名`,
        path,
      };
    case 'ENAMETOOLONG':
      return {
        code: 'path-gone',
        message: `“${name}”的路径或文件名太长，无法${doing}：请换一个较短的文件名或位置`,
        path,
      };
    case 'SQLITE_CANTOPEN':
      return {
        code: 'no-permission',
        message: `无法${doing}“${name}”（文件或其所在文件夹无法写入）：请检查权限，或用“另存为”保存到其他位置`,
        path,
      };
    case 'SQLITE_NOTADB':
      return { code: 'not-ziping', message: `“${name}”不是自评表文档（.ziping）：请选择正确的文件`, path };
    default: {
      const detail = e instanceof Error ? e.message : String(e);
      return {
        code: 'damaged',
        message: `“${name}”已损坏，无法${doing}（${code || detail}）：请使用备份或上次保存的版本`,
        path,
      };
    }
  }
}

/**
 * A document with a hot journal beside it (`<name>-journal`): the program writing it stopped in
 * the middle of a change (crash, power cut, pulled USB stick). SQLite undoes that change when the
 * file is next opened for writing; that is no sign of damage. Opening only reads, so it is refused.
 */
function notClosedMessage(name: string): string {
  return (
    `“${name}”上次未正常关闭（写入它的程序在修改中途停止，旁边留有“${name}-journal”）。` +
    `以可写方式打开时，SQLite 会撤销那次未完成的修改，文档回到最后一次完整保存的内容；` +
    `本软件打开文档时不改动原文件，因此没有打开它：请把“${name}”和“${name}-journal”一起备份后，` +
    `用保存它的程序打开一次，或把这两个文件一起交还给发送文档的人`
  );
}

/** The first 8 bytes of a rollback journal that still has to be played back (a hot journal). */
const JOURNAL_MAGIC = Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]);

/**
 * 'not-closed' when a rollback journal with content lies beside `file`: a document that looks
 * cut short may only be half-way through a change that the journal undoes.
 */
export function notClosedFailure(file: string): DocFailure | null {
  const head = Buffer.alloc(JOURNAL_MAGIC.length);
  try {
    const fd = openSync(`${file}-journal`, 'r');
    try {
      if (readSync(fd, head, 0, head.length, 0) < head.length) return null;
    } finally {
      closeSync(fd);
    }
  } catch {
    return null; // no journal
  }
  return head.equals(JOURNAL_MAGIC) ? failure('not-closed', notClosedMessage(basename(file)), file) : null;
}
