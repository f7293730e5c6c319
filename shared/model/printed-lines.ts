/**
 * The rows a printed form shows, where they are not simply the model's: the indicator lines with
 * a blank row for every 二级 of the layout's tree that has none (004's project form prints its
 * whole tree, 经济效益指标 or 社会成本指标 left blank), and the funds rows in the layout's order
 * (a form made before 004's layout keeps 年度资金总额 first; 004 prints it last). The Excel export
 * and the print view both print these; the model is left as it is.
 */
import type { KindLayout } from '../layouts/types';
import type { FormResult, IndicatorResult } from '../scoring/types';
import { newIndicator } from './factory';
import type { Form, FundsRow, Indicator } from './types';

type Levels = Readonly<Record<string, readonly string[]>>;

const blank = (level1: string, level2: string, n: number): Indicator =>
  newIndicator(`printed-blank-${n}`, { level1, level2 });

/**
 * The lines with the tree's missing 二级 rows put in: each under the first run of its 一级, before
 * the first line of a later 二级 of the tree (else at the run's end); a 一级 without any line as a
 * block of blank rows before the first run of a later 一级 (else at the end). A line whose names
 * are not the tree's stays where it is. Blank rows are null in `from` (no line of the form).
 */
export function linesWithTree(
  indicators: readonly Indicator[],
  levels: Levels,
): { lines: Indicator[]; from: Array<number | null> } {
  const order = Object.keys(levels);
  const present = new Map<string, Set<string>>();
  for (const ind of indicators) {
    const l1 = ind.level1.trim();
    present.set(l1, (present.get(l1) ?? new Set()).add(ind.level2.trim()));
  }
  const lines: Indicator[] = [];
  const from: Array<number | null> = [];
  const put = (ind: Indicator, index: number | null) => {
    lines.push(ind);
    from.push(index);
  };
  const done = new Set<string>();
  const blockOf = (level1: string) => {
    done.add(level1);
    for (const level2 of levels[level1] ?? []) put(blank(level1, level2, lines.length), null);
  };
  const missing = (level1: string) =>
    (levels[level1] ?? []).filter((l2) => !(present.get(level1)?.has(l2) ?? false));
  let i = 0;
  while (i < indicators.length) {
    const level1 = (indicators[i] as Indicator).level1.trim();
    const rank = order.indexOf(level1);
    for (const earlier of order.slice(0, Math.max(rank, 0)))
      if (!present.has(earlier) && !done.has(earlier)) blockOf(earlier);
    let j = i;
    while (j + 1 < indicators.length && (indicators[j + 1] as Indicator).level1.trim() === level1) j++;
    const tree = levels[level1] ?? [];
    const toAdd = rank >= 0 && !done.has(level1) ? missing(level1) : [];
    done.add(level1);
    for (let k = i; k <= j; k++) {
      const at = tree.indexOf((indicators[k] as Indicator).level2.trim());
      while (at >= 0 && toAdd.length > 0 && tree.indexOf(toAdd[0] as string) < at)
        put(blank(level1, toAdd.shift() as string, lines.length), null);
      put(indicators[k] as Indicator, k);
    }
    for (const level2 of toAdd) put(blank(level1, level2, lines.length), null);
    i = j + 1;
  }
  for (const level1 of order) if (!present.has(level1) && !done.has(level1)) blockOf(level1);
  return { lines, from };
}

/**
 * The form and its result as printed: where the layout prints its whole tree (004's project form)
 * the lines with their blank 二级 rows (blank rows have no result: no weight, no score).
 */
export function printedForm<T extends { form: Form; result: FormResult }>(input: T, kind: KindLayout): T {
  if (!kind.printsEveryLevel) return input;
  const { lines, from } = linesWithTree(input.form.indicators, kind.levels);
  const results = from.map((k): IndicatorResult | undefined =>
    k === null ? undefined : input.result.indicators[k],
  );
  return {
    ...input,
    form: { ...input.form, indicators: lines },
    result: { ...input.result, indicators: results as IndicatorResult[] },
  };
}

/** A source's name as the layouts' wordings compare (其中：当年财政拨款 = 当年财政拨款, 其它 = 其他, 金额 = 资金). */
export const plainSource = (source: string): string =>
  source
    .trim()
    .replace(/^其中[:：]/, '')
    .replace('其它', '其他')
    .replace(/金额$/, '资金');

/**
 * The funds rows in the layout's printed order: the rows the layout's template names, in its order
 * (by name, either wording), each other row after the one it follows in the form.
 */
export function rowsInLayoutOrder(
  rows: readonly FundsRow[],
  kind: Pick<KindLayout, 'fundsRows'>,
): FundsRow[] {
  const names = kind.fundsRows.map((t) => plainSource(t.source));
  let rank = -1;
  const ranked = rows.map((row, i) => {
    const at = names.indexOf(plainSource(row.source));
    // A row of its own (a 专项 added) goes right after the row it follows; ties keep the form's order.
    rank = at >= 0 ? at : rank + 1 / (rows.length + 1);
    return { row, rank, i };
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.i - b.i).map((x) => x.row);
}
