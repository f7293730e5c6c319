/**
 * A real PostgreSQL server for a test (Debian's package `postgresql`): initdb into a temp folder,
 * started with pg_ctl on a free port (its socket in that folder too), trust authentication on
 * 127.0.0.1 only, stopped and removed after. PostgreSQL refuses to run as root, so as root it runs
 * as the `postgres` user (setpriv/runuser); psql runs as the test's own user over TCP.
 */
import { execFile, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRoot } from './non-root';

/** The newest /usr/lib/postgresql/N/bin holding initdb and pg_ctl, or null. */
export function postgresBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const bin = join(base, v, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl')) && existsSync(join(bin, 'psql')))
      return bin;
  }
  return null;
}

function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        encoding: 'utf8',
        maxBuffer: 64 * 2 ** 20,
        timeout: 180_000,
        env: { ...process.env, ...options.env },
      },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`${command} ${args.join(' ')}: ${error.message}\n${stderr}`))
          : resolve(stdout),
    );
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function postgresUser(): { uid: number; gid: number } | null {
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

export interface Postgres {
  /** psql on the test database: `--csv` output of one SQL text, or a psql script from stdin. */
  query(sql: string): Promise<string>;
  /** Runs psql with these arguments (e.g. `-c '\copy …'`) on the test database. */
  psql(args: string[]): Promise<string>;
  stop(): Promise<void>;
}

export async function startPostgres(bin: string): Promise<Postgres> {
  const dir = mkdtempSync(join(tmpdir(), 'ziping-pg-'));
  const data = join(dir, 'data');
  let prefix: string[] = [];
  if (isRoot) {
    const user = postgresUser();
    if (!user) throw new Error('以 root 运行，但系统中没有 postgres 用户：PostgreSQL 不能以 root 运行');
    chownSync(dir, user.uid, user.gid);
    prefix =
      spawnSync('setpriv', ['--version']).status === 0
        ? ['setpriv', `--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups', '--']
        : ['runuser', '-u', 'postgres', '--'];
  }
  const asServer = (tool: string, args: string[]) => {
    const command = [...prefix, join(bin, tool), ...args];
    return run(command[0] as string, command.slice(1), { env: { LC_ALL: 'C.UTF-8' } });
  };
  const port = await freePort();
  await asServer('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync']);
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  await asServer('pg_ctl', [
    'start',
    '-D',
    data,
    '-w',
    '-t',
    '120',
    '-l',
    join(dir, 'log.txt'),
    '-o',
    settings,
  ]);
  const psql = (args: string[]) =>
    run(
      join(bin, 'psql'),
      ['-X', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', ...args],
      {
        env: { PGCLIENTENCODING: 'UTF8' },
      },
    );
  await psql(['-d', 'postgres', '-c', 'CREATE DATABASE ziping']);
  return {
    psql: (args) => psql(['-d', 'ziping', ...args]),
    query: (sql) => psql(['-d', 'ziping', '--csv', '-c', sql]),
    stop: async () => {
      try {
        await asServer('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
