/**
 * The user's view settings (shared/view-settings.ts) in the data folder, view-settings.json:
 * read tolerantly (a damaged file gives the defaults), written atomically.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readViewSettings, type ViewSettings, type ViewSettingsChange } from '../../shared/view-settings';
import { writeFileAtomic } from './files';

export const VIEW_SETTINGS_FILE = 'view-settings.json';

export function viewSettingsPath(dataDir: string): string {
  return path.join(dataDir, VIEW_SETTINGS_FILE);
}

export function loadViewSettings(dataDir: string): ViewSettings {
  let raw: unknown = null;
  try {
    raw = JSON.parse(readFileSync(viewSettingsPath(dataDir), 'utf8'));
  } catch {
    // First start, or a file that is not JSON: the defaults.
  }
  return readViewSettings(raw);
}

export function saveViewSettings(dataDir: string, change: ViewSettingsChange): ViewSettings {
  const next = { ...loadViewSettings(dataDir), ...change };
  writeFileAtomic(viewSettingsPath(dataDir), `${JSON.stringify(next, null, 2)}\n`);
  return next;
}
