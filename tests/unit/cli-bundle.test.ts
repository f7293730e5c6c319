/**
 * The `ziping` command's bundle (scripts/cli-bundle.mjs), built by the real esbuild in a scratch
 * project: used again while its sources are unchanged, rebuilt when one changes or goes, never
 * recorded as fresh when a source was saved during the build, and old builds cleaned up.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildBundle, cacheDir, freshBundle } from '../../scripts/cli-bundle.mjs';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('ziping-cli-bundle-');
const ENTRY = 'src/main.ts';
let root: string;
let project = 0;

/** Writes a source with a time well in the past (a build ignores files saved during it). */
function source(file: string, text: string, secondsAgo = 60): void {
  const full = join(root, file);
  writeFileSync(full, text);
  const when = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(full, when, when);
}

async function run(entry: string): Promise<string> {
  const mod = (await import(pathToFileURL(entry).href)) as { main: () => Promise<string> };
  return mod.main();
}

beforeEach(() => {
  root = join(tempDir(), `project-${++project}`);
  mkdirSync(join(root, 'src'), { recursive: true });
  mkdirSync(join(root, 'node_modules'));
  source(
    'src/main.ts',
    "import { word } from './word';\nexport const main = async (): Promise<string> => (await import('./late')).late(word);\n",
  );
  source('src/word.ts', "export const word: string = 'one';\n");
  source('src/late.ts', 'export const late = (w: string): string => `${w}!`;\n');
});

describe('the command bundle', { timeout: 120_000 }, () => {
  it('is built once and used while no source changed', async () => {
    expect(freshBundle(root)).toBeNull();
    const built = await buildBundle(root, ENTRY);
    expect(await run(built)).toBe('one!');
    expect(built.startsWith(cacheDir(root))).toBe(true);
    expect(freshBundle(root)).toBe(built);
  });

  it('is stale when a source changes, and the rebuild has the change', async () => {
    const first = await buildBundle(root, ENTRY);
    source('src/word.ts', "export const word: string = 'two';\n", 30);
    expect(freshBundle(root)).toBeNull();
    const second = await buildBundle(root, ENTRY);
    expect(second).not.toBe(first);
    expect(await run(second)).toBe('two!');
    expect(freshBundle(root)).toBe(second);
  });

  it('is stale when a source only loaded later (a chunk) changes or goes', async () => {
    await buildBundle(root, ENTRY);
    source('src/late.ts', 'export const late = (w: string): string => `${w}?`;\n', 30);
    expect(freshBundle(root)).toBeNull();
    expect(await run(await buildBundle(root, ENTRY))).toBe('one?');
    rmSync(join(root, 'src/late.ts'));
    expect(freshBundle(root)).toBeNull();
  });

  it('is not used when its build folder was removed', async () => {
    const built = await buildBundle(root, ENTRY);
    rmSync(dirname(built), { recursive: true });
    expect(freshBundle(root)).toBeNull();
  });

  it('is not recorded as fresh when a source was saved during the build', async () => {
    source('src/word.ts', "export const word: string = 'now';\n", 0);
    const built = await buildBundle(root, ENTRY);
    expect(await run(built)).toBe('now!');
    expect(freshBundle(root)).toBeNull();
  });

  it('removes builds no manifest names once they are an hour old, and keeps recent ones', async () => {
    const cache = cacheDir(root);
    mkdirSync(join(cache, 'build-old'), { recursive: true });
    mkdirSync(join(cache, 'build-recent'));
    const old = new Date(Date.now() - 2 * 3600 * 1000);
    utimesSync(join(cache, 'build-old'), old, old);
    const built = await buildBundle(root, ENTRY);
    const left = readdirSync(cache);
    expect(left).not.toContain('build-old');
    expect(left).toContain('build-recent');
    expect(existsSync(built)).toBe(true);
  });

  it('a source esbuild refuses: the build fails and leaves no bundle behind', async () => {
    source('src/word.ts', 'export const word: string = ;\n', 30);
    await expect(buildBundle(root, ENTRY)).rejects.toThrow();
    expect(freshBundle(root)).toBeNull();
    const cache = cacheDir(root);
    expect(existsSync(cache) ? readdirSync(cache) : []).toEqual([]);
  });
});
