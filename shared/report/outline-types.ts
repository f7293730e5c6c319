/**
 * The 自评报告 as plain data: headings, paragraphs and tables, every number already formatted.
 * Built by report-outline.ts from the document alone; written to Word by the Node side.
 */
import type { Grade } from '../model/types';

/** Text from the document (or formatted from its numbers), or a gap the user has to fill. */
export type Run = { text: string; bold?: boolean } | { placeholder: string };

export interface OutlineHeading {
  kind: 'heading';
  /** 1: 一、… (黑体); 2: （一）… (楷体); 3: 1．… (仿宋 bold). The numbering is part of the text. */
  level: 1 | 2 | 3;
  text: string;
}

export interface OutlineParagraph {
  kind: 'paragraph';
  runs: Run[];
  /** Right-aligned without indent (the signature). */
  align?: 'right';
}

export interface OutlineColumn {
  title: string;
  /** Share of the text width (the columns of a table add to 1). */
  width: number;
  align: 'left' | 'center' | 'right';
}

export interface OutlineTable {
  kind: 'table';
  /** 表1 …（万元）, printed above the table. */
  caption: string;
  columns: OutlineColumn[];
  rows: string[][];
  /** 合计 row, printed last in bold. */
  total?: string[];
}

export type OutlineBlock = OutlineHeading | OutlineParagraph | OutlineTable;

/** One form's line of the 自评结论 (the numbers the project table prints, unformatted). */
export interface ReportFormLine {
  formId: string;
  name: string;
  budget: number | null;
  executed: number | null;
  rate: number | null;
  total: number;
  grade: Grade;
}

export interface ReportOutline {
  /** 2024年度部门整体支出绩效自评报告 */
  title: string;
  /** 单位名称：… */
  unitLine: string;
  blocks: OutlineBlock[];
  /** The department form's line (null without one) and every other form's, in document order. */
  department: ReportFormLine | null;
  projects: ReportFormLine[];
  /** Project forms per grade. */
  gradeCounts: Record<Grade, number>;
}

/** How a placeholder reads in the report: 【请填写：…】. */
export function placeholderText(what: string): string {
  return `【请填写：${what}】`;
}

/** The run as printed. */
export function runText(run: Run): string {
  return 'placeholder' in run ? placeholderText(run.placeholder) : run.text;
}

/** A block's printed text (tables: every cell), for tests and plain-text views. */
export function blockText(block: OutlineBlock): string {
  if (block.kind === 'heading') return block.text;
  if (block.kind === 'paragraph') return block.runs.map(runText).join('');
  const rows = [block.columns.map((c) => c.title), ...block.rows, ...(block.total ? [block.total] : [])];
  return [block.caption, ...rows.map((r) => r.join('\t'))].join('\n');
}
