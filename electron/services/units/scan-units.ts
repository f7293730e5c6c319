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
import { DOCUMENT_FILE, readUnit, WORKBOOK_FILE, type UnitRead } from './read-unit';

export interface UnitsScan {
  units: UnitRow[];
  forms: FormRow[];
  indicators: IndicatorRow[];
  /** Files found but not read, with why. */
  failed: FailedFile[];
}

export interface ScanOptions {
  /** Called before each file and once at the end (done = total). */
  onProgress?: (done: number, total: number) => void;
  /** Stops the scan before the next file; the scan then throws signal.reason. */
  signal?: AbortSignal;
  /** Keep the indicator lines (the CLI's outputs); the app's overview needs only units and forms. */
  indicators?: boolean;
  /** Reads a file; default readUnit (the rescan cache wraps it). */
  read?: (file: string) => Promise<UnitRead>;
}

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

export async function scanUnits(paths: readonly string[], options: ScanOptions = {}): Promise<UnitsScan> {
  const out: UnitsScan = { units: [], forms: [], indicators: [], failed: [] };
  const files = findUnitFiles(paths, out.failed);
  const read = options.read ?? ((file: string) => readUnit(file, options));
  for (const [i, file] of files.entries()) {
    options.onProgress?.(i, files.length);
    // A turn of the event loop per file: the service host answers progress polls and 取消 meanwhile.
    await new Promise((resolve) => setImmediate(resolve));
    options.signal?.throwIfAborted();
    const unit = await read(file);
    if (!unit.ok) {
      out.failed.push({ file, reason: unit.reason });
      continue;
    }
    out.units.push(unit.summary.unit);
    out.forms.push(...unit.summary.forms);
    if (options.indicators !== false) out.indicators.push(...unit.summary.indicators);
  }
  options.onProgress?.(files.length, files.length);
  return out;
}
