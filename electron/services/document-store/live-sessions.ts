/**
 * The sessions open in this process. Their working copies are in use, not left by a crash; and a
 * document one of them edits opens read-only a second time (the owner lock names this process,
 * which it does not refuse).
 */
import path from 'node:path';
import { currentUser } from '../data-dir';
import type { DocError } from './errors';
import { describeOwner, readOwner, type OwnerInfo } from './owner-lock';

/** What the registry needs to know of a session. */
export interface LiveSession {
  readonly path: string | null;
  readonly readOnly: boolean;
}

const liveSessions = new Map<string, LiveSession>();

export function registerLive(sessionId: string, session: LiveSession): void {
  liveSessions.set(sessionId, session);
}

export function forgetLive(sessionId: string): void {
  liveSessions.delete(sessionId);
}

/** Whether a working copy belongs to a session open in this process (recovery leaves those alone). */
export function isOpenHere(sessionId: string): boolean {
  return liveSessions.has(sessionId);
}

/** An editable session of this process that has `file` as its document. */
export function editableHere(file: string): LiveSession | undefined {
  for (const s of liveSessions.values()) if (s.path === file && !s.readOnly) return s;
  return undefined;
}

/** The owner of a file this process holds (for the notice of a second window on it). */
export function ownerHere(file: string): OwnerInfo {
  const me = currentUser();
  return readOwner(file) ?? { app: 'ziping', user: me.user, host: me.host, pid: process.pid, since: '' };
}

export function lockedError(owner: OwnerInfo, file: string): DocError {
  return {
    code: 'locked',
    message: `${describeOwner(owner)}正在使用“${path.basename(file)}”：请换一个文件名`,
    path: file,
  };
}
