/**
 * The rescan cache (#22): what each unit's file gave, kept in the data folder
 * (`<ZIPING_DATA_DIR>/units-cache.sqlite`) under the file's full path with its size and mtime, so
 * that a rescan reads only the files whose size or time changed. Failures are kept too (a hostile
 * file is not parsed again until it changes). The units' files themselves are never written.
 *
 * Each entry holds the unit and its forms apart from its indicator lines: the app's overview needs
 * only the former, and 2,000 units' indicators would be most of the bytes to inflate.
 *
 * After a whole scan, entries of files under the scanned folders that are gone are dropped, and the
 * cache keeps at most MAX_ENTRIES, the least recently scanned going first: a province's folders,
 * scanned one after another over the years, cannot grow it without limit.
 */
import Database from 'better-sqlite3';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { FormRow, IndicatorRow, UnitRow } from '../../../shared/units/unit-summary';
import { dataDir } from '../data-dir';
import { reviewFilePath } from '../document-store/review-store';
import { readUnit, type UnitRead } from './read-unit';
import { scanUnits, type ScanOptions, type UnitsScan } from './scan-units';

/** Raise when the rows a file gives change (columns, scoring), so that old entries are not used. */
const CACHE_VERSION = 4;
/** ≈ 10 province-sized folders of units; an entry is ≈ 2 KB (its unit and forms). */
export const MAX_ENTRIES = 20_000;
export const UNITS_CACHE_FILE = 'units-cache.sqlite';

type Head = { ok: true; unit: UnitRow; forms: FormRow[] } | { ok: false; reason: string };

interface Entry {
  size: number;
  mtime: number;
  head: Buffer;
  /** null: kept without them (the overview's scan), or the file failed. */
  indicators: Buffer | null;
  /** 1: the file could not be read (head holds why). */
  failed: number;
  /** The review file beside it as it was (its 审核状态 count too): size:mtime, or '' when none. */
  review: string;
  /** When a scan last found the file (ms since 1970): the bound drops the oldest first. */
  used: number;
}

/** A document's review file changes apart from it (a reviewer saves it): part of the key. */
function reviewStamp(file: string): string {
  if (!/\.ziping$/i.test(file)) return '';
  const stat = statSync(reviewFilePath(file), { throwIfNoEntry: false });
  return stat ? `${stat.size}:${stat.mtimeMs}` : '';
}

const pack = (value: unknown) => deflateRawSync(Buffer.from(JSON.stringify(value), 'utf8'), { level: 1 });
const unpack = <T>(blob: Buffer): T => JSON.parse(inflateRawSync(blob).toString('utf8')) as T;

