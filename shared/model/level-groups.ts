/**
 * The merged 一级/二级 groups of an indicator table: consecutive lines with the same level names
 * share one cell, on screen and in Excel alike. Names are compared trimmed (a stray space typed
 * or imported must not split a group); a blank name never merges.
 */
import type { Indicator } from './types';

export type LevelRun = [from: number, to: number];

type LevelNames = Pick<Indicator, 'level1' | 'level2'>;

/** What a line's group is keyed by at a level: 一级, or 一级+二级; null when the name is blank. */
export function levelGroupKey(ind: LevelNames, level: 1 | 2): string | null {
  const l1 = ind.level1.trim();
  if (l1 === '') return null;
  if (level === 1) return l1;
  const l2 = ind.level2.trim();
  return l2 === '' ? null : `${l1}\u0000${l2}`;
}

/** Whether two neighbouring lines share the merged cell of a level. */
export function sameLevelGroup(a: LevelNames | undefined, b: LevelNames | undefined, level: 1 | 2): boolean {
  if (!a || !b) return false;
  const key = levelGroupKey(a, level);
  return key !== null && key === levelGroupKey(b, level);
}

/** Runs of consecutive lines with the same key; a null key never merges. */
export function runsBy<T>(items: readonly T[], keyOf: (item: T) => string | null): LevelRun[] {
  const runs: LevelRun[] = [];
  let i = 0;
  while (i < items.length) {
    const key = keyOf(items[i] as T);
    let j = i;
    if (key !== null) while (j + 1 < items.length && keyOf(items[j + 1] as T) === key) j++;
    runs.push([i, j]);
    i = j + 1;
  }
  return runs;
}

/** The row spans of a level's merged cells, every line in exactly one run. */
export function levelRuns(indicators: readonly LevelNames[], level: 1 | 2): LevelRun[] {
  return runsBy(indicators, (ind) => levelGroupKey(ind, level));
}

/**
 * The lines merged with line `index` at a level (just `index` when its name is blank). Found by
 * walking out from the line, not from all the runs: row heights ask this of every line.
 */
export function levelRunAt(indicators: readonly LevelNames[], index: number, level: 1 | 2): number[] {
  const key = indicators[index] ? levelGroupKey(indicators[index], level) : null;
  let from = index;
  let to = index;
  if (key !== null) {
    while (from > 0 && levelGroupKey(indicators[from - 1] as LevelNames, level) === key) from--;
    while (to + 1 < indicators.length && levelGroupKey(indicators[to + 1] as LevelNames, level) === key) to++;
  }
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}
