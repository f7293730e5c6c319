/**
 * 部门整体支出绩效评价基础数据表 (layout D, 004) as a block of the department form's sheet, on a
 * page of its own after the form: 财政供养人员情况, 经费控制情况 (上年决算数 | 本年预算数 | 本年决算数),
 * 楼堂馆所控制情况 and 厉行节约保障措施. The three 控制率 are computed, never typed.
 */
import type { BasicDataLayout } from '../../../shared/layouts/types';
import { BASIC_DATA_LABELS, controlRate, emptyBasicData } from '../../../shared/model/basic-data';
import type { Form } from '../../../shared/model/types';
import { NUMBER_LOOK, SheetWriter, spans, spread, type Look } from './sheet-writer';
import { LEFT } from './styles';

const LABEL: Look = { font: 'label' };
const TEXT: Look = { fmt: 'text', align: LEFT };
/** Columns of the row labels; the values share the others. */
const LABEL_COLUMNS = 3;

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

  label(r, BASIC_DATA_LABELS.staff, r + 1);
  line(r++, 3, [
    [BASIC_DATA_LABELS.authorized, LABEL],
    [BASIC_DATA_LABELS.actualStaff(year), LABEL],
    [BASIC_DATA_LABELS.staffRate, LABEL],
  ]);
  line(r++, 3, [
    [data.authorizedStaff, NUMBER_LOOK.weight],
    [data.actualStaff, NUMBER_LOOK.weight],
    [controlRate(data.actualStaff, data.authorizedStaff), NUMBER_LOOK.percent],
  ]);

  label(r, BASIC_DATA_LABELS.spending);
  line(r++, 3, [
    [BASIC_DATA_LABELS.lastYearFinal(year), LABEL],
    [BASIC_DATA_LABELS.budget(year), LABEL],
    [BASIC_DATA_LABELS.final(year), LABEL],
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
  label(r, BASIC_DATA_LABELS.building(year), r + 1);
  line(r++, 6, [
    [BASIC_DATA_LABELS.approvedArea, LABEL],
    [BASIC_DATA_LABELS.actualArea, LABEL],
    [BASIC_DATA_LABELS.areaRate, LABEL],
    [BASIC_DATA_LABELS.budgetInvestment, LABEL],
    [BASIC_DATA_LABELS.actualInvestment, LABEL],
    [BASIC_DATA_LABELS.investmentRate, LABEL],
  ]);
  line(r++, 6, [
    [b.approvedArea, NUMBER_LOOK.amount],
    [b.actualArea, NUMBER_LOOK.amount],
    [controlRate(b.actualArea, b.approvedArea), NUMBER_LOOK.percent],
    [b.budgetInvestment, NUMBER_LOOK.amount],
    [b.actualInvestment, NUMBER_LOOK.amount],
    [controlRate(b.actualInvestment, b.budgetInvestment), NUMBER_LOOK.percent],
  ]);

  label(r, BASIC_DATA_LABELS.saving);
  w.put({ row: r++, col: LABEL_COLUMNS + 1, toCol: last }, data.savingMeasures, TEXT);
  return r;
}
