/**
 * Layouts A–E of forms.md as data. Titles are the printed ones; widths are Excel character
 * units taken from the official templates' proportions.
 */
import type { LayoutId } from '../model/types';
import type { KindLayout, LayoutDef } from './types';
import { national } from './national';
import { shanxi } from './shanxi';
import { xinjiang } from './xinjiang';
import { hunan } from './hunan-layout';
import { guangdong } from './guangdong';

export { FUNDS_SIDES, HUNAN_BASIC_DATA } from './hunan';

export const LAYOUTS: Record<LayoutId, LayoutDef> = { national, shanxi, xinjiang, hunan, guangdong };

export function getLayout(id: LayoutId): LayoutDef {
  return LAYOUTS[id];
}

/** The prompt printed under an analysis title, its {next} the year after the form's (000's 到期资金). */
export function analysisPrompt(kind: KindLayout, title: string, year: number): string | null {
  return kind.analysisPrompts?.[title]?.replaceAll('{next}', String(year + 1)) ?? null;
}
