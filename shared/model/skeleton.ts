/**
 * A new form never starts as a blank page (#21): it carries its layout's official indicator tree —
 * one line per 二级指标 under each 一级指标 of the default split, weighted by that split — for the
 * user to name the 三级 indicators. 广东's 决策 lines are fixed by the form itself (000): 资金管理 12 →
 * 资金支出率, 事项管理 8 → 监管有效性.
 */
import { getLayout } from '../layouts/definitions';
import type { KindLayout, LayoutDef } from '../layouts/types';
import { newForm, newIndicator } from './factory';
import type { Form, FormKind, Indicator, LayoutId } from './types';
import { shares } from './weight-split';

/** 广东's 决策 block as 000 prints it: level 2 name, its weight and its one level 3 line. */
const GUANGDONG_DECISION: ReadonlyArray<{ level2: string; weight: number; name: string }> = [
  { level2: '资金管理', weight: 12, name: '资金支出率' },
  { level2: '事项管理', weight: 8, name: '监管有效性' },
];

/** A new form of the layout with its indicator tree in place. */
export function newBlankForm(id: string, layout: LayoutId, kind: FormKind, year: number, name: string): Form {
  const form = newForm(id, layout, kind, year, name);
  form.indicators = skeletonIndicators(layout, kind);
  return form;
}

export function skeletonIndicators(layoutId: LayoutId, kind: FormKind): Indicator[] {
  const layout = getLayout(layoutId);
  const def = layout.kinds[kind];
  const { defaultSplit, splitSharesWith, equalSplit } = layout.policy;
  const lines: Array<Omit<Indicator, 'id'>> = [];
  for (const level1 of skeletonLevel1s(layout, def)) {
    const split = defaultSplit[level1];
    const fixed = equalSplit && level1 === '决策' ? GUANGDONG_DECISION : null;
    const level2s = fixed ? fixed.map((f) => f.level2) : (def.levels[level1] ?? []);
    const weights = fixed ? fixed.map((f) => f.weight) : shares(split, level2s.length);
    level2s.forEach((level2, i) => {
      const line = newIndicator('', { level1, level2, name: fixed?.[i]?.name ?? '' });
      if (equalSplit) {
        // Layout E: weights live on the levels; each line gets its 二级 weight split over its lines.
        line.level1Weight = split ?? null;
        line.level2Weight = weights[i] ?? null;
      }
      lines.push(line);
    });
  }
  if (!equalSplit) {
    // A 一级 sharing another's split (004's 成本指标 with 产出指标) shares it over both one's lines.
    const groupOf = (level1: string) => splitSharesWith[level1] ?? level1;
    for (const group of new Set(lines.map((l) => groupOf(l.level1)))) {
      const members = lines.filter((l) => groupOf(l.level1) === group);
      const parts = shares(defaultSplit[group], members.length);
      members.forEach((line, i) => (line.weight = parts[i] ?? null));
    }
  }
  return lines.map((line, i) => ({ ...line, id: `i${i + 1}` }));
}

/**
 * The 一级 names the form starts with: those of the layout's default split where the form offers
 * them all (project forms, and department forms printed like them, as 004's), with a level that
 * shares another's split where the form has it as a 一级 of its own, not as that one's 二级 (004's
 * project form: 成本指标 after 满意度指标); otherwise the form's own 一级 (新疆 单位整体: 履职效能,
 * 管理效率 …), but a level that shares its split with another only as that one's 二级.
 */
function skeletonLevel1s(layout: LayoutDef, def: KindLayout): string[] {
  const { defaultSplit, splitSharesWith } = layout.policy;
  const split = Object.keys(defaultSplit);
  const shared = Object.entries(splitSharesWith);
  if (split.every((l) => l in def.levels)) {
    const own = shared.filter(([l, host]) => l in def.levels && !(def.levels[host] ?? []).includes(l));
    return Object.keys(def.levels).filter((l) => split.includes(l) || own.some(([o]) => o === l));
  }
  const sharing = new Set(shared.map(([l]) => l));
  return Object.keys(def.levels).filter((l) => !sharing.has(l));
}
