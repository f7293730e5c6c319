/**
 * The renderer's side of the contract (shared/contract.ts). In Electron the preload exposes
 * `window.ziping` (calls over IPC, native dialogs, menu commands); in browser mode calls go to
 * /api/<name> with the run's token and there are no native dialogs or menu.
 */
import type {
  Args,
  CallResult,
  HandlerName,
  Invoke,
  MenuCommand,
  ShellInvoke,
  Value,
  ZipingBridge,
} from '../../../shared/contract';

declare global {
  interface Window {
    ziping?: ZipingBridge;
  }
}

const token = new URLSearchParams(window.location.search).get('token') ?? '';

async function httpInvoke<K extends HandlerName>(name: K, args: Args<K>): Promise<CallResult<Value<K>>> {
  try {
    const res = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ziping-token': token },
      body: JSON.stringify(args),
    });
    return (await res.json()) as CallResult<Value<K>>;
  } catch {
    return { ok: false, error: { code: 'offline', message: '无法连接到自评表编辑器服务：请确认它仍在运行' } };
  }
}

const bridge: ZipingBridge | undefined = window.ziping;

export const invoke: Invoke = bridge ? bridge.invoke : httpInvoke;

/** Native dialogs and windows of the desktop shell; null in browser mode (paths are typed there). */
export const shell: ShellInvoke | null = bridge ? bridge.shell : null;

/** Follows the desktop menu's commands; returns the unsubscribe function (a no-op in browser mode). */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return bridge ? bridge.onMenuCommand(listener) : () => {};
}
