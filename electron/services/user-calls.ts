/**
 * The contract's calls about the user (issue #19): 姓名 and 单位, and the per-document marker of
 * the review data they have seen. Kept out of handlers.ts, which serves the document itself.
 */
import type { Args, CallResult, DocStatus, Value } from '../../shared/contract';
import { signature } from '../../shared/user/profile';
import type { DocumentSession } from './document-store';
import { markReviewSeen, readUserProfile, reviewSeenAt, writeUserProfile } from './user-settings';

type UserCallName = 'user/get' | 'user/set' | 'review/seen' | 'review/markSeen';
export type UserCalls = { [N in UserCallName]: (args: Args<N>) => CallResult<Value<N>> };

export interface UserCallHost {
  dataDir(): string;
  session(): DocumentSession | null;
  /** The open session's status (after its signature changed). */
  status(s: DocumentSession): DocStatus;
  /** The new signature for the sessions this service opens from now on. */
  signAs(user: string): void;
}

export function userCalls(host: UserCallHost): UserCalls {
  return {
    'user/get': () => ({ ok: true, value: readUserProfile(host.dataDir()) }),
    'user/set': (profile) => {
      try {
        writeUserProfile(host.dataDir(), profile);
      } catch (e) {
        const detail = e instanceof Error ? e.message : String(e);
        return {
          ok: false,
          error: { code: 'write-failed', message: `姓名没有保存：数据文件夹不能写入（${detail}）` },
        };
      }
      const user = signature(profile);
      host.signAs(user);
      const s = host.session();
      s?.setUser(user);
      return { ok: true, value: { profile, status: s ? host.status(s) : null } };
    },
    'review/seen': () => {
      const file = host.session()?.path ?? null;
      return { ok: true, value: file === null ? null : reviewSeenAt(host.dataDir(), file) };
    },
    'review/markSeen': ({ at }) => {
      const file = host.session()?.path ?? null;
      // A marker that cannot be written only shows the notice again next time.
      if (file !== null)
        try {
          markReviewSeen(host.dataDir(), file, at);
        } catch {
          // See above.
        }
      return { ok: true, value: null };
    },
  };
}
