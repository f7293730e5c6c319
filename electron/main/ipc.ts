/**
 * The IPC boundary: which channels exist, who may call them and with what. Every call must come
 * from the main frame of one of our windows showing our own origin; its name must be one of the
 * contract's, and its arguments are parsed by the contract (shell calls here, document calls by
 * AppService) before any handler runs.
 */
import {
  isHandlerName,
  isShellHandlerName,
  parseShellArgs,
  type CallError,
  type CallResult,
  type ShellArgs,
  type ShellHandlerName,
  type ShellValue,
} from '../../shared/contract';
import type { DocumentCalls } from '../services/service-host/protocol';
import { isAppUrl } from './security';

export { IPC_CHANNELS } from '../ipc-channels';

/** The part of IpcMainInvokeEvent checked here (Electron's event fits it; tests pass plain objects). */
export interface CallerEvent {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export type ShellImpl = {
  [K in ShellHandlerName]: (windowId: number, args: ShellArgs<K>) => Promise<CallResult<ShellValue<K>>>;
};

export interface IpcTargets {
  /** The document service of the window whose page sent the call, if it is one of ours. */
  serviceFor(windowId: number): DocumentCalls | undefined;
  /** Called after every document call, so the window's title follows save state. */
  afterCall(windowId: number): void;
  shell: ShellImpl;
}

const refused = (message: string): { ok: false; error: CallError } => ({
  ok: false,
  error: { code: 'forbidden', message },
});
const bad = (message: string): { ok: false; error: CallError } => ({
  ok: false,
  error: { code: 'bad-request', message },
});

/** Our page in the main frame (no iframe, no other origin after a navigation that got through). */
export function isTrustedCaller(event: CallerEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/** Our page in one of our windows: its service; otherwise the refusal to answer with. */
function callerService(
  targets: IpcTargets,
  event: CallerEvent,
): { ok: true; service: DocumentCalls } | { ok: false; error: CallError } {
  if (!isTrustedCaller(event)) return refused('拒绝来自未知页面的请求');
  const service = targets.serviceFor(event.sender.id);
  return service ? { ok: true, service } : refused('拒绝来自未知窗口的请求');
}

export async function handleInvoke(
  targets: IpcTargets,
  event: CallerEvent,
  name: unknown,
  args: unknown,
): Promise<CallResult<unknown>> {
  const caller = callerService(targets, event);
  if (!caller.ok) return caller;
  const { service } = caller;
  if (!isHandlerName(name)) return bad(`不认识的请求：${String(name)}`);
  // invoke parses the arguments; the calls that take time (Excel) are awaited, the others answered at once.
  const result = await service.invoke(name, args);
  targets.afterCall(event.sender.id);
  return result;
}

export async function handleShell(
  targets: IpcTargets,
  event: CallerEvent,
  name: unknown,
  args: unknown,
): Promise<CallResult<unknown>> {
  const caller = callerService(targets, event);
  if (!caller.ok) return caller;
  if (!isShellHandlerName(name)) return bad(`不认识的请求：${String(name)}`);
  return dispatchShell(targets.shell, event.sender.id, name, args);
}

async function dispatchShell<K extends ShellHandlerName>(
  impl: ShellImpl,
  windowId: number,
  name: K,
  raw: unknown,
): Promise<CallResult<unknown>> {
  const parsed = parseShellArgs(name, raw);
  if (!parsed.ok) return bad(parsed.message);
  const handler: ShellImpl[K] = impl[name];
  try {
    return await handler(windowId, parsed.value);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { code: 'internal', message: `内部错误：${detail.split('\n')[0]}` } };
  }
}
