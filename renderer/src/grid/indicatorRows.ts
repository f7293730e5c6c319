/**
 * Row operations of the indicator table as patch lists (each one undo step): insert lines under
 * the 一级/二级 of where they go (so they join that merge), delete lines, move a block of lines.
 */
import type { Patch } from '../../../shared/model/patch';
import { newIndicator, nextId } from '../../../shared/model/factory';
import type { Form, Indicator } from '../../../shared/model/types';

/** What a new line takes from the line it joins: the level names and (layout E) their weights. */
export function levelsOf(near: Indicator | undefined): Partial<Indicator> {
  if (!near) return {};
  const levels: Partial<Indicator> = { level1: near.level1, level2: near.level2 };
  if (near.level1Weight !== undefined) levels.level1Weight = near.level1Weight;
  if (near.level2Weight !== undefined) levels.level2Weight = near.level2Weight;
  return levels;
}

export function insertRows(form: Form, at: number, count: number): Patch[] {
  const index = Math.max(0, Math.min(form.indicators.length, at));
  // New lines take the levels of the line they are put before (or after, at the end).
  const near = form.indicators[index] ?? form.indicators[index - 1];
  const taken = form.indicators.map((i) => i.id);
  const patches: Patch[] = [];
  for (let k = 0; k < count; k++) {
    const id = nextId('i', taken);
    taken.push(id);
    const indicator = newIndicator(id, levelsOf(near));
    patches.push({ op: 'insertIndicator', formId: form.id, index: index + k, indicator });
  }
  return patches;
}

export function deleteRows(form: Form, top: number, bottom: number): Patch[] {
  return form.indicators
    .slice(top, bottom + 1)
    .map((i) => ({ op: 'deleteIndicator', formId: form.id, indicatorId: i.id }));
}

/** Moves lines top..bottom one place up (-1) or down (+1): the neighbour jumps over the block. */
export function moveRows(form: Form, top: number, bottom: number, by: -1 | 1): Patch[] {
  const neighbour = form.indicators[by < 0 ? top - 1 : bottom + 1];
  if (!neighbour || top < 0 || bottom >= form.indicators.length) return [];
  return [
    { op: 'moveIndicator', formId: form.id, indicatorId: neighbour.id, toIndex: by < 0 ? bottom : top },
  ];
}

/** Returns the manual scores of lines top..bottom to their suggestions (score and reason cleared). */
export function resetScores(form: Form, top: number, bottom: number): Patch[] {
  const patches: Patch[] = [];
  for (const i of form.indicators.slice(top, bottom + 1)) {
    if (i.score !== null)
      patches.push({ op: 'setIndicator', formId: form.id, indicatorId: i.id, field: 'score', value: null });
  }
  return patches;
}
