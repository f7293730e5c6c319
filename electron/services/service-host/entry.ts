/**
 * Where the document service's host starts: a worker thread (browser mode, tests, benchmarks) or
 * an Electron utility process (the desktop; bundled to dist-electron/service-host.cjs by
 * scripts/build-electron.ts). Only the port differs; serveDocuments is the same.
 */
import { parentPort } from 'node:worker_threads';
import { serveDocuments } from './host';
import type { Port } from './protocol';

/** Electron's process.parentPort in a utility process: its messages come wrapped as `{ data }`. */
interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

function isElectronParentPort(v: unknown): v is ElectronParentPort {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof Reflect.get(v, 'postMessage') === 'function' &&
    typeof Reflect.get(v, 'on') === 'function'
  );
}

function hostPort(): Port | null {
  if (parentPort) return parentPort;
  const electronPort: unknown = Reflect.get(process, 'parentPort');
  if (!isElectronParentPort(electronPort)) return null;
  return {
    postMessage: (message) => electronPort.postMessage(message),
    on: (_event, listener) => electronPort.on('message', (e) => listener(e.data)),
  };
}

const port = hostPort();
if (port) serveDocuments(port);
else {
  process.stderr.write('ziping：文档服务只能由程序启动（工作线程或 Electron 实用进程）\n');
  process.exitCode = 2;
}
