/**
 * Running a bundle through V8's code cache (electron/main/bundle-code-cache.ts), as the desktop's
 * loader runs main.cjs. Each load is a Node process of its own (tests/support/bundle-cache-child.cjs;
 * in one process V8 would find the code it compiled before in memory): a real esbuild bundle of
 * project code that uses require, module, __filename and __dirname, loaded with the module itself
 * bundled as the app ships it. The real main bundle through the real loader is run in
 * electron-main-wiring.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cacheFileOf,
  cacheKey,
  encodeCacheFile,
  type CacheOutcome,
} from '../../electron/main/bundle-code-cache';
import { ROOT } from '../../scripts/build-electron';
import { asUser, skipReason } from '../support/non-root';
import { useTempDir } from '../support/temp-dir';

const CHILD = path.join(ROOT, 'tests/support/bundle-cache-child.cjs');

// Uses what main.ts uses of CommonJS, and project code enough for V8 to have something to cache.
const ENTRY = `
import { effectiveWeight, groupKey } from './shared/scoring/form';
const dep = require('./dep.cjs');
const depId = require.resolve('./dep.cjs');
export const report = {
  marker: 'first',
  scoring: typeof effectiveWeight + ' ' + typeof groupKey,
  filename: __filename,
  dirname: __dirname,
  id: module.id,
  moduleFilename: module.filename,
  modulePath: module.path,
  paths: module.paths,
  loadedWhileRunning: module.loaded,
  inRequireCache: require.cache[__filename] === module,
  resolved: depId,
  lookup: require.resolve.paths('some-package'),
  dep: dep.name,
  depIsChild: module.children.some((c) => c.id === depId),
  depParentIsThis: require.cache[depId].parent === module,
  parentIsMain: module.parent === require.main,
  extensions: Object.keys(require.extensions),
};
`;

interface ChildReport {
  uid: number;
  cache: CacheOutcome | null;
  report: Record<string, unknown> & { marker: string; dirname: string; filename: string };
}

const temp = useTempDir('ziping-bundle-cache-');
let lib: string;
let bundleSource: string;

beforeAll(async () => {
  // Reachable by the unprivileged user of the read-only test (mkdtemp makes it 0700).
  chmodSync(temp(), 0o755);
  lib = path.join(temp(), 'bundle-code-cache.cjs');
  const common = {
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  } as const;
  await build({
    ...common,
    entryPoints: [path.join(ROOT, 'electron/main/bundle-code-cache.ts')],
    outfile: lib,
  });
  const out = await build({
    ...common,
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts', sourcefile: 'entry.ts' },
    external: ['./dep.cjs'],
    write: false,
  });
  bundleSource = out.outputFiles[0]?.text ?? '';
}, 60_000);

/** A folder holding main.cjs (the bundle) and dep.cjs beside it, as dist-electron/ holds them. */
function appFolder(name: string): { bundle: string; cacheDir: string } {
  const dir = path.join(temp(), name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'main.cjs'), bundleSource);
  writeFileSync(path.join(dir, 'dep.cjs'), "exports.name = '依赖';\n");
  return { bundle: path.join(dir, 'main.cjs'), cacheDir: path.join(dir, 'data', 'code-cache') };
}

function start(
  bundle: string,
  cacheDir: string,
  mode: 'plain' | 'cache' = 'cache',
  user: string[] = [],
): ChildReport {
  const command = [...user, process.execPath, CHILD, lib, bundle, cacheDir, mode];
  const run = spawnSync(command[0] as string, command.slice(1), { encoding: 'utf8', timeout: 120_000 });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as ChildReport;
}

/** The bundle still runs, its cache is made again, and the start after takes that one. */
function expectRebuilt(app: { bundle: string; cacheDir: string }): void {
  const load = start(app.bundle, app.cacheDir);
  expect(load.cache).toBe('rebuilt');
  expect(load.report.marker).toBe('first');
  expect(start(app.bundle, app.cacheDir).cache).toBe('accepted');
}

const cacheFiles = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.v8cache'));

