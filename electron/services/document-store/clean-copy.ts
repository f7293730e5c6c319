/**
 * A clean copy of a refused document (schema-guard.ts): a fresh file made by our migrations at
 * the same schema version, holding only the rows of our tables. Nothing of the original's
 * schema is carried over, so triggers, views and extra tables are gone; the original is only read.
 */
import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DocFailure, failure, fromSystemError, ok, type DocResult } from './errors';
import { probeDocument } from './probe';
import { MIGRATIONS, migrate, schemaVersionOf, type Migration } from './schema';
import { expectedSchema, openUntrusted, readSchema, schemaProblem } from './schema-guard';
import { renameDurably } from '../files';
import { removeDeadSaveTemps, saveTempPath } from './save-file';

export interface CleanCopy {
  /** The rows copied, all tables together. */
  rows: number;
  /** What was left out, as `type name` (triggers, views, extra tables and indexes). */
  leftOut: string[];
}

/**
 * Writes the clean copy of `source` to `dest` (a new file, complete or not there at all).
 * Refused when a table of ours is missing or changed: its rows cannot be trusted to be ours.
 */
export function rebuildCleanCopy(
  source: string,
  dest: string,
  migrations: readonly Migration[] = MIGRATIONS,
): DocResult<CleanCopy> {
  const src = path.resolve(source);
  const target = path.resolve(dest);
  if (src === target)
    return {
      ok: false,
      error: {
        code: 'needs-path',
        message: '干净副本不能覆盖原文件：请选择另一个文件名或位置',
        path: target,
      },
    };
  try {
    probeDocument(src, migrations);
  } catch (e) {
    const error = fromSystemError(e, src, '读取');
    if (error.code !== 'foreign-schema' || error.canRebuild !== true) return { ok: false, error };
  }
  const dir = path.dirname(target);
  removeDeadSaveTemps(dir);
  const tmp = saveTempPath(target);
  let from: Database.Database | null = null;
  let to: Database.Database | null = null;
  try {
    // A typed path may name a folder that is not there yet (browser mode): made, as a save dialog would.
    mkdirSync(dir, { recursive: true });
    from = openUntrusted(src);
    const version = schemaVersionOf(from);
    const problem = schemaProblem(readSchema(from), version, migrations);
    if (problem && !problem.canRebuild)
      throw failure('foreign-schema', `“${path.basename(src)}”的表格数据不完整，无法重建干净副本`, src);
    to = new Database(tmp);
    migrate(
      to,
      migrations.filter((m) => m.version <= version),
    );
    const rows = copyTables(from, to, expectedSchema(version, migrations));
    to.close();
    to = null;
    renameDurably(tmp, target);
    return ok({ rows, leftOut: problem ? problem.objects : [] });
  } catch (e) {
    to?.close();
    for (const leftover of [tmp, `${tmp}-journal`]) rmSync(leftover, { force: true });
    return { ok: false, error: e instanceof DocFailure ? e.error : fromSystemError(e, target, '保存') };
  } finally {
    from?.close();
  }
}

/**
 * Rows of our tables only, read from the table itself (NOT INDEXED: a planted index cannot stand
 * in for it) and written with our own statements.
 */
function copyTables(
  from: Database.Database,
  to: Database.Database,
  schema: ReturnType<typeof expectedSchema>,
): number {
  let rows = 0;
  to.transaction(() => {
    for (const table of schema) {
      if (table.type !== 'table' || table.name.startsWith('sqlite_')) continue;
      const columns = (to.pragma(`table_info("${table.name}")`) as Array<{ name: string }>).map(
        (c) => `"${c.name}"`,
      );
      const list = columns.join(', ');
      const put = to.prepare(
        `INSERT OR REPLACE INTO "${table.name}"(${list}) VALUES (${columns.map(() => '?').join(', ')})`,
      );
      const read = from.prepare(`SELECT ${list} FROM "${table.name}" NOT INDEXED`).raw(true);
      for (const row of read.iterate() as IterableIterator<unknown[]>) {
        put.run(row);
        rows++;
      }
    }
  })();
  return rows;
}
