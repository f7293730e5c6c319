/**
 * Printed titles → model keys, gathered from every layout's definition (so a workbook in any
 * layout reads), plus the variants real forms print (004: 项目支出名称, 资金来源 …).
 */
import { officialAnalysisTitle } from '../../../shared/layouts/analysis-titles';
import { LAYOUTS } from '../../../shared/layouts/definitions';
import { nameLabel } from '../../../shared/layouts/header-fields';
import type { FundsColumnKey, IndicatorColumnKey } from '../../../shared/layouts/types';
import { FORM_KINDS, LAYOUT_IDS, type HeaderKey, type LayoutId } from '../../../shared/model/types';
import { normalizeTitle } from './cell-grid';
import { LABELS } from './labels';

const kinds = LAYOUT_IDS.flatMap((id) => Object.values(LAYOUTS[id].kinds));

function titleMap<K extends string>(pairs: Array<[string, K]>): Map<string, K> {
  const map = new Map<string, K>();
  for (const [title, key] of pairs) if (!map.has(normalizeTitle(title))) map.set(normalizeTitle(title), key);
  return map;
}

/** '权重' titles are resolved by position (the level column to their left), not by this map. */
export const WEIGHT_TITLE = /^权重(\(%\))?$/;

export const INDICATOR_TITLES = titleMap<IndicatorColumnKey>([
  ...kinds.flatMap((k) =>
    k.indicatorColumns
      .filter((c) => !WEIGHT_TITLE.test(normalizeTitle(c.title)))
      .map((c): [string, IndicatorColumnKey] => [c.title, c.key]),
  ),
  ['指标得分', 'score'],
  ['年度指标值', 'target'],
]);

export const FUNDS_TITLES = titleMap<FundsColumnKey>([
  [LABELS.fundsSource, 'source'],
  ...kinds.flatMap((k) => k.fundsColumns.slice(1).map((c): [string, FundsColumnKey] => [c.title, c.key])),
  ['年初预算数', 'initialBudget'],
  ['资金结转结余', 'carryover'],
  ['结转结余', 'carryover'],
]);

/** Titles of the funds block (left column), any layout. */
export const FUNDS_BLOCK_TITLES = new Set(kinds.map((k) => normalizeTitle(k.fundsColumns[0]?.title ?? '')));

const ALL_ANALYSIS_TITLES = [...new Set(kinds.flatMap((k) => k.analysisTitles))];

/**
 * The analysis title a printed label names, in `own` (the form's layout) first, then in any layout:
 * numbering, spaces, full-width punctuation and the regions' wordings aside (shared/layouts/analysis-titles).
 */
export function analysisTitleOf(label: string, own: readonly string[] = []): string | null {
  return officialAnalysisTitle(label, own) ?? officialAnalysisTitle(label, ALL_ANALYSIS_TITLES);
}

/** 一级/二级 names of every layout that are not themselves analysis titles (履职效能, 管理效率 …). */
const LEVEL_NAMES = new Set(
  kinds
    .flatMap((k) => Object.entries(k.levels).flat(2))
    .map(normalizeTitle)
    .filter((name) => !ALL_ANALYSIS_TITLES.includes(name)),
);

/**
 * A cell of the indicator table that starts the analysis texts. A level name is a line's own, even
 * where it reads like a shortened analysis title (新疆's 一级 履职效能 beside 履职效能分析).
 */
export function startsAnalysis(label: string): boolean {
  return !LEVEL_NAMES.has(normalizeTitle(label)) && analysisTitleOf(label) !== null;
}

/** Group labels some forms print left of the analysis titles. */
export const ANALYSIS_GROUPS = new Set(['项目绩效分析', '自评结果分析', '目标结果分析', '绩效分析']);

export const NAME_LABELS = new Set([
  '项目名称',
  '项目支出名称',
  '预算部门名称',
  '部门(单位)名称',
  '部门名称',
  '单位名称',
]);
export const DEPARTMENT_LABELS = new Set(['主管部门', '主管部门及代码', '主管部门名称']);
export const UNIT_LABELS = new Set(['实施单位', '预算单位', '填报单位名称', '填报单位', '实施单位名称']);

/** Labels of the optional header fields (评价年度, 联系人 …) of every layout. */
export const HEADER_FIELD_LABELS = titleMap<HeaderKey>(
  kinds.flatMap((k) =>
    [k.nameRowFields ?? [], ...(k.headerRows ?? []), ...(k.goalRows ?? [])]
      .flat()
      .map((f): [string, HeaderKey] => [f.label, f.key]),
  ),
);

/**
 * The layout whose indicator titles match most of the titles found (ties: the first in LAYOUT_IDS).
 * A name label above the table that only one layout prints (004's 项目支出名称, whose table is the
 * national one less 偏差原因) counts half a column for that layout, its titles then matched against
 * that form's columns alone: it settles a tie, never outweighs a column the form lacks.
 */
export function guessLayout(titles: readonly string[], labels: readonly string[] = []): LayoutId {
  const score = (columns: ReadonlyArray<{ title: string }>) => {
    const own = new Set(columns.map((c) => normalizeTitle(c.title)));
    return titles.filter((t) => own.has(t)).length - own.size / 100;
  };
  const named = labels
    .map((l) =>
      FORM_KINDS.flatMap((kind) =>
        LAYOUT_IDS.filter((id) => nameLabel(id, kind) === l).map((id) => ({ id, kind })),
      ),
    )
    .find((owners) => owners.length === 1)?.[0];
  let best: LayoutId = 'national';
  let bestScore = -Infinity;
  for (const id of LAYOUT_IDS) {
    const kinds = Object.values(LAYOUTS[id].kinds);
    let s = score(kinds.flatMap((k) => k.indicatorColumns));
    if (named?.id === id) s = Math.max(s, score(LAYOUTS[id].kinds[named.kind].indicatorColumns) + 0.5);
    if (s > bestScore) {
      best = id;
      bestScore = s;
    }
  }
  return best;
}