describe('the main bundle through V8’s code cache', () => {
  it('runs as require runs it: the same require, module, __filename and __dirname', () => {
    const plain = appFolder('plain');
    const cached = appFolder('cached');
    const a = start(plain.bundle, plain.cacheDir, 'plain');
    const b = start(cached.bundle, cached.cacheDir);
    expect(b.cache).toBe('created');
    expect(b.report.filename).toBe(cached.bundle);
    expect(b.report.dirname).toBe(path.dirname(cached.bundle));
    expect(b.report).toMatchObject({ scoring: 'function function', dep: '依赖', inRequireCache: true });
    const samePlace = JSON.parse(JSON.stringify(b.report).replaceAll('/cached', '/plain')) as unknown;
    expect(samePlace).toEqual(a.report);
  });

  it('compiles at the first start and saves the cache; the next start takes it', () => {
    const app = appFolder('twice');
    expect(start(app.bundle, app.cacheDir).cache).toBe('created');
    const [file] = cacheFiles(app.cacheDir);
    expect(file).toMatch(/^main\.cjs-[0-9a-f]{16}\.v8cache$/);
    const saved = readFileSync(path.join(app.cacheDir, file ?? ''));
    const second = start(app.bundle, app.cacheDir);
    expect(second.cache).toBe('accepted');
    expect(second.report.marker).toBe('first');
    // Taken as it was: not written again, no temp file left.
    expect(readFileSync(path.join(app.cacheDir, file ?? '')).equals(saved)).toBe(true);
    expect(readdirSync(app.cacheDir)).toEqual([file]);
  });

  it('makes a new cache for a changed bundle (even of the same length) and drops the old one', () => {
    const app = appFolder('changed');
    start(app.bundle, app.cacheDir);
    const [before] = cacheFiles(app.cacheDir);
    // Same length: V8's own check of a cache (the source's length) would not see the change.
    writeFileSync(app.bundle, bundleSource.replace('"first"', '"other"'));
    const changed = start(app.bundle, app.cacheDir);
    expect(changed.cache).toBe('created');
    expect(changed.report.marker).toBe('other');
    const after = cacheFiles(app.cacheDir);
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
    expect(start(app.bundle, app.cacheDir).cache).toBe('accepted');
  });

  it('rebuilds a damaged or cut-off cache', () => {
    const app = appFolder('damaged');
    start(app.bundle, app.cacheDir);
    const file = path.join(app.cacheDir, cacheFiles(app.cacheDir)[0] ?? '');
    const whole = readFileSync(file);
    const flipped = Buffer.from(whole);
    flipped[flipped.length - 10] = (flipped[flipped.length - 10] ?? 0) ^ 0xff;
    for (const damaged of [flipped, whole.subarray(0, whole.length >> 1), Buffer.alloc(0)]) {
      writeFileSync(file, damaged);
      expectRebuilt(app);
    }
  });

  it('rebuilds a whole cache file whose code V8 refuses', () => {
    const app = appFolder('refused');
    const key = cacheKey(Buffer.from(bundleSource));
    mkdirSync(app.cacheDir, { recursive: true });
    const file = cacheFileOf(app.cacheDir, app.bundle, key);
    writeFileSync(file, encodeCacheFile(key, Buffer.alloc(4096, 7)));
    expectRebuilt(app);
  });

  it('throws what the bundle throws, having run it once (never again as a fallback)', () => {
    const app = appFolder('throws');
    writeFileSync(app.bundle, `process.stdout.write('ran\\n');\nthrow new Error('启动失败');\n`);
    const run = spawnSync(process.execPath, [CHILD, lib, app.bundle, app.cacheDir, 'cache'], {
      encoding: 'utf8',
    });
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('ran\n');
    expect(run.stderr).toContain('启动失败');
    expect(run.stderr).toContain(`${app.bundle}:2`);
  });

  it('requires the bundle as usual when the cache folder cannot be made', () => {
    const app = appFolder('no-folder');
    const blocker = path.join(temp(), 'a-file');
    writeFileSync(blocker, '');
    const load = start(app.bundle, path.join(blocker, 'code-cache'));
    expect(load.cache).toBe('plain');
    expect(load.report).toMatchObject({ marker: 'first', dirname: path.dirname(app.bundle) });
  });
});

describe.skipIf(asUser === null)(`a read-only cache folder, as a user who is not root${skipReason}`, () => {
  it('still starts: with the cache there, and without one (nothing saved)', () => {
    const app = appFolder('read-only');
    chmodSync(path.dirname(app.bundle), 0o755);
    mkdirSync(app.cacheDir, { recursive: true, mode: 0o755 });
    const user = asUser ?? [];
    const bare = start(app.bundle, app.cacheDir, 'cache', user);
    expect(bare.uid).not.toBe(0);
    expect(bare.cache).toBe('not-saved');
    expect(bare.report.marker).toBe('first');
    expect(readdirSync(app.cacheDir)).toEqual([]);
    // A cache made earlier by its owner is still taken.
    const owner = appFolder('read-only-owner');
    start(owner.bundle, owner.cacheDir);
    cpSync(owner.cacheDir, app.cacheDir, { recursive: true });
    chmodSync(app.cacheDir, 0o755);
    expect(start(app.bundle, app.cacheDir, 'cache', user).cache).toBe('accepted');
    // Under a folder it may not write, none can be made: required as usual.
    expect(start(app.bundle, path.join(app.cacheDir, 'sub'), 'cache', user).cache).toBe('plain');
  });
});
