/**
 * Reads one worksheet filled by hand in an official layout: every part is found by its printed
 * titles (一级指标/三级指标, 全年预算数, 预期目标, 总分 …), never by fixed positions, so blank rows,
 * moved columns and merged cells do not matter. Numbers written as text go through the value
 * reader (shared/values). Every non-empty cell that is not understood is reported.
 */
import type { Worksheet } from 'exceljs';
import { getLayout, HUNAN_BASIC_DATA } from '../../../shared/layouts/definitions';
import type { BasicDataLayout } from '../../../shared/layouts/types';
import { newForm } from '../../../shared/model/factory';
import type { BasicData, Form, LayoutId } from '../../../shared/model/types';
import { readBasicData } from './basic-data-reader';
import { LABELLED_FUNDS_GROUPS } from './labelled-funds-reader';
import { rowsInLayoutOrder } from '../../../shared/model/printed-lines';
import { FUNDS_BLOCK_TITLES, guessLayout } from './column-titles';
import { FIXED_LABELS } from './printed-labels';
import { SheetReader, type ReadProblem } from './sheet-reader';
import {
  findIndicatorHeader,
  titleWithoutNote,
  indicatorColumns,
  type TreePair,
  readIndicators,
  readTotal,
} from './indicator-reader';
import { readFunds } from './funds-reader';
import { readGoals, readHead } from './head-reader';
import { readAnalysis, dropSplitWeights, keepPrintedScores } from './analysis-reader';

export interface SheetRead {
  form: Form;
  layout: LayoutId;
  indicators: number;
  fundsRows: number;
  problems: ReadProblem[];
}

/** from, from − 1, …, to: header rows nearest the table first. */
const range = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => from - i);

/** The layout's 基础数据表, or 湖南's: a department form of another layout may come with one. */
function basicDataLayoutOf(layout: LayoutId, kind: Form['kind']): BasicDataLayout {
  return getLayout(layout).kinds[kind].basicData ?? HUNAN_BASIC_DATA;
}

/**
 * A 基础数据表 on a sheet of its own (our export; 004 prints it as a separate table before the
 * 自评表), or null when the sheet has none; data is null when the table is empty. Its cells not
 * understood are reported like a form's.
 */
export function readBasicDataSheet(
  ws: Worksheet,
): { data: BasicData | null; problems: ReadProblem[] } | null {
  const rd = new SheetReader(ws, ws.name);
  const read = readBasicData(rd, HUNAN_BASIC_DATA);
  if (!read) return null;
  for (const { address, text } of rd.grid.unused()) {
    rd.problems.push({ sheet: rd.sheet, cell: address, text, reason: '不在基础数据表的任何位置，未读入' });
  }
  rd.reportUncalculated();
  return { data: read.data, problems: rd.problems };
}

/** Reads the sheet, or says why it is not a form. */
export function readOfficialSheet(
  ws: Worksheet,
  id: string,
  options: { layout: LayoutId | null; year: number },
): SheetRead | { notForm: string } {
  const rd = new SheetReader(ws, ws.name);
  const header = findIndicatorHeader(rd.grid);
  if (header === null) return { notForm: '没有“一级指标”“三级指标”表头，不是自评表' };
  const { cols, top, last } = indicatorColumns(rd, header);
  const titles: string[] = [];
  for (let r = top; r <= last; r++)
    titles.push(...rd.grid.rowCells(r).map(({ col }) => titleWithoutNote(rd.grid.title(r, col))));
  // The labels above the table too: a name label of one layout only tells it (004's 项目支出名称).
  const above: string[] = [];
  for (let r = 1; r < top; r++) above.push(...rd.grid.rowCells(r).map(({ col }) => rd.grid.title(r, col)));
  const layout = options.layout ?? guessLayout(titles, above);
  const form = newForm(id, layout, 'project', options.year);
  const before = top;
  readHead(rd, form, before, options.year);
  const fundsEnd = readFunds(rd, form, layout, before);
  readGoals(rd, form, Math.min(fundsEnd, before), before);
  const levels = getLayout(layout).kinds[form.kind].levels;
  const inTree: TreePair = (l1, l2) => levels[l1]?.includes(l2) === true;
  const { indicators, totalRow } = readIndicators(rd, { top, last }, cols, inTree);
  // In the layout's order, as it prints them, whatever order the sheet had (004: 年度资金总额 last).
  form.funds.rows = rowsInLayoutOrder(form.funds.rows, getLayout(layout).kinds[form.kind]);
  rd.tables.push({ from: last + 1, to: (totalRow ?? rd.grid.rowCount + 1) - 1, heads: range(last, top) });
  form.indicators = indicators;
  if (totalRow !== null) readTotal(rd, totalRow, cols, form);
  else rd.problems.push({ sheet: rd.sheet, reason: '没有找到“总分”行' });
  const analysisFrom = (totalRow ?? header) + 1;
  const basic = readBasicData(rd, basicDataLayoutOf(layout, form.kind));
  if (basic?.data) form.basicData = basic.data;
  readAnalysis(
    rd,
    form,
    layout,
    analysisFrom,
    basic && basic.top >= analysisFrom ? basic.top : rd.grid.rowCount + 1,
  );
  dropSplitWeights(form, layout);
  keepPrintedScores(form, layout);
  for (let r = 1; r <= rd.grid.rowCount; r++) {
    for (const { col } of rd.grid.rowCells(r)) {
      const title = rd.grid.title(r, col);
      if (FIXED_LABELS.has(title) || FUNDS_BLOCK_TITLES.has(title) || LABELLED_FUNDS_GROUPS.has(title))
        rd.grid.use(r, col);
    }
  }
  for (const { address, text } of rd.grid.unused()) {
    rd.problems.push({ sheet: rd.sheet, cell: address, text, reason: '不在表样的任何位置，未读入' });
  }
  rd.reportUncalculated();
  return {
    form,
    layout,
    indicators: indicators.length,
    fundsRows: form.funds.rows.length,
    problems: rd.problems,
  };
}
