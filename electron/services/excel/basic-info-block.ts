/**
 * 广东 (000) prints what other layouts spread over header rows, a funds table and a goals block as
 * one 基本情况 block under a 填报单位名称 line, its group labels down the left:
 *
 *   填报单位名称：江门市生态环境局                                        金额单位：万元
 *   基本情况 | 项目名称     | …            | 评价年度     | … | 评价金额 | …
 *            | 联系人       | …            | 联系电话     | … | 联系邮箱 | …
 *            | 项目级次     | …
 *            | 实施文件依据 | …
 *            | 资金情况     | 资金安排情况 | 预算计划安排 | 2181.86
 *            |              |              | 实际分配下达 | 市本级 | 1173.2 | 转移支付至下级 | 1008.66
 *            |              | 资金使用情况 | 实际支出金额 | 市本级 | 586.25 | 转移支付至下级 | 623
 *            | 绩效目标情况 | 预期总体目标             | …
 *            |              | 是否如期实现预期总体目标 | 是
 *
 * Columns follow the indicator table below it (sub-labels over 一级指标's 名称 and 权重). What 000
 * does not print is printed only when the form has it, so that nothing typed is lost: 主管部门 in
 * the 填报单位名称 line, 实际完成情况 under 预期总体目标, a funds line's 合计 when its levels do not
 * add up to it. Funds rows other than the layout's (合计, 市本级, 转移支付至下级) do not fit the
 * lines: then the block leaves the funds out and the caller prints the funds table.
 */
import type { FundsColumnKey, HeaderFieldDef, KindLayout } from '../../../shared/layouts/types';
import { round2 } from '../../../shared/format/numbers';
import type { Form, FundsRow } from '../../../shared/model/types';
import { fieldPairs, LABEL, LONG_TEXT, TEXT_VALUE, writePairs, type Pair } from './header-rows';
import { BASIC_INFO, headerLabels, LABELS, withCode } from './labels';
import { NUMBER_LOOK, SheetWriter, spans, spread, type Span } from './sheet-writer';
import { LEFT, RIGHT } from './styles';

/** Where the block's parts go, from the indicator columns of the layout. */
interface Columns {
  /** 项目名称, 资金情况, 绩效目标情况 … (一级指标: 名称 and 权重). */
  label: Span;
  /** The first value of a header row; the goals' labels (二级 and 三级指标). */
  middle: Span;
  /** 资金安排情况 (二级指标). */
  fundsGroup: Span;
  /** 预算计划安排 … (三级指标). */
  stage: Span;
  /** Everything right of the 三级指标 columns. */
  rest: Span;
}

function columnsOf(kind: KindLayout, last: number): Columns {
  const col = (key: string) => {
    const i = kind.indicatorColumns.findIndex((c) => c.key === key);
    if (i < 0) throw new Error(`基本情况 needs the indicator column ${key}`);
    return i + 2;
  };
  return {
    label: [2, col('level1Weight')],
    middle: [col('level2'), col('weight')],
    fundsGroup: [col('level2'), col('level2Weight')],
    stage: [col('name'), col('weight')],
    rest: [col('weight') + 1, last],
  };
}

/** Whether the funds rows are the layout's, so that the block's lines show all of them. */
export function fundsFitBasicInfo(form: Form, kind: KindLayout): boolean {
  const rows = form.funds.rows;
  return (
    rows.length === kind.fundsRows.length &&
    rows.every((row, i) => row.source === kind.fundsRows[i]?.source && row.group === kind.fundsRows[i]?.group)
  );
}

/** 填报单位名称：… (主管部门：… when the form has one) … 金额单位：万元, above the block, unframed. */
export function writeUnitLine(w: SheetWriter, r: number, form: Form): void {
  const labels = headerLabels('guangdong', form.kind);
  const texts: Array<[string, typeof LEFT]> = [
    [`${labels.unit}：${withCode(form.unitCode, form.unit)}`, LEFT],
  ];
  if (form.department.trim() !== '' || form.departmentCode.trim() !== '')
    texts.push([`${labels.department}：${withCode(form.departmentCode, form.department)}`, LEFT]);
  texts.push([LABELS.unitLine, RIGHT]);
  spans(1, spread(w.lastCol, texts.length)).forEach(([from, to], i) => {
    const [text, align] = texts[i] as [string, typeof LEFT];
    w.put({ row: r, col: from, toCol: to }, text, { font: 'subtitle', border: false, align });
  });
}

/**
 * A row of label | value pairs: the first label over `label`, its value over `first` (or, alone,
 * to the last column), the other pairs over the rest of the row.
 */
