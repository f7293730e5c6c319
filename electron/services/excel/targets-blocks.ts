/**
 * The declarations on one sheet of a 绩效目标申报表 workbook, found by their labels (targets.md):
 * each starts at a 项目名称 (or 部门（单位）名称) label and runs to the next one; its header is
 * label/value pairs (the value right of its label, or below it where the labels form a row of
 * their own), its indicators the blocks under an 一级指标 | … | 指标值 row.
 */
import type { FormKind } from '../../../shared/model/types';
import { readValue } from '../../../shared/values/reader';
import type { CellGrid } from './cell-grid';
import { normalizeTitle } from './cell-grid';
import {
  indicatorColumns,
  readIndicatorBlock,
  type IndicatorBlock,
  type TargetNote,
} from './targets-indicators';
import {
  FUNDS_LABEL,
  INLINE_FUNDS,
  isHeaderLabel,
  isPlaceholder,
  TARGET_LABELS as L,
} from './targets-labels';

export interface DeclaredAmount {
  /** The source's word, 其中： and （万元） aside: 年度资金总额, 财政拨款, 自有资金 … */
  source: string;
  amount: number;
  cell: string;
}

export interface Declaration {
  sheet: string;
  /** Address of its name label. */
  cell: string;
  kind: FormKind;
  name: string;
  department: string;
  unit: string;
  funds: DeclaredAmount[];
  annualGoal: string;
  overallGoal: string;
  /** 年度主要任务 lines (部门整体): counted for the report, the 自评表 has no place for them. */
  tasks: number;
  blocks: IndicatorBlock[];
  notes: TargetNote[];
}

interface Value {
  text: string;
  num: number | null;
  cell: string;
}

/** The value of the label at r,c: the next cell right of it, else the cell below; never a label. */
function valueOf(grid: CellGrid, r: number, c: number, last: number): Value | null {
  const master = grid.get(r, c)?.master;
  const cells = grid.rowCells(r);
  const right = cells.find((x) => x.col > c && x.cell.master !== master);
  const candidates = [right ? { row: r, col: right.col } : null, r < last ? { row: r + 1, col: c } : null];
  for (const at of candidates) {
    const cell = at ? grid.get(at.row, at.col) : undefined;
    if (!at || !cell || cell.master === master || isHeaderLabel(normalizeTitle(cell.text))) continue;
    if (indicatorColumns(grid, at.row)) continue;
    grid.use(at.row, at.col);
    return { text: cell.text.trim(), num: cell.num, cell: cell.master };
  }
  return null;
}

/** An amount in 万元 (“6923.36”, “6923.36万元”, “69233600元”), or null. */
function amountOf(text: string, num: number | null): number | null {
  if (num !== null) return num;
  const v = readValue(text.replace(/,/g, ''));
  if (v.kind !== 'number' || v.op !== '=') return null;
  if (v.unit === '' || v.unit === '万元') return v.value;
  return v.unit === '元' ? Math.round(v.value) / 10000 : null;
}

const sourceWord = (label: string) => label.replace(/^其中[:：]?/, '').replace(/\(万元\)$/, '');

/** The rows where declarations start: a project or department name label. */
function declarationStarts(grid: CellGrid): Array<{ row: number; col: number; kind: FormKind }> {
  const out: Array<{ row: number; col: number; kind: FormKind }> = [];
  for (let r = 1; r <= grid.rowCount; r++) {
    for (const { col } of grid.rowCells(r)) {
      if (!grid.isMaster(r, col)) continue;
      const t = grid.title(r, col);
      if (L.projectName.test(t)) out.push({ row: r, col, kind: 'project' });
      else if (L.departmentName.test(t)) out.push({ row: r, col, kind: 'department' });
      else continue;
      break;
    }
  }
  return out;
}

