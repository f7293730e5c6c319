/**
 * The overview of many units written out: one workbook (sheets 单位, 表格, 指标, 未读入) or a
 * folder of CSV files (units.csv, forms.csv, indicators.csv, failed.csv; UTF-8 with BOM so that
 * Excel and WPS read the Chinese), one row per thing, the same columns in both (the schema is in
 * docs/使用说明.md). Written whole or not at all.
 */
import ExcelJS from 'exceljs';
import path from 'node:path';
import type { FormRow, IndicatorRow, UnitRow } from '../../../shared/units/unit-summary';
import { xlsxBytes } from '../excel/zip-deflate';
import { StagedFolder, writeFileAtomic } from '../files';
import type { UnitsScan } from './scan-units';

type Cell = string | number | null;

interface Table {
  /** Sheet name and CSV file name. */
  sheet: string;
  csv: string;
  columns: Array<{ title: string; width: number }>;
  rows: Cell[][];
}

const c = (title: string, width = 12) => ({ title, width });

export function unitsTables(scan: UnitsScan): Table[] {
  const unit = (u: UnitRow): Cell[] => [
    u.unit,
    u.year,
    u.layout,
    u.forms,
    u.departmentScore,
    u.departmentGrade,
    u.优,
    u.良,
    u.中,
    u.差,
    u.projectBudget,
    u.projectExecuted,
    u.projectRate,
    u.errors,
    u.warnings,
    u.file,
  ];
  const form = (f: FormRow): Cell[] => [
    f.unit,
    f.formId,
    f.kind,
    f.name,
    f.budget,
    f.executed,
    f.rate,
    f.score,
    f.grade,
    f.errors,
    f.warnings,
    f.file,
  ];
  const line = (l: IndicatorRow): Cell[] => [
    l.formId,
    l.line,
    l.level1,
    l.level2,
    l.name,
    l.target,
    l.actual,
    l.weight,
    l.score,
    l.file,
  ];
  return [
    {
      sheet: '单位',
      csv: 'units.csv',
      columns: [
        c('单位', 24),
        c('年度', 8),
        c('地区样式'),
        c('表数', 8),
        c('部门整体得分'),
        c('部门整体等级'),
        c('项目优', 8),
        c('项目良', 8),
        c('项目中', 8),
        c('项目差', 8),
        c('项目全年预算数（万元）', 16),
        c('项目全年执行数（万元）', 16),
        c('项目执行率'),
        c('错误数', 8),
        c('提示数', 8),
        c('文件', 40),
      ],
      rows: scan.units.map(unit),
    },
    {
      sheet: '表格',
      csv: 'forms.csv',
      columns: [
        c('单位', 24),
        c('表编号', 8),
        c('类型', 10),
        c('名称', 30),
        c('全年预算数（万元）', 16),
        c('全年执行数（万元）', 16),
        c('执行率'),
        c('自评得分'),
        c('等级', 8),
        c('错误数', 8),
        c('提示数', 8),
        c('文件', 40),
      ],
      rows: scan.forms.map(form),
    },
    {
      sheet: '指标',
      csv: 'indicators.csv',
      columns: [
        c('表编号', 8),
        c('行', 6),
        c('一级指标'),
        c('二级指标'),
        c('三级指标', 30),
        c('指标值', 16),
        c('实际完成值', 16),
        c('分值', 8),
        c('得分', 8),
        c('文件', 40),
      ],
      rows: scan.indicators.map(line),
    },
    {
      sheet: '未读入',
      csv: 'failed.csv',
      columns: [c('文件', 50), c('原因', 60)],
      rows: scan.failed.map((f) => [f.file, f.reason]),
    },
  ];
}

export async function writeUnitsXlsx(file: string, scan: UnitsScan): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const table of unitsTables(scan)) {
    const ws = wb.addWorksheet(table.sheet);
    ws.columns = table.columns.map((col) => ({ header: col.title, width: col.width }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    // exceljs writes strings as strings: a name starting with = never becomes a formula.
    for (const row of table.rows) ws.addRow(row);
  }
  writeFileAtomic(file, await xlsxBytes(wb));
}

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled. */
export function csvText(table: Table): string {
  const field = (v: Cell) => {
    const s = v === null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const lines = [table.columns.map((col) => field(col.title)), ...table.rows.map((r) => r.map(field))];
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}

export function writeUnitsCsv(folder: string, scan: UnitsScan): string[] {
  const staged = StagedFolder.create(folder);
  try {
    const names = unitsTables(scan).map((t) => {
      staged.write(t.csv, csvText(t));
      return path.join(folder, t.csv);
    });
    staged.commit();
    return names;
  } catch (e) {
    staged.discard();
    throw e;
  }
}
