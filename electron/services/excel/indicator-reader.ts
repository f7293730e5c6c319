/** The indicator table of a hand-filled sheet: its columns by their titles, its lines, its 总分 row. */
import type { IndicatorColumnKey } from '../../../shared/layouts/types';
import { newIndicator } from '../../../shared/model/factory';
import {
  GRADES,
  INDICATOR_TEXT_FIELDS,
  type Form,
  type Grade,
  type Indicator,
} from '../../../shared/model/types';
import { CellGrid, normalizeTitle } from './cell-grid';
import { startsAnalysis, INDICATOR_TITLES, WEIGHT_TITLE } from './column-titles';
import { BASIC_INFO, LABELS } from './labels';
import { INDICATOR_CAPTIONS, FIXED_LABELS, IS_TOTAL } from './printed-labels';
import type { SheetReader } from './sheet-reader';

export interface IndicatorColumn {
  col: number;
  key: IndicatorColumnKey;
}

export function findIndicatorHeader(grid: CellGrid): number | null {
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
export const titleWithoutNote = (title: string) => title.replace(/\(说明.*\)$/, '');

/**
 * The indicator columns from the header row and, where 000's arrangement has them, the 评价指标
 * row above it and the 名称 | 权重(%) row below it (a weight belongs to the level to its left).
 * Returns the columns and the first and last header rows.
 */
export function indicatorColumns(
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
export type TreePair = (level1: string, level2: string) => boolean;

export function readIndicators(
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

export function readTotal(rd: SheetReader, row: number, cols: IndicatorColumn[], form: Form): void {
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
