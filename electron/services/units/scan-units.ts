/**
 * Many units' documents read for an overview (#22): every .ziping under the paths given (folders
 * recursively), each only read — no owner file, no working copy, so read-only network folders work
 * — and a file that cannot be read is listed with its reason while the scan goes on.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  summarizeUnit,
  type FormRow,
  type IndicatorRow,
  type UnitRow,
} from '../../../shared/units/unit-summary';
import { readDocumentSnapshot } from '../document-store/snapshot';

export interface UnitsScan {
  units: UnitRow[];
  forms: FormRow[];
  indicators: IndicatorRow[];
  /** Files found but not read, with why. */
  failed: Array<{ file: string; reason: string }>;
}

const DOCUMENT = /\.ziping$/i;

/** The .ziping files under the paths, in a stable order; a path that is not there is a failure. */
export function findDocuments(paths: readonly string[], failed: UnitsScan['failed']): string[] {
  const found: string[] = [];
  const walk = (p: string) => {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      failed.push({ file: p, reason: '找不到该文件或文件夹' });
      return;
    }
    if (!isDir) {
      if (DOCUMENT.test(p)) found.push(p);
      else failed.push({ file: p, reason: '不是 .ziping 文档' });
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
      // Owner files (~$X.ziping) and our temp files are not documents.
      if (name.startsWith('~$') || name.startsWith('.~')) continue;
      const child = path.join(p, name);
      let dir = false;
      try {
        dir = statSync(child).isDirectory();
      } catch {
        continue;
      }
      if (dir) walk(child);
      else if (DOCUMENT.test(name)) found.push(child);
    }
  };
  for (const p of paths) walk(p);
  return found;
}

export function scanUnits(
  paths: readonly string[],
  onFile?: (done: number, total: number) => void,
): UnitsScan {
  const out: UnitsScan = { units: [], forms: [], indicators: [], failed: [] };
  const files = findDocuments(paths, out.failed);
  files.forEach((file, i) => {
    onFile?.(i, files.length);
    const read = readDocumentSnapshot(file);
    if (!read.ok) {
      out.failed.push({ file, reason: read.error.message });
      return;
    }
    const summary = summarizeUnit(file, read.value);
    out.units.push(summary.unit);
    out.forms.push(...summary.forms);
    out.indicators.push(...summary.indicators);
  });
  onFile?.(files.length, files.length);
  return out;
}
