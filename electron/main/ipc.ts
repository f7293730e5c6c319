/**
 * The IPC boundary: which channels exist, who may call them and with what. Every call must come
 * from the main frame of one of our windows showing our own origin; its name must be one of the
 * contract's, and its arguments are checked (shell calls here, document calls by AppService).
 */
import type {
  CallError,
  CallResult,
  ExportFormat,
  ShellHandlerArgs,
  ShellHandlerName,
  ShellHandlerValue,
} from '../../shared/contract';
import { HANDLER_NAMES, SHELL_HANDLER_NAMES } from '../../shared/contract';
import type { DocumentCalls } from '../services/service-host/protocol';
import { isAppUrl } from './security';

export { IPC_CHANNELS } from '../ipc-channels';

/** The part of IpcMainInvokeEvent checked here (Electron's event fits it; tests pass plain objects). */
export interface CallerEvent {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export type ShellImpl = {
  [K in ShellHandlerName]: (
    windowId: number,
    args: ShellHandlerArgs<K>,
  ) => Promise<CallResult<ShellHandlerValue<K>>>;
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
  if (typeof name !== 'string' || !(HANDLER_NAMES as readonly string[]).includes(name)) {
    return bad(`不认识的请求：${String(name)}`);
  }
  // invoke: the calls that take time (Excel) are awaited, the others answered at once.
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
  if (typeof name !== 'string' || !isShellHandlerName(name)) return bad(`不认识的请求：${String(name)}`);
  if (typeof args !== 'object' || args === null || Array.isArray(args)) return bad('请求参数应为对象');
  return dispatchShell(targets.shell, event.sender.id, name, args as Record<string, unknown>);
}

function isShellHandlerName(name: string): name is ShellHandlerName {
  return (SHELL_HANDLER_NAMES as readonly string[]).includes(name);
}

type Parsed<T> = { ok: true; args: T } | { ok: false; problem: string };
type ShellParsers = {
  [K in ShellHandlerName]: (raw: Record<string, unknown>) => Parsed<ShellHandlerArgs<K>>;
};

const MAX_PATH = 4096;
const MAX_NAME = 255;

const isPath = (v: unknown): v is string =>
  typeof v === 'string' && v !== '' && v.length <= MAX_PATH && !v.includes('\0');
const isName = (v: unknown): v is string =>
  typeof v === 'string' && v.length <= MAX_NAME && !v.includes('\0');
const isFormat = (v: unknown): v is ExportFormat => v === 'xlsx' || v === 'json';

/** Arguments of shell calls, checked field by field (the renderer is not trusted). */
export const SHELL_PARSERS: ShellParsers = {
  'window/openDocument': (raw) =>
    (raw.path === null || isPath(raw.path)) && (raw.review === undefined || typeof raw.review === 'boolean')
      ? { ok: true, args: { path: raw.path, ...(raw.review === true ? { review: true } : {}) } }
      : { ok: false, problem: '文件路径不正确' },
  'dialog/saveDocument': (raw) =>
    isName(raw.suggestedName)
      ? { ok: true, args: { suggestedName: raw.suggestedName } }
      : { ok: false, problem: '建议的文件名不正确' },
  'dialog/export': (raw) =>
    isFormat(raw.format) && isName(raw.suggestedName)
      ? { ok: true, args: { format: raw.format, suggestedName: raw.suggestedName } }
      : { ok: false, problem: '导出格式或文件名不正确' },
  'dialog/import': (raw) =>
    isFormat(raw.format)
      ? { ok: true, args: { format: raw.format } }
      : { ok: false, problem: '导入格式不正确' },
  'shell/recentDocuments': () => ({ ok: true, args: {} }),
  'window/editsCommitted': () => ({ ok: true, args: {} }),
  'dialog/compareDocument': () => ({ ok: true, args: {} }),
};

async function dispatchShell<K extends ShellHandlerName>(
  impl: ShellImpl,
  windowId: number,
  name: K,
  raw: Record<string, unknown>,
): Promise<CallResult<unknown>> {
  const parsed: Parsed<ShellHandlerArgs<K>> = SHELL_PARSERS[name](raw);
  if (!parsed.ok) return bad(parsed.problem);
  const handler: ShellImpl[K] = impl[name];
  try {
    return await handler(windowId, parsed.args);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { code: 'internal', message: `内部错误：${detail.split('\n')[0]}` } };
  }
}
