/** Runs the `ziping` command line in this process (no child process), capturing what it prints. */
import { main } from '../../electron/cli/main';

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function ziping(...args: string[]): Promise<InProcessRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}
