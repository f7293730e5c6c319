/**
 * The messages between the document service's host (a worker thread in browser mode, an Electron
 * utility process on the desktop) and its client: calls by id, their results, the progress of the
 * ones that stream it, cancellation by id. Written once; the two transports differ only in their
 * Port (worker-launcher.ts, utility-launcher.ts, entry.ts).
 */
import type { CallError, CallResult, DocStatus, ExportJobProgress } from '../../../shared/contract';

/** Either end of the channel: worker_threads' port, or Electron's parentPort / UtilityProcess. */
export interface Port {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): void;
}

/** What the host needs to build its service (the arguments of `new AppService`). */
export interface HostInit {
  dataDir: string;
  who?: { user: string; host: string };
}

export type ToHost =
  | { type: 'init'; init: HostInit }
  | { type: 'call'; id: number; name: string; args: unknown }
  /** Stops the call with this id (an export stops at its next form and leaves no file). */
  | { type: 'cancel'; id: number }
  /** Stops every export (the window that asked for them is closing). */
  | { type: 'cancelExports' };

export type FromHost =
  | { type: 'ready' }
  /** `status`: the open document's after the call (what the shell's title and close prompt read). */
  | { type: 'result'; id: number; result: CallResult<unknown>; status: DocStatus | null }
  | { type: 'progress'; id: number; progress: ExportJobProgress };

/** What the HTTP server and the IPC boundary call: AppService itself, or a client of a host. */
export interface DocumentCalls {
  invoke(name: string, args: unknown): Promise<CallResult<unknown>>;
}

/** How a call answered while its host died: the edits applied before it are in the working copy. */
export const HOST_CRASHED: CallError = {
  code: 'service-crashed',
  message: '文档服务意外退出，正在重新启动；未保存的修改可从“恢复”中找回（重新打开窗口或刷新页面即可看到）',
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Messages come from our own other end, but a wrong one must not throw in the listener. */
export function isToHost(v: unknown): v is ToHost {
  if (!isRecord(v)) return false;
  switch (v.type) {
    case 'init':
      return isRecord(v.init) && typeof v.init.dataDir === 'string';
    case 'call':
      return typeof v.id === 'number' && typeof v.name === 'string';
    case 'cancel':
      return typeof v.id === 'number';
    case 'cancelExports':
      return true;
    default:
      return false;
  }
}

export function isFromHost(v: unknown): v is FromHost {
  if (!isRecord(v)) return false;
  switch (v.type) {
    case 'ready':
      return true;
    case 'result':
      return typeof v.id === 'number' && isRecord(v.result);
    case 'progress':
      return typeof v.id === 'number' && isRecord(v.progress);
    default:
      return false;
  }
}
