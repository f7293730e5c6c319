/**
 * The owner file beside an open document, like Office's "~$" files: who has it open, on which
 * machine, since when. Someone else opening the document is told and gets it read-only. An
 * owner file whose process is gone (same machine, pid not running) is stale and taken over.
 * Taking is an exclusive create and a stale file is broken only as file-lock.ts breaks locks,
 * so of processes racing for one document exactly one becomes its editor. Read-only opens
 * never touch the owner file.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isDiskFull } from '../disk-full';
import {
  breakStaleLock,
  createExclusive,
  processAlive,
  readIfExists,
  sleepSync,
  unreadableLockIsStale,
} from '../file-lock';

export { processAlive, removeFilesOfDeadProcesses } from '../file-lock';

export interface OwnerInfo {
  app: 'ziping';
  user: string;
  host: string;
  pid: number;
  /** ISO time the document was opened. */
  since: string;
}

export function ownerFilePath(documentPath: string): string {
  return path.join(path.dirname(documentPath), `~$${path.basename(documentPath)}`);
}

export function readOwner(documentPath: string): OwnerInfo | null {
  try {
    return parseOwner(readFileSync(ownerFilePath(documentPath)));
  } catch {
    return null;
  }
}

function parseOwner(bytes: Buffer): OwnerInfo | null {
  try {
    const v = JSON.parse(bytes.toString('utf8')) as Partial<OwnerInfo> | null;
    if (
      !v ||
      v.app !== 'ziping' ||
      typeof v.user !== 'string' ||
      typeof v.host !== 'string' ||
      typeof v.pid !== 'number'
    ) {
      return null;
    }
    return { app: 'ziping', user: v.user, host: v.host, pid: v.pid, since: String(v.since ?? '') };
  } catch {
    return null;
  }
}

/** Whether the owner still holds the document (another machine's owner cannot be checked: it holds). */
export function ownerHolds(owner: OwnerInfo, me: { host: string; pid: number }): boolean {
  if (owner.host !== me.host) return true;
  if (owner.pid === me.pid) return false;
  return processAlive(owner.pid);
}

export type LockOutcome =
  | { kind: 'acquired' }
  | { kind: 'held'; owner: OwnerInfo }
  /** `diskFull`: the folder is writable but its disk has no room for the owner file. */
  | { kind: 'unavailable'; diskFull?: boolean };

/** How long a takeover waits for another process breaking the same stale owner file. */
const TAKEOVER_WAIT_MS = 5_000;

/**
 * Takes the document for this process. A live owner keeps it; a stale owner file is broken and
 * the document taken, unless another process takes it first (then that one holds it).
 * 'unavailable' when the folder cannot be written (read-only media, no permission).
 */
export function acquireOwner(documentPath: string, me: Omit<OwnerInfo, 'app' | 'since'>): LockOutcome {
  try {
    return takeOwner(documentPath, me);
  } catch (e) {
    // The owner file could not be written or moved (no permission, a full disk, a folder in its place).
    return isDiskFull(e) ? { kind: 'unavailable', diskFull: true } : { kind: 'unavailable' };
  }
}

function takeOwner(documentPath: string, me: Omit<OwnerInfo, 'app' | 'since'>): LockOutcome {
  const file = ownerFilePath(documentPath);
  // The nonce makes this taking's bytes unique, so a breaker never mistakes them for stale ones.
  const content = JSON.stringify({
    app: 'ziping',
    ...me,
    since: new Date().toISOString(),
    nonce: randomUUID(),
  });
  const deadline = Date.now() + TAKEOVER_WAIT_MS;
  for (let pause = 2; Date.now() < deadline;) {
    // Looked at first: a live owner is named even where this user cannot write the folder.
    const bytes = readIfExists(file);
    if (bytes === null) {
      if (createExclusive(file, content) === 'created') return { kind: 'acquired' };
      continue; // someone else created it just now: look at theirs
    }
    const existing = parseOwner(bytes);
    if (existing && ownerHolds(existing, me)) return { kind: 'held', owner: existing };
    const stale = existing !== null || unreadableLockIsStale(file);
    if (stale && breakStaleLock(file, bytes) !== 'busy') continue;
    sleepSync(pause);
    pause = Math.min(pause * 2, 50);
  }
  const owner = readOwner(documentPath);
  return owner ? { kind: 'held', owner } : { kind: 'unavailable' };
}

/**
 * Removes the owner file if it names `me`: this process's own, or the one a dead session of this
 * computer left (recovery). A dead session's is broken like any stale one, so a fresh owner file
 * that replaced it meanwhile stays.
 */
export function releaseOwner(documentPath: string, me: { host: string; pid: number }): void {
  const file = ownerFilePath(documentPath);
  try {
    const bytes = readIfExists(file);
    const owner = bytes && parseOwner(bytes);
    if (!bytes || !owner || owner.host !== me.host || owner.pid !== me.pid) return;
    // Nobody else removes a live process's owner file: ours can simply go.
    if (me.pid === process.pid) rmSync(file, { force: true });
    else if (!processAlive(me.pid)) breakStaleLock(file, bytes);
  } catch {
    // Its folder is gone or unwritable: nothing can be removed there.
  }
}

export function describeOwner(owner: OwnerInfo): string {
  const since = owner.since ? new Date(owner.since) : null;
  const when =
    since && !Number.isNaN(since.getTime())
      ? `${since.getFullYear()}-${String(since.getMonth() + 1).padStart(2, '0')}-${String(since.getDate()).padStart(2, '0')} ${String(since.getHours()).padStart(2, '0')}:${String(since.getMinutes()).padStart(2, '0')}`
      : '';
  return `${owner.user}（${owner.host}）${when ? `自 ${when} 起` : ''}`;
}
