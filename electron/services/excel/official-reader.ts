/**
 * Reads one worksheet filled by hand in an official layout: every part is found by its printed
 * titles (一级指标/三级指标, 全年预算数, 预期目标, 总分 …), never by fixed positions, so blank rows,
 * moved columns and merged cells do not matter. Numbers written as text go through the value
 * reader (shared/values). Every non-empty cell that is not understood is reported.
 */
import type { Worksheet } from 'exceljs';
import { IMPORTED_SCORE_REASON } from '../../../shared/checks/form-checks';
import { getLayout, HUNAN_BASIC_DATA, LAYOUTS } from '../../../shared/layouts/definitions';
import type { BasicDataLayout, FundsColumnKey, IndicatorColumnKey } from '../../../shared/layouts/types';
import { newForm, newFundsRow, newIndicator } from '../../../shared/model/factory';
import { headerText, isHeaderNumberKey, setHeaderNumber, setHeaderText } from '../../../shared/model/header';
import {
  GRADES,
  INDICATOR_TEXT_FIELDS,
  type BasicData,
  type Form,
  type FundsRow,
  type Grade,
  type HeaderKey,
  type Indicator,
  type LayoutId,
} from '../../../shared/model/types';
import { effectiveWeight, groupSizesOf, scoreForm } from '../../../shared/scoring/form';
import { readValue } from '../../../shared/values/reader';
import { readBasicData } from './basic-data-reader';
import { LABELLED_FUNDS_GROUPS, readLabelledFunds } from './labelled-funds-reader';
import { isFundsPairsHeading, readFundsPairs } from './funds-pairs-reader';
import { CellGrid, normalizeTitle, type GridCell } from './cell-grid';
import { rowsInLayoutOrder } from '../../../shared/model/printed-lines';
import {
  ANALYSIS_GROUPS,
  analysisTitleOf,
  startsAnalysis,
  DEPARTMENT_LABELS,
  FUNDS_BLOCK_TITLES,
  FUNDS_TITLES,
  guessLayout,
  HEADER_FIELD_LABELS,
  INDICATOR_TITLES,
  NAME_LABELS,
  UNIT_LABELS,
  WEIGHT_TITLE,
} from './column-titles';
import { BASIC_INFO, LABELS, splitCode } from './labels';

export interface ReadProblem {
  sheet: string;
  /** Cell address (B7) when the problem is about one cell. */
  cell?: string;
  text?: string;
  reason: string;
}

export interface SheetRead {
  form: Form;
  layout: LayoutId;
  indicators: number;
  fundsRows: number;
  problems: ReadProblem[];
}

/** Left captions of the indicator table besides 绩效指标 (新疆's project form: 年度绩效指标完成情况). */
const INDICATOR_CAPTIONS = Object.values(LAYOUTS).flatMap((l) =>
  Object.values(l.kinds).flatMap((k) => k.indicatorCaption ?? []),
);

const FIXED_LABELS = new Set(
  [
    LABELS.indicators,
    ...INDICATOR_CAPTIONS,
    LABELS.goals,
    LABELS.total,
    LABELS.grade,
    '合计',
    '—',
    '-',
    '绩效目标',
    BASIC_INFO.indicators,
    BASIC_INFO.indicatorGroup,
  ].map(normalizeTitle),
);
/** 备注 lines of every layout, and those earlier exports printed (广东's weight note, now in its table). */
const NOTES = new Set(
  [...Object.values(LAYOUTS).flatMap((l) => l.notes), '各项指标权重=该二级指标权重/指标总数'].map(
    normalizeTitle,
  ),
);
const GOAL_EXPECTED = new Set(['预期目标', '年度目标', '预期总体目标']);
const IS_TOTAL = (t: string) => t.startsWith('总分') || t === '合计';
/** from, from − 1, …, to: header rows nearest the table first. */
const range = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => from - i);

/** Rows of a table whose columns are named by its header rows (listed nearest first). */
interface TitledRows {
  from: number;
  to: number;
  heads: number[];
}

