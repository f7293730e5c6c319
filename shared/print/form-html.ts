/**
 * One form as HTML in its layout's official print, the same content as the Excel export
 * (electron/services/excel/form-sheet.ts): title and year line, 金额单位, header fields, funds
 * block, goals, the indicator table with 一级/二级 merged over their lines, the total row,
 * analysis texts and 备注. Pure string building, so that the renderer and Node both use it.
 */
import type {
  ColumnDef,
  FundsColumnKey,
  HeaderFieldDef,
  IndicatorColumnKey,
  KindLayout,
  LayoutDef,
} from '../layouts/types';
import type { Form, FundsRow, Indicator } from '../model/types';
import type { FormResult, IndicatorResult } from '../scoring/types';
import { fmt2, fmtAmount, fmtNum, fmtPct } from '../format/numbers';
import { headerNumber, headerText, isHeaderNumberKey } from '../model/header';
import { levelRuns } from '../model/level-groups';
import { analysisEntries } from '../layouts/analysis-titles';
import { analysisLabel, BASIC_INFO, formTitle, headerLabels, LABELS } from '../layouts/print-labels';
import { FUNDS_SIDES } from '../layouts/hunan';
import { spread } from '../format/spread';
import { withCode } from '../model/code-name';
import { shownCompletionRate } from '../scoring/completion';
import { scoreFundsRow } from '../scoring/execution';
import { fundsScoreRowIndex } from '../model/funds-rows';
import { printedForm, rowsInLayoutOrder } from '../model/printed-lines';
import { colgroup, escapeHtml, label, row, type Cell } from './html';

export interface PrintFormInput {
  form: Form;
  layout: LayoutDef;
  result: FormResult;
}

const amount = (v: number | null): Cell => ({ text: v === null ? '' : fmtAmount(v), cls: 'num' });
const score = (v: number | null): Cell => ({ text: v === null ? '' : fmt2(v), cls: 'num' });
const weight = (v: number | null | undefined): Cell => ({ text: v == null ? '' : fmtNum(v), cls: 'num' });
const percent = (v: number | null): Cell => ({ text: v === null ? '' : fmtPct(v), cls: 'num' });
const text = (v: string, cls = 'text'): Cell => ({ text: v, cls });

function table(rows: readonly string[], head: readonly string[] = [], cols = ''): string {
  const thead = head.length > 0 ? `<thead>${head.join('')}</thead>` : '';
  return `<table${cols ? ' class="fixed"' : ''}>${cols}${thead}<tbody>${rows.join('')}</tbody></table>`;
}

/** The label column's width beside the layout's column widths (as the Excel export's grid). */
const LABEL_WIDTH = 8;

/** label | value cells of header fields (评价金额 as 万元). */
function fieldCells(form: Form, fields: readonly HeaderFieldDef[]): Cell[] {
  return fields.flatMap(({ key, label: l }) => [
    label(l),
    isHeaderNumberKey(key) ? amount(headerNumber(form, key)) : text(headerText(form, key)),
  ]);
}

/** 项目名称 (and the layout's fields on its row), then 主管部门 | 实施单位, then the header rows. */
function headerRows(form: Form, kind: KindLayout, input: PrintFormInput): string[] {
  const labels = headerLabels(input.layout.id, form.kind);
  const pairs = (fields: readonly HeaderFieldDef[]) => fieldCells(form, fields);
  const rows = [row([label(labels.name), text(form.projectName), ...pairs(kind.nameRowFields ?? [])])];
  if (!kind.nameOnly)
    rows.push(
      row([
        label(labels.department),
        text(withCode(form.departmentCode, form.department)),
        label(labels.unit),
        text(withCode(form.unitCode, form.unit)),
      ]),
    );
  for (const fields of kind.headerRows ?? []) rows.push(row(pairs(fields)));
  return rows;
}

function fundsCell(key: FundsColumnKey, r: FundsRow, scored: boolean, input: PrintFormInput): Cell {
  const kind = input.layout.kinds[input.form.kind];
  const ex = input.result.execution;
  const dash = text(kind.fundsDash ?? '—', '');
  const own = !scored && kind.fundsRowScores ? scoreFundsRow(input.form.funds, r, input.layout.policy) : null;
  switch (key) {
    case 'source':
      return text(r.source);
    case 'deviationReason':
      return text(scored ? input.form.funds.deviationReason : '');
    case 'weight':
      return scored ? weight(ex.weight) : dash;
    case 'rate':
      return own ? percent(own.rate) : scored ? percent(ex.rate) : dash;
    case 'score':
      return own ? score(own.suggested) : scored ? score(ex.final) : dash;
    default:
      return amount(r[key]);
  }
}

