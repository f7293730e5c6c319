/**
 * The renderer's side of the contract (shared/contract.ts). In Electron the preload exposes
 * `window.ziping.invoke`; in browser mode calls go to /api/<name> with the run's token.
 */
import type { CallResult, HandlerArgs, HandlerName, HandlerValue, Invoke } from '../../../shared/contract';

declare global {
  interface Window {
    ziping?: { invoke: Invoke };
  }
}

const token = new URLSearchParams(window.location.search).get('token') ?? '';

async function httpInvoke<K extends HandlerName>(
  name: K,
  args: HandlerArgs<K>,
): Promise<CallResult<HandlerValue<K>>> {
  try {
    const res = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ziping-token': token },
      body: JSON.stringify(args),
    });
    return (await res.json()) as CallResult<HandlerValue<K>>;
  } catch {
    return { ok: false, error: { code: 'offline', message: '无法连接到自评表编辑器服务：请确认它仍在运行' } };
  }
}

export const invoke: Invoke = (name, args) =>
  window.ziping ? window.ziping.invoke(name, args) : httpInvoke(name, args);
