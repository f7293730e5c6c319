/**
 * The host in a worker_threads Worker: browser mode's server, the tests and the benchmarks.
 * From TypeScript sources (tsx) by default; a bundled entry runs as it is.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HostProcess, LaunchHost } from './client';

export const HOST_ENTRY = fileURLToPath(new URL('./entry.ts', import.meta.url));
const TSX_BOOTSTRAP = fileURLToPath(new URL('./tsx-bootstrap.mjs', import.meta.url));

export function workerHost(entry: string = HOST_ENTRY): LaunchHost {
  return () => {
    const worker = entry.endsWith('.ts')
      ? new Worker(TSX_BOOTSTRAP, { workerData: { entry: pathToFileURL(entry).href } })
      : new Worker(entry);
    // An uncaught error ends the worker: 'exit' follows, and the client restarts it. Without a
    // listener the error would be thrown again here, in the server's thread.
    worker.on('error', () => {});
    const host: HostProcess = {
      port: worker,
      onExit: (listener) => worker.once('exit', () => listener()),
      stop: async () => {
        await worker.terminate();
      },
    };
    return host;
  };
}
