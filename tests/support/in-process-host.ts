/**
 * The document service's host on this thread, over a MessageChannel: the same protocol, messages
 * copied as between threads, without a worker's start-up (for the shell's tests).
 */
import { MessageChannel } from 'node:worker_threads';
import type { HostProcess, LaunchHost } from '../../electron/services/service-host/client';
import { serveDocuments } from '../../electron/services/service-host/host';

export function inProcessHost(): LaunchHost {
  return () => {
    const { port1, port2 } = new MessageChannel();
    serveDocuments(port2);
    const host: HostProcess = {
      port: port1,
      onExit: (listener) => port1.once('close', listener),
      stop: async () => port1.close(),
    };
    return host;
  };
}
