/**
 * A declaration's 一级/二级 names in the words of the document's layout, where they differ only by
 * the word 指标 (申报表 产出指标 → 广东 产出; 经济效益指标 → 山西 经济效益), so that the layout's
 * default split and checks know them. Other names stay as declared.
 */
import { getLayout } from '../../../shared/layouts/definitions';
import type { FormKind, Indicator, LayoutId } from '../../../shared/model/types';

const stem = (name: string) => name.replace(/指标$/, '');

function layoutName(name: string, names: readonly string[]): string {
  if (names.includes(name)) return name;
  return names.find((n) => stem(n) === stem(name)) ?? name;
}

/** Renames in place; returns “old→new” for each name changed, for the report. */
export function alignLevels(layout: LayoutId, kind: FormKind, lines: Indicator[]): string[] {
  const levels = getLayout(layout).kinds[kind].levels;
  const renamed = new Set<string>();
  for (const line of lines) {
    const level1 = layoutName(line.level1, Object.keys(levels));
    const level2 = layoutName(line.level2, levels[level1] ?? []);
    if (level1 !== line.level1) renamed.add(`${line.level1}→${level1}`);
    if (level2 !== line.level2) renamed.add(`${line.level2}→${level2}`);
    line.level1 = level1;
    line.level2 = level2;
  }
  return [...renamed];
}
