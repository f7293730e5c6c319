/**
 * Many units' files read for an overview (#22): every .ziping document and official-layout .xlsx
 * workbook under the paths given (folders recursively), each only read — no owner file, no working
 * copy, so read-only network folders work — and a file that cannot be read is listed with its
 * reason while the scan goes on.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FormRow, IndicatorRow, UnitRow } from '../../../shared/units/unit-summary';
import type { FailedFile } from '../../../shared/units/units-tables';
import { ReadPool } from './read-pool';
import { DOCUMENT_FILE, readUnit, WORKBOOK_FILE, type UnitRead } from './read-unit';

export interface UnitsScan {
  units: UnitRow[];
  forms: FormRow[];
  indicators: IndicatorRow[];
  /** Files found but not read, with why. */
  failed: FailedFile[];
}

export interface ScanOptions {
  /** Called with 0 first, then after each file read (done = total at the end). */
  onProgress?: (done: number, total: number) => void;
  /** Stops the scan (and the read pool) promptly; the scan then throws signal.reason. */
  signal?: AbortSignal;
  /** Keep the indicator lines (the CLI's outputs); the app's overview needs only units and forms. */
  indicators?: boolean;
  /** Reads a file; default: the read pool, or this thread for fewer than POOL_FROM files. */
  read?: (file: string) => Promise<UnitRead>;
  /** Reads in flight at once with `read` (default 1). */
  concurrency?: number;
  /** Put in front of the reads, whichever they are (the rescan cache). */
  through?: (read: (file: string) => Promise<UnitRead>) => (file: string) => Promise<UnitRead>;
  /** Read in this thread, one file at a time, with no pool (a comparison in tests). */
  inProcess?: boolean;
}

/** Reads in flight per worker: one queued behind each read, so that no worker waits for the next file. */
export const READS_PER_WORKER = 2;
/** From this many files on they are read in the pool (a worker takes ≈ 0.3 s to start, a file ≈ 10 ms). */
export const POOL_FROM = 16;

const isUnitFile = (name: string) => DOCUMENT_FILE.test(name) || WORKBOOK_FILE.test(name);

/** The unit files under the paths, in a stable order, each once; a path not there is a failure. */
export function findUnitFiles(paths: readonly string[], failed: FailedFile[]): string[] {
  const found = new Set<string>();
  const walk = (p: string) => {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      failed.push({ file: p, reason: '找不到该文件或文件夹' });
      return;
    }
    if (!isDir) {
      if (isUnitFile(p)) found.add(p);
      else failed.push({ file: p, reason: '不是 .ziping 文档或 .xlsx 工作簿' });
      return;
    }
    let entries: string[];
    try {
      entries = readdirSync(p).sort((a, b) => a.localeCompare(b, 'zh-CN'));
    } catch {
      failed.push({ file: p, reason: '无法读取文件夹（权限不足？）' });
      return;
    }
    for (const name of entries) {
      // Owner files (~$X.ziping, Excel's ~$X.xlsx) and our temp files are not units.
      if (name.startsWith('~$') || name.startsWith('.~')) continue;
      const child = path.join(p, name);
      let dir = false;
      try {
        dir = statSync(child).isDirectory();
      } catch {
        continue;
      }
      if (dir) walk(child);
      else if (isUnitFile(name)) found.add(child);
    }
  };
  for (const p of paths) walk(p);
  return [...found];
}

/**
 * Reads the files `concurrency` at a time and gives their reads in the files' order (the rows do
 * not depend on which read ended first).
 */
async function readAll(
  files: readonly string[],
  read: (file: string) => Promise<UnitRead>,
  options: ScanOptions,
): Promise<UnitRead[]> {
  const reads = new Array<UnitRead>(files.length);
  let next = 0;
  let done = 0;
  const lane = async () => {
    for (;;) {
      // A turn of the event loop per file: the service host answers progress polls and 取消 meanwhile.
      await new Promise((resolve) => setImmediate(resolve));
      options.signal?.throwIfAborted();
      if (next >= files.length) return;
      const i = next++;
      reads[i] = await read(files[i] as string);
      options.onProgress?.(++done, files.length);
    }
  };
  const lanes = Math.max(1, Math.min(options.concurrency ?? 1, files.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  options.signal?.throwIfAborted();
  return reads;
}

type Read = (file: string) => Promise<UnitRead>;

/** The reads of the files, through the pool when there are enough of them to be worth its start. */
async function readFiles(files: readonly string[], options: ScanOptions): Promise<UnitRead[]> {
  const through = options.through ?? ((read: Read) => read);
  if (options.read) return readAll(files, through(options.read), options);
  // A few files are read in this thread sooner than a worker starts.
  if (options.inProcess || files.length < POOL_FROM) {
    return readAll(
      files,
      through((file) => readUnit(file, options)),
      { ...options, concurrency: 1 },
    );
  }
  const pool = new ReadPool(options);
  try {
    return await readAll(files, through(pool.read), {
      ...options,
      concurrency: pool.size * READS_PER_WORKER,
    });
  } finally {
    await pool.close();
  }
}

export async function scanUnits(paths: readonly string[], options: ScanOptions = {}): Promise<UnitsScan> {
  const out: UnitsScan = { units: [], forms: [], indicators: [], failed: [] };
  const files = findUnitFiles(paths, out.failed);
  options.onProgress?.(0, files.length);
  const reads = await readFiles(files, options);
  for (const [i, unit] of reads.entries()) {
    if (!unit.ok) {
      out.failed.push({ file: files[i] as string, reason: unit.reason });
      continue;
    }
    out.units.push(unit.summary.unit);
    out.forms.push(...unit.summary.forms);
    if (options.indicators !== false) out.indicators.push(...unit.summary.indicators);
  }
  return out;
}