/** The header labels of rows from..to: name, department, unit, funds, goals; tasks counted. */
function readHeader(grid: CellGrid, d: Declaration, from: number, to: number): void {
  let inTasks = false;
  for (let r = from; r <= to; r++) {
    for (const { col, cell } of grid.rowCells(r)) {
      if (!grid.isMaster(r, col)) continue;
      const t = grid.title(r, col);
      const inline = INLINE_FUNDS.exec(cell.text);
      if (L.tasks.test(t)) inTasks = true;
      if (L.annualGoal.test(t) || L.overallGoal.test(t)) inTasks = false;
      if (inTasks) {
        // 年度主要任务 has its own 总额 | 财政拨款 | 其他资金 per task: not the declaration's funds.
        if (L.taskName.test(t)) d.tasks = countTasks(grid, r, col, to);
        grid.use(r, col);
        continue;
      }
      if (inline?.[2] && inline[3]) {
        grid.use(r, col);
        addAmount(d, inline[2], inline[3].trim(), null, cell.master);
        continue;
      }
      if (!isHeaderLabel(t)) continue;
      grid.use(r, col);
      if (L.fundsCaption.test(t) || L.taskName.test(t) || L.unitLine.test(t)) continue;
      const value = valueOf(grid, r, col, to);
      if (!value) continue;
      if (L.ignored.test(t)) {
        d.notes.push({ cell: value.cell, text: value.text, reason: `${t}：自评表没有此栏，未导入` });
        continue;
      }
      if (isPlaceholder(value.text)) {
        d.notes.push({ cell: value.cell, text: value.text, reason: `${t}是空白模板的占位符，未导入` });
        continue;
      }
      if (L.projectName.test(t) || L.departmentName.test(t)) d.name ||= value.text;
      else if (L.department.test(t)) d.department ||= value.text;
      else if (L.unit.test(t)) d.unit ||= value.text;
      else if (L.annualGoal.test(t)) d.annualGoal ||= value.text;
      else if (L.overallGoal.test(t)) d.overallGoal ||= value.text;
      else if (FUNDS_LABEL.test(t)) addAmount(d, sourceWord(t), value.text, value.num, value.cell);
    }
  }
}

function addAmount(d: Declaration, label: string, text: string, num: number | null, cell: string): void {
  const source = sourceWord(normalizeTitle(label));
  if (d.funds.some((f) => f.source === source)) return;
  const amount = amountOf(text, num);
  if (amount !== null) d.funds.push({ source, amount, cell });
  else if (isPlaceholder(text) || text !== '')
    d.notes.push({
      cell,
      text,
      reason: `${source}不是金额${isPlaceholder(text) ? '（空白模板的占位符）' : ''}，未导入`,
    });
}

/** Lines below the 任务名称 title (and its sub-title row) with a task name, 合计 aside. */
function countTasks(grid: CellGrid, r: number, col: number, to: number): number {
  let n = 0;
  const title = grid.get(r, col)?.master;
  for (let row = r + 1; row <= to; row++) {
    const titles = grid.rowCells(row).map((c) => normalizeTitle(c.cell.text));
    if (titles.some((t) => L.annualGoal.test(t) || L.overallGoal.test(t)) || indicatorColumns(grid, row))
      break;
    const cell = grid.get(row, col);
    const t = normalizeTitle(cell?.text ?? '');
    if (cell && cell.master !== title && grid.isMaster(row, col) && !/^合计$|^总额$/.test(t)) n++;
  }
  return n;
}

/** Every declaration of the sheet, in sheet order. */
export function findDeclarations(grid: CellGrid): Declaration[] {
  const starts = declarationStarts(grid);
  return starts.map((start, i) => {
    const last = (starts[i + 1]?.row ?? grid.rowCount + 1) - 1;
    const d: Declaration = {
      sheet: grid.ws.name,
      cell: grid.ws.getCell(start.row, start.col).address,
      kind: start.kind,
      name: '',
      department: '',
      unit: '',
      funds: [],
      annualGoal: '',
      overallGoal: '',
      tasks: 0,
      blocks: [],
      notes: [],
    };
    let headerEnd = last;
    for (let r = start.row; r <= last; r++) {
      const cols = indicatorColumns(grid, r);
      if (!cols) continue;
      if (d.blocks.length === 0) headerEnd = Math.min(headerEnd, blockCaptionRow(grid, r, start.row) - 1);
      const block = readIndicatorBlock(grid, r, cols, last, (d.blocks.at(-1)?.end ?? start.row) + 1);
      d.blocks.push(block);
      r = block.end;
    }
    readHeader(grid, d, start.row, headerEnd);
    return d;
  });
}

/** The row a block's caption (长期绩效指标 / 年度绩效指标) starts on, above its header, or the header. */
function blockCaptionRow(grid: CellGrid, header: number, from: number): number {
  for (let r = Math.max(from + 1, header - 2); r < header; r++)
    if (
      grid
        .rowCells(r)
        .some(({ col }) => L.longBlock.test(grid.title(r, col)) || L.annualBlock.test(grid.title(r, col)))
    )
      return r;
  return header;
}
