/** Documents named on a command line: a double-click, "open with", or a second launch. */
import path from 'node:path';

/**
 * The .ziping files in argv, as absolute paths (relative ones are from the launching shell's
 * folder). Switches and everything else (the executable, Chromium's own flags) are skipped.
 */
export function documentsInArgv(argv: readonly string[], cwd: string): string[] {
  const found = argv
    .filter((a) => !a.startsWith('-') && /\.ziping$/i.test(a))
    .map((a) => path.resolve(cwd, a));
  return [...new Set(found)];
}

/** Whether two absolute paths name the same file (Windows paths ignore case). */
export function samePath(a: string, b: string, platform: NodeJS.Platform = process.platform): boolean {
  return platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b;
}
