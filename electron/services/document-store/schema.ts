/**
 * The .ziping file format: an SQLite database tagged with PRAGMA application_id, its schema
 * version in PRAGMA user_version, upgraded by numbered migrations that each run in a transaction.
 */
import type Database from 'better-sqlite3';

/** "ZPNG" — tells a .ziping file from any other SQLite database. */
export const APPLICATION_ID = 0x5a504e47;

/** The app version that wrote this schema, named to users of older versions. */
export const APP_VERSION = '0.2.0';

export interface Migration {
  version: number;
  /** The app version that introduced it (what an older app must be upgraded to). */
  appVersion: string;
  up(db: Database.Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    appVersion: '0.1.0',
    up(db) {
      db.exec(`
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
        -- One row per form: its inputs as the model's JSON. Scores are derived and recomputed on open.
        CREATE TABLE forms (id TEXT PRIMARY KEY, position INTEGER NOT NULL, body TEXT NOT NULL) STRICT;
        -- Every change as applied, with its inverse: history, and what the author did when.
        -- patch and inverse are deflated JSON (changeCodec.ts): an imported form is a big patch.
        CREATE TABLE changes (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          at TEXT NOT NULL,
          user TEXT NOT NULL,
          form_id TEXT,
          patch BLOB NOT NULL,
          inverse BLOB NOT NULL
        ) STRICT;
        CREATE INDEX changes_form ON changes(form_id, seq);
      `);
    },
  },
  {
    version: 2,
    appVersion: '0.2.0',
    up(db) {
      db.exec(`
        -- Review data (shared/review): comments, audit scores, form statuses, one JSON item per
        -- row. updated_at decides which copy wins when a reviewer's review file is merged in.
        CREATE TABLE review_items (
          id TEXT PRIMARY KEY,
          kind TEXT NOT NULL,
          form_id TEXT,
          body TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX review_items_form ON review_items(form_id);
        -- Each save into the user's file: the last change it holds (changes.seq), so an earlier
        -- saved version can be rebuilt from the change log and compared.
        CREATE TABLE saves (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          change_seq INTEGER NOT NULL,
          at TEXT NOT NULL,
          user TEXT NOT NULL,
          path TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** The newest schema version `migrations` make (tests inject newer ones). */
export function newestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((v, m) => Math.max(v, m.version), 0);
}

export function schemaVersionOf(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function applicationIdOf(db: Database.Database): number {
  return db.pragma('application_id', { simple: true }) as number;
}

/**
 * Brings a database up to the newest schema, one migration per transaction, so an interrupted
 * upgrade leaves the file at the last completed version. Returns the versions applied.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const applied: number[] = [];
  for (const m of migrations) {
    if (schemaVersionOf(db) >= m.version) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${m.version}`);
      db.prepare(
        "INSERT INTO meta(key, value) VALUES ('minAppVersion', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      ).run(m.appVersion);
    })();
    applied.push(m.version);
  }
  return applied;
}
