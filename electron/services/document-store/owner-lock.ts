/**
 * The owner file beside an open document, like Office's "~$" files: who has it open, on which
 * machine, since when. Someone else opening the document is told and gets it read-only. An
 * owner file whose process is gone (same machine, pid not running) is stale and ignored.
 */
import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

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
    const v = JSON.parse(readFileSync(ownerFilePath(documentPath), 'utf8')) as Partial<OwnerInfo>;
    if (
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

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as { code?: string }).code === 'EPERM';
  }
}

/** Whether the owner still holds the document (another machine's owner cannot be checked: it holds). */
export function ownerHolds(owner: OwnerInfo, me: { host: string; pid: number }): boolean {
  if (owner.host !== me.host) return true;
  if (owner.pid === me.pid) return false;
  return processAlive(owner.pid);
}

export type LockOutcome = { kind: 'acquired' } | { kind: 'held'; owner: OwnerInfo } | { kind: 'unavailable' };

/**
 * Takes the document for this process. A live owner keeps it; a stale owner file is replaced.
 * 'unavailable' when the folder cannot be written (read-only media, no permission).
 */
export function acquireOwner(documentPath: string, me: Omit<OwnerInfo, 'app' | 'since'>): LockOutcome {
  try {
    return takeOwner(documentPath, me);
  } catch {
    // The stale owner file could not be removed (no permission, a folder in its place).
    return { kind: 'unavailable' };
  }
}

function takeOwner(documentPath: string, me: Omit<OwnerInfo, 'app' | 'since'>): LockOutcome {
  const file = ownerFilePath(documentPath);
  const info: OwnerInfo = { app: 'ziping', ...me, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = readOwner(documentPath);
    if (existing && ownerHolds(existing, me)) return { kind: 'held', owner: existing };
    if (existing || attempt > 0) rmSync(file, { force: true });
    const created = createExclusive(file, JSON.stringify(info));
    if (created === 'created') return { kind: 'acquired' };
    if (created === 'failed') return { kind: 'unavailable' };
    // 'exists': another process took it since we looked; look again.
  }
  const owner = readOwner(documentPath);
  return owner ? { kind: 'held', owner } : { kind: 'unavailable' };
}

/**
 * Creates a file with its whole content or not at all: written to a temporary name and hard-linked
 * into place (atomic, fails if the name exists). File systems without hard links (FAT on USB
 * sticks) fall back to an exclusive create.
 */
function createExclusive(file: string, content: string): 'created' | 'exists' | 'failed' {
  const tmp = `${file}.${process.pid}.tmp`;
  removeDeadOwnerTemps(file);
  try {
    writeFileSync(tmp, content, { flag: 'w' });
  } catch {
    rmQuietly(tmp);
    return 'failed';
  }
  try {
    linkSync(tmp, file);
    return 'created';
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'EEXIST') return 'exists';
    try {
      const fd = openSync(file, 'wx');
      try {
        writeSync(fd, content);
      } finally {
        closeSync(fd);
      }
      return 'created';
    } catch (e2) {
      return (e2 as { code?: string }).code === 'EEXIST' ? 'exists' : 'failed';
    }
  } finally {
    rmQuietly(tmp);
  }
}

function rmQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Its folder is gone or unwritable: nothing of ours is left in it.
  }
}

/** Removes the owner file if it is ours. */
export function releaseOwner(documentPath: string, me: { host: string; pid: number }): void {
  const owner = readOwner(documentPath);
  if (owner && owner.host === me.host && owner.pid === me.pid) rmQuietly(ownerFilePath(documentPath));
}

export function describeOwner(owner: OwnerInfo): string {
  const since = owner.since ? new Date(owner.since) : null;
  const when =
    since && !Number.isNaN(since.getTime())
      ? `${since.getFullYear()}-${String(since.getMonth() + 1).padStart(2, '0')}-${String(since.getDate()).padStart(2, '0')} ${String(since.getHours()).padStart(2, '0')}:${String(since.getMinutes()).padStart(2, '0')}`
      : '';
  return `${owner.user}（${owner.host}）${when ? `自 ${when} 起` : ''}`;
}

/** Temp files of owner files whose writer was killed half-way (`~$name.<pid>.tmp`). */
function removeDeadOwnerTemps(file: string): void {
  const prefix = `${path.basename(file)}.`;
  removeFilesOfDeadProcesses(path.dirname(file), (name) =>
    name.startsWith(prefix) && name.endsWith('.tmp')
      ? Number(name.slice(prefix.length, -'.tmp'.length))
      : null,
  );
}

/**
 * Removes the files (or temp folders) of a folder that belong to a process that is gone: `pidOf`
 * tells a file's process from its name (null: not such a file). Files of live processes may be
 * work in progress and stay.
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
