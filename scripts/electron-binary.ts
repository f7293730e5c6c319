/**
 * Where the Electron executable is, if it was downloaded: `require('electron')` gives its path
 * (and throws when the download never happened, as on machines without internet access).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function electronBinary(load: () => unknown = () => require('electron')): string | null {
  try {
    const found = load();
    return typeof found === 'string' && existsSync(found) ? found : null;
  } catch {
    return null;
  }
}
