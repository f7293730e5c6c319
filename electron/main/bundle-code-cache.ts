/**
 * Running a CommonJS bundle with V8's code cache kept on disk (#23). Node's compile cache
 * (code-cache.ts) only starts once the main bundle runs, so the bundle itself would be compiled
 * anew at every start: the loader (loader.ts) runs it through here instead. The bundle is
 * compiled by vm.Script with the code V8 produced at the previous start, and run as Node runs a
 * module (the same require, module, exports, __filename, __dirname). The cache file is keyed by
 * the bundle's SHA-256 and the runtime (V8 trusts a cache whose source only has the same length);
 * a stale, damaged or refused cache is rebuilt, and a folder that cannot be written costs only
 * the cache, never the start. The bundle may not use import(): Node loses a script's import()
 * callback when V8 takes its cache (nodejs/node#43663); electron-security-scan.test.ts checks.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/**
 * What became of the cache: used as it was; created (none for this build of the bundle and
 * runtime: the first start, or after an update, whose older cache is then removed); rebuilt (this
 * build's cache was damaged or refused by V8); not saved (the folder refused it, the bundle ran
 * all the same); or not tried (no cache folder: the bundle was required as usual).
 */
export type CacheOutcome = 'accepted' | 'created' | 'rebuilt' | 'not-saved' | 'plain';

export interface BundleLoad {
  exports: unknown;
  cache: CacheOutcome;
}

/** What a cache was made for besides the bundle: V8 refuses code of another build. */
export interface Runtime {
  node: string;
  electron: string;
  v8: string;
  arch: string;
}

export function currentRuntime(): Runtime {
  const v = process.versions as NodeJS.ProcessVersions & { electron?: string };
  return { node: v.node, electron: v.electron ?? '', v8: v.v8, arch: process.arch };
}

/** The part of Node's module loader a module's own require is made of (not in its typings). */
interface ModuleInternals {
  _cache: Record<string, NodeJS.Module | undefined>;
  _extensions: NodeJS.RequireExtensions;
  _nodeModulePaths(from: string): string[];
  _resolveFilename(request: string, parent: NodeJS.Module, isMain: boolean, options?: object): string;
  _resolveLookupPaths(request: string, parent: NodeJS.Module): string[] | null;
  new (id: string, parent?: NodeJS.Module | null): NodeJS.Module;
}
const Loader = Module as unknown as ModuleInternals;

type Wrapper = (
  this: unknown,
  exports: unknown,
  require: NodeJS.Require,
  module: NodeJS.Module,
  filename: string,
  dirname: string,
) => void;

const MAGIC = Buffer.from('ZPV8CC1\n');
const DIGEST = 32;
const SUFFIX = '.v8cache';

/** The cache's key: the bundle's bytes and the runtime that compiled them. */
export function cacheKey(source: Buffer, runtime: Runtime = currentRuntime()): Buffer {
  const hash = createHash('sha256').update(source);
  for (const part of [runtime.node, runtime.electron, runtime.v8, runtime.arch]) hash.update(`\0${part}`);
  return hash.digest();
}

/** `<cache dir>/main.cjs-<16 hex of the key>.v8cache`: one file per bundle build and runtime. */
export function cacheFileOf(cacheDir: string, bundle: string, key: Buffer): string {
  return path.join(cacheDir, `${path.basename(bundle)}-${key.toString('hex').slice(0, 16)}${SUFFIX}`);
}

/** The file: magic, the full key, the SHA-256 of V8's data (a torn or damaged file is told), the data. */
export function encodeCacheFile(key: Buffer, data: Buffer): Buffer {
  return Buffer.concat([MAGIC, key, createHash('sha256').update(data).digest(), data]);
}

