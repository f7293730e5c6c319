/**
 * The layout's default split of indicator weights (policy.defaultSplit), as a new form's tree
 * (skeleton.ts) and the declared targets' import (电子申报表 without 分值) propose it: each 一级's
 * weight shared over its lines to two decimals, the last line taking what rounding left, so that
 * the indicators and the execution weight add up to 100.
 */
import type { LayoutDef } from '../layouts/types';
import type { Indicator } from './types';

/** `total` split over `n` lines to two decimals, the last taking what rounding left, so they add up. */
export function shares(total: number | undefined, n: number): Array<number | null> {
  if (total === undefined || n === 0) return Array.from({ length: n }, () => null);
  const each = Math.floor((total / n) * 100) / 100;
  const last = Math.round((total - each * (n - 1)) * 100) / 100;
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? last : each));
}

export interface ProposedSplit {
  /** The 一级 names the default split has no share for: split equally instead (said in the report). */
  outside: string[];
}

type Line = Pick<Indicator, 'level1' | 'level2' | 'weight' | 'level1Weight' | 'level2Weight'>;

/**
 * Sets the default weights on lines that carry none: the split's share of each 一级 (a level
 * sharing another's, 成本指标 → 产出指标, counted with it) over its lines; where a 一级 is not in
 * the split (单位整体's 履职效能 …), the indicators' part of 100 equally over the 一级 present.
 * Layout E keeps weights on the levels (一级 share, its 二级 each an equal part), as its forms do.
 */
export function proposeDefaultWeights(layout: LayoutDef, lines: Line[]): ProposedSplit {
  const { defaultSplit, splitSharesWith, executionWeight, equalSplit } = layout.policy;
  const groupOf = (level1: string) => splitSharesWith[level1] ?? level1;
  const groups = [...new Set(lines.map((l) => groupOf(l.level1)))];
  const outside = groups.filter((g) => defaultSplit[g] === undefined);
  const equal = shares(100 - executionWeight, groups.length);
  const shareOf = (g: string, i: number) => (outside.length > 0 ? (equal[i] ?? undefined) : defaultSplit[g]);
  groups.forEach((group, gi) => {
    const members = lines.filter((l) => groupOf(l.level1) === group);
    const total = shareOf(group, gi);
    if (equalSplit) {
      const level2s = [...new Set(members.map((l) => l.level2))];
      const parts = shares(total, level2s.length);
      for (const line of members) {
        line.level1Weight = total ?? null;
        line.level2Weight = parts[level2s.indexOf(line.level2)] ?? null;
      }
      return;
    }
    const parts = shares(total, members.length);
    members.forEach((line, i) => (line.weight = parts[i] ?? null));
  });
  return { outside };
}
