/**
 * The overview of many units as tables (#22): units, forms, indicators and the files not read, one
 * row per thing. One list of columns serves every output — the workbook's sheets and headers, the
 * CSV files, the SQLite tables and the PostgreSQL schema in docs/summary-schema.md — so that a CSV
 * file loads unchanged into the table the docs create (columns in the same order).
 */
import { REVIEW_UNKNOWN, type FormRow, type IndicatorRow, type UnitRow } from './unit-summary';

export type Cell = string | number | null;
export type SqlType = 'text' | 'integer' | 'number';

export interface Column<Row> {
  /** Header in the workbook and the CSV file. */
  title: string;
  /** Column name in SQLite and PostgreSQL. */
  sql: string;
  type: SqlType;
  /** Width in the workbook, in characters. */
  width: number;
  value: (row: Row) => Cell;
  /** A null shown in the workbook as this text with this note (CSV and SQL keep it empty). */
  unknown?: { text: string; note: string };
}

export interface TableSpec<Row> {
  /** Sheet name. */
  sheet: string;
  /** SQL table name; the CSV file is `<sql>.csv`. */
  sql: string;
  /** Columns that name one row (the SQL primary key). */
  key: string[];
  columns: Array<Column<Row>>;
}

export interface FailedFile {
  file: string;
  reason: string;
}

export interface UnitsTablesInput {
  units: UnitRow[];
  forms: FormRow[];
  indicators: IndicatorRow[];
  failed: FailedFile[];
}

const col = <Row>(
  title: string,
  sql: string,
  type: SqlType,
  value: (row: Row) => Cell,
  width = 12,
): Column<Row> => ({ title, sql, type, width, value });

/** A 审核状态 count: unknown (null) for a workbook. */
const reviewCol = (title: string, sql: string, value: (u: UnitRow) => Cell, width: number) => ({
  ...col(title, sql, 'integer', value, width),
  unknown: REVIEW_UNKNOWN,
});

export const UNITS_TABLE: TableSpec<UnitRow> = {
  sheet: '单位',
  sql: 'units',
  key: ['file'],
  columns: [
    col('单位', 'unit', 'text', (u) => u.unit, 24),
    col('年度', 'year', 'integer', (u) => u.year, 8),
    col('地区样式', 'layout', 'text', (u) => u.layout),
    col('表数', 'forms', 'integer', (u) => u.forms, 8),
    col('部门整体得分', 'department_score', 'number', (u) => u.departmentScore),
    col('部门整体等级', 'department_grade', 'text', (u) => u.departmentGrade),
    col('项目优', 'projects_excellent', 'integer', (u) => u.优, 8),
    col('项目良', 'projects_good', 'integer', (u) => u.良, 8),
    col('项目中', 'projects_fair', 'integer', (u) => u.中, 8),
    col('项目差', 'projects_poor', 'integer', (u) => u.差, 8),
    col('项目全年预算数（万元）', 'project_budget', 'number', (u) => u.projectBudget, 16),
    col('项目全年执行数（万元）', 'project_executed', 'number', (u) => u.projectExecuted, 16),
    col('项目执行率', 'project_rate', 'number', (u) => u.projectRate),
    col('错误数', 'errors', 'integer', (u) => u.errors, 8),
    col('提示数', 'warnings', 'integer', (u) => u.warnings, 8),
    reviewCol('待审核', 'reviews_pending', (u) => u.待审核, 8),
    reviewCol('已审核', 'reviews_approved', (u) => u.已审核, 8),
    reviewCol('退回修改', 'reviews_returned', (u) => u.退回修改, 8),
    col('文件', 'file', 'text', (u) => u.file, 40),
  ],
};

