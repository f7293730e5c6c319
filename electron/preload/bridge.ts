/**
 * What the preload exposes as `window.ziping`: the typed contract and nothing else. Only the
 * contract's call names reach IPC; the page never sees ipcRenderer or an IPC event (which would
 * hand it the sender). Built as a function of a small IPC interface so it is tested under Node.
 */
import {
  isHandlerName,
  isMenuCommand,
  isShellHandlerName,
  type Args,
  type CallResult,
  type HandlerName,
  type MenuCommand,
  type ShellArgs,
  type ShellHandlerName,
  type ShellValue,
  type Value,
  type ZipingBridge,
} from '../../shared/contract';
import { IPC_CHANNELS } from '../ipc-channels';

/** The part of ipcRenderer the bridge uses. */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

function unknownCall(name: unknown): Promise<{ ok: false; error: { code: string; message: string } }> {
  return Promise.resolve({
    ok: false,
    error: { code: 'bad-request', message: `不认识的请求：${String(name)}` },
  });
}

export function createBridge(ipc: BridgeIpc): ZipingBridge {
  function invoke<K extends HandlerName>(name: K, args: Args<K>): Promise<CallResult<Value<K>>> {
    if (!isHandlerName(name)) return unknownCall(name);
    // The main process answers with the CallResult of exactly this handler (electron/main/ipc.ts).
    return ipc.invoke(IPC_CHANNELS.invoke, name, args) as Promise<CallResult<Value<K>>>;
  }
  function shell<K extends ShellHandlerName>(
    name: K,
    args: ShellArgs<K>,
  ): Promise<CallResult<ShellValue<K>>> {
    if (!isShellHandlerName(name)) return unknownCall(name);
    return ipc.invoke(IPC_CHANNELS.shell, name, args) as Promise<CallResult<ShellValue<K>>>;
  }
  function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    const forward = (_event: unknown, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipc.on(IPC_CHANNELS.menu, forward);
    return () => {
      ipc.removeListener(IPC_CHANNELS.menu, forward);
    };
  }
  return { invoke, shell, onMenuCommand };
}
