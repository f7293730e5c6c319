/**
 * The user's settings in the data folder (user.json): who they are (姓名, 单位) and, per document,
 * up to when they have looked at its review data (the “seen” marker that tells new review items
 * from old). Kept apart from the desktop shell's settings.json, which the main process rewrites
 * whole; read tolerantly (a damaged file gives no profile), written atomically.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readProfile, type UserProfile } from '../../shared/user/profile';
import { writeFileAtomic } from './files';

export const USER_FILE = 'user.json';
/** Documents remembered; the oldest marks go first (a marker lost only shows a notice again). */
const SEEN_CAP = 500;

interface UserSettings {
  profile: UserProfile | null;
  /** Absolute document path → ISO time up to which its review items were seen. */
  reviewSeen: Record<string, string>;
}

function readSettings(dataDir: string): UserSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path.join(dataDir, USER_FILE), 'utf8'));
  } catch {
    return { profile: null, reviewSeen: {} };
  }
  const o = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const seen = typeof o.reviewSeen === 'object' && o.reviewSeen !== null ? o.reviewSeen : {};
  const reviewSeen: Record<string, string> = {};
  for (const [file, at] of Object.entries(seen)) if (typeof at === 'string') reviewSeen[file] = at;
  return { profile: readProfile(o.profile), reviewSeen };
}

function writeSettings(dataDir: string, settings: UserSettings): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileAtomic(path.join(dataDir, USER_FILE), `${JSON.stringify(settings, null, 1)}\n`);
}

/** The user's name and unit; null until they were given (the first-run dialog asks). */
export function readUserProfile(dataDir: string): UserProfile | null {
  return readSettings(dataDir).profile;
}

export function writeUserProfile(dataDir: string, profile: UserProfile): void {
  writeSettings(dataDir, { ...readSettings(dataDir), profile });
}

/** Up to when the review items of `docPath` were seen here; null: never. */
export function reviewSeenAt(dataDir: string, docPath: string): string | null {
  return readSettings(dataDir).reviewSeen[path.resolve(docPath)] ?? null;
}

export function markReviewSeen(dataDir: string, docPath: string, at: string): void {
  const settings = readSettings(dataDir);
  const key = path.resolve(docPath);
  const rest = Object.entries(settings.reviewSeen).filter(([file]) => file !== key);
  // Insertion order is the order of marking: the newest mark last, the oldest dropped first.
  const kept = [...rest.slice(Math.max(0, rest.length - (SEEN_CAP - 1))), [key, at] as const];
  writeSettings(dataDir, { ...settings, reviewSeen: Object.fromEntries(kept) });
}
