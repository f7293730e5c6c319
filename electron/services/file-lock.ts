/**
 * Lock files beside a user's files (the document's owner file, a review file's save lock): a small
 * file that exists only while a process holds it and names that process.
 *
 * - Taken by an exclusive create of the whole file (temp file + hard link): of several processes,
 *   exactly one creates it, and its content is complete as soon as it is visible.
 * - A lock whose holder is gone is stale. It is broken only by a process that has just read it and
 *   proved it stale, never by a blind delete: breakers take turns (a short-lived `.break` lock
 *   beside it), and the breaker moves the lock aside under a name of its own and checks that what
 *   it moved is the stale content it read. So a fresh lock taken meanwhile is never removed.
 * - Leftovers of killed processes (temp files, moved-aside locks) carry the pid and are removed
 *   once that process is gone.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/** A lock of another computer cannot be checked; older than this it is abandoned (locks live ms). */
const ABANDONED_LOCK_MS = 5 * 60_000;
/** Content that does not parse may be a lock being written (no hard links: see createExclusive). */
const UNREADABLE_GRACE_MS = 2_000;

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as { code?: string }).code === 'EPERM';
  }
}

/** Blocks this thread for `ms` (the store's API is synchronous; waits here are a few ms). */
export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The file's bytes, or null when there is none. */
export function readIfExists(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return null;
    throw e;
  }
}

/** Milliseconds since the file was last written (0 when it is gone). */
function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function errorCode(e: unknown): string {
  return (e as { code?: string }).code ?? '';
}

function rmQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Its folder is gone or unwritable: nothing of ours is left in it.
  }
}

/** The longest suffix put after a lock's stem: `.<pid up to 10 digits>.<8 hex>.aside`. */
const LONGEST_SUFFIX_BYTES = 1 + 10 + 1 + 8 + '.aside'.length;

/**
 * What names beside `file` start with: `file` itself, or, where a document's long name would push
 * them past the file system's 255 bytes, a short stem made from a hash of it.
 */
function stemOf(file: string): string {
  const base = path.basename(file);
  if (Buffer.byteLength(base) + LONGEST_SUFFIX_BYTES <= 255) return file;
  return path.join(
    path.dirname(file),
    `~$lock-${createHash('sha1').update(base).digest('hex').slice(0, 16)}`,
  );
}

/** A name beside `file` that only this call uses: `<file>.<pid>.<random>.<kind>`. */
function privateName(file: string, kind: 'tmp' | 'aside'): string {
  return `${stemOf(file)}.${process.pid}.${randomUUID().slice(0, 8)}.${kind}`;
}

/**
 * Creates `file` with its whole content, or not at all when something has that name ('exists').
 * Written to a private temporary name and hard-linked into place (atomic, fails if the name
 * exists). File systems without hard links (FAT on USB sticks) fall back to an exclusive create,
 * whose content follows a moment later (readers give unreadable content a grace period).
 * Throws what the folder refuses (no permission, disk full).
 */
export function createExclusive(file: string, content: string): 'created' | 'exists' {
  removeDeadLeftovers(file);
  const tmp = privateName(file, 'tmp');
  try {
    writeFileSync(tmp, content, { flag: 'wx' });
    try {
      linkSync(tmp, file);
      return 'created';
    } catch (e) {
      if (errorCode(e) === 'EEXIST') return 'exists';
    }
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (e) {
      if (errorCode(e) === 'EEXIST') return 'exists';
      throw e;
    }
    try {
      writeSync(fd, content);
      closeSync(fd);
    } catch (e) {
      // Ours, created just now: an empty lock would make others wait for nothing.
      closeSync(fd);
      rmQuietly(file);
      throw e;
    }
    return 'created';
  } finally {
    rmQuietly(tmp);
  }
}

/** What a lock file says about its holder (see lockContent). */
interface LockHolder {
  pid: number;
  host: string;
}

/** Content of a lock taken by this process; the nonce tells two takings of one process apart. */
function lockContent(): string {
  return JSON.stringify({
    app: 'ziping',
    host: hostname(),
    pid: process.pid,
    since: new Date().toISOString(),
    nonce: randomUUID(),
  });
}

function holderOf(bytes: Buffer): LockHolder | null {
  try {
    const v = JSON.parse(bytes.toString('utf8')) as Partial<LockHolder> | null;
    return v && typeof v.pid === 'number' && typeof v.host === 'string' ? { pid: v.pid, host: v.host } : null;
  } catch {
    return null;
  }
}

/**
 * Whether a short-lived lock (a save lock, a breaker's turn) with this content is stale: its
 * process is gone, it is a leftover of this process (which never waits for a lock it holds), it
 * never got readable content, or it is far older than any save (another computer's, which
 * cannot be checked, or one whose pid a new process got).
 */
