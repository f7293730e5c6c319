/** Title, year, header fields and 年度总体目标 above the indicator table of a hand-filled sheet. */
import { headerText, isHeaderNumberKey, setHeaderNumber, setHeaderText } from '../../../shared/model/header';
import type { Form } from '../../../shared/model/types';
import { readValue } from '../../../shared/values/reader';
import { normalizeTitle } from './cell-grid';
import { HEADER_FIELD_LABELS } from './column-titles';
import { BASIC_INFO, LABELS, splitCode } from './labels';
import { GOAL_EXPECTED, type HeadField, headFieldOf, isAnyLabel } from './printed-labels';
import type { SheetReader } from './sheet-reader';

/** A label's text to its right, going on in the rows below over which the label is merged. */
function textRightOf(rd: SheetReader, r: number, col: number, before: number): string {
  const grid = rd.grid;
  let text = '';
  for (let v = r; v < before && grid.get(v, col) && (v === r || !grid.isMaster(v, col)); v++) {
    const right = grid.rowCells(v).find((c) => c.col > col);
    if (right && grid.isMaster(v, right.col)) text += rd.text(v, right.col);
  }
  return text;
}

/** 广东 prints 预期总体目标 with its text to the right, and 实际完成情况 (when any) below it. */
function readGoalLines(rd: SheetReader, form: Form, before: number): boolean {
  const grid = rd.grid;
  const at = grid.find((t) => t === BASIC_INFO.goalsExpected, 1, before - 1);
  if (!at || grid.rowCells(at.row).some(({ col }) => grid.title(at.row, col) === LABELS.goalsActual))
    return false;
  grid.use(at.row, at.col);
  form.goals.expected = textRightOf(rd, at.row, at.col, before);
  const below = grid.find((t) => t === LABELS.goalsActual, at.row + 1, before - 1);
  if (below) {
    grid.use(below.row, below.col);
    form.goals.actual = textRightOf(rd, below.row, below.col, before);
  }
  return true;
}

export function readGoals(rd: SheetReader, form: Form, from: number, before: number): void {
  const grid = rd.grid;
  if (readGoalLines(rd, form, before)) return;
  for (let r = from; r < before; r++) {
    const cells = grid.rowCells(r);
    const expected = cells.find(({ col }) => GOAL_EXPECTED.has(grid.title(r, col)));
    const actual = cells.find(({ col }) => grid.title(r, col) === LABELS.goalsActual);
    if (!expected || !actual) continue;
    grid.use(r, expected.col);
    grid.use(r, actual.col);
    // A long text goes on over several rows (the export splits what one row cannot show).
    const own = (v: number, col: number) => (grid.isMaster(v, col) ? rd.text(v, col) : '');
    form.goals = { expected: '', actual: '' };
    for (let v = r + 1; v < before; v++) {
      // 是否如期实现预期总体目标 and the like follow the goal texts.
      if (grid.rowCells(v).some(({ col }) => HEADER_FIELD_LABELS.has(grid.title(v, col)))) break;
      form.goals.expected += own(v, expected.col);
      form.goals.actual += own(v, actual.col);
    }
    return;
  }
}

/**
 * The value of a header label: the next cell to its right, or, when that is another label or
 * there is none, the cell right below it (hand-filled forms put 项目名称 | 评价年度 | 评价金额 on
 * one row and the values on the next).
 */
function valueOfLabel(rd: SheetReader, r: number, col: number, next: { col: number } | undefined): string {
  const grid = rd.grid;
  if (next && !isAnyLabel(grid.title(r, next.col))) return rd.text(r, next.col);
  // Below only from a row of values alone: a row with labels of its own (000's funds lines) is not.
  const valuesRow = grid.rowCells(r + 1).every(({ col: c }) => !isAnyLabel(grid.title(r + 1, c)));
  if (valuesRow && grid.isMaster(r + 1, col)) return rd.text(r + 1, col);
  return '';
}

function setHeadField(form: Form, field: HeadField, label: string, value: string): void {
  if (field === 'name') {
    form.projectName = value;
    if (label === '预算部门名称' || label.startsWith('部门')) form.kind = 'department';
  } else if (field === 'department' || field === 'unit') {
    const { code, name } = splitCode(value);
    form[field] = name;
    form[field === 'department' ? 'departmentCode' : 'unitCode'] = code;
  } else if (isHeaderNumberKey(field)) {
    const reading = readValue(value);
    setHeaderNumber(form, field, reading.kind === 'number' ? reading.value : null);
  } else {
    setHeaderText(form, field, value);
  }
}

/** Title, year, 金额单位 and the header fields above the indicator table. */
export function readHead(rd: SheetReader, form: Form, before: number, fallbackYear: number): void {
  const grid = rd.grid;
  form.year = fallbackYear;
  let yearLine = false;
  for (let r = 1; r < before; r++) {
    const cells = grid.rowCells(r);
    cells.forEach(({ col, cell }, i) => {
      const title = normalizeTitle(cell.text);
      // Only the title or a year line: a goal such as “较2023年度提升” is not the form's year.
      const line =
        /^\(?(\d{4})年度\)?$/.exec(title) ?? (/自评表|评分表/.test(title) ? /(\d{4})年度/.exec(title) : null);
      const year = line?.[1];
      if (year) {
        form.year = Number(year);
        yearLine = true;
        grid.use(r, col);
      }
      if (/自评表|评分表/.test(title)) {
        if (/部门整体|单位整体/.test(title)) form.kind = 'department';
        grid.use(r, col);
      }
      if (title.startsWith('金额单位')) grid.use(r, col);
      const inline = /^([^:：]+)[:：](.+)$/.exec(cell.text.trim());
      const label = inline ? normalizeTitle(inline[1] as string) : title;
      const field = headFieldOf(label);
      if (!field) return;
      grid.use(r, col);
      const value = inline ? (inline[2] as string).trim() : valueOfLabel(rd, r, col, cells[i + 1]);
      setHeadField(form, field, label, value);
    });
  }
  // 广东 prints no year line: its 评价年度 (“2024年”) is the form's year.
  const evaluationYear = /^(\d{4})年?度?$/.exec(headerText(form, 'evaluationYear').trim())?.[1];
  if (!yearLine && evaluationYear) form.year = Number(evaluationYear);
}
