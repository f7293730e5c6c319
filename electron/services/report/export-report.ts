/**
 * 导出 → 自评报告: the document's report written to a .docx file whole or not at all (a temp file
 * beside it, renamed when written, as the Excel export does), with Chinese errors.
 */
import path from 'node:path';
import type { ZipingDocument } from '../../../shared/model/types';
import { buildReportOutline } from '../../../shared/report/report-outline';
import type { ReportOutline } from '../../../shared/report/outline-types';
import { writeErrorMessage } from '../excel/errors';
import { removeDeadStagedWorkbooks, writeFileAtomic } from '../files';
import { reportDocxBytes } from './report-docx';

export type ReportErrorCode = 'not-docx' | 'write-failed';

export interface ReportError {
  code: ReportErrorCode;
  message: string;
}

export interface ReportExport {
  path: string;
  /** Project forms in the report's table (the department form not counted). */
  projects: number;
  /** 【请填写：…】 gaps left for the user. */
  placeholders: number;
}

export type ReportResult = { ok: true; value: ReportExport } | { ok: false; error: ReportError };

export const DOCX_FILE = /\.docx$/i;

function placeholdersOf(outline: ReportOutline): number {
  let n = 0;
  for (const b of outline.blocks)
    if (b.kind === 'paragraph') n += b.runs.filter((r) => 'placeholder' in r).length;
  return n;
}

export async function exportReport(doc: ZipingDocument, file: string): Promise<ReportResult> {
  if (!DOCX_FILE.test(file)) {
    const name = path.basename(file);
    return {
      ok: false,
      error: {
        code: 'not-docx',
        message: `自评报告须保存为 Word 文件（.docx）：“${name}”不是，请改用以 .docx 结尾的文件名`,
      },
    };
  }
  const outline = buildReportOutline(doc);
  const bytes = await reportDocxBytes(outline);
  try {
    // What an export killed while writing here left behind (a live process's may still be writing).
    removeDeadStagedWorkbooks(path.dirname(file));
    writeFileAtomic(file, bytes);
  } catch (e) {
    const reason =
      (e as { code?: string }).code === 'EISDIR'
        ? `${file} 是一个文件夹：请给出报告的文件名，例如 ${path.join(file, '自评报告.docx')}`
        : writeErrorMessage(e, file);
    return { ok: false, error: { code: 'write-failed', message: `自评报告未保存：${reason}` } };
  }
  return {
    ok: true,
    value: { path: file, projects: outline.projects.length, placeholders: placeholdersOf(outline) },
  };
}
