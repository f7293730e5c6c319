/**
 * Only our schema is ever opened. A .ziping file someone else made may carry SQL of its own
 * (triggers that fire on our writes, views that recurse forever, extra tables); before any
 * statement touches its data, its sqlite_master must be exactly what our migrations create at its
 * schema version. Reading sqlite_master only parses the CREATE statements: nothing in them runs.
 *
 * Defensive settings: better-sqlite3 turns SQLITE_DBCONFIG_DEFENSIVE on for every connection
 * (unless unsafeMode() is called, which this app never does): no writable_schema, no direct
 * writes to shadow tables. trusted_schema=OFF is set here on every connection to an untrusted
 * file, so functions with side effects and virtual tables cannot be reached from the schema.
 * SQLite's progress handler is compiled out of better-sqlite3 (SQLITE_OMIT_PROGRESS_CALLBACK):
 * reads are bounded by refusing every schema object that could run SQL, before reading any row.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { DocFailure, type DocError } from './errors';
import { MIGRATIONS, migrate, schemaVersionOf, type Migration } from './schema';

export interface SchemaEntry {
  type: string;
  name: string;
  tbl_name: string;
  /** Whitespace-normalised CREATE statement; null for SQLite's automatic indexes. */
  sql: string | null;
}

/** Opens a file read-only with the defensive settings above (creates nothing beside it). */
export function openUntrusted(file: string): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    distrustSchema(db);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

/** Turns off what a planted schema could call (see above); on every connection we open. */
export function distrustSchema(db: Database.Database): void {
  db.pragma('trusted_schema = OFF');
}

/**
 * Whitespace only: it never changes what a statement means outside string literals, and our
 * schema has none, so a statement with a literal never equals ours however it is normalised.
 */
function normaliseSql(sql: string | null): string | null {
  if (sql === null) return null;
  return sql
    .replace(/\s+/g, ' ')
    .replace(/\s*([(),])\s*/g, '$1')
    .trim();
}

export function readSchema(db: Database.Database): SchemaEntry[] {
  const rows = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master').all() as SchemaEntry[];
  return rows.map((r) => ({ ...r, sql: normaliseSql(r.sql) }));
}

const cache = new WeakMap<readonly Migration[], Map<number, SchemaEntry[]>>();

/** The schema our migrations create at `version` (built once in memory, then cached). */
export function expectedSchema(
  version: number,
  migrations: readonly Migration[] = MIGRATIONS,
): SchemaEntry[] {
  let byVersion = cache.get(migrations);
  if (!byVersion) {
    byVersion = new Map();
    cache.set(migrations, byVersion);
  }
  const known = byVersion.get(version);
  if (known) return known;
  const db = new Database(':memory:');
  try {
    migrate(
      db,
      migrations.filter((m) => m.version <= version),
    );
    const schema = readSchema(db);
    byVersion.set(version, schema);
    return schema;
  } finally {
    db.close();
  }
}

const key = (e: SchemaEntry): string => `${e.type}\u0000${e.name}`;
const same = (a: SchemaEntry, b: SchemaEntry): boolean =>
  a.type === b.type && a.name === b.name && a.tbl_name === b.tbl_name && a.sql === b.sql;

export interface SchemaProblem {
  /** Objects that run SQL (triggers, views), objects not ours, or ours changed or missing. */
  kind: 'runs-sql' | 'extra' | 'mismatch';
  /** The objects concerned, as `type name`. */
  objects: string[];
  /** Every table of ours is there exactly as we create it: its rows can be copied into a clean file. */
  canRebuild: boolean;
}

/** What in `actual` is not the schema of `version`; null when it is exactly that. */
export function schemaProblem(
  actual: readonly SchemaEntry[],
  version: number,
  migrations: readonly Migration[] = MIGRATIONS,
): SchemaProblem | null {
  const expected = expectedSchema(version, migrations);
  const mine = new Map(expected.map((e) => [key(e), e]));
  const theirs = new Map(actual.map((e) => [key(e), e]));
  const foreign = actual.filter((e) => !mine.has(key(e)));
  const changed = expected.filter((e) => {
    const t = theirs.get(key(e));
    return !t || !same(t, e);
  });
  if (foreign.length === 0 && changed.length === 0) return null;
  // sqlite_sequence only keeps AUTOINCREMENT counters, which copying the rows sets again.
  const isData = (e: SchemaEntry): boolean => e.type === 'table' && e.name !== 'sqlite_sequence';
  const canRebuild = expected.some(isData) && !changed.some(isData);
  const runsSql = foreign.filter((e) => e.type === 'trigger' || e.type === 'view');
  const label = (e: SchemaEntry): string => `${e.type} ${e.name}`;
  if (runsSql.length > 0) return { kind: 'runs-sql', objects: runsSql.map(label), canRebuild };
  if (changed.length === 0) return { kind: 'extra', objects: foreign.map(label), canRebuild };
  return { kind: 'mismatch', objects: [...changed, ...foreign].map(label), canRebuild };
}

export function schemaError(problem: SchemaProblem, file: string, version: number): DocError {
  const name = path.basename(file);
  const what = {
    'runs-sql': '含有不属于自评表的数据库对象（触发器/视图）',
    extra: '含有不属于自评表的数据表或索引',
    mismatch: `的数据库结构与其版本（第 ${version} 版）不符`,
  }[problem.kind];
  const next = problem.canRebuild
    ? '；其中的表格数据完好，可以重建一份只含数据的干净副本另存到其他位置'
    : '：请向文件的提供者索取原始文件，或使用备份';
  return {
    code: 'foreign-schema',
    message: `文档“${name}”${what}，为安全起见不予打开${next}`,
    path: file,
    canRebuild: problem.canRebuild,
  };
}

/** A schema far bigger than ours (probe.ts refuses it before SQLite parses it). */
export function schemaTooLargeError(file: string): DocError {
  return {
    code: 'foreign-schema',
    message: `文档“${path.basename(file)}”含有大量不属于自评表的数据库对象，为安全起见不予打开：请向文件的提供者索取原始文件，或使用备份`,
    path: file,
    canRebuild: false,
  };
}

/**
 * Throws a DocFailure unless `db` holds exactly the schema of its own schema version. `version`:
 * the version to check against (default: the file's user_version).
 */
export function assertOurSchema(
  db: Database.Database,
  file: string,
  migrations: readonly Migration[] = MIGRATIONS,
  version: number = schemaVersionOf(db),
): void {
  const problem = schemaProblem(readSchema(db), version, migrations);
  if (problem) throw new DocFailure(schemaError(problem, file, version));
}
