/**
 * V8's code cache on disk for the desktop's JavaScript (#23): Node's compile cache (Node ≥ 22.1,
 * so Electron 41) keeps the compiled code of each module it loads in a folder and reuses it at the
 * next start, when the file is unchanged, instead of compiling it again. Turned on in the main
 * process for what it loads from then on, and through NODE_COMPILE_CACHE from the first line of
 * the document service's utility process (its bundle, and exceljs, docx and better-sqlite3, the
 * biggest JavaScript the app loads). A runtime without it (the Node 20 of the CLI and the tests)
 * ignores both.
 */
import nodeModule from 'node:module';
import path from 'node:path';

/** The part of node:module used: absent before Node 22.1. */
export interface CompileCacheApi {
  enableCompileCache?: (directory?: string) => { directory?: string };
}

/** The cache's folder in the app's data folder (per user, writable, kept across updates). */
export function codeCacheDir(dataDir: string): string {
  return path.join(dataDir, 'code-cache');
}

/** Turns the cache on for what this process loads from now on: its folder, or null without one. */
export function enableCodeCache(
  directory: string,
  api: CompileCacheApi = nodeModule as CompileCacheApi,
): string | null {
  const enable = api.enableCompileCache;
  if (!enable) return null;
  try {
    return enable(directory).directory ?? null;
  } catch {
    // A cache that cannot be written costs the start only its compiling, as before.
    return null;
  }
}

/** A child process's environment with the cache on from its first line. */
export function withCodeCache(
  directory: string,
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) copy[k] = v;
  return { ...copy, NODE_COMPILE_CACHE: directory };
}