const UNCALCULATED = '是公式且没有计算结果，未读入；请在 Excel/WPS 中打开并保存后再导入';

class SheetReader {
  readonly grid: CellGrid;
  readonly problems: ReadProblem[] = [];
  /** The tables found, so that a cell can be named by its column's printed title. */
  readonly tables: TitledRows[] = [];

  constructor(
    ws: Worksheet,
    readonly sheet: string,
  ) {
    this.grid = new CellGrid(ws);
  }

  problem(row: number, col: number, reason: string): void {
    const cell = this.grid.get(row, col);
    this.problems.push({ sheet: this.sheet, cell: cell?.master, text: cell?.text, reason });
    this.grid.use(row, col);
  }

  /** A number from a cell: a number cell, or text the value reader reads as one number. */
  number(row: number, col: number, what: string): number | null {
    const cell = this.grid.get(row, col);
    if (!cell) return null;
    this.grid.use(row, col);
    if (cell.num !== null) return cell.num;
    const reading = readValue(cell.text);
    if (reading.kind === 'number') return reading.value;
    if (reading.kind === 'empty') return null;
    this.problem(row, col, `${what}应为数字，未读入`);
    return null;
  }

  /** A rate: 100% as a percent cell (1), as text "100.00%", or printed as 100 (real forms do). */
  rate(row: number, col: number): number | null {
    const cell = this.grid.get(row, col);
    const n = this.number(row, col, '执行率');
    if (n === null || !cell) return null;
    if (cell.num !== null) return cell.fmt.includes('%') || n <= 1.5 ? n : n / 100;
    const reading = readValue(cell.text);
    return reading.kind === 'number' && (reading.unit === '%' || n > 1.5) ? n / 100 : n;
  }

  text(row: number, col: number): string {
    this.grid.use(row, col);
    return this.grid.text(row, col);
  }

  /**
   * What a cell is, as the form prints it: its column's title inside a table (权重, 全年执行数),
   * else the label to its left in its row (项目名称, 总分); '' when there is none.
   */
  fieldTitle(row: number, col: number): string {
    const printed = (r: number, c: number) => this.grid.text(r, c).replace(/[\s\u3000]+/g, '');
    const table = this.tables.find((t) => row >= t.from && row <= t.to);
    const head = table?.heads.find((h) => printed(h, col) !== '');
    if (head !== undefined) return printed(head, col);
    const label = this.grid
      .rowCells(row)
      .filter(({ col: c }) => c < col && isFieldLabel(this.grid.title(row, c)))
      .pop();
    return label ? printed(row, label.col) : '';
  }

  /** Every formula cell without a saved result: nothing was read from it, and the user can fix that. */
  reportUncalculated(): void {
    for (const { row, col, address } of this.grid.uncalculated) {
      const title = this.fieldTitle(row, col);
      const what = title === '' ? `第 ${row} 行第 ${col} 列` : `第 ${row} 行 ${title} `;
      this.problems.push({ sheet: this.sheet, cell: address, reason: `${what}${UNCALCULATED}` });
    }
  }
}

interface IndicatorColumn {
  col: number;
  key: IndicatorColumnKey;
}

function findIndicatorHeader(grid: CellGrid): number | null {
  for (let r = 1; r <= grid.rowCount; r++) {
    const titles = grid.rowCells(r).map(({ col }) => grid.title(r, col));
    if (titles.includes('一级指标') && (titles.includes('三级指标') || titles.includes('二级指标'))) return r;
  }
  return null;
}

/** Labels of the table itself (left of it, above its titles), not columns. */
const TABLE_LABELS = new Set(
  [LABELS.indicators, BASIC_INFO.indicators, BASIC_INFO.indicatorGroup, ...INDICATOR_CAPTIONS].map(
    normalizeTitle,
  ),
);

const LEVEL_WEIGHT: Partial<Record<IndicatorColumnKey, IndicatorColumnKey>> = {
  level1: 'level1Weight',
  level2: 'level2Weight',
  name: 'weight',
};

/** 000 prints a note under 参考佐证材料: “（说明：本栏为参考佐证材料……）”. */
const titleWithoutNote = (title: string) => title.replace(/\(说明.*\)$/, '');

