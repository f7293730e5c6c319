/**
 * 部门整体支出绩效评价基础数据表 (layout D, 004) as a block of the department form's sheet, on a
 * page of its own after the form: 财政供养人员情况, 经费控制情况 (上年决算数 | 本年预算数 | 本年决算数),
 * 楼堂馆所控制情况 and 厉行节约保障措施. The three 控制率 are computed, never typed.
 */
import type { BasicDataLayout } from '../../../shared/layouts/types';
import type { BasicData, Form } from '../../../shared/model/types';
import { NUMBER_LOOK, SheetWriter, spans, spread, type Look } from './sheet-writer';
import { LEFT } from './styles';

const LABEL: Look = { font: 'label' };
const TEXT: Look = { fmt: 'text', align: LEFT };
/** Columns of the row labels; the values share the others. */
const LABEL_COLUMNS = 3;

export const BASIC_LABELS = {
  staff: '财政供养人员情况',
  authorized: '编制数',
  actualStaff: (year: number) => `${year}年实际在职人数`,
  staffRate: '控制率',
  spending: '经费控制情况（万元）',
  lastYearFinal: (year: number) => `${year - 1}年决算数`,
  budget: (year: number) => `${year}年预算数`,
  final: (year: number) => `${year}年决算数`,
  building: (year: number) => `楼堂馆所控制情况（${year}年完工项目）`,
  approvedArea: '批复规模（m²）',
  actualArea: '实际规模（m²）',
  areaRate: '规模控制率',
  budgetInvestment: '预算投资（万元）',
  actualInvestment: '实际投资（万元）',
  investmentRate: '投资概算控制率',
  saving: '厉行节约保障措施',
} as const;

/** The layout's empty table: its 经费控制情况 lines without amounts. */
export function emptyBasicData(layout: BasicDataLayout): BasicData {
  return {
    authorizedStaff: null,
    actualStaff: null,
    spending: layout.spendingItems.map((item) => ({ item, lastYearFinal: null, budget: null, final: null })),
    building: { approvedArea: null, actualArea: null, budgetInvestment: null, actualInvestment: null },
    savingMeasures: '',
  };
}

/** part / whole, or blank when either is missing or the whole is 0. */
export function controlRate(part: number | null, whole: number | null): number | null {
  return part === null || whole === null || whole === 0 ? null : part / whole;
}

/** Writes the block from `r` after a page break; returns the next free row. */
export function writeBasicData(w: SheetWriter, r: number, form: Form, layout: BasicDataLayout): number {
  // A form without the data prints the empty table, to be filled by hand.
  const data = form.basicData ?? emptyBasicData(layout);
  const year = form.year;
  const last = w.lastCol;
  const cells = (k: number) => spans(LABEL_COLUMNS + 1, spread(last - LABEL_COLUMNS, k));
  const label = (row: number, text: string, toRow = row) =>
    w.put({ row, col: 1, toCol: LABEL_COLUMNS, toRow }, text, LABEL);
  const line = (row: number, k: number, values: Array<[value: string | number | null, look: Look]>) =>
    cells(k).forEach(([from, to], i) => {
      const [value, look] = values[i] ?? [null, {}];
      w.put({ row, col: from, toCol: to }, value, look);
    });

  if (r > 1) w.ws.getRow(r - 1).addPageBreak();
  w.put({ row: r, col: 1, toCol: last }, layout.title, { font: 'title', border: false });
  w.needHeight(r++, 32);

  label(r, BASIC_LABELS.staff, r + 1);
  line(r++, 3, [
    [BASIC_LABELS.authorized, LABEL],
    [BASIC_LABELS.actualStaff(year), LABEL],
    [BASIC_LABELS.staffRate, LABEL],
  ]);
  line(r++, 3, [
    [data.authorizedStaff, NUMBER_LOOK.weight],
    [data.actualStaff, NUMBER_LOOK.weight],
    [controlRate(data.actualStaff, data.authorizedStaff), NUMBER_LOOK.percent],
  ]);

  label(r, BASIC_LABELS.spending);
  line(r++, 3, [
    [BASIC_LABELS.lastYearFinal(year), LABEL],
    [BASIC_LABELS.budget(year), LABEL],
    [BASIC_LABELS.final(year), LABEL],
  ]);
  for (const row of data.spending) {
    w.put({ row: r, col: 1, toCol: LABEL_COLUMNS }, row.item, TEXT);
    line(r++, 3, [
      [row.lastYearFinal, NUMBER_LOOK.amount],
      [row.budget, NUMBER_LOOK.amount],
      [row.final, NUMBER_LOOK.amount],
    ]);
  }

  const b = data.building;
  label(r, BASIC_LABELS.building(year), r + 1);
  line(r++, 6, [
    [BASIC_LABELS.approvedArea, LABEL],
    [BASIC_LABELS.actualArea, LABEL],
    [BASIC_LABELS.areaRate, LABEL],
    [BASIC_LABELS.budgetInvestment, LABEL],
    [BASIC_LABELS.actualInvestment, LABEL],
    [BASIC_LABELS.investmentRate, LABEL],
  ]);
  line(r++, 6, [
    [b.approvedArea, NUMBER_LOOK.amount],
    [b.actualArea, NUMBER_LOOK.amount],
    [controlRate(b.actualArea, b.approvedArea), NUMBER_LOOK.percent],
    [b.budgetInvestment, NUMBER_LOOK.amount],
    [b.actualInvestment, NUMBER_LOOK.amount],
    [controlRate(b.actualInvestment, b.budgetInvestment), NUMBER_LOOK.percent],
  ]);

  label(r, BASIC_LABELS.saving);
  w.put({ row: r++, col: LABEL_COLUMNS + 1, toCol: last }, data.savingMeasures, TEXT);
  return r;
}
