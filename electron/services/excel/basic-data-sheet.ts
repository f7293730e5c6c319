/**
 * 部门整体支出绩效评价基础数据表 (layout D, 004) on a sheet of its own after the department form's:
 * Excel repeats one range of rows per sheet, so on the form's sheet its pages would repeat the
 * indicator table's header instead of its own. 004's arrangement: one label column and six value
 * columns; 财政供养人员情况 (编制数 | 实际在职人数 | 控制率), 经费控制情况 (上年决算数 | 本年预算数 |
 * 本年决算数, one line per item), 楼堂馆所控制情况 and 厉行节约保障措施. The 控制率 are computed,
 * never typed. The 经费控制情况 header row repeats on every page.
 */
import type { Worksheet } from 'exceljs';
import type { LayoutDef } from '../../../shared/layouts/types';
import { BASIC_DATA_LABELS, controlRate, emptyBasicData } from '../../../shared/model/basic-data';
import type { Form } from '../../../shared/model/types';
import { setupPrint } from './page';
import { atTop, NUMBER_LOOK, SheetWriter, spans, spread, type CellValue, type Look } from './sheet-writer';
import { LEFT } from './styles';

const LABEL: Look = { font: 'label' };
const TEXT: Look = { fmt: 'text', align: LEFT };
/** The label column fits 004's longest line (“3、本级专项资金（一个专项一行）”) on one line. */
const LABEL_WIDTH = 34;
const VALUE_COLUMNS = 6;
const VALUE_WIDTH = 14;

/** Rows of the sheet that tests and the print set-up care about. */
export interface BasicDataSheetRows {
  title: number;
  /** The 经费控制情况 header row: the sheet's print titles. */
  spendingHeader: number;
  last: number;
}

export function writeBasicDataSheet(
  ws: Worksheet,
  input: { form: Form; layout: LayoutDef; draft: boolean },
): BasicDataSheetRows {
  const { form, layout } = input;
  const def = layout.kinds[form.kind].basicData;
  if (!def) throw new Error(`layout ${layout.id} has no 基础数据表 for ${form.kind} forms`);
  // A form without the data prints the empty table, to be filled by hand.
  const data = form.basicData ?? emptyBasicData(def);
  const year = form.year;
  const w = new SheetWriter(ws, [LABEL_WIDTH, ...Array<number>(VALUE_COLUMNS).fill(VALUE_WIDTH)]);
  const last = w.lastCol;
  const label = (row: number, text: string, toRow = row) => w.put({ row, col: 1, toRow }, text, LABEL);
  /** Values of one row spread over the value columns, k of them. */
  const line = (row: number, values: Array<[value: CellValue, look: Look]>) =>
    spans(2, spread(VALUE_COLUMNS, values.length)).forEach(([from, to], i) => {
      const [value, look] = values[i] as [CellValue, Look];
      w.put({ row, col: from, toCol: to }, value, look);
    });

  let r = 1;
  const title = r;
  w.put({ row: r, col: 1, toCol: last }, def.title, { font: 'title', border: false });
  w.needHeight(r++, 32);

  label(r, BASIC_DATA_LABELS.staff, r + 1);
  line(r++, [
    [BASIC_DATA_LABELS.authorized, LABEL],
    [BASIC_DATA_LABELS.actualStaff(year), LABEL],
    [BASIC_DATA_LABELS.staffRate, LABEL],
  ]);
  line(r++, [
    [data.authorizedStaff, NUMBER_LOOK.weight],
    [data.actualStaff, NUMBER_LOOK.weight],
    [controlRate(data.actualStaff, data.authorizedStaff), NUMBER_LOOK.percent],
  ]);

  const spendingHeader = r;
  label(r, BASIC_DATA_LABELS.spending);
  line(r++, [
    [BASIC_DATA_LABELS.lastYearFinal(year), LABEL],
    [BASIC_DATA_LABELS.budget(year), LABEL],
    [BASIC_DATA_LABELS.final(year), LABEL],
  ]);
  for (const row of data.spending) {
    w.put({ row: r, col: 1 }, row.item, TEXT);
    line(r++, [
      [row.lastYearFinal, NUMBER_LOOK.amount],
      [row.budget, NUMBER_LOOK.amount],
      [row.final, NUMBER_LOOK.amount],
    ]);
  }

  const b = data.building;
  label(r, BASIC_DATA_LABELS.building(year), r + 1);
  line(r++, [
    [BASIC_DATA_LABELS.approvedArea, LABEL],
    [BASIC_DATA_LABELS.actualArea, LABEL],
    [BASIC_DATA_LABELS.areaRate, LABEL],
    [BASIC_DATA_LABELS.budgetInvestment, LABEL],
    [BASIC_DATA_LABELS.actualInvestment, LABEL],
    [BASIC_DATA_LABELS.investmentRate, LABEL],
  ]);
  line(r++, [
    [b.approvedArea, NUMBER_LOOK.amount],
    [b.actualArea, NUMBER_LOOK.amount],
    [controlRate(b.actualArea, b.approvedArea), NUMBER_LOOK.percent],
    [b.budgetInvestment, NUMBER_LOOK.amount],
    [b.actualInvestment, NUMBER_LOOK.amount],
    [controlRate(b.actualInvestment, b.budgetInvestment), NUMBER_LOOK.percent],
  ]);

  // A long text goes on over as many rows as it needs (one row shows at most 409 points), with
  // the label merged down beside them, as the analysis texts of the form sheet do.
  // Rows of up to 409 points each go over pages (the sheet breaks them itself): the label at the top
  // of its first, not centred in the whole merge pages away.
  const parts = w.pieces(data.savingMeasures, 2, last);
  w.put(
    { row: r, col: 1, toRow: r + parts.length - 1 },
    BASIC_DATA_LABELS.saving,
    parts.length > 1 ? atTop(LABEL) : LABEL,
  );
  for (const part of parts) w.put({ row: r++, col: 2, toCol: last }, part, TEXT);
  w.finish();
  setupPrint(ws, layout.orientation, `${spendingHeader}:${spendingHeader}`, input.draft);
  return { title, spendingHeader, last: r - 1 };
}
