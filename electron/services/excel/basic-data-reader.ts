/**
 * Reads the 基础数据表 (basic-data-sheet.ts; older exports put it below the form) wherever it sits
 * on a sheet, by its printed labels: 财政供养人员情况 with 编制数 / 实际在职人数 below their titles,
 * 经费控制情况 lines under 上年决算数 | 本年预算数 | 本年决算数 (told apart by their years),
 * 楼堂馆所控制情况 and 厉行节约保障措施.
 * The printed 控制率 are computed, so they are read over, not kept.
 */
import type { BasicDataLayout } from '../../../shared/layouts/types';
import type { BasicData, BasicDataRow } from '../../../shared/model/types';
import { BASIC_DATA_LABELS as L, emptyBasicData } from '../../../shared/model/basic-data';
import type { CellGrid } from './cell-grid';

/** What the reader needs of the official reader: cells, and numbers read with a report. */
export interface CellSource {
  readonly grid: CellGrid;
  number(row: number, col: number, what: string): number | null;
  text(row: number, col: number): string;
}

export interface BasicDataRead {
  /** Null when the block is there but empty (an export of a form without the data). */
  data: BasicData | null;
  /** First row of the block (its title), where the form's own parts end. */
  top: number;
}

const isTitle = (t: string) => t.endsWith('基础数据表');

/** Columns of row r whose titles pass `test`, left to right. */
function columnsOf(src: CellSource, r: number, test: (title: string) => boolean): number[] {
  return src.grid
    .rowCells(r)
    .map(({ col }) => col)
    .filter((col) => test(src.grid.title(r, col)));
}

function readSpending(src: CellSource, row: number, labelCol: number, end: number): BasicDataRow[] {
  const grid = src.grid;
  const finals = columnsOf(src, row, (t) => t.endsWith('决算数'));
  const budgets = columnsOf(src, row, (t) => t.endsWith('预算数'));
  const yearOf = (col: number) => Number(/(\d{4})年/.exec(grid.title(row, col))?.[1] ?? 0);
  finals.sort((a, b) => yearOf(a) - yearOf(b) || a - b);
  for (const col of [...finals, ...budgets]) grid.use(row, col);
  const cols = { lastYearFinal: finals[0], budget: budgets[0], final: finals[1] };
  const rows: BasicDataRow[] = [];
  for (let r = row + 1; r < end; r++) {
    const item = grid.isMaster(r, labelCol) ? src.text(r, labelCol).trim() : '';
    const value = (col: number | undefined) => (col === undefined ? null : src.number(r, col, '金额'));
    const line = {
      item,
      lastYearFinal: value(cols.lastYearFinal),
      budget: value(cols.budget),
      final: value(cols.final),
    };
    if (item !== '' || line.lastYearFinal !== null || line.budget !== null || line.final !== null)
      rows.push(line);
  }
  return rows;
}

function isEmpty(data: BasicData, template: BasicData): boolean {
  const b = data.building;
  return (
    data.authorizedStaff === null &&
    data.actualStaff === null &&
    data.savingMeasures === '' &&
    [b.approvedArea, b.actualArea, b.budgetInvestment, b.actualInvestment].every((v) => v === null) &&
    JSON.stringify(data.spending) === JSON.stringify(template.spending)
  );
}

export function readBasicData(src: CellSource, layout: BasicDataLayout): BasicDataRead | null {
  const grid = src.grid;
  const staff = grid.find((t) => t === L.staff);
  if (!staff) return null;
  const title = grid.find(isTitle, Math.max(1, staff.row - 3), staff.row);
  if (title) grid.use(title.row, title.col);
  grid.use(staff.row, staff.col);
  const template = emptyBasicData(layout);
  const data: BasicData = { ...template, spending: [], building: { ...template.building } };

  const staffCol = (test: (t: string) => boolean) => columnsOf(src, staff.row, test)[0];
  const authorized = staffCol((t) => t === L.authorized);
  const actual = staffCol((t) => t.endsWith('实际在职人数'));
  for (const col of columnsOf(src, staff.row, () => true)) grid.use(staff.row, col);
  if (authorized !== undefined) data.authorizedStaff = src.number(staff.row + 1, authorized, L.authorized);
  if (actual !== undefined) data.actualStaff = src.number(staff.row + 1, actual, '实际在职人数');
  for (const col of columnsOf(src, staff.row, (t) => t === '控制率')) grid.use(staff.row + 1, col);

  const building = grid.find((t) => t.startsWith('楼堂馆所控制情况'), staff.row);
  const saving = grid.find((t) => t === L.saving, staff.row);
  const spending = grid.find((t) => t.startsWith('经费控制情况'), staff.row);
  const spendingEnd = building?.row ?? saving?.row ?? grid.rowCount + 1;
  if (spending) {
    grid.use(spending.row, spending.col);
    data.spending = readSpending(src, spending.row, spending.col, spendingEnd);
  }
  if (building) {
    for (const col of columnsOf(src, building.row, () => true)) grid.use(building.row, col);
    const at = (prefix: string) => columnsOf(src, building.row, (t) => t.startsWith(prefix))[0];
    const value = (prefix: string, what: string) => {
      const col = at(prefix);
      return col === undefined ? null : src.number(building.row + 1, col, what);
    };
    data.building = {
      approvedArea: value('批复规模', '批复规模'),
      actualArea: value('实际规模', '实际规模'),
      budgetInvestment: value('预算投资', '预算投资'),
      actualInvestment: value('实际投资', '实际投资'),
    };
    for (const col of columnsOf(src, building.row, (t) => t.endsWith('控制率')))
      grid.use(building.row + 1, col);
  }
  if (saving) {
    // The label may be merged down over several rows, the text going on in each (our export of a
    // long text); a hand-filled form has one row.
    const label = grid.get(saving.row, saving.col)?.master;
    let text = '';
    for (let r = saving.row; r <= grid.rowCount; r++) {
      if (r > saving.row && (grid.isMaster(r, saving.col) || grid.get(r, saving.col)?.master !== label))
        break;
      grid.use(r, saving.col);
      const next = grid.rowCells(r).find(({ col }) => col > saving.col);
      if (next && grid.isMaster(r, next.col)) text += src.text(r, next.col);
    }
    data.savingMeasures = text;
  }
  return { data: isEmpty(data, template) ? null : data, top: title?.row ?? staff.row };
}