function openCacheDb(file: string): Database.Database {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    if (db.pragma('user_version', { simple: true }) !== CACHE_VERSION) {
      db.exec('DROP TABLE IF EXISTS entries');
      db.exec(
        'CREATE TABLE entries (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime REAL NOT NULL, head BLOB NOT NULL, indicators BLOB, failed INTEGER NOT NULL, review TEXT NOT NULL, used REAL NOT NULL)',
      );
      db.pragma(`user_version = ${CACHE_VERSION}`);
    }
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function removeCache(file: string): void {
  try {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  } catch {
    // Not removable (the folder is not a folder, or read-only): the scan goes on without a cache.
  }
}

export class UnitsCache {
  private readonly get: Database.Statement<[string], Entry>;
  private readonly put: Database.Statement<
    [string, number, number, Buffer, Buffer | null, number, string, number]
  >;
  /** Files read this run (not from the cache): what a rescan must keep small. */
  readsFromDisk = 0;
  /** The files this run found (full paths), read or taken from the cache. */
  private readonly seen = new Set<string>();
  private readonly now = Date.now();

  private constructor(
    private readonly db: Database.Database,
    private readonly maxEntries: number,
  ) {
    this.get = db.prepare('SELECT size, mtime, head, indicators, failed, review FROM entries WHERE path = ?');
    this.put = db.prepare('INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  }

  /**
   * The cache of the data folder; null when it cannot be kept there (a read-only data folder):
   * the scan then reads every file, as without a cache. A damaged cache file is started afresh.
   */
  static open(dir?: string, maxEntries = MAX_ENTRIES): UnitsCache | null {
    let file = '';
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const folder = dir ?? dataDir();
        mkdirSync(folder, { recursive: true });
        file = path.join(folder, UNITS_CACHE_FILE);
        return new UnitsCache(openCacheDb(file), maxEntries);
      } catch {
        if (attempt === 0 && file) removeCache(file);
      }
    }
    return null;
  }

  /** `read` with the cache in front of it; `indicators` false leaves the indicator lines out. */
  reader(
    options: { indicators?: boolean } = {},
    read: (file: string) => Promise<UnitRead> = (file) => readUnit(file, options),
  ): (file: string) => Promise<UnitRead> {
    const withIndicators = options.indicators !== false;
    return async (file) => {
      const key = path.resolve(file);
      this.seen.add(key);
      // Stat before reading: a file changed while it is read is read again next time.
      const stat = statSync(key, { throwIfNoEntry: false });
      const review = reviewStamp(key);
      const entry = stat ? this.get.get(key) : undefined;
      // An entry kept without indicator lines (by the overview) does not serve a scan that wants them.
      const complete = entry && (!withIndicators || entry.indicators !== null || entry.failed);
      const same =
        entry && entry.size === stat?.size && entry.mtime === stat.mtimeMs && entry.review === review;
      if (stat && entry && complete && same) {
        return this.fromEntry(file, entry, withIndicators);
      }
      const unit = await read(file);
      this.readsFromDisk++;
      if (stat) this.store(key, { size: stat.size, mtime: stat.mtimeMs, review }, unit, withIndicators);
      return unit;
    };
  }

  /**
   * After a whole scan of `paths`: entries under them whose file this scan did not find are
   * dropped (the file is gone), the found ones marked as just used, and the oldest dropped above
   * the bound. One transaction; a cache that cannot be written is left as it was.
   */
  prune(paths: readonly string[]): void {
    const roots = paths.map((p) => path.resolve(p));
    const under = (file: string) => roots.some((r) => file === r || file.startsWith(r + path.sep));
    const all = this.db.prepare('SELECT path FROM entries').pluck().all() as string[];
    const gone = all.filter((file) => !this.seen.has(file) && under(file));
    const drop = this.db.prepare('DELETE FROM entries WHERE path = ?');
    const touch = this.db.prepare('UPDATE entries SET used = ? WHERE path = ?');
    try {
      this.db.transaction(() => {
        for (const file of gone) drop.run(file);
        for (const file of this.seen) touch.run(this.now, file);
        this.db
          .prepare(
            'DELETE FROM entries WHERE path NOT IN (SELECT path FROM entries ORDER BY used DESC LIMIT ?)',
          )
          .run(this.maxEntries);
      })();
    } catch {
      // Not written (disk full): the next whole scan prunes.
    }
  }

  close(): void {
    this.db.close();
  }

  private store(
    key: string,
    stamp: { size: number; mtime: number; review: string },
    unit: UnitRead,
    withIndicators: boolean,
  ): void {
    const head: Head = unit.ok
      ? { ok: true, unit: unit.summary.unit, forms: unit.summary.forms }
      : { ok: false, reason: unit.reason };
    try {
      const indicators = unit.ok && withIndicators ? pack(unit.summary.indicators) : null;
      this.put.run(
        key,
        stamp.size,
        stamp.mtime,
        pack(head),
        indicators,
        unit.ok ? 0 : 1,
        stamp.review,
        this.now,
      );
    } catch {
      // A cache that cannot be written (disk full) only makes the next rescan slower.
    }
  }

  private fromEntry(file: string, entry: Entry, withIndicators: boolean): UnitRead {
    const head = unpack<Head>(entry.head);
    if (!head.ok) return head;
    const indicators = withIndicators && entry.indicators ? unpack<IndicatorRow[]>(entry.indicators) : [];
    // The rows name the file as it was given this time (a relative path may differ from last time).
    const named = <T extends { file: string }>(row: T): T => (row.file === file ? row : { ...row, file });
    return {
      ok: true,
      summary: { unit: named(head.unit), forms: head.forms.map(named), indicators: indicators.map(named) },
    };
  }
}

/**
 * scanUnits with the data folder's cache in front of the reads: a rescan reads only the files
 * whose size or time changed. `readsFromDisk`: how many files were read, not taken from the cache.
 */
export async function scanUnitsCached(
  paths: readonly string[],
  options: Omit<ScanOptions, 'read' | 'concurrency' | 'through'> & {
    dataDir?: string;
    maxEntries?: number;
  } = {},
): Promise<{ scan: UnitsScan; readsFromDisk: number }> {
  const cache = UnitsCache.open(options.dataDir, options.maxEntries);
  if (!cache) {
    const scan = await scanUnits(paths, options);
    return { scan, readsFromDisk: scan.units.length + scan.failed.length };
  }
  try {
    const scan = await scanUnits(paths, { ...options, through: (read) => cache.reader(options, read) });
    cache.prune(paths);
    return { scan, readsFromDisk: cache.readsFromDisk };
  } finally {
    cache.close();
  }
}