/**
 * The indicator columns from the header row and, where 000's arrangement has them, the 评价指标
 * row above it and the 名称 | 权重(%) row below it (a weight belongs to the level to its left).
 * Returns the columns and the first and last header rows.
 */
function indicatorColumns(
  rd: SheetReader,
  header: number,
): { cols: IndicatorColumn[]; top: number; last: number } {
  const grid = rd.grid;
  const hasTitle = (r: number, t: string) => grid.rowCells(r).some(({ col }) => grid.title(r, col) === t);
  const top = header > 1 && hasTitle(header - 1, BASIC_INFO.indicatorGroup) ? header - 1 : header;
  const sub = hasTitle(header + 1, BASIC_INFO.levelName) ? header + 1 : header;
  const columns = new Set<number>();
  for (let r = top; r <= sub; r++) for (const { col } of grid.rowCells(r)) columns.add(col);
  const out: IndicatorColumn[] = [];
  const seen = new Set<string>();
  let level: IndicatorColumnKey | null = null;
  for (const col of [...columns].sort((a, b) => a - b)) {
    for (let r = top; r <= sub; r++) grid.use(r, col);
    const below = sub > header ? grid.title(sub, col) : '';
    const title = titleWithoutNote(grid.title(header, col) || grid.title(top, col));
    if (below === BASIC_INFO.levelName) {
      const key = INDICATOR_TITLES.get(title);
      if (key && LEVEL_WEIGHT[key]) out.push({ col, key: (level = key) });
      else rd.problem(sub, col, '“名称”上面不是一级/二级/三级指标，这一列未读入');
    } else if (WEIGHT_TITLE.test(below || title)) {
      out.push({ col, key: (level && LEVEL_WEIGHT[level]) ?? 'weight' });
    } else {
      // A title merged over several columns (or down the header rows) is one column: its first.
      const master = grid.get(header, col)?.master ?? grid.get(top, col)?.master ?? '';
      if (title === '' || seen.has(master)) continue;
      seen.add(master);
      const key = INDICATOR_TITLES.get(title);
      if (key) out.push({ col, key });
      if (key && LEVEL_WEIGHT[key]) level = key;
      else if (!key && !TABLE_LABELS.has(title)) rd.problem(header, col, '表头不认识，这一列未读入');
    }
  }
  return { cols: out, top, last: sub };
}

type WeightKey = 'weight' | 'level1Weight' | 'level2Weight';
const isWeightKey = (key: IndicatorColumnKey): key is WeightKey =>
  key === 'weight' || key === 'level1Weight' || key === 'level2Weight';
type TextKey = (typeof INDICATOR_TEXT_FIELDS)[number];
const isTextKey = (key: IndicatorColumnKey): key is IndicatorColumnKey & TextKey =>
  (INDICATOR_TEXT_FIELDS as readonly string[]).includes(key);
const TEXT_KEYS = new Set<IndicatorColumnKey>(['level1', 'level2', 'name']);

function readIndicatorRow(
  rd: SheetReader,
  row: number,
  cols: IndicatorColumn[],
  index: number,
): Indicator | null {
  const ind = newIndicator(`i${index}`);
  let content = false;
  for (const { col, key } of cols) {
    if (!rd.grid.get(row, col)) continue;
    if (!TEXT_KEYS.has(key)) content = true;
    if (key === 'completionRate') {
      rd.grid.use(row, col); // computed from the values; nothing to keep
    } else if (key === 'score') {
      ind.printedScore = rd.number(row, col, '得分');
    } else if (key === 'weight' && rd.grid.title(row, col).startsWith(BASIC_INFO.sharedWeight)) {
      rd.grid.use(row, col); // 000's 各项指标权重=40/指标总数: the weight is the split, none typed
    } else if (isWeightKey(key)) {
      ind[key] = rd.number(row, col, '分值');
    } else if (isTextKey(key)) {
      ind[key] = rd.text(row, col);
    }
  }
  if (ind.name !== '') content = true;
  return content ? ind : null;
}

