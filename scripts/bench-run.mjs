// `npm run bench`: bundles the benchmark as the app ships its code (esbuild, no dev loader
// in the way) and runs it, so the figures are those of production code.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

mkdirSync('.bench', { recursive: true });
await build({
  entryPoints: ['scripts/bench.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile: '.bench/bench.mjs',
  logLevel: 'warning',
});
// The document service's host, bundled the same way, for the worker the 'service' section starts.
await build({
  entryPoints: ['electron/services/service-host/entry.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile: '.bench/service-host.mjs',
  logLevel: 'warning',
});
// One start of the Electron main bundle, for the 'electron' section (a CommonJS parent, as the loader).
await build({
  entryPoints: ['scripts/bench/main-bundle-child.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  outfile: '.bench/main-bundle-child.cjs',
  logLevel: 'warning',
});
// The many-units read pool's worker, found beside bench.mjs as the app finds it beside its bundle.
await build({
  entryPoints: { 'units-read-worker': 'electron/services/units/read-worker.ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outdir: '.bench',
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['.bench/bench.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = run.status ?? 1;
