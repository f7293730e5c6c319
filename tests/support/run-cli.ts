/**
 * Runs the `ziping` command: its main() in this process (fast, what most tests need), or the real
 * bin/ziping.mjs as a child process (the few tests of what only a process shows: the launcher,
 * exit codes, signals). The data folder comes from ZIPING_DATA_DIR either way.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function runZiping(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['bin/ziping.mjs', ...args],
      {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
        // Generous: a first run builds the bundle, and the machine may be busy.
        timeout: 120_000,
        env: { ...process.env, ...env },
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(error);
          return;
        }
        resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
  });
}

/** main() with captured output, as the command would print it (tests/support/cli-in-process.ts). */
export async function runZipingInProcess(args: string[]): Promise<Run> {
  // Loaded on first use: files that need only ROOT or the child process do not load the CLI.
  const { ziping } = await import('./cli-in-process');
  return ziping(...args);
}
