/** Builds renderer/ with Vite into dist/renderer (quietly: the web mode's first line is its address). */
import path from 'node:path';

export const RENDERER_OUT = path.join(import.meta.dirname, '../../dist/renderer');

export async function buildRenderer(): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: path.join(import.meta.dirname, '../../renderer/vite.config.ts'),
    logLevel: 'silent',
  });
}