function shortLockIsStale(file: string, bytes: Buffer): boolean {
  const holder = holderOf(bytes);
  if (holder === null) return unreadableLockIsStale(file);
  if (ageMs(file) > ABANDONED_LOCK_MS) return true;
  return holder.host === hostname() && (holder.pid === process.pid || !processAlive(holder.pid));
}

/** Whether unreadable lock content has had time to be written (see createExclusive). */
export function unreadableLockIsStale(file: string): boolean {
  return ageMs(file) > UNREADABLE_GRACE_MS;
}

/**
 * Moves `file` aside if it holds `expected`: read again, renamed to a private name, then checked.
 * If what was moved is not `expected` (it changed between the read and the rename, which only a
 * second breaker can cause), it is put back under its name. True when the stale file is gone.
 */
function moveAsideIfSame(file: string, expected: Buffer): boolean {
  if (!readIfExists(file)?.equals(expected)) return false;
  const aside = privateName(file, 'aside');
  try {
    renameSync(file, aside);
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return false;
    throw e;
  }
  try {
    const moved = readIfExists(aside);
    if (moved !== null && moved.equals(expected)) return true;
    try {
      linkSync(aside, file);
    } catch (e) {
      // EEXIST: a newer lock took the name in the moment it was free; that one stays the lock.
      if (errorCode(e) !== 'EEXIST') throw e;
    }
    return false;
  } finally {
    rmQuietly(aside);
  }
}

/**
 * Removes the lock `file` if it still holds `staleBytes`, which the caller has just read and
 * proved stale. 'removed': it is gone; 'changed': it is no longer that content (taken or broken
 * by someone else: look again); 'busy': another process is breaking it (look again shortly).
 */
export function breakStaleLock(file: string, staleBytes: Buffer): 'removed' | 'changed' | 'busy' {
  const turn = `${stemOf(file)}.break`;
  const mine = lockContent();
  if (createExclusive(turn, mine) === 'exists') {
    const other = readIfExists(turn);
    // A breaker killed during its few ms: its turn is broken the same way, then we look again.
    if (other !== null && shortLockIsStale(turn, other)) moveAsideIfSame(turn, other);
    return 'busy';
  }
  try {
    // While we have the turn, nobody else removes a lock that is not theirs: if the name still
    // holds the stale content, it holds it until we move it (and a fresh lock is left alone).
    return moveAsideIfSame(file, staleBytes) ? 'removed' : 'changed';
  } finally {
    releaseLock(turn, mine);
  }
}

/** Removes the lock `file` if it is still the one taken with `content`. */
function releaseLock(file: string, content: string): void {
  try {
    const bytes = readIfExists(file);
    if (bytes !== null && bytes.equals(Buffer.from(content, 'utf8'))) rmQuietly(file);
  } catch {
    // Unreadable now (folder gone, no permission): nothing we can remove.
  }
}

/**
 * Runs `work` while holding the lock file `lockFile` (created beside the file it protects).
 * A stale lock is broken; a live one is waited for up to `waitMs`, then `busy()` is thrown.
 * Errors of the folder (no permission, disk full) are thrown as they are.
 */
export function withFileLock<T>(lockFile: string, work: () => T, waitMs: number, busy: () => Error): T {
  const mine = lockContent();
  const deadline = Date.now() + waitMs;
  for (let pause = 2; createExclusive(lockFile, mine) === 'exists'; pause = Math.min(pause * 2, 50)) {
    const bytes = readIfExists(lockFile);
    if (bytes === null) continue; // released just now: try again
    if (shortLockIsStale(lockFile, bytes) && breakStaleLock(lockFile, bytes) !== 'busy') continue;
    if (Date.now() >= deadline) throw busy();
    sleepSync(pause);
  }
  try {
    return work();
  } finally {
    releaseLock(lockFile, mine);
  }
}

/** Leftovers beside `file` of processes killed half-way: `<file>.<pid>.<random>.tmp|aside`. */
function removeDeadLeftovers(file: string): void {
  const prefix = `${path.basename(stemOf(file))}.`;
  removeFilesOfDeadProcesses(path.dirname(file), (name) => {
    if (!name.startsWith(prefix)) return null;
    // `<pid>.tmp`: the temp names of earlier versions.
    const m = /^(\d+)(?:\.[0-9a-f]{8}\.(?:tmp|aside)|\.tmp)$/.exec(name.slice(prefix.length));
    return m ? Number(m[1]) : null;
  });
}

/**
 * Removes the files of a folder that belong to a process that is gone: `pidOf` tells a file's
 * process from its name (null: not such a file). Files of live processes may be work in
 * progress and stay.
 */
export function removeFilesOfDeadProcesses(dir: string, pidOf: (name: string) => number | null): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = pidOf(name);
    if (pid === null || !Number.isInteger(pid) || pid === process.pid || processAlive(pid)) continue;
    try {
      rmSync(path.join(dir, name), { recursive: true, force: true });
    } catch {
      // Not ours to remove (permissions): a harmless leftover.
    }
  }
}
