/**
 * A committed indicator cell → typed patches. A merged 一级/二级 cell stands for every row it
 * covers, so editing it sets the value on all of them (one step).
 */
import type { Patch, SetIndicator } from '../../../shared/model/patch';
import {
  INDICATOR_TEXT_FIELDS,
  TIERS,
  type Form,
  type Indicator,
  type Tier,
} from '../../../shared/model/types';
import { parseNumberInput } from '../../../shared/values/input';
import { textInput } from '../state/parse';
import { indicatorFieldName } from '../../../shared/layouts/field-names';
import type { LayoutDef } from '../../../shared/layouts/types';
import { newIndicator, nextId } from '../../../shared/model/factory';
import { levelRunAt } from '../../../shared/model/level-groups';
import { levelsOf } from './indicatorRows';
import type { CellWrite } from '../sheet/cellWrite';

export type EditOutcome = { ok: true; patches: Patch[] } | { ok: false; message: string };

type NumberField = 'weight' | 'score' | 'level1Weight' | 'level2Weight';
type TextField = Exclude<SetIndicator['field'], NumberField | 'tier' | 'tierShare' | 'printedScore'>;

const NUMBER_FIELDS: ReadonlySet<string> = new Set<NumberField>([
  'weight',
  'score',
  'level1Weight',
  'level2Weight',
]);
const TEXT_FIELDS: ReadonlySet<string> = new Set<TextField>(INDICATOR_TEXT_FIELDS);

/** Rows merged with `index` in a level column: the shared level group it belongs to. */
export function mergedRows(form: Form, index: number, by: 'level1' | 'level2'): number[] {
  return levelRunAt(form.indicators, index, by === 'level1' ? 1 : 2);
}

function set(form: Form, rows: number[], field: SetIndicator['field'], value: unknown): Patch[] {
  const patches: Patch[] = [];
  for (const i of rows) {
    const ind = form.indicators[i];
    if (!ind || ind[field] === value || (ind[field] ?? null) === value) continue;
    patches.push({ op: 'setIndicator', formId: form.id, indicatorId: ind.id, field, value } as SetIndicator);
  }
  return patches;
}

/**
 * `spread`: an edit of a merged cell sets every row it covers; a paste or fill writes each row
 * on its own (the block has one value per row).
 */
export function patchesForCell(
  form: Form,
  indicatorId: string,
  colId: string,
  raw: unknown,
  layout: LayoutDef,
  spread = true,
): EditOutcome {
  const index = form.indicators.findIndex((i) => i.id === indicatorId);
  if (index < 0) return { ok: false, message: '找不到这一行：它可能已被删除' };
  if (colId === 'tier') {
    const text = textInput(raw).trim();
    if (text !== '' && !(TIERS as readonly string[]).includes(text)) {
      return { ok: false, message: '评定等级应为 达成、部分达成 或 未达成' };
    }
    return { ok: true, patches: set(form, [index], 'tier', text === '' ? null : (text as Tier)) };
  }
  if (NUMBER_FIELDS.has(colId)) {
    const n = parseNumberInput(raw, indicatorFieldName(colId, form, layout));
    if (!n.ok) return n;
    const field = colId as NumberField;
    const rows = !spread
      ? [index]
      : field === 'level1Weight'
        ? mergedRows(form, index, 'level1')
        : field === 'level2Weight'
          ? mergedRows(form, index, 'level2')
          : [index];
    return { ok: true, patches: set(form, rows, field, n.value) };
  }
  if (TEXT_FIELDS.has(colId)) {
    const field = colId as TextField;
    const rows =
      spread && (field === 'level1' || field === 'level2') ? mergedRows(form, index, field) : [index];
    return { ok: true, patches: set(form, rows, field, textInput(raw)) };
  }
  return { ok: false, message: '这一列是计算结果，不能直接修改' };
}

/**
 * Cells of a paste, fill or clear → one patch list. Rows past the end are appended first (new
 * lines under the last line's 一级/二级, so they join its merge); any cell that cannot be read
 * refuses the whole write, so nothing is half pasted.
 */
export function patchesForCells(
  form: Form,
  layout: LayoutDef,
  cells: CellWrite[],
  addRows: number,
): EditOutcome {
  const patches: Patch[] = [];
  let target = form;
  if (addRows > 0) {
    const last = form.indicators[form.indicators.length - 1];
    const taken = form.indicators.map((i) => i.id);
    const added: Indicator[] = [];
    for (let k = 0; k < addRows; k++) {
      const id = nextId('i', taken);
      taken.push(id);
      const ind = newIndicator(id, levelsOf(last));
      added.push(ind);
      patches.push({
        op: 'insertIndicator',
        formId: form.id,
        index: form.indicators.length + k,
        indicator: ind,
      });
    }
    target = { ...form, indicators: [...form.indicators, ...added] };
  }
  for (const c of cells) {
    const ind = target.indicators[c.row];
    if (!ind) continue;
    const outcome = patchesForCell(target, ind.id, c.colId, c.text, layout, false);
    if (!outcome.ok) return { ok: false, message: `第 ${c.row + 1} 行：${outcome.message}` };
    patches.push(...outcome.patches);
  }
  return { ok: true, patches };
}