/**
 * Columns whose cell a line's rows share, merged down (our export of a line longer than a row); not
 * 分值, which 000 merges over a 一级's lines (各项指标权重=40/指标总数).
 */
const LINE_KEYS = new Set<IndicatorColumnKey>(['score', 'completionRate']);

/**
 * A row that goes on with the line above: its 分值/得分 cell is the one of the row above, merged
 * down beside the rest of a long text (our export; the print has no room for it in one row).
 */
function isContinuation(rd: SheetReader, r: number, cols: IndicatorColumn[]): boolean {
  const grid = rd.grid;
  return cols.some(({ col, key }) => {
    const cell = grid.get(r, col);
    return (
      LINE_KEYS.has(key) && !!cell && !grid.isMaster(r, col) && grid.get(r - 1, col)?.master === cell.master
    );
  });
}

/**
 * Adds a continuation row's texts to its line: the pieces joined are the text. 一级/二级 names
 * there are the label printed again after a page break.
 */
function continueLine(rd: SheetReader, r: number, cols: IndicatorColumn[], ind: Indicator): void {
  for (const { col, key } of cols) {
    if (!rd.grid.get(r, col)) continue;
    const piece = isTextKey(key) && key !== 'level1' && key !== 'level2' && rd.grid.isMaster(r, col);
    if (piece) ind[key] += rd.text(r, col);
    else rd.grid.use(r, col);
  }
}

/** Whether 一级/二级 names are a pair of the layout's tree (a row of it printed blank, as 004 does). */
type TreePair = (level1: string, level2: string) => boolean;

function readIndicators(
  rd: SheetReader,
  header: { top: number; last: number },
  cols: IndicatorColumn[],
  inTree: TreePair,
): { indicators: Indicator[]; totalRow: number | null } {
  const indicators: Indicator[] = [];
  const grid = rd.grid;
  // The header printed again at the top of a page (our export of a table longer than a page).
  const headerTitles = new Set<string>();
  for (let r = header.top; r <= header.last; r++)
    for (const { col } of grid.rowCells(r)) headerTitles.add(grid.title(r, col));
  const isHeaderAgain = (r: number) => {
    const own = grid.rowCells(r).filter(({ col }) => grid.isMaster(r, col));
    return own.length > 1 && own.every(({ col }) => headerTitles.has(grid.title(r, col)));
  };
  for (let r = header.last + 1; r <= rd.grid.rowCount; r++) {
    const cells = rd.grid.rowCells(r);
    if (cells.length === 0) continue;
    const titles = cells.map(({ col }) => rd.grid.title(r, col));
    if (titles.some(IS_TOTAL)) return { indicators, totalRow: r };
    if (titles.some((t) => startsAnalysis(t) || t.startsWith('备注'))) return { indicators, totalRow: null };
    if (isHeaderAgain(r)) {
      for (const { col } of cells) grid.use(r, col);
      continue;
    }
    const current = indicators[indicators.length - 1];
    if (current && isContinuation(rd, r, cols)) {
      continueLine(rd, r, cols, current);
      continue;
    }
    const ind = readIndicatorRow(rd, r, cols, indicators.length + 1);
    if (!ind) {
      const own = cols.filter(({ key, col }) => TEXT_KEYS.has(key) && rd.grid.isMaster(r, col));
      const nameOf = (key: IndicatorColumnKey) =>
        normalizeTitle(rd.grid.text(r, cols.find((c) => c.key === key)?.col ?? 0));
      // A row of the layout's tree printed blank (004) has nothing to read; any other is reported.
      if (own.length > 0 && !inTree(nameOf('level1'), nameOf('level2')))
        rd.problems.push({
          sheet: rd.sheet,
          cell: rd.grid.get(r, (own[0] as IndicatorColumn).col)?.master,
          text: own.map(({ col }) => rd.grid.text(r, col)).join(' / '),
          reason: '只有一级/二级指标名称，没有三级指标和数值，未作为指标行读入',
        });
      for (const { col } of own) rd.grid.use(r, col);
      continue;
    }
    // Hand-filled forms often write 一级/二级 once and leave the rows below blank.
    const prev = indicators[indicators.length - 1];
    // Their weights (广东) likewise.
    if (prev && ind.level1 === '') {
      ind.level1 = prev.level1;
      if (ind.level1Weight == null && prev.level1Weight != null) ind.level1Weight = prev.level1Weight;
    }
    if (prev && ind.level2 === '' && ind.level1 === prev.level1) {
      ind.level2 = prev.level2;
      if (ind.level2Weight == null && prev.level2Weight != null) ind.level2Weight = prev.level2Weight;
    }
    indicators.push(ind);
  }
  return { indicators, totalRow: null };
}

