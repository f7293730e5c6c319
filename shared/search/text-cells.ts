/**
 * The text cells of a document that 查找/替换 (Ctrl+F, Ctrl+H) looks in, in reading order: per form
 * the header boxes, the funds block, the goals, the indicator table row by row, the analysis
 * texts. Only what the layout shows is searched (a hit must have a cell to jump to); a merged
 * 一级/二级 label is one cell, and writing it writes every line it covers, as typing into it does.
 */
import type { FindingLocation } from '../checks/types';
import { analysisEntries } from '../layouts/analysis-titles';
import { getLayout } from '../layouts/definitions';
import { headerBoxes } from '../layouts/header-fields';
import type { KindLayout, LayoutDef } from '../layouts/types';
import { fundsScoreRowIndex } from '../model/funds-rows';
import { headerText } from '../model/header';
import { levelRuns } from '../model/level-groups';
import type { Patch } from '../model/patch';
import {
  HEADER_TEXT_KEYS,
  INDICATOR_TEXT_FIELDS,
  type Form,
  type HeaderTextKey,
  type ZipingDocument,
} from '../model/types';

export interface TextCell {
  /** Where the cell is shown (the same places the checks jump to). */
  location: FindingLocation;
  text: string;
  /** The patches that give the cell a new text. */
  write: (text: string) => Patch[];
}

type IndicatorTextField = (typeof INDICATOR_TEXT_FIELDS)[number];

/** The indicator's text fields in the order of the layout's columns; 打分理由 is always shown. */
function indicatorFields(kind: KindLayout): IndicatorTextField[] {
  const text = new Set<string>(INDICATOR_TEXT_FIELDS);
  const shown = kind.indicatorColumns.map((c) => c.key as string).filter((k) => text.has(k));
  return [...shown, 'scoreReason'] as IndicatorTextField[];
}

function headerCells(form: Form, layout: LayoutDef): TextCell[] {
  const cells: TextCell[] = [];
  for (const box of headerBoxes(layout.id, form)) {
    for (const field of box.codeField ? [box.field, box.codeField] : [box.field]) {
      cells.push({
        location: { formId: form.id, section: 'header', field: box.field },
        text: form[field],
        write: (value) => [{ op: 'setForm', formId: form.id, field, value }],
      });
    }
  }
  const kind = layout.kinds[form.kind];
  const extra = [kind.nameRowFields ?? [], ...(kind.headerRows ?? []), ...(kind.goalRows ?? [])].flat();
  for (const def of extra) {
    if (!(HEADER_TEXT_KEYS as readonly string[]).includes(def.key)) continue;
    const key = def.key as HeaderTextKey;
    cells.push({
      location: { formId: form.id, section: 'header', field: key },
      text: headerText(form, key),
      write: (value) => [{ op: 'setHeader', formId: form.id, field: key, value }],
    });
  }
  return cells;
}

function fundsCells(form: Form, kind: KindLayout): TextCell[] {
  const cells: TextCell[] = form.funds.rows.map((row, i) => ({
    location: { formId: form.id, section: 'funds', row: i, field: 'source' },
    text: row.source,
    write: (value) => [{ op: 'setFundsRow', formId: form.id, row: i, field: 'source', value }],
  }));
  const scoreRow = fundsScoreRowIndex(form.funds, kind);
  for (const field of ['deviationReason', 'scoreReason'] as const) {
    cells.push({
      location: { formId: form.id, section: 'funds', row: scoreRow, field },
      text: form.funds[field],
      write: (value) => [{ op: 'setFunds', formId: form.id, field, value }],
    });
  }
  return cells;
}

function goalCells(form: Form): TextCell[] {
  return (['expected', 'actual'] as const).map((field) => ({
    location: { formId: form.id, section: 'goals', field },
    text: form.goals[field],
    write: (value) => [{ op: 'setGoals', formId: form.id, field, value }],
  }));
}

function indicatorCells(form: Form, kind: KindLayout): TextCell[] {
  const fields = indicatorFields(kind);
  // The first line of each merged 一级/二级 run carries the label; the others are not cells.
  const runOf = (level: 1 | 2) => new Map(levelRuns(form.indicators, level).map(([from, to]) => [from, to]));
  const runs = { level1: runOf(1), level2: runOf(2) };
  const cells: TextCell[] = [];
  form.indicators.forEach((ind, row) => {
    for (const field of fields) {
      let lines = [ind.id];
      if (field === 'level1' || field === 'level2') {
        const to = runs[field].get(row);
        if (to === undefined) continue;
        lines = form.indicators.slice(row, to + 1).map((i) => i.id);
      }
      cells.push({
        location: { formId: form.id, section: 'indicator', row, field },
        text: ind[field],
        write: (value) =>
          lines.map((indicatorId) => ({ op: 'setIndicator', formId: form.id, indicatorId, field, value })),
      });
    }
  });
  return cells;
}

function analysisCells(form: Form, kind: KindLayout): TextCell[] {
  return analysisEntries(form.analysis, kind.analysisTitles).map(({ title, text, keys }) => ({
    location: { formId: form.id, section: 'analysis', field: title },
    text,
    // As the analysis box commits: the text goes under the official title, variants folded in.
    write: (value): Patch[] => [
      { op: 'setAnalysis', formId: form.id, key: title, value: value === '' ? null : value },
      ...keys
        .filter((k) => k !== title)
        .map((key): Patch => ({ op: 'setAnalysis', formId: form.id, key, value: null })),
    ],
  }));
}

/** One form's text cells, top to bottom as the form shows them. */
export function formTextCells(form: Form, layout: LayoutDef): TextCell[] {
  const kind = layout.kinds[form.kind];
  return [
    ...headerCells(form, layout),
    ...fundsCells(form, kind),
    ...goalCells(form),
    ...indicatorCells(form, kind),
    ...analysisCells(form, kind),
  ];
}

/** Every form's text cells, in the document's order of forms. */
export function documentTextCells(doc: ZipingDocument): TextCell[] {
  const layout = getLayout(doc.meta.layout);
  return doc.forms.flatMap((form) => formTextCells(form, layout));
}
