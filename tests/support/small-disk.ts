/**
 * Small real file systems (tmpfs mounts) for full-disk tests. Mounting needs root on Linux; where
 * it is not allowed, `smallDiskUnavailable()` says why, so that the tests are skipped visibly.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Why no tmpfs can be mounted here, or null when it can (tried once, then remembered). */
let unavailable: string | null | undefined;
export function smallDiskUnavailable(): string | null {
  if (unavailable !== undefined) return unavailable;
  if (process.platform !== 'linux') return (unavailable = 'tmpfs mounts need Linux');
  const probe = mkdtempSync(join(tmpdir(), 'ziping-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'pipe' });
    execFileSync('umount', [probe], { stdio: 'pipe' });
    unavailable = null;
  } catch (e) {
    const detail = (e as { stderr?: Buffer }).stderr?.toString().trim() || String(e);
    unavailable = `cannot mount a tmpfs (${detail.split('\n')[0]}); run as root to test full disks`;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
  return unavailable;
}

/** Mounts a tmpfs of `size` (e.g. '1m') at `dir`/`name`; returns the mount point and its unmount. */
export function mountSmallDisk(
  dir: string,
  name: string,
  size: string,
): { mnt: string; unmount: () => void } {
  const mnt = join(dir, name);
  mkdirSync(mnt);
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mnt]);
  return { mnt, unmount: () => execFileSync('umount', [mnt]) };
}

/** Fills a file system to the last byte (big files, then small ones); returns the fillers' names. */
export function fill(mnt: string): string[] {
  const names: string[] = [];
  for (const [prefix, size] of [
    ['filler-', 64 * 1024],
    ['small-', 512],
  ] as const) {
    for (let i = 0; ; i++) {
      try {
        writeFileSync(join(mnt, `${prefix}${i}`), Buffer.alloc(size, 1));
        names.push(`${prefix}${i}`);
      } catch {
        names.push(`${prefix}${i}`); // may be there, partly written
        break;
      }
    }
  }
  return names;
}
