/** Writing files so that a crash or a full disk never leaves half a file under the real name. */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { removeFilesOfDeadProcesses } from './document-store/owner-lock';
import { NAME_MAX_BYTES, shortenFileName, shortenUtf8 } from './file-names';

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
  const tmp = path.join(path.dirname(file), stagedTempName(path.basename(file)));
  const discard = () => rmSync(tmp, { force: true });
  try {
    writeWhole(tmp, content, 'w');
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

/** Writes all of `content` to `file` and flushes it to disk. */
function writeWhole(file: string, content: string | Uint8Array, flags: 'w' | 'wx'): void {
  const fd = openSync(file, flags);
  try {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off, data.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a written file to disk. */
export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename in `dir` durable; directories cannot be opened this way on Windows. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems (network shares) refuse fsync on directories; the rename stands.
  }
}

/** Puts a complete temp file under its real name: flushed, renamed, the rename flushed. */
export function renameDurably(tmp: string, target: string): void {
  fsyncFile(tmp);
  renameSync(tmp, target);
  fsyncDir(path.dirname(target));
}

/**
 * `.~<name>.<pid>.tmp`, within the file system's name limit however long `name` is (a long name is
 * shortened, its extension kept, so that leftovers are still told by it).
 */
function stagedTempName(name: string): string {
  const suffix = `.${process.pid}.tmp`;
  return `.~${shortenFileName(name, NAME_MAX_BYTES - '.~'.length - suffix.length)}${suffix}`;
}

/** Staged workbooks, reports and PDFs: `.~<name>.xlsx.<pid>.tmp`, `.docx`/`.pdf` alike (see stageFile). */
const STAGED_XLSX = /^\.~.+\.(?:xlsx|docx|pdf)\.(\d+)\.tmp$/i;
/** Temp folders of folder exports: `.<name>.tmp-<pid>-<8 hex>` (see StagedFolder). */
const STAGED_FOLDER = /^\..+\.tmp-(\d+)-[0-9a-f]{8}$/;

/**
 * Removes the staged workbooks, reports and export folders a killed export left in `dir` (the app quit or
 * crashed while writing): temp files and folders whose process is gone. A live process's may be
 * an export in progress.
 */
export function removeDeadStagedWorkbooks(dir: string): void {
  removeFilesOfDeadProcesses(dir, (name) => {
    const m = STAGED_XLSX.exec(name) ?? STAGED_FOLDER.exec(name);
    return m ? Number(m[1]) : null;
  });
}

export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  stageFile(file, content).commit();
}

/**
 * A folder of files written all or nothing (folder exports). The files are written whole into a
 * hidden temp folder beside the target, `.<name>.tmp-<pid>-<8 hex>`; commit() then renames that
 * folder to the target or, when the target folder exists already, moves each file into it
 * (replacing files of the same name, keeping all others). Until commit() nothing is under the
 * target; discard() removes the temp folder and the parent folders made for it.
 */
export class StagedFolder {
  private readonly names: string[] = [];

  private constructor(
    readonly target: string,
    private readonly temp: string,
    /** The first parent folder made for the target, if any (removed again by discard()). */
    private readonly madeParent: string | undefined,
  ) {}

  /** Throws a Node error (EEXIST when the target is a file; ENOSPC, EACCES…). */
  static create(target: string): StagedFolder {
    const abs = path.resolve(target);
    const parent = path.dirname(abs);
    const existing = statSync(abs, { throwIfNoEntry: false });
    if (existing && !existing.isDirectory()) {
      throw Object.assign(new Error(`${abs} is a file, not a folder`), { code: 'EEXIST', path: abs });
    }
    const madeParent = mkdirSync(parent, { recursive: true });
    removeDeadStagedWorkbooks(parent);
    const suffix = `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    const temp = path.join(
      parent,
      `.${shortenUtf8(path.basename(abs), NAME_MAX_BYTES - '.'.length - suffix.length)}${suffix}`,
    );
    try {
      mkdirSync(temp);
    } catch (e) {
      removeEmptyFolders(parent, madeParent);
      throw e;
    }
    return new StagedFolder(abs, temp, madeParent);
  }

  /** Writes a file whole into the temp folder; returns the path it will have once committed. */
  write(name: string, content: string | Uint8Array): string {
    writeWhole(path.join(this.temp, name), content, 'wx');
    this.names.push(name);
    return path.join(this.target, name);
  }

  /** The written files under their real names. */
  commit(): string[] {
    let moved = false;
    if (!statSync(this.target, { throwIfNoEntry: false })) {
      try {
        renameSync(this.temp, this.target);
        moved = true;
      } catch {
        // Made meanwhile by someone else: the files go into it one by one below.
      }
    }
    if (!moved) {
      // Renames within one folder's file system: they do not fail short of the disk failing.
      for (const name of this.names) renameSync(path.join(this.temp, name), path.join(this.target, name));
      rmdirSync(this.temp);
    }
    return this.names.map((name) => path.join(this.target, name));
  }

  /** Removes the temp folder with what was written into it, and the parent folders made for it. */
  discard(): void {
    rmSync(this.temp, { recursive: true, force: true });
    removeEmptyFolders(path.dirname(this.target), this.madeParent);
  }
}

/** Removes the folders from `dir` up to `top` (mkdir's first made folder) while they are empty. */
function removeEmptyFolders(dir: string, top: string | undefined): void {
  if (top === undefined) return;
  const stop = path.resolve(top);
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      return; // someone else's file is in it, or it is gone: leave it
    }
    if (d === stop || path.dirname(d) === d) return;
  }
}
