/**
 * Bundles the Electron main process, its loader (package.json "main": runs main.cjs with V8's code
 * cache), the document service host it starts in utility processes and
 * the preload into dist-electron/ (`npm run build:electron`).
 * The preload runs sandboxed, where only 'electron' can be required: it becomes one CJS file
 * with nothing else external. The main process keeps the app's runtime dependencies external
 * (better-sqlite3 is native and rebuilt for Electron when packaging; electron-builder ships them).
 * The many-units read pool's worker is a bundle of its own (units-read-worker.cjs), found by the
 * service host beside its own file through import.meta.url (given to the CJS bundles below).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';

export const ROOT = path.join(import.meta.dirname, '..');
export const ELECTRON_OUT = path.join(ROOT, 'dist-electron');

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
};

const common: BuildOptions = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};

/** Node code in CJS: import.meta.url (ESM only) is the bundle file's own URL. */
const nodeBundle: BuildOptions = {
  ...common,
  external: ['electron', ...Object.keys(pkg.dependencies ?? {})],
  banner: { js: 'var __ziping_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__ziping_import_meta_url' },
};

export async function buildElectron(outDir: string = ELECTRON_OUT): Promise<void> {
  await Promise.all([
    build({
      ...nodeBundle,
      entryPoints: [path.join(ROOT, 'electron/main/main.ts')],
      outfile: path.join(outDir, 'main.cjs'),
    }),
    // Electron's entry: main.cjs through V8's code cache (electron/main/loader.ts).
    build({
      ...common,
      entryPoints: [path.join(ROOT, 'electron/main/loader.ts')],
      outfile: path.join(outDir, 'loader.cjs'),
      external: ['electron'],
    }),
    // The document service's host, run by main in an Electron utility process (one per window).
    build({
      ...nodeBundle,
      entryPoints: [path.join(ROOT, 'electron/services/service-host/entry.ts')],
      outfile: path.join(outDir, 'service-host.cjs'),
    }),
    // The threads the host reads many units' files in (electron/services/units/read-pool.ts).
    build({
      ...nodeBundle,
      entryPoints: [path.join(ROOT, 'electron/services/units/read-worker.ts')],
      outfile: path.join(outDir, 'units-read-worker.cjs'),
    }),
    build({
      ...common,
      entryPoints: [path.join(ROOT, 'electron/preload/index.ts')],
      outfile: path.join(outDir, 'preload.cjs'),
      external: ['electron'],
    }),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await buildElectron();
  process.stdout.write(
    `已生成 ${path.relative(ROOT, ELECTRON_OUT)}/loader.cjs、main.cjs、service-host.cjs、units-read-worker.cjs 和 preload.cjs
`,
  );
}
