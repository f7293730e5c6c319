/**
 * The app's data folder (working copies, recovery, settings). ZIPING_DATA_DIR overrides it so
 * tests and scripts never touch a real user's data.
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.ZIPING_DATA_DIR;
  let dir: string;
  if (override && override.trim() !== '') dir = path.resolve(override);
  else if (process.platform === 'win32')
    dir = path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'Ziping');
  else dir = path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'ziping');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Who is working: written into owner files and the change history. */
export function currentUser(): { user: string; host: string } {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // No passwd entry (containers): keep a placeholder rather than failing to open documents.
  }
  return { user, host: os.hostname() };
}
