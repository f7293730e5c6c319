/**
 * The host in an Electron utility process (the desktop). Electron's `utilityProcess` is passed in
 * (main.ts), so this runs under Node with the fake of tests/support/fake-electron.ts.
 */
import type { HostProcess, LaunchHost } from './client';

/** The part of Electron's UtilityProcess used here. */
export interface UtilityChild {
  postMessage(message: unknown): void;
  on(event: 'message' | 'exit', listener: (value: unknown) => void): unknown;
  kill(): boolean;
}

export interface UtilityProcessApi {
  fork(
    modulePath: string,
    args?: string[],
    options?: { serviceName?: string; env?: Record<string, string> },
  ): UtilityChild;
}

/** `env`: the child's environment (Electron's default: the main process's). */
export function utilityHost(api: UtilityProcessApi, entry: string, env?: Record<string, string>): LaunchHost {
  return () => {
    const child = api.fork(entry, [], { serviceName: '自评表文档服务', ...(env ? { env } : {}) });
    let gone = false;
    const exitListeners: Array<() => void> = [];
    child.on('exit', () => {
      gone = true;
      for (const l of exitListeners) l();
    });
    const host: HostProcess = {
      port: { postMessage: (m) => child.postMessage(m), on: (_e, l) => void child.on('message', l) },
      onExit: (listener) => exitListeners.push(listener),
      stop: () =>
        new Promise<void>((resolve) => {
          if (gone) return resolve();
          exitListeners.push(resolve);
          child.kill();
        }),
    };
    return host;
  };
}
