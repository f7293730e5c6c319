/** Builds renderer/ with Vite into dist/renderer (quietly: the web mode's first line is its address). */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The project folder: found upwards, so this works from source and from a bundle (npm run bench). */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'renderer', 'vite.config.ts'))) return dir;
    if (path.dirname(dir) === dir) return path.join(from, '../..');
  }
}

const ROOT = projectRoot(import.meta.dirname);

export const RENDERER_OUT = path.join(ROOT, 'dist/renderer');

export async function buildRenderer(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'renderer/vite.config.ts'), logLevel: 'silent' });
}
