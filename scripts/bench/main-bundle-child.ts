/**
 * One start of the Electron main bundle under Node, timed from inside (bundled to
 * .bench/main-bundle-child.cjs by scripts/bench-run.mjs; run by main-bundle.ts):
 *   node .bench/main-bundle-child.cjs BUNDLE CACHE_DIR plain|cache
 * 'electron' is a stand-in whose single-instance lock is refused, so main.cjs runs its first
 * lines and quits (what a second instance does): compiling the bundle and running its top level.
 * Prints one JSON line: { ms, cpuMs, cache } (wall and CPU milliseconds of the load).
 */
import Module from 'node:module';
import { performance } from 'node:perf_hooks';
import { loadBundleWithCodeCache } from '../../electron/main/bundle-code-cache';

const [bundle = '', cacheDir = '', mode = 'cache'] = process.argv.slice(2);
const noop = () => undefined;
const electron = {
  app: { setPath: noop, setAppUserModelId: noop, requestSingleInstanceLock: () => false, quit: noop },
  protocol: { registerSchemesAsPrivileged: noop },
};
const load = Reflect.get(Module, '_load') as (request: string, parent: unknown, isMain: boolean) => unknown;
Reflect.set(Module, '_load', (request: string, parent: unknown, isMain: boolean) =>
  request === 'electron' ? electron : load(request, parent, isMain),
);

const cpu0 = process.cpuUsage();
const t0 = performance.now();
const cache =
  mode === 'plain'
    ? (Module.createRequire(bundle)(bundle), 'plain')
    : loadBundleWithCodeCache(bundle, () => cacheDir, module).cache;
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
process.stdout.write(`${JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, cache })}\n`);
