/** Running a child as a user who is not root, for permission tests (the suite runs as root here). */
import { spawnSync } from 'node:child_process';

/** nobody's uid and gid. */
export const NOBODY = 65534;
export const isRoot = process.getuid?.() === 0;
const runs = (command: string, args: string[]): boolean => isRoot && spawnSync(command, args).status === 0;

/** How to run a child as a user who is not root (uid 65534, nobody); null when this machine cannot. */
export const asUser: string[] | null = !isRoot
  ? []
  : runs('setpriv', ['--version'])
    ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--']
    : runs('runuser', ['-u', 'nobody', '--', 'true'])
      ? ['runuser', '-u', 'nobody', '--']
      : null;

export const skipReason =
  asUser === null ? '（跳过：以 root 运行且没有 setpriv 或 runuser，无法以普通用户测试权限）' : '';
