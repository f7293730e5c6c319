/**
 * `npm run web [-- --port N] [-- --open FILE.ziping [--review]]`: builds the renderer, starts browser mode
 * and prints its address as the first line of stdout: `Ziping: http://127.0.0.1:PORT/?token=…`.
 */
import path from 'node:path';
import { SettingsStore } from '../main/settings';
import { dataDir } from '../services/data-dir';
import { ServiceClient } from '../services/service-host/client';
import { workerHost } from '../services/service-host/worker-launcher';
import { buildRenderer, RENDERER_OUT } from './build-renderer';
import { startWebServer } from './server';

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

async function main(argv: string[]): Promise<void> {
  const portText = option(argv, '--port');
  const port = portText === undefined ? 0 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`ziping：--port 应为 0–65535 的整数，实际是“${portText ?? ''}”\n`);
    process.exit(2);
  }
  const open = option(argv, '--open');
  if (!argv.includes('--no-build')) await buildRenderer();
  // The document service runs in a worker thread: saves and exports never hold up the server.
  const service = new ServiceClient(workerHost(), { dataDir: dataDir() });
  if (open) {
    // --review: as a reviewer (the author's data read-only, review data into the review file).
    const r = await service.invoke('doc/open', {
      path: path.resolve(open),
      review: argv.includes('--review'),
    });
    if (!r.ok) {
      process.stderr.write(`ziping：${r.error.message}\n`);
      process.exit(2);
    }
  }
  const server = await startWebServer({
    service,
    staticDir: RENDERER_OUT,
    port,
    settings: new SettingsStore(dataDir()),
  });
  process.stdout.write(`Ziping: ${server.url}\n`);
  const stop = async () => {
    // Unsaved edits stay in the working copy and are offered for recovery next time.
    const s = service.current;
    if (s && !s.dirty) await service.invoke('doc/close', {});
    await service.close();
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main(process.argv.slice(2));
