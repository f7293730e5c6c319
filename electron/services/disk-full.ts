/**
 * A full disk (or a used-up quota) told apart from other write failures, and said as it is:
 * which folder's disk is full, how much room is left and needed, and what to do.
 */
import { statfsSync } from 'node:fs';
import path from 'node:path';

/** Node's ENOSPC / EDQUOT and SQLite's SQLITE_FULL (its name for the same). */
export function isDiskFull(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
}

/** Where a write went, for the message: the folder and what it is to the user. */
export interface DiskPlace {
  folder: string;
  /** e.g. 数据文件夹 (the working copies), 导出文件夹. */
  label: string;
  /** Bytes the step needs, when known. */
  needed?: number;
}

/** Free bytes for this user on the disk of `folder` (or of its nearest existing parent). */
function freeBytes(folder: string): number | null {
  for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
    try {
      const s = statfsSync(dir);
      return s.bavail * s.bsize;
    } catch {
      if (path.dirname(dir) === dir) return null;
    }
  }
}

export function formatBytes(n: number): string {
  if (n < 1024 * 1024) return `${Math.max(1, Math.ceil(n / 1024))} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** 磁盘已满：<label>“<folder>”所在的磁盘只剩 … 可用，<doing>失败：请腾出 … 后重试 */
export function diskFullMessage(place: DiskPlace, doing: string): string {
  const free = freeBytes(place.folder);
  const left = free === null ? '没有足够的可用空间' : `只剩 ${formatBytes(free)} 可用空间`;
  const room = place.needed !== undefined ? `至少 ${formatBytes(place.needed)} 空间` : '空间';
  return `磁盘已满：${place.label}“${place.folder}”所在的磁盘${left}，${doing}失败：请删除该磁盘上不需要的文件，腾出${room}后重试`;
}
