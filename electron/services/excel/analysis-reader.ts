/** The analysis texts below the 总分 row, and the printed scores kept as manual ones. */
import { IMPORTED_SCORE_REASON } from '../../../shared/checks/form-checks';
import { getLayout } from '../../../shared/layouts/definitions';
import type { Form, LayoutId } from '../../../shared/model/types';
import { effectiveWeight, groupSizesOf, scoreForm } from '../../../shared/scoring/form';
import { normalizeTitle, type GridCell } from './cell-grid';
import { ANALYSIS_GROUPS, analysisTitleOf } from './column-titles';
import { NOTES } from './printed-labels';
import type { SheetReader } from './sheet-reader';

export function readAnalysis(
  rd: SheetReader,
  form: Form,
  layout: LayoutId,
  from: number,
  until: number,
): void {
  const grid = rd.grid;
  // A variant title (“一、项目实施和预算执行情况：”) is read as the layout's own.
  const own = getLayout(layout).kinds[form.kind].analysisTitles;
  // A title may carry the layout's prompt on the lines below it (000's 到期资金).
  const titleOf = (r: number, col: number) => {
    const text = rd.grid.text(r, col);
    return analysisTitleOf(text, own) ?? analysisTitleOf(text.split('\n')[0] ?? '', own);
  };
  for (let r = from; r < until && r <= grid.rowCount; r++) {
    const cells = grid.rowCells(r);
    if (cells.length === 0) continue;
    const first = normalizeTitle(cells[0]?.cell.text ?? '');
    if (first.startsWith('备注') || cells.every(({ cell }) => NOTES.has(normalizeTitle(cell.text)))) {
      for (const { col } of cells) grid.use(r, col);
      continue;
    }
    for (const { col } of cells) if (ANALYSIS_GROUPS.has(grid.title(r, col))) grid.use(r, col);
    const rest = cells.filter(({ col }) => !ANALYSIS_GROUPS.has(grid.title(r, col)));
    const at = rest.findIndex(({ col }) => titleOf(r, col) !== null);
    // A title merged down over several rows: its text goes on in each of them.
    const put = (title: string, titleCol: number, value: { col: number } | undefined) => {
      const text = value && grid.isMaster(r, value.col) ? rd.text(r, value.col) : '';
      form.analysis[title] = grid.isMaster(r, titleCol) ? text : (form.analysis[title] ?? '') + text;
    };
    if (at >= 0) {
      const titleCell = rest[at] as { col: number; cell: GridCell };
      grid.use(r, titleCell.col);
      put(titleOf(r, titleCell.col) as string, titleCell.col, rest[at + 1]);
    } else if (rest.length === 2) {
      const [label, value] = rest as [{ col: number; cell: GridCell }, { col: number; cell: GridCell }];
      put(rd.text(r, label.col), label.col, value);
      if (!grid.isMaster(r, label.col)) continue;
      rd.problems.push({
        sheet: rd.sheet,
        cell: label.cell.master,
        text: label.cell.text,
        reason: '不是本样式的分析标题，已按原标题读入分析文字',
      });
    }
  }
  // An empty text is no text, as in the editor (an empty official row is printed all the same).
  for (const [title, text] of Object.entries(form.analysis)) if (text === '') delete form.analysis[title];
}

/**
 * A printed 三级 weight that is the equal split of its 二级 weight (广东, where the export prints the
 * split) is the split, not a typed weight: it stays empty, as in a form that never had one.
 */
export function dropSplitWeights(form: Form, layout: LayoutId): void {
  const policy = getLayout(layout).policy;
  if (!policy.equalSplit) return;
  const sizes = groupSizesOf(form, policy);
  for (const ind of form.indicators) {
    if (ind.weight === null) continue;
    const split = effectiveWeight({ ...ind, weight: null }, sizes, policy);
    if (split !== null && Math.abs(split - ind.weight) < 0.005) ind.weight = null;
  }
}

/** Whether a printed score is one the rules do not give (none given, or another one). */
const differs = (printed: number, suggested: number | null | undefined) =>
  suggested === null || suggested === undefined || Math.abs(suggested - printed) > 0.005;

/**
 * Printed scores that the rules do not give become manual scores with a reason (scoring.md §6):
 * the indicator scores and the 预算执行率 score alike, so the printed total survives import.
 */
export function keepPrintedScores(form: Form, layout: LayoutId): void {
  const result = scoreForm(form, getLayout(layout));
  form.indicators.forEach((ind, i) => {
    const printed = ind.printedScore;
    if (printed === null || printed === undefined) return;
    if (differs(printed, result.indicators[i]?.suggested)) {
      ind.score = printed;
      ind.scoreReason = IMPORTED_SCORE_REASON;
    }
  });
  const printed = form.funds.printedScore;
  if (printed != null && differs(printed, result.execution.suggested)) {
    form.funds.score = printed;
    form.funds.scoreReason = IMPORTED_SCORE_REASON;
  }
}