function readTotal(rd: SheetReader, row: number, cols: IndicatorColumn[], form: Form): void {
  const scoreCol = cols.find((c) => c.key === 'score')?.col;
  const weightCol = cols.find((c) => c.key === 'weight')?.col;
  let lastNumber: number | null = null;
  for (const { col, cell } of rd.grid.rowCells(row)) {
    const title = normalizeTitle(cell.text);
    const grade = /^(?:等级)?(优|良|中|差)$/.exec(title.replace(/^等级[:：]?/, '等级'))?.[1];
    if (grade && (GRADES as readonly string[]).includes(grade)) {
      form.printedGrade = grade as Grade;
      rd.grid.use(row, col);
    } else if (IS_TOTAL(title) || FIXED_LABELS.has(title)) {
      rd.grid.use(row, col);
    } else if (col === weightCol) {
      rd.number(row, col, '分值合计'); // the sum of the weights, recomputed
    } else {
      const n = rd.number(row, col, '总分');
      if (n !== null && (col === scoreCol || scoreCol === undefined)) lastNumber = n;
    }
  }
  if (lastNumber !== null) form.printedTotal = lastNumber;
}

interface FundsColumn {
  col: number;
  key: FundsColumnKey;
}

function fundsColumns(rd: SheetReader, row: number): FundsColumn[] {
  const byCol = new Map<number, FundsColumnKey>();
  for (const r of [row, row + 1]) {
    for (const { col } of rd.grid.rowCells(r)) {
      const key = FUNDS_TITLES.get(rd.grid.title(r, col));
      if (key) {
        byCol.set(col, key);
        rd.grid.use(r, col);
      }
    }
  }
  return [...byCol].map(([col, key]) => ({ col, key })).sort((a, b) => a.col - b.col);
}

