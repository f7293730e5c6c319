/**
 * The app's data folder (working copies, recovery, settings). ZIPING_DATA_DIR overrides it so
 * tests and scripts never touch a real user's data.
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signature } from '../../shared/user/profile';
import { readUserProfile } from './user-settings';

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

/** The signature of edits made before the user gave a name (the first-run dialog asks for one). */
export const UNNAMED_USER = '未署名用户';

/**
 * Who is working: the name (and unit) the user gave, written into owner files, the change history
 * and review data. Never the operating system's login: it means nothing to a reviewer elsewhere.
 */
export function currentUser(dir: string = dataDir()): { user: string; host: string } {
  const profile = readUserProfile(dir);
  return { user: profile ? signature(profile) : UNNAMED_USER, host: os.hostname() };
}
