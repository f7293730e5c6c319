/**
 * 查找与替换 over text cells (text-cells.ts): every occurrence of a text, in reading order, and the
 * patches that replace one or all of them. Replacing all is one list of patches (one undo step);
 * cells the caller may not write (read-only document, computed cells) are left alone and counted.
 */
import type { Patch } from '../model/patch';
import type { TextCell } from './text-cells';

export interface SearchOptions {
  /** 区分大小写 (Latin letters only; Chinese has no case). */
  matchCase: boolean;
}

/** One occurrence: the cell (index into the cells searched) and where in its text. */
export interface TextMatch {
  cell: number;
  start: number;
  length: number;
}

export interface ReplaceAllResult {
  patches: Patch[];
  /** Occurrences replaced. */
  replaced: number;
  /** Occurrences left because their cell cannot be written. */
  skipped: number;
}

function pattern(query: string, options: SearchOptions): RegExp {
  const escaped = query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped, options.matchCase ? 'gu' : 'giu');
}

/** Every occurrence of `query` in the cells, in order; none for an empty query. */
export function findMatches(cells: readonly TextCell[], query: string, options: SearchOptions): TextMatch[] {
  if (query === '') return [];
  const re = pattern(query, options);
  const matches: TextMatch[] = [];
  cells.forEach((cell, i) => {
    if (cell.text === '') return;
    for (const m of cell.text.matchAll(re)) matches.push({ cell: i, start: m.index, length: m[0].length });
  });
  return matches;
}

/** How often `query` occurs in a text (a replacement that holds the query). */
export function occurrences(text: string, query: string, options: SearchOptions): number {
  return query === '' ? 0 : [...text.matchAll(pattern(query, options))].length;
}

/** The patches that replace one occurrence (null when its cell no longer holds it there). */
export function replaceMatch(
  cells: readonly TextCell[],
  match: TextMatch,
  replacement: string,
): Patch[] | null {
  const cell = cells[match.cell];
  if (!cell || match.start + match.length > cell.text.length) return null;
  const text = cell.text;
  return cell.write(text.slice(0, match.start) + replacement + text.slice(match.start + match.length));
}

/** Replaces every occurrence in the cells `canWrite` allows; the rest are counted as skipped. */
export function replaceAll(
  cells: readonly TextCell[],
  query: string,
  replacement: string,
  options: SearchOptions,
  canWrite: (cell: TextCell) => boolean,
): ReplaceAllResult {
  const result: ReplaceAllResult = { patches: [], replaced: 0, skipped: 0 };
  if (query === '') return result;
  const re = pattern(query, options);
  for (const cell of cells) {
    if (cell.text === '') continue;
    let count = 0;
    // A function, so that “$&” in the replacement is taken as typed.
    const text = cell.text.replace(re, () => {
      count++;
      return replacement;
    });
    if (count === 0) continue;
    if (!canWrite(cell)) {
      result.skipped += count;
      continue;
    }
    result.replaced += count;
    result.patches.push(...cell.write(text));
  }
  return result;
}

/** The match to go to from `current` (-1: none yet), forwards or backwards, wrapping round. */
export function stepMatch(current: number, count: number, direction: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return direction === 1 ? 0 : count - 1;
  return (current + direction + count) % count;
}

/** 第 3 处，共 12 处 — or why there is nothing to show. */
export function matchCountText(current: number, count: number, query: string): string {
  if (query === '') return '';
  if (count === 0) return '找不到';
  return current < 0 ? `共 ${count} 处` : `第 ${current + 1} 处，共 ${count} 处`;
}