/**
 * 004's 自评表 under its total line: 按收入性质分 | 按支出性质分 side by side, each line a label |
 * 全年执行数 pair, over the `span` funds columns after 资金来源 as the Excel export shares them.
 */
function fundsPairRows(rows: readonly FundsRow[], span: number): string[] {
  const a = Math.ceil(span / 3);
  const b = Math.ceil((span - a) / 2);
  // Columns of each side's label and amount: 资金来源 | a third of the rest; then the rest halved.
  const sides = FUNDS_SIDES.map((side, i) => ({
    ...side,
    rows: rows.filter((r) => r.group === side.group),
    width: i === 0 ? { label: 1, amount: a } : { label: b, amount: span - a - b },
  }));
  const lines = Math.max(0, ...sides.map((side) => side.rows.length));
  if (lines === 0) return [];
  const body: Cell[][] = Array.from({ length: lines }, () => []);
  for (const side of sides) {
    // The side with fewer lines spreads them over the rows, as the export does; none: one blank.
    const heights = side.rows.length === 0 ? [lines] : spread(lines, side.rows.length);
    let at = 0;
    heights.forEach((h, k) => {
      const r = side.rows[k];
      const name = r ? `${k === 0 ? side.firstPrefix : ''}${r.source}：` : '';
      body[at]?.push(
        { ...text(name), colspan: side.width.label, rowspan: h },
        { ...amount(r?.executed ?? null), colspan: side.width.amount, rowspan: h },
      );
      at += h;
    });
  }
  const headings = sides.map((side) => label(side.heading, side.width.label + side.width.amount));
  return [row(headings), ...body.map((cells) => row(cells))];
}

/**
 * The funds table: its titles (a parent title over some, 002), then one row per funds line, in the
 * layout's order, 分值/执行率/得分 on the row the layout prints them on (004: the total, last); 004's
 * 自评表 its grouped lines side by side under the total.
 */
function fundsRows(input: PrintFormInput, kind: KindLayout): string[] {
  const cols = kind.fundsColumns;
  const parent = kind.fundsParent;
  const under = (c: ColumnDef<FundsColumnKey>) => parent?.keys.includes(c.key) === true;
  const titleOf = (c: ColumnDef<FundsColumnKey>) =>
    c.key === 'source' ? (kind.fundsSourceTitle ?? LABELS.fundsSource) : c.title;
  const ordered = rowsInLayoutOrder(input.form.funds.rows, kind);
  const scored = ordered[fundsScoreRowIndex({ ...input.form.funds, rows: ordered }, kind)];
  const pairs = kind.fundsGroupsSideBySide ? fundsPairRows(ordered, cols.length - 1) : [];
  const lines = kind.fundsGroupsSideBySide ? ordered.filter((r) => r.group === undefined) : ordered;
  const titleRows = parent ? 2 : 1;
  const top: Cell[] = [label(cols[0]?.title ?? '', 1, titleRows + lines.length + pairs.length)];
  let parentDone = false;
  for (const c of cols) {
    if (!under(c)) top.push(label(titleOf(c), 1, titleRows));
    else if (!parentDone && parent) {
      top.push(label(parent.title, cols.filter(under).length));
      parentDone = true;
    }
  }
  const out = [row(top)];
  if (parent) out.push(row(cols.filter(under).map((c) => label(titleOf(c)))));
  for (const r of lines) out.push(row(cols.map((c) => fundsCell(c.key, r, r === scored, input))));
  return [...out, ...pairs];
}

function goalRows(form: Form): string[] {
  return [
    row([label(LABELS.goals, 1, 2), label(LABELS.goalsExpected), label(LABELS.goalsActual)]),
    row([text(form.goals.expected, 'long'), text(form.goals.actual, 'long')]),
  ];
}

function indicatorCell(key: IndicatorColumnKey, ind: Indicator, line: IndicatorResult | undefined): Cell {
  switch (key) {
    case 'weight':
      return weight(line?.weight ?? ind.weight);
    case 'level1Weight':
    case 'level2Weight':
      return weight(ind[key]);
    case 'score':
      return score(line?.final ?? null);
    case 'completionRate':
      return percent(line ? shownCompletionRate(line) : null);
    default:
      return text(ind[key]);
  }
}

/** Which level a column's cells are merged by: 一级 (and its weight), 二级 (and its weight), none. */
function mergeLevel(key: IndicatorColumnKey): 1 | 2 | 0 {
  if (key === 'level1' || key === 'level1Weight') return 1;
  if (key === 'level2' || key === 'level2Weight') return 2;
  return 0;
}

