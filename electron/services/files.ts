/** Writing files so that a crash or a full disk never leaves half a file under the real name. */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { removeFilesOfDeadProcesses } from './document-store/owner-lock';

/** A file written whole under a temporary name beside its target, not yet under its real name. */
export interface StagedFile {
  readonly target: string;
  /** Renames it to its target (the last step of an atomic write). */
  commit(): void;
  /** Removes the temporary file (never the target). */
  discard(): void;
}

/**
 * Writes `content` to a hidden temporary file beside `file` and flushes it to disk. Exports of
 * several files stage them all first and commit them at the end, so that a cancelled or failed
 * export leaves none of them.
 */
export function stageFile(file: string, content: string | Uint8Array): StagedFile {
  const tmp = path.join(path.dirname(file), `.~${path.basename(file)}.${process.pid}.tmp`);
  const discard = () => rmSync(tmp, { force: true });
  try {
    const fd = openSync(tmp, 'w');
    try {
      const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      let off = 0;
      while (off < data.length) off += writeSync(fd, data, off, data.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    discard();
    throw e;
  }
  return {
    target: file,
    commit: () => {
      try {
        renameSync(tmp, file);
      } catch (e) {
        discard();
        throw e;
      }
    },
    discard,
  };
}

/** Temp files of staged workbooks: `.~<name>.xlsx.<pid>.tmp` (see stageFile). */
const STAGED_XLSX = /^\.~.+\.xlsx\.(\d+)\.tmp$/i;

/**
 * Removes the staged workbooks a killed export left in `dir` (the app quit or crashed while
 * writing): temp files whose process is gone. A live process's may be an export in progress.
 */
export function removeDeadStagedWorkbooks(dir: string): void {
  removeFilesOfDeadProcesses(dir, (name) => {
    const m = STAGED_XLSX.exec(name);
    return m ? Number(m[1]) : null;
  });
}

export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  stageFile(file, content).commit();
}

/** A file name from a form's name: no characters Windows or Linux refuse, not too long. */
export function safeFileName(name: string, fallback: string): string {
  const cleaned = [...name]
    .map((ch) => ((ch.codePointAt(0) ?? 0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 80);
  return cleaned === '' ? fallback : cleaned;
}
