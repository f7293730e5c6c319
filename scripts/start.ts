/**
 * `npm start`: opens the editor on a copy of the sample document (the bundled file in samples/ is
 * never edited). With the Electron executable installed it starts the desktop app; without it
 * (its download is impossible on our build machines) it starts browser mode and opens the address
 * in the system's browser.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { dataDir } from '../electron/services/data-dir';
import { buildRenderer } from '../electron/web/build-renderer';
import { SAMPLE_PATH } from './build-sample';
import { buildElectron, ROOT } from './build-electron';
import { electronBinary } from './electron-binary';

const copy = path.join(dataDir(), '示例.ziping');
if (!existsSync(copy)) copyFileSync(SAMPLE_PATH, copy);

const electron = electronBinary();
if (electron) await startDesktop(electron);
else {
  process.stdout.write('未找到 Electron 程序（本机没有下载 Electron），改用浏览器模式启动。\n');
  startBrowserMode();
}

async function startDesktop(binary: string): Promise<void> {
  await buildRenderer();
  await buildElectron();
  process.stdout.write(`正在启动自评表编辑器，打开示例文档 ${copy}\n`);
  const app = spawn(binary, [ROOT, copy, ...process.argv.slice(2)], { stdio: 'inherit' });
  app.on('exit', (code) => process.exit(code ?? 0));
}

function startBrowserMode(): void {
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
}
