/**
 * Export of a document (or some of its forms) to Excel: the checks first (errors stop it unless
 * it is a draft), then one workbook with a summary sheet and one sheet per form, or one workbook
 * per form in a folder. Progress is reported per form and the export can be cancelled between
 * forms; files are written whole or not at all (temp file + rename).
 */
import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { getLayout } from '../../../shared/layouts/definitions';
import type { Form, ZipingDocument } from '../../../shared/model/types';
import { scoreForm } from '../../../shared/scoring/form';
import type { FormResult } from '../../../shared/scoring/types';
import { safeFileName, writeFileAtomic } from '../files';
import { excelFail, excelOk, writeErrorMessage, type ExcelError, type ExcelResult } from './errors';
import { sheetFingerprint } from './fingerprint';
import { writeFormSheet } from './form-sheet';
import { DATA_SHEET, writeHiddenData } from './hidden-data';
import { LABELS } from './labels';
import { uniqueSheetNames } from './sheet-names';
import { writeSummarySheet } from './summary-sheet';

export interface ExportProgress {
  stage: 'check' | 'sheet' | 'write';
  done: number;
  total: number;
}

export interface ExportOptions {
  /** Export even with errors; every page is marked 草稿 in its header. */
  draft?: boolean;
  /** Only the forms with these ids, in document order; default every form. */
  formIds?: readonly string[];
  onProgress?: (p: ExportProgress) => void;
  signal?: AbortSignal;
}

export interface ExportReport {
  files: string[];
  /** Form sheet names, in order. */
  sheets: string[];
  forms: number;
  draft: boolean;
  /** Errors exported anyway (draft) and warnings. */
  errors: number;
  warnings: number;
}

export interface ScoredForm {
  form: Form;
  result: FormResult;
}

const nameOf = (form: Form) => form.projectName.trim() || (form.kind === 'department' ? '部门整体' : '项目');

/** One workbook: optional summary, a sheet per form, the hidden data sheet. */
export function buildWorkbook(
  doc: ZipingDocument,
  scored: readonly ScoredForm[],
  options: { draft: boolean; summary: boolean; afterSheet?: () => void },
): { workbook: ExcelJS.Workbook; sheets: string[] } {
  const layout = getLayout(doc.meta.layout);
  const wb = new ExcelJS.Workbook();
  wb.creator = '自评表编辑器';
  const reserved = options.summary ? [LABELS.summarySheet, DATA_SHEET] : [DATA_SHEET];
  const sheets = uniqueSheetNames(
    scored.map((s) => nameOf(s.form)),
    reserved,
  );
  if (options.summary) {
    const ws = wb.addWorksheet(LABELS.summarySheet);
    const lines = scored.map((s, i) => ({ ...s, sheet: sheets[i] as string }));
    writeSummarySheet(ws, doc.meta.unit, doc.meta.year, lines, options.draft);
  }
  const stored = scored.map(({ form, result }, i) => {
    const sheet = sheets[i] as string;
    const ws = wb.addWorksheet(sheet);
    writeFormSheet(ws, { form, layout, result, draft: options.draft });
    options.afterSheet?.();
    return { sheet, fingerprint: sheetFingerprint(ws), form };
  });
  writeHiddenData(wb, doc.meta, stored);
  return { workbook: wb, sheets };
}

/**
 * Deflate level 1: exceljs zips with a JavaScript deflate that spends most of an export's time at
 * its default level 6; level 1 is several times faster and the file only slightly larger.
 */
export const ZIP_OPTIONS = { zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as const;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function checkErrors(scored: readonly ScoredForm[]): ExcelError | null {
  const findings = scored.flatMap(({ form, result }) =>
    result.findings.filter((f) => f.level === 'error').map((f) => ({ ...f, form: nameOf(form) })),
  );
  if (findings.length === 0) return null;
  const first = findings[0] as (typeof findings)[number];
  return {
    code: 'check-errors',
    message: `审核发现 ${findings.length} 个错误，未导出：请先改正，或导出为草稿（第一个：“${first.form}” ${first.message}）`,
    findings,
  };
}

/**
 * Exports to `out`: a file ending in .xlsx gets one workbook (summary + one sheet per form);
 * anything else is a folder that gets one workbook per form.
 */
export async function exportDocument(
  doc: ZipingDocument,
  out: string,
  options: ExportOptions = {},
): Promise<ExcelResult<ExportReport>> {
  const draft = options.draft === true;
  const wanted = options.formIds ? new Set(options.formIds) : null;
  const forms = doc.forms.filter((f) => !wanted || wanted.has(f.id));
  if (forms.length === 0) return excelFail('no-forms', '没有要导出的表格：文档是空的，或没有找到指定的表');
  const layout = getLayout(doc.meta.layout);
  const progress = (stage: ExportProgress['stage'], done: number, total: number) =>
    options.onProgress?.({ stage, done, total });
  const cancelled = () => options.signal?.aborted === true;

  progress('check', 0, forms.length);
  const scored = forms.map((form) => ({ form, result: scoreForm(form, layout) }));
  const blocking = checkErrors(scored);
  if (blocking && !draft) return { ok: false, error: blocking };
  const errors = blocking?.findings?.length ?? 0;
  const warnings = scored.reduce(
    (n, s) => n + s.result.findings.filter((f) => f.level === 'warning').length,
    0,
  );
  const perForm = !/\.xlsx$/i.test(out);
  const files: string[] = [];
  const sheets: string[] = [];

  try {
    if (perForm) mkdirSync(out, { recursive: true });
    const groups = perForm ? scored.map((s) => [s]) : [scored];
    const width = String(scored.length).length;
    let done = 0;
    for (const [gi, group] of groups.entries()) {
      if (cancelled()) return excelFail('cancelled', '导出已取消，没有写出文件');
      const built = buildWorkbook(doc, group, {
        draft,
        summary: !perForm,
        afterSheet: () => progress('sheet', ++done, scored.length),
      });
      await nextTurn();
      if (cancelled()) return excelFail('cancelled', '导出已取消，没有写出文件');
      const file = perForm
        ? path.join(
            out,
            `${String(gi + 1).padStart(width, '0')}-${safeFileName(nameOf(group[0]!.form), '表')}.xlsx`,
          )
        : out;
      progress('write', gi, groups.length);
      const buffer = await built.workbook.xlsx.writeBuffer(ZIP_OPTIONS);
      writeFileAtomic(file, new Uint8Array(buffer));
      files.push(file);
      sheets.push(...built.sheets);
    }
  } catch (e) {
    return excelFail('write-failed', writeErrorMessage(e, out));
  }
  progress('write', files.length, files.length);
  return excelOk({ files, sheets, forms: scored.length, draft, errors, warnings });
}
