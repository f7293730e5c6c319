/**
 * The indicator library's file in the data folder (indicator-library.json). A file that cannot be
 * read is set aside under a dated name, never overwritten, and the user is told where it went.
 */
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { EMPTY_LIBRARY, learnFromDocument, mergeEntries } from '../../../shared/library/indicator-library';
import type { IndicatorLibrary, LibraryEntry } from '../../../shared/library/types';
import type { ZipingDocument } from '../../../shared/model/types';
import { writeFileAtomic } from '../files';

export const LIBRARY_FILE = 'indicator-library.json';
/** Far beyond any unit's indicators; bounds what a hand-edited file can make us hold. */
const MAX_ENTRIES = 20_000;
const MAX_TEXT = 2_000;

export interface LoadedLibrary {
  library: IndicatorLibrary;
  /** Set when the file was unreadable and moved aside. */
  notice?: string;
}

export function libraryPath(dataDir: string): string {
  return path.join(dataDir, LIBRARY_FILE);
}

export function readLibrary(dataDir: string): LoadedLibrary {
  const file = libraryPath(dataDir);
  if (!existsSync(file)) return { library: EMPTY_LIBRARY };
  try {
    return { library: parseLibrary(JSON.parse(readFileSync(file, 'utf8')) as unknown) };
  } catch {
    const aside = `${file}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(file, aside);
    return {
      library: EMPTY_LIBRARY,
      notice: `指标库文件无法读取，已另存为 ${path.basename(aside)}，指标库从空开始：如需找回，请把该文件交给技术人员`,
    };
  }
}

export function writeLibrary(dataDir: string, library: IndicatorLibrary): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileAtomic(libraryPath(dataDir), `${JSON.stringify(library, null, 1)}\n`);
}

/** Every named line of a saved document goes into the library, for the next form. */
export function learnDocument(dataDir: string, doc: ZipingDocument): LoadedLibrary {
  const loaded = readLibrary(dataDir);
  const library = learnFromDocument(loaded.library, doc);
  writeLibrary(dataDir, library);
  return { ...loaded, library };
}

export function addEntries(dataDir: string, entries: readonly LibraryEntry[]): LoadedLibrary {
  const loaded = readLibrary(dataDir);
  const library = mergeEntries(loaded.library, entries);
  writeLibrary(dataDir, library);
  return { ...loaded, library };
}

/** Throws on anything that is not a library of ours; entries are checked field by field. */
export function parseLibrary(value: unknown): IndicatorLibrary {
  if (typeof value !== 'object' || value === null) throw new Error('not an object');
  const entries = (value as { entries?: unknown }).entries;
  if (!Array.isArray(entries) || entries.length > MAX_ENTRIES) throw new Error('bad entries');
  return { version: 1, entries: entries.map(parseEntry) };
}

function parseEntry(value: unknown): LibraryEntry {
  if (typeof value !== 'object' || value === null) throw new Error('bad entry');
  const v = value as Record<string, unknown>;
  const text = (key: string): string => {
    const s = v[key] ?? '';
    if (typeof s !== 'string' || s.length > MAX_TEXT) throw new Error(`bad ${key}`);
    return s;
  };
  const origin = v.origin === 'document' || v.origin === 'imported' ? v.origin : 'imported';
  const uses = typeof v.uses === 'number' && Number.isInteger(v.uses) && v.uses >= 0 ? v.uses : 0;
  return {
    name: text('name'),
    level1: text('level1'),
    level2: text('level2'),
    target: text('target'),
    ruleText: text('ruleText'),
    origin,
    uses,
  };
}
