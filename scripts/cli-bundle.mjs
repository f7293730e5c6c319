// The `ziping` command's code bundled by esbuild, so that a start does not transpile TypeScript
// (tsx spent 0.7 s of every start doing so). `npm install` builds it (`prepare`), and it is
// rebuilt whenever a file it was built from changed (size or time), so that a developer never runs
// stale code. It lives in the project's node_modules/.cache, where its packages resolve, never in
// the user's data folder. Packages stay outside the bundle (better-sqlite3 is a native module).
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const THIS_FILE = fileURLToPath(import.meta.url);
export const PROJECT_ROOT = path.dirname(path.dirname(THIS_FILE));
const ENTRY = 'electron/cli/main.ts';
/** Bundled beside the command's entry: the many-units read pool starts it in worker threads. */
const READ_WORKER = 'electron/services/units/read-worker.ts';
/** Builds older than this that no manifest names are removed; a command started just before a rebuild may still be loading one. */
const OLD_BUILD_MS = 60 * 60 * 1000;

/** @param {string} root */
export function cacheDir(root) {
  return path.join(root, 'node_modules', '.cache', 'ziping-cli');
}

/** @param {string} file */
function stamp(file) {
  const s = statSync(file);
  return { size: s.size, mtimeMs: s.mtimeMs };
}

/**
 * The bundle's entry file if it was built from the files as they are now, else null.
 * @param {string} root
 * @returns {string | null}
 */
export function freshBundle(root) {
  try {
    const manifest = JSON.parse(readFileSync(path.join(cacheDir(root), 'manifest.json'), 'utf8'));
    for (const input of manifest.inputs) {
      const now = stamp(path.resolve(root, input.file));
      if (now.size !== input.size || now.mtimeMs !== input.mtimeMs) return null;
    }
    const entry = path.join(cacheDir(root), manifest.entry);
    statSync(entry);
    return entry;
  } catch {
    return null; // no bundle yet, or a file it was built from, or the build itself, is gone
  }
}

/**
 * Builds the bundle into a new folder and names it in the manifest (written last, by rename, so a
 * command starting meanwhile sees the old build or the new one, whole). Returns the entry file.
 * @param {string} root
 * @param {string} [entry] the command's source, relative to root
 * @returns {Promise<string>}
 */
export async function buildBundle(root, entry = ENTRY) {
  const { build } = await import('esbuild');
  const cache = cacheDir(root);
  const name = `build-${Date.now()}-${process.pid}`;
  const outdir = path.join(cache, name);
  const started = Date.now();
  try {
    const result = await build({
      absWorkingDir: root,
      // The read worker only with the command's own entry (not a scratch project's).
      entryPoints: entry === ENTRY ? { main: entry, 'units-read-worker': READ_WORKER } : { main: entry },
      outdir,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      // Chunks: a command's packages (exceljs takes 0.5 s to load) load only when it runs.
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      metafile: true,
      logLevel: 'silent',
    });
    const sources = Object.keys(result.metafile.inputs).map((file) => path.resolve(root, file));
    const inputs = [THIS_FILE, ...sources].map((file) => ({
      file: path.relative(root, file),
      ...stamp(file),
    }));
    // A file saved while esbuild read it may be in the bundle as it was before: build again next
    // time (a second of margin: file times lag the clock by a tick).
    if (inputs.some((i) => i.mtimeMs >= started - 1000)) return path.join(outdir, 'main.mjs');
    const manifest = path.join(cache, 'manifest.json');
    const temp = `${manifest}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ entry: `${name}/main.mjs`, inputs }));
    renameSync(temp, manifest);
  } catch (e) {
    rmSync(outdir, { recursive: true, force: true });
    throw e;
  }
  removeOldBuilds(cache, name);
  return path.join(outdir, 'main.mjs');
}

/**
 * @param {string} cache
 * @param {string} current
 */
function removeOldBuilds(cache, current) {
  for (const entry of readdirSync(cache)) {
    if (!entry.startsWith('build-') || entry === current) continue;
    const dir = path.join(cache, entry);
    try {
      if (Date.now() - statSync(dir).mtimeMs > OLD_BUILD_MS) rmSync(dir, { recursive: true, force: true });
    } catch {
      // another command removed it first
    }
  }
}

/**
 * The command's module: the bundle, built first if needed; the sources through tsx if it cannot
 * be built (esbuild absent, node_modules read-only, or a source esbuild refuses: tsx then says why).
 * @returns {Promise<typeof import('../electron/cli/main')>}
 */
export async function loadCli(root = PROJECT_ROOT) {
  let entry = freshBundle(root);
  if (entry === null) entry = await buildBundle(root).catch(() => null);
  if (entry !== null) return import(pathToFileURL(entry).href);
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(path.join(root, ENTRY)).href);
}

// `node scripts/cli-bundle.mjs` (npm's `prepare`): build now rather than at the first command.
// Never fails the install: the command builds or falls back to tsx on its own.
if (process.argv[1] && path.resolve(process.argv[1]) === THIS_FILE) {
  if (freshBundle(PROJECT_ROOT) === null) {
    await buildBundle(PROJECT_ROOT).catch((e) => {
      const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
      process.stderr.write(`ziping：未能预先打包命令行（${reason}），首次运行时会再试\n`);
    });
  }
}