/** V8's data from a cache file, or null when it is not one of this key or is damaged. */
export function decodeCacheFile(file: Buffer, key: Buffer): Buffer | null {
  const head = MAGIC.length + 2 * DIGEST;
  if (file.length <= head || !file.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  if (!file.subarray(MAGIC.length, MAGIC.length + DIGEST).equals(key)) return null;
  const data = file.subarray(head);
  const digest = createHash('sha256').update(data).digest();
  return digest.equals(file.subarray(MAGIC.length + DIGEST, head)) ? data : null;
}

interface Prepared {
  script: vm.Script;
  file: string;
  key: Buffer;
  /** This build's cache file was there: rebuilt (not created) unless V8 takes it. */
  found: boolean;
  /** It was whole and of this key: V8 was given it. */
  offered: boolean;
}

/**
 * Runs `bundle` as `parent` would require it, through V8's code cache in the folder `cacheDir()`
 * gives (called here, so that a data folder that cannot be made falls back to a plain require).
 * Errors of the bundle's own code are thrown as require throws them; it never runs twice.
 */
export function loadBundleWithCodeCache(
  bundle: string,
  cacheDir: () => string,
  parent: NodeJS.Module | null = null,
  runtime: Runtime = currentRuntime(),
): BundleLoad {
  let prepared: Prepared;
  try {
    if (Loader._cache[bundle]) throw new Error('already loaded');
    prepared = prepare(bundle, cacheDir(), runtime);
  } catch {
    // No cache folder, or the bundle already loaded: require does what it always does.
    const require = parent ? parent.require.bind(parent) : Module.createRequire(bundle);
    return { exports: require(bundle) as unknown, cache: 'plain' };
  }
  const { script, file, key, found, offered } = prepared;
  const exports = runAsModule(script, bundle, parent);
  if (offered && !script.cachedDataRejected) return { exports, cache: 'accepted' };
  // After the run: V8 then also caches the functions the start compiled lazily.
  if (!saveCache(file, bundle, key, script.createCachedData())) return { exports, cache: 'not-saved' };
  return { exports, cache: found ? 'rebuilt' : 'created' };
}

function prepare(bundle: string, cacheDir: string, runtime: Runtime): Prepared {
  const source = readFileSync(bundle);
  mkdirSync(cacheDir, { recursive: true });
  const key = cacheKey(source, runtime);
  const file = cacheFileOf(cacheDir, bundle, key);
  let stored: Buffer | null = null;
  try {
    stored = readFileSync(file);
  } catch {
    // None yet (or unreadable): compiled without one.
  }
  const cachedData = stored ? decodeCacheFile(stored, key) : null;
  const script = new vm.Script(Module.wrap(source.toString('utf8')), {
    filename: bundle,
    ...(cachedData ? { cachedData } : {}),
  });
  return { script, file, key, found: stored !== null, offered: cachedData !== null };
}

/** Runs the compiled wrapper as Module.prototype._compile would: the same five arguments. */
function runAsModule(script: vm.Script, bundle: string, parent: NodeJS.Module | null): unknown {
  const mod = new Loader(bundle, parent);
  mod.filename = bundle;
  mod.paths = Loader._nodeModulePaths(path.dirname(bundle));
  Loader._cache[bundle] = mod;
  const wrapper = script.runInThisContext() as Wrapper;
  try {
    wrapper.call(mod.exports, mod.exports, requireOf(mod), mod, bundle, path.dirname(bundle));
  } catch (e) {
    // As require does: a module that threw is not left in the cache.
    delete Loader._cache[bundle];
    throw e;
  }
  mod.loaded = true;
  return mod.exports;
}

/** A module's own require, as Node makes it (makeRequireFunction). */
function requireOf(mod: NodeJS.Module): NodeJS.Require {
  const require = ((id: string) => mod.require(id)) as NodeJS.Require;
  const resolve = ((request: string, options?: { paths?: string[] }) =>
    Loader._resolveFilename(request, mod, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => Loader._resolveLookupPaths(request, mod);
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = Loader._extensions;
  require.cache = Loader._cache as NodeJS.Require['cache'];
  return require;
}

/**
 * Writes the cache whole (temp file, then rename: a reader sees the old file or the new one) and
 * drops the bundle's caches of other builds; false when the folder refused it.
 */
function saveCache(file: string, bundle: string, key: Buffer, data: Buffer): boolean {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, encodeCacheFile(key, data));
    renameSync(tmp, file);
  } catch {
    quietly(() => rmSync(tmp, { force: true }));
    return false;
  }
  const older = (name: string) =>
    name !== path.basename(file) && name.startsWith(`${path.basename(bundle)}-`) && name.endsWith(SUFFIX);
  // An older cache left behind only takes room.
  quietly(() => {
    for (const name of readdirSync(dir).filter(older)) rmSync(path.join(dir, name), { force: true });
  });
  return true;
}

function quietly(fn: () => void): void {
  try {
    fn();
  } catch {
    // Housekeeping of the cache folder: nothing the start depends on.
  }
}
