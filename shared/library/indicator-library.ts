/**
 * The indicator library (#21): 三级指标 used before in this user's documents, a bundled starter set,
 * and libraries a 主管部门 hands to its units. Entries are keyed by the name as typed (trimmed, ★
 * dropped); what a line usually carries beside its name (target form, scoring rule, levels) comes
 * with it, so picking a name can fill an empty line.
 */
import type { Indicator, ZipingDocument } from '../model/types';
import { STARTER_INDICATORS } from './starter-set';
import type { IndicatorLibrary, LibraryEntry } from './types';

export type { IndicatorLibrary, LibraryEntry, LibraryOrigin } from './types';

export const EMPTY_LIBRARY: IndicatorLibrary = { version: 1, entries: [] };

/** The key two entries share: the name without spaces or the ★ of key indicators. */
export function libraryKey(name: string): string {
  return name.replace(/[★☆\s\u3000]/g, '');
}

/**
 * Adds every named line of the document (counting uses). The newest document wins for target and
 * rule, as the user's latest wording; levels are kept from the entry when the line has none.
 */
export function learnFromDocument(library: IndicatorLibrary, doc: ZipingDocument): IndicatorLibrary {
  const lines: Indicator[] = doc.forms.flatMap((f) => f.indicators);
  return mergeEntries(
    library,
    lines
      .filter((l) => libraryKey(l.name) !== '')
      .map((l) => ({
        name: l.name.trim(),
        level1: l.level1.trim(),
        level2: l.level2.trim(),
        target: l.target.trim(),
        ruleText: l.ruleText.trim(),
        origin: 'document' as const,
        uses: 1,
      })),
  );
}

/** Entries coming in (a 主管部门's library, a learnt document) merged by key; uses add up. */
export function mergeEntries(library: IndicatorLibrary, incoming: readonly LibraryEntry[]): IndicatorLibrary {
  const byKey = new Map(library.entries.map((e) => [libraryKey(e.name), { ...e }]));
  for (const entry of incoming) {
    const key = libraryKey(entry.name);
    if (key === '') continue;
    const old = byKey.get(key);
    if (!old) {
      byKey.set(key, { ...entry });
      continue;
    }
    byKey.set(key, {
      name: old.name,
      level1: entry.level1 || old.level1,
      level2: entry.level2 || old.level2,
      target: entry.target || old.target,
      ruleText: entry.ruleText || old.ruleText,
      origin: old.origin === 'starter' ? entry.origin : old.origin,
      uses: old.uses + entry.uses,
    });
  }
  return { version: 1, entries: [...byKey.values()] };
}

export interface SuggestQuery {
  /** What is typed so far (may be empty: then the best entries of the line's 二级). */
  text: string;
  level1?: string;
  level2?: string;
  limit?: number;
}

/**
 * The entries to offer: the user's own before the starter set, those matching the line's 二级
 * before others, a name starting with the text before one containing it, more used first.
 */
export function suggestIndicators(library: IndicatorLibrary, query: SuggestQuery): LibraryEntry[] {
  const text = libraryKey(query.text);
  const withStarter = mergeEntries({ version: 1, entries: STARTER_INDICATORS }, library.entries);
  const scored: Array<{ entry: LibraryEntry; rank: number }> = [];
  for (const entry of withStarter.entries) {
    const key = libraryKey(entry.name);
    const at = text === '' ? 0 : key.indexOf(text);
    if (at < 0 || key === text) continue;
    let rank = at === 0 ? 0 : 4;
    if (query.level2 && entry.level2 !== query.level2) rank += 2;
    if (query.level1 && entry.level1 !== query.level1) rank += 1;
    if (text === '' && rank > 0) continue;
    scored.push({ entry, rank });
  }
  scored.sort(
    (a, b) =>
      a.rank - b.rank ||
      Number(a.entry.origin === 'starter') - Number(b.entry.origin === 'starter') ||
      b.entry.uses - a.entry.uses ||
      a.entry.name.localeCompare(b.entry.name, 'zh-CN'),
  );
  return scored.slice(0, query.limit ?? 12).map((s) => s.entry);
}

/** The entry of exactly this name (starter set included), to fill a line picked from the list. */
export function findEntry(library: IndicatorLibrary, name: string): LibraryEntry | undefined {
  const key = libraryKey(name);
  if (key === '') return undefined;
  return (
    library.entries.find((e) => libraryKey(e.name) === key) ??
    STARTER_INDICATORS.find((e) => libraryKey(e.name) === key)
  );
}

/**
 * What a line takes from the library entry of the name just typed: its usual target, rule and
 * levels, only where the line has none, so nothing the user typed is replaced.
 */
export function fillFromEntry(
  line: Pick<Indicator, 'level1' | 'level2' | 'target' | 'ruleText'>,
  entry: LibraryEntry,
): Partial<Record<'level1' | 'level2' | 'target' | 'ruleText', string>> {
  const fill: Partial<Record<'level1' | 'level2' | 'target' | 'ruleText', string>> = {};
  for (const key of ['level1', 'level2', 'target', 'ruleText'] as const) {
    if (line[key].trim() === '' && entry[key] !== '') fill[key] = entry[key];
  }
  return fill;
}
