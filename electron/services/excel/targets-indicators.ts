/**
 * The indicator blocks of a 绩效目标申报表: a row titled 一级指标 | 二级指标 | 三级指标 (指标内容,
 * 具体指标) | 指标值 [| 指标值设定依据 | 分值/权重], its lines below until a footer, a new block or a
 * new declaration. Merged 一级/二级 cells give their value to every line (cell-grid.ts); where
 * they are left blank instead, the line above's carries on.
 */
import type { CellGrid } from './cell-grid';
import { isPlaceholder, TARGET_LABELS as L } from './targets-labels';
import { readValue } from '../../../shared/values/reader';

export interface TargetNote {
  cell?: string;
  text?: string;
  reason: string;
}

export interface DeclaredIndicator {
  row: number;
  level1: string;
  level2: string;
  name: string;
  target: string;
  basis: string;
  weight: number | null;
  /** Marked ★ (核心指标) on the declaration. */
  key: boolean;
}

export interface IndicatorBlock {
  header: number;
  /** Address of its 一级指标 title. */
  cell: string;
  /** Last row of the block. */
  end: number;
  /** 长期绩效指标 (multi-year): not the 自评表's targets. */
  longTerm: boolean;
  /** The block has an 实际完成值 column: a 自评表, not a declaration. */
  withActuals: boolean;
  lines: DeclaredIndicator[];
  notes: TargetNote[];
}

export interface Columns {
  level1: number;
  level2: number;
  name: number;
  target: number;
  basis: number | null;
  weight: number | null;
  actual: number | null;
}

/** The columns of an indicator header row, or null when row r is not one. */
export function indicatorColumns(grid: CellGrid, r: number): Columns | null {
  const cells = grid.rowCells(r).map(({ col }) => ({ col, title: grid.title(r, col) }));
  const colOf = (re: RegExp) => cells.find((c) => re.test(c.title))?.col ?? null;
  const [level1, level2, name, target] = [colOf(L.level1), colOf(L.level2), colOf(L.name), colOf(L.target)];
  if (level1 === null || level2 === null || name === null || target === null) return null;
  return {
    level1,
    level2,
    name,
    target,
    basis: colOf(L.basis),
    weight: colOf(L.weight),
    actual: colOf(L.actual),
  };
}

/** A caption in the header row left of the levels, or in the two rows above it. */
function isLongTerm(grid: CellGrid, header: number, cols: Columns, from: number): boolean {
  const left: string[] = [];
  for (let c = 1; c < cols.level1; c++) left.push(grid.title(header, c));
  if (left.some((t) => L.annualBlock.test(t))) return false;
  const texts = [...left];
  for (let r = Math.max(from, header - 2); r < header; r++)
    texts.push(...grid.rowCells(r).map((c) => c.cell.text));
  return texts.some((t) => L.longBlock.test(t.replace(/\s/g, '')));
}

/** A row that ends a block: a caption, footer or header label starting on it, or a new header row. */
function endsBlock(grid: CellGrid, r: number): boolean {
  if (indicatorColumns(grid, r)) return true;
  return grid.rowCells(r).some(({ col }) => {
    // A caption merged down the block's left side belongs to the block.
    if (!grid.isMaster(r, col)) return false;
    const t = grid.title(r, col);
    return [L.longBlock, L.annualBlock, L.footer, L.title, L.projectName, L.departmentName].some((re) =>
      re.test(t),
    );
  });
}

function weightOf(text: string, num: number | null): number | null {
  if (num !== null) return num;
  const v = readValue(text);
  return v.kind === 'number' && v.op === '=' && ['', '分', '%'].includes(v.unit) ? v.value : null;
}

/** The block whose header is row `header`; its lines run to `last` at most. */
export function readIndicatorBlock(
  grid: CellGrid,
  header: number,
  cols: Columns,
  last: number,
  from: number,
): IndicatorBlock {
  const block: IndicatorBlock = {
    header,
    cell: grid.ws.getCell(header, cols.level1).address,
    end: header,
    longTerm: isLongTerm(grid, header, cols, from),
    withActuals: cols.actual !== null,
    lines: [],
    notes: [],
  };
  let level1 = '';
  let level2 = '';
  for (let r = header + 1; r <= last && !endsBlock(grid, r); r++) {
    block.end = r;
    const at = (c: number | null) => (c === null ? '' : grid.text(r, c).trim());
    const master = (c: number) => grid.get(r, c)?.master;
    if ([cols.level1, cols.level2, cols.name, cols.target].every((c) => at(c) === '')) continue;
    const address = grid.ws.getCell(r, cols.name).address;
    // One cell across the levels and the name: a note (注：带★的为核心指标), not a line.
    if (master(cols.level1) !== undefined && master(cols.level1) === master(cols.name)) {
      block.notes.push({
        cell: master(cols.level1),
        text: at(cols.level1),
        reason: '说明文字，不是指标，未导入',
      });
      continue;
    }
    level1 = at(cols.level1) || level1;
    level2 = at(cols.level2) || level2;
    const rawName = at(cols.name);
    const name = rawName.replace(/[★☆]/g, '').trim();
    let target = at(cols.target);
    if (name === '' || isPlaceholder(name)) {
      if (target !== '' || rawName !== '')
        block.notes.push({ cell: address, text: rawName || target, reason: '没有三级指标名称，未导入' });
      continue;
    }
    if (isPlaceholder(target)) {
      block.notes.push({
        cell: grid.ws.getCell(r, cols.target).address,
        text: target,
        reason: `“${name}”的指标值是空白模板的占位符，未作为指标值：请在自评表中填写`,
      });
      target = '';
    } else if (target === '') {
      block.notes.push({ cell: address, text: name, reason: '没有指标值：请在自评表中填写' });
    }
    const weightText = at(cols.weight);
    const weight = cols.weight === null ? null : weightOf(weightText, grid.get(r, cols.weight)?.num ?? null);
    // An empty 分值 is reported with the others (targets-forms.ts): all empty = none declared.
    if (cols.weight !== null && weight === null && weightText !== '')
      block.notes.push({
        cell: grid.ws.getCell(r, cols.weight).address,
        text: weightText,
        reason: `“${name}”的分值不是数字，未填权重`,
      });
    block.lines.push({
      row: r,
      level1,
      level2,
      name,
      target,
      basis: at(cols.basis),
      weight,
      key: rawName !== name,
    });
  }
  return block;
}