export const FORMS_TABLE: TableSpec<FormRow> = {
  sheet: '表格',
  sql: 'forms',
  key: ['file', 'form_id'],
  columns: [
    col('单位', 'unit', 'text', (f) => f.unit, 24),
    col('表编号', 'form_id', 'text', (f) => f.formId, 8),
    col('类型', 'kind', 'text', (f) => f.kind, 10),
    col('名称', 'name', 'text', (f) => f.name, 30),
    col('全年预算数（万元）', 'budget', 'number', (f) => f.budget, 16),
    col('全年执行数（万元）', 'executed', 'number', (f) => f.executed, 16),
    col('执行率', 'rate', 'number', (f) => f.rate),
    col('自评得分', 'score', 'number', (f) => f.score),
    col('等级', 'grade', 'text', (f) => f.grade, 8),
    col('错误数', 'errors', 'integer', (f) => f.errors, 8),
    col('提示数', 'warnings', 'integer', (f) => f.warnings, 8),
    col('审核状态', 'status', 'text', (f) => f.status, 10),
    col('文件', 'file', 'text', (f) => f.file, 40),
  ],
};

export const INDICATORS_TABLE: TableSpec<IndicatorRow> = {
  sheet: '指标',
  sql: 'indicators',
  key: ['file', 'form_id', 'line'],
  columns: [
    col('表编号', 'form_id', 'text', (l) => l.formId, 8),
    col('行', 'line', 'integer', (l) => l.line, 6),
    col('一级指标', 'level1', 'text', (l) => l.level1),
    col('二级指标', 'level2', 'text', (l) => l.level2),
    col('三级指标', 'name', 'text', (l) => l.name, 30),
    col('指标值', 'target', 'text', (l) => l.target, 16),
    col('实际完成值', 'actual', 'text', (l) => l.actual, 16),
    col('分值', 'weight', 'number', (l) => l.weight, 8),
    col('得分', 'score', 'number', (l) => l.score, 8),
    col('文件', 'file', 'text', (l) => l.file, 40),
  ],
};

export const FAILED_TABLE: TableSpec<FailedFile> = {
  sheet: '未读入',
  sql: 'failed',
  key: ['file'],
  columns: [
    col('文件', 'file', 'text', (f) => f.file, 50),
    col('原因', 'reason', 'text', (f) => f.reason, 60),
  ],
};

export type ColumnHead = Omit<Column<never>, 'value'>;

/** A table with its rows as cells, ready for any output. */
export interface FilledTable {
  sheet: string;
  sql: string;
  key: string[];
  columns: ColumnHead[];
  rows: Cell[][];
}

function fill<Row>(spec: TableSpec<Row>, rows: readonly Row[]): FilledTable {
  return {
    sheet: spec.sheet,
    sql: spec.sql,
    key: spec.key,
    columns: spec.columns.map(({ title, sql, type, width, unknown }) => ({
      title,
      sql,
      type,
      width,
      unknown,
    })),
    rows: rows.map((r) => spec.columns.map((c) => c.value(r))),
  };
}

export function unitsTables(scan: UnitsTablesInput): FilledTable[] {
  return [
    fill(UNITS_TABLE, scan.units),
    fill(FORMS_TABLE, scan.forms),
    fill(INDICATORS_TABLE, scan.indicators),
    fill(FAILED_TABLE, scan.failed),
  ];
}

const PG_TYPE: Record<SqlType, string> = { text: 'text', integer: 'integer', number: 'numeric' };

/** The PostgreSQL schema the docs print (docs/summary-schema.md); a test keeps them equal. */
export function postgresSchema(): string {
  return unitsTables({ units: [], forms: [], indicators: [], failed: [] })
    .map((table) => {
      const lines = table.columns.map(
        (c) => `  ${c.sql} ${PG_TYPE[c.type]}${table.key.includes(c.sql) ? ' NOT NULL' : ''}, -- ${c.title}`,
      );
      lines.push(`  PRIMARY KEY (${table.key.join(', ')})`);
      return `CREATE TABLE ${table.sql} (\n${lines.join('\n')}\n);`;
    })
    .join('\n\n');
}
