/**
 * Running a child as a user who is not root (uid 65534, nobody), for permission tests: as root
 * every file is readable and writable, so a read-only folder proves nothing there.
 */
import { spawnSync } from 'node:child_process';

export const NOBODY = 65534;
export const isRoot = process.getuid?.() === 0;
const runs = (command: string, args: string[]): boolean => isRoot && spawnSync(command, args).status === 0;

/** The command prefix that runs a child as a user who is not root; null when this machine cannot. */
export const asUser: string[] | null = !isRoot
  ? []
  : runs('setpriv', ['--version'])
    ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--']
    : runs('runuser', ['-u', 'nobody', '--', 'true'])
      ? ['runuser', '-u', 'nobody', '--']
      : null;

export const asUserSkipReason =
  asUser === null ? '（跳过：以 root 运行且没有 setpriv 或 runuser，无法以普通用户测试权限）' : '';
