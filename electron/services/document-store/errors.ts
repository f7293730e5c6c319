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
  | 'no-permission'
  | 'path-gone'
  | 'unsaved-changes'
  | 'needs-path'
  | 'invalid-change';

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

/** Maps a Node or SQLite error to a typed one; anything unknown is reported as damage to the file. */
export function fromSystemError(e: unknown, path: string, doing: string): DocError {
  if (e instanceof DocFailure) return e.error;
  const code = (e as { code?: string }).code ?? '';
  const name = path.split(/[\\/]/).pop() ?? path;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'SQLITE_FULL':
      return {
        code: 'disk-full',
        message: `磁盘空间不足，${doing}失败：请清理磁盘或换一个位置保存（${name}），已输入的内容没有丢失`,
        path,
      };
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