function readFunds(rd: SheetReader, form: Form, layout: LayoutId, before: number): number {
  const grid = rd.grid;
  let header: number | null = null;
  for (let r = 1; r < before && header === null; r++) {
    const keys = grid.rowCells(r).map(({ col }) => FUNDS_TITLES.get(grid.title(r, col)));
    if (keys.includes('fullYearBudget') && keys.includes('executed')) header = r;
  }
  if (header === null) {
    const labelled = readLabelledFunds(rd, getLayout(layout).kinds[form.kind].fundsRows, before);
    if (labelled) {
      form.funds.rows = labelled.rows;
      return labelled.top;
    }
    rd.problems.push({ sheet: rd.sheet, reason: '没有找到资金表（全年预算数、全年执行数），资金未读入' });
    return before;
  }
  const cols = fundsColumns(rd, header);
  const secondHeader = grid
    .rowCells(header + 1)
    .some(({ col }) => FUNDS_TITLES.has(grid.title(header + 1, col)));
  const firstValueCol = Math.min(...cols.filter((c) => c.key !== 'source').map((c) => c.col));
  const sourceCol = cols.find((c) => c.key === 'source')?.col;
  const template = getLayout(layout).kinds[form.kind].fundsRows;
  const rows: FundsRow[] = [];
  const isGoals = (v: number) =>
    grid
      .rowCells(v)
      .some(({ col }) => GOAL_EXPECTED.has(grid.title(v, col)) || grid.title(v, col) === LABELS.goals);
  const first = header + (secondHeader ? 2 : 1);
  let scoresRead = false;
  let r = first;
  for (; r < before; r++) {
    const cells = grid.rowCells(r);
    if (isGoals(r)) break;
    if (isFundsPairsHeading(rd, r)) {
      const pairs = readFundsPairs(rd, r, before, template, isGoals);
      rows.push(...pairs.rows);
      r = pairs.next;
      break;
    }
    const labels = cells.filter(
      ({ col, cell }) =>
        col < firstValueCol && cell.num === null && !FUNDS_BLOCK_TITLES.has(grid.title(r, col)),
    );
    for (const { col } of cells) if (FUNDS_BLOCK_TITLES.has(grid.title(r, col))) grid.use(r, col);
    const sourceCell = sourceCol !== undefined ? { col: sourceCol } : labels[labels.length - 1];
    const source = sourceCell
      ? rd
          .text(r, sourceCell.col)
          .trim()
          .replace(/[:：]$/, '')
      : '';
    const values = cols.filter((c) => c.key !== 'source' && grid.get(r, c.col));
    if (source === '' && values.length === 0) continue;
    const row = newFundsRow(source, template.find((t) => t.source === source)?.group);
    // 分值/执行率/得分 belong to the first row that prints them: the total, first (national) or
    // last (004's project form, the rows above it print “—”).
    const isTotal = !scoresRead;
    for (const { col, key } of values) {
      if (key === 'rate') {
        const rate = rd.rate(r, col);
        if (isTotal && rate !== null) [form.funds.printedRate, scoresRead] = [rate, true];
      } else if (key === 'score') {
        const n = rd.number(r, col, '得分');
        if (isTotal && n !== null) [form.funds.printedScore, scoresRead] = [n, true];
      } else if (key === 'weight') {
        const n = rd.number(r, col, '分值');
        if (isTotal && n !== null) [form.funds.weight, scoresRead] = [n, true];
      } else if (key === 'deviationReason') {
        // Merged down beside all the rows (our export), it is read once.
        if (!grid.isMaster(r, col)) {
          grid.use(r, col);
          continue;
        }
        const text = rd.text(r, col);
        if (text.trim() !== '—')
          form.funds.deviationReason = [form.funds.deviationReason, text].filter((t) => t !== '').join('；');
      } else if (key !== 'source') {
        row[key] = rd.number(r, col, '金额');
      }
    }
    rows.push(row);
  }
  if (rows.length > 0) form.funds.rows = rows;
  rd.tables.push({ from: first, to: r - 1, heads: secondHeader ? [header + 1, header] : [header] });
  return r;
}

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

function readGoals(rd: SheetReader, form: Form, from: number, before: number): void {
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

type HeadField = 'name' | 'department' | 'unit' | HeaderKey;

function headFieldOf(label: string): HeadField | null {
  if (NAME_LABELS.has(label)) return 'name';
  if (DEPARTMENT_LABELS.has(label)) return 'department';
  if (UNIT_LABELS.has(label)) return 'unit';
  return HEADER_FIELD_LABELS.get(label) ?? null;
}

/** A label that names the cells to its right: a header field's, a section's, the total's. */
function isFieldLabel(title: string): boolean {
  return isAnyLabel(title) || startsAnalysis(title) || IS_TOTAL(title);
}

/** Any printed label: a cell that is never the value of a header field. */
function isAnyLabel(title: string): boolean {
  return (
    headFieldOf(title) !== null ||
    FIXED_LABELS.has(title) ||
    FUNDS_BLOCK_TITLES.has(title) ||
    LABELLED_FUNDS_GROUPS.has(title) ||
    title === LABELS.goalsActual ||
    FUNDS_TITLES.has(title) ||
    INDICATOR_TITLES.has(title) ||
    GOAL_EXPECTED.has(title) ||
    title.startsWith('金额单位')
  );
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
function readHead(rd: SheetReader, form: Form, before: number, fallbackYear: number): void {
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

function readAnalysis(rd: SheetReader, form: Form, layout: LayoutId, from: number, until: number): void {
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
function dropSplitWeights(form: Form, layout: LayoutId): void {
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
function keepPrintedScores(form: Form, layout: LayoutId): void {
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
