/**
 * `npm start`: opens the editor on the sample document. The Electron shell is not built yet (and
 * its binary cannot be downloaded on our build machines), so this starts browser mode and opens
 * the address in the system's browser. The sample is copied into the data folder first, so the
 * bundled file in samples/ is never edited.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { dataDir } from '../electron/services/data-dir';
import { SAMPLE_PATH } from './build-sample';

const copy = path.join(dataDir(), '示例.ziping');
if (!existsSync(copy)) copyFileSync(SAMPLE_PATH, copy);

const web = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    path.join(import.meta.dirname, '../electron/web/main.ts'),
    '--open',
    copy,
    ...process.argv.slice(2),
  ],
  {
    stdio: ['inherit', 'pipe', 'inherit'],
  },
);
const lines = createInterface({ input: web.stdout });
let first = true;
lines.on('line', (line) => {
  process.stdout.write(`${line}\n`);
  if (!first) return;
  first = false;
  const url = line.replace(/^Ziping: /, '');
  process.stdout.write(`已打开示例文档 ${copy}\n在浏览器中打开上面的地址即可使用；按 Ctrl+C 退出。\n`);
  const opener =
    process.platform === 'win32' ? 'explorer' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => {
    // No desktop browser here (a server, CI): the address printed above is enough.
  });
  child.unref();
});
web.on('exit', (code) => process.exit(code ?? 0));
process.on('SIGINT', () => web.kill('SIGINT'));
process.on('SIGTERM', () => web.kill('SIGTERM'));
