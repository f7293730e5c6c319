export { DocumentSession } from './session';
export type { SessionOptions } from './open-session';
export type { ReadOnlyReason } from './read-only';
export { listRecoverable, recover, discardRecoverable, type Recoverable } from './recovery';
export type { DocError, DocErrorCode, DocResult } from './errors';
export { describeOwner, readOwner, ownerFilePath, type OwnerInfo } from './owner-lock';
export { APPLICATION_ID, SCHEMA_VERSION, MIGRATIONS, migrate, type Migration } from './schema';
export { rebuildCleanCopy, type CleanCopy } from './clean-copy';
