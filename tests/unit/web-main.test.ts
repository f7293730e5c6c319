/**
 * `npm run web` as users start it (the script itself, in a child process): the address is the
 * first line of stdout, `--open` opens a document and `--review` opens it as a reviewer.
 */
import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SAMPLE_PATH } from '../../scripts/build-sample';
import { useTempDir } from '../support/temp-dir';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const tmp = useTempDir('ziping-web-main-');

/** Starts the script, returns the first stdout line and a stop function. */
async function startWeb(args: string[]): Promise<{ first: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/main.ts', '--no-build', ...args], {
    cwd: ROOT,
    env: { ...process.env, ZIPING_DATA_DIR: join(tmp(), 'data') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const first = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
  });
  return { first, stop: () => child.kill('SIGTERM') };
}

async function appState(
  first: string,
): Promise<{ document: { status: { reviewing: boolean; path: string } } | null }> {
  const url = new URL(first.replace(/^Ziping: /, ''));
  const res = await fetch(new URL('/api/app%2Fstate', url), {
    method: 'POST',
    headers: { 'x-ziping-token': url.searchParams.get('token') ?? '', 'content-type': 'application/json' },
    body: '{}',
  });
  const body = (await res.json()) as {
    ok: boolean;
    value: { document: { status: { reviewing: boolean; path: string } } | null };
  };
  expect(body.ok).toBe(true);
  return body.value;
}

describe('npm run web', { timeout: 60_000 }, () => {
  it('prints the address first, opens --open FILE, and --review opens it as a reviewer', async () => {
    const file = join(tmp(), '示例.ziping');
    copyFileSync(SAMPLE_PATH, file);
    const plain = await startWeb(['--port', '0', '--open', file]);
    try {
      expect(plain.first).toMatch(/^Ziping: http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+$/);
      const state = await appState(plain.first);
      expect(state.document?.status).toMatchObject({ path: file, reviewing: false });
    } finally {
      plain.stop();
    }
    const review = await startWeb(['--open', file, '--review']);
    try {
      const state = await appState(review.first);
      expect(state.document?.status).toMatchObject({ path: file, reviewing: true });
    } finally {
      review.stop();
    }
  });
});