/**
 * The indicator table: its titles in thead (printed again on every page), one row per line with
 * 一级/二级 merged over their lines. A merged cell that a page break cuts shows on its first page.
 */
function indicatorTable(input: PrintFormInput, kind: KindLayout): string {
  const { form, result } = input;
  const cols = kind.indicatorColumns;
  const caption = kind.basicInfo ? BASIC_INFO.indicators : (kind.indicatorCaption ?? LABELS.indicators);
  const head = row([label(caption), ...cols.map((c) => label(c.title))], 'th');
  const startOf = cols.map((c) => {
    const level = mergeLevel(c.key);
    const starts = new Map<number, number>();
    if (level !== 0) for (const [from, to] of levelRuns(form.indicators, level)) starts.set(from, to);
    return { level, starts };
  });
  const body = form.indicators.map((ind, i) => {
    // The caption is in the repeated header; the body's first column is one blank cell beside the lines.
    const cells: Cell[] = i === 0 ? [{ text: '', rowspan: form.indicators.length }] : [];
    cols.forEach((c, ci) => {
      const merge = startOf[ci];
      if (!merge || merge.level === 0) return cells.push(indicatorCell(c.key, ind, result.indicators[i]));
      const to = merge.starts.get(i);
      if (to === undefined) return;
      const cell = indicatorCell(c.key, ind, result.indicators[i]);
      cells.push({ ...cell, rowspan: to - i + 1 });
    });
    return row(cells);
  });
  const widths = [LABEL_WIDTH, ...cols.map((c) => c.width)];
  return table([...body, totalRow(input, kind)], [head], colgroup(widths));
}

/** 总分 with the weights' sum and 等级 as the layout prints them (000: 合计 under every weight). */
function totalRow(input: PrintFormInput, kind: KindLayout): string {
  const { result, layout } = input;
  const cols = kind.indicatorColumns;
  const total = kind.totalInPoints ? `${fmt2(result.total)}分` : fmt2(result.total);
  const cells: Cell[] = [label(kind.basicInfo ? BASIC_INFO.total : LABELS.total)];
  const grade =
    !layout.printsGrade || kind.basicInfo
      ? ''
      : layout.gradeAlone
        ? result.grade
        : `${LABELS.grade}：${result.grade}`;
  cols.forEach((c) => {
    if (c.key === 'score') cells.push({ text: total, cls: 'num' });
    else if (c.key === 'weight' && !layout.gradeAlone) cells.push(weight(result.weightTotal));
    else cells.push(text(''));
  });
  if (grade !== '') {
    const last = cells.length - 1;
    const scoreAt = cols.findIndex((c) => c.key === 'score') + 1;
    if (scoreAt < last) cells.splice(scoreAt + 1, last - scoreAt, label(grade, last - scoreAt));
    else cells.push(label(grade));
  }
  return row(cells);
}

function analysisRows(form: Form, kind: KindLayout): string[] {
  return analysisEntries(form.analysis, kind.analysisTitles).map(({ title, text: t }) =>
    row([label(analysisLabel(title, kind, form.year)), text(t, 'long')]),
  );
}

/** Title, year line and 金额单位 (004's project form prints none of them). */
function titleLines(form: Form, kind: KindLayout): string[] {
  if (kind.untitled) return [];
  const title = kind.basicInfo ? kind.title : formTitle(form, kind);
  const parts = [`<h1>${escapeHtml(title)}</h1>`];
  if (!kind.basicInfo) parts.push(`<p class="year">${escapeHtml(`（${form.year}年度）`)}</p>`);
  parts.push(`<p class="unit">${escapeHtml(LABELS.unitLine)}</p>`);
  return parts;
}

export function formHtml(input: PrintFormInput): string {
  const { form, layout } = input;
  const kind = layout.kinds[form.kind];
  const parts = titleLines(form, kind);
  parts.push(table(headerRows(form, kind, input)));
  parts.push(table(fundsRows(input, kind)));
  parts.push(table(goalRows(form)));
  const after = (kind.goalRows ?? []).map((fields) => row(fieldCells(form, fields)));
  if (after.length > 0) parts.push(table(after));
  parts.push(indicatorTable(printedForm(input, kind), kind));
  parts.push(`<table class="analysis">${analysisRows(form, kind).join('')}</table>`);
  for (const note of layout.notes) parts.push(`<p class="note">${escapeHtml(note)}</p>`);
  return `<section class="form">${parts.join('\n')}</section>`;
}