function writeRow(w: SheetWriter, r: number, pairs: readonly Pair[], label: Span, first: Span): void {
  const [head, ...others] = pairs;
  if (!head) return;
  w.put({ row: r, col: label[0], toCol: label[1] }, head.label, LABEL);
  const valueTo = others.length > 0 ? first[1] : w.lastCol;
  w.put({ row: r, col: label[1] + 1, toCol: valueTo }, head.value, head.look);
  if (others.length > 0) writePairs(w, r, others, first[1] + 1, w.lastCol);
}

/** One funds line: its levels, and its total alone or (when the levels do not add up to it) as 合计. */
function fundsLinePairs(
  rows: readonly FundsRow[],
  key: FundsColumnKey & keyof FundsRow,
): Pair[] | number | null {
  const [total, ...levels] = rows;
  const value = (row: FundsRow | undefined) => (row?.[key] ?? null) as number | null;
  const shown = levels.filter((row) => value(row) !== null);
  if (shown.length === 0) return value(total);
  const sum = round2(shown.reduce((s, row) => s + (value(row) ?? 0), 0));
  const pair = (row: FundsRow): Pair => ({ label: row.source, value: value(row), look: NUMBER_LOOK.amount });
  return [...(value(total) === sum || !total ? [] : [pair(total)]), ...levels.map(pair)];
}

function writeFundsLines(w: SheetWriter, r: number, form: Form, c: Columns): number {
  const { stages } = BASIC_INFO;
  w.put(
    { row: r, col: c.label[0], toCol: c.label[1], toRow: r + stages.length - 1 },
    BASIC_INFO.funds,
    LABEL,
  );
  stages.forEach((stage, i) => {
    const row = r + i;
    const groupRows = stages.filter((s) => s.group === stage.group).length;
    if (stages.findIndex((s) => s.group === stage.group) === i)
      w.put(
        { row, col: c.fundsGroup[0], toCol: c.fundsGroup[1], toRow: row + groupRows - 1 },
        stage.group,
        LABEL,
      );
    w.put({ row, col: c.stage[0], toCol: c.stage[1] }, stage.label, LABEL);
    const line = fundsLinePairs(form.funds.rows, stage.key);
    if (Array.isArray(line)) writePairs(w, row, line, c.rest[0], c.rest[1]);
    else w.put({ row, col: c.rest[0], toCol: c.rest[1] }, line, NUMBER_LOOK.amount);
  });
  return r + stages.length;
}

/** A label with a long text to its right, the text going on over as many rows as it needs. */
function writeLongText(w: SheetWriter, r: number, label: string, text: string, c: Columns): number {
  const parts = w.pieces(text, c.rest[0], c.rest[1]);
  w.put({ row: r, col: c.middle[0], toCol: c.middle[1], toRow: r + parts.length - 1 }, label, LABEL);
  for (const part of parts) w.put({ row: r++, col: c.rest[0], toCol: c.rest[1] }, part, LONG_TEXT);
  return r;
}

function writeGoalLines(
  w: SheetWriter,
  r: number,
  form: Form,
  goalRows: HeaderFieldDef[][],
  c: Columns,
): number {
  const top = r;
  r = writeLongText(w, r, BASIC_INFO.goalsExpected, form.goals.expected, c);
  if (form.goals.actual !== '') r = writeLongText(w, r, LABELS.goalsActual, form.goals.actual, c);
  for (const fields of goalRows) writeRow(w, r++, fieldPairs(form, fields), c.middle, c.rest);
  w.put({ row: top, col: c.label[0], toCol: c.label[1], toRow: r - 1 }, BASIC_INFO.goals, LABEL);
  return r;
}

/** Writes the block from row `r`; returns the next free row. The funds are in it when they fit. */
export function writeBasicInfo(w: SheetWriter, r: number, form: Form, kind: KindLayout): number {
  const c = columnsOf(kind, w.lastCol);
  const top = r;
  const name: Pair = {
    label: headerLabels('guangdong', form.kind).name,
    value: form.projectName,
    look: TEXT_VALUE,
  };
  const rows = [
    [name, ...fieldPairs(form, kind.nameRowFields ?? [])],
    ...(kind.headerRows ?? []).map((f) => fieldPairs(form, f)),
  ];
  for (const pairs of rows) writeRow(w, r++, pairs, c.label, c.middle);
  if (fundsFitBasicInfo(form, kind)) r = writeFundsLines(w, r, form, c);
  r = writeGoalLines(w, r, form, kind.goalRows ?? [], c);
  w.put({ row: top, col: 1, toRow: r - 1 }, BASIC_INFO.block, LABEL);
  return r;
}
