/**
 * Export of a document (or some of its forms) to Excel: the checks first (errors stop it unless
 * it is a draft), then one workbook with a summary sheet and one sheet per form, or one workbook
 * per form in a folder. Progress is reported per form, and the export yields to the event loop
 * between forms so that it can be watched and cancelled while it runs; files are written whole or
 * not at all (a temp file, or for a folder a temp folder beside it, renamed only when all is
 * written: a cancelled or failed folder export leaves nothing). File names: see file-names.ts.
 */
import ExcelJS from 'exceljs';
import type { ExportJobProgress } from '../../../shared/contract';
import path from 'node:path';
import { getLayout } from '../../../shared/layouts/definitions';
import type { LayoutDef } from '../../../shared/layouts/types';
import type { Form, ZipingDocument } from '../../../shared/model/types';
import { scoreForm } from '../../../shared/scoring/form';
import type { FormResult } from '../../../shared/scoring/types';
import { numberedFileNames } from '../file-names';
import { removeDeadStagedWorkbooks, stageFile, StagedFolder, type StagedFile } from '../files';
import {
  excelFail,
  ExcelFailure,
  excelOk,
  writeErrorMessage,
  type ExcelError,
  type ExcelResult,
} from './errors';
import { sheetFingerprint } from './fingerprint';
import { writeFormSheet } from './form-sheet';
import { DATA_SHEET, writeHiddenData, type StoredSheets } from './hidden-data';
import { writeBasicDataSheet } from './basic-data-sheet';
import { LABELS } from './labels';
import { uniqueSheetNames } from './sheet-names';
import { writeSummarySheet } from './summary-sheet';
import { addSummaryCharts } from './summary-chart-images';
import { buildSummary } from '../../../shared/summary/summary';
import { writeReviewSheet } from './review-sheet';
import { xlsxBytes } from './zip-deflate';
import { reviewedTotal } from '../../../shared/review/reviewed-total';
import { statusId, type ReviewItem } from '../../../shared/review/types';

/** Progress of an export, as the contract's 'export/progress' passes it on. */
export type ExportProgress = ExportJobProgress;

export interface ExportOptions {
  /** Export even with errors; every page is marked 草稿 in its header. */
  draft?: boolean;
  /** Only the forms with these ids, in document order; default every form. */
  formIds?: readonly string[];
  onProgress?: (p: ExportProgress) => void;
  signal?: AbortSignal;
  /**
   * Review data to export with the forms: a 审核意见 sheet, 审核状态 and 核查得分 in the summary,
   * and the items in the hidden data (so that 导入审核意见 can read them back).
   */
  review?: ReadonlyMap<string, ReviewItem>;
}

export interface ExportReport {
  files: string[];
  /** Form sheet names, in order (a form's 基础数据表 sheet is not one). */
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

/**
 * One workbook: optional summary, a sheet per form (湖南 department forms: and their 基础数据表
 * sheet right after it), the hidden data sheet. `beforeSheet` runs
 * before each form's sheet: the export reports progress there, yields to the event loop (so that
 * calls asking for progress or cancelling are answered) and throws to stop.
 */
export async function buildWorkbook(
  doc: ZipingDocument,
  scored: readonly ScoredForm[],
  options: {
    draft: boolean;
    summary: boolean;
    beforeSheet?: (form: Form) => Promise<void>;
    review?: ReadonlyMap<string, ReviewItem>;
  },
): Promise<{ workbook: ExcelJS.Workbook; sheets: string[] }> {
  const layout = getLayout(doc.meta.layout);
  const wb = new ExcelJS.Workbook();
  wb.creator = '自评表编辑器';
  const { review } = options;
  const reserved = [
    ...(options.summary ? [LABELS.summarySheet] : []),
    ...(review ? [LABELS.reviewSheet] : []),
    DATA_SHEET,
  ];
  const sheets = uniqueSheetNames(
    scored.map((s) => nameOf(s.form)),
    reserved,
  );
  const basicSheets = basicDataSheetNames(scored, sheets, layout, reserved);
  if (options.summary) {
    const ws = wb.addWorksheet(LABELS.summarySheet);
    const lines = scored.map((s, i) => ({
      ...s,
      layout,
      sheet: sheets[i] as string,
      ...(review
        ? {
            status: statusOf(review, s.form.id),
            reviewed: reviewedTotal(s.result, review, layout.policy),
          }
        : {}),
    }));
    writeSummarySheet(ws, doc.meta.unit, doc.meta.year, lines, options.draft, review !== undefined);
    const results = new Map(scored.map((s) => [s.form, s.result]));
    const summary = buildSummary(
      scored.map((s) => s.form),
      (form) => results.get(form) ?? scoreForm(form, layout),
      layout,
      review ?? new Map(),
    );
    addSummaryCharts(wb, ws, summary, ws.rowCount + 2);
  }
  if (review) writeReviewSheet(wb.addWorksheet(LABELS.reviewSheet), scored, review, layout, options.draft);
  const stored: StoredSheets[] = [];
  for (const [i, { form, result }] of scored.entries()) {
    await options.beforeSheet?.(form);
    const sheet = sheets[i] as string;
    const ws = wb.addWorksheet(sheet);
    writeFormSheet(ws, { form, layout, result, draft: options.draft });
    const entry: StoredSheets = { sheet, fingerprint: sheetFingerprint(ws), form };
    const basicSheet = basicSheets.get(i);
    if (basicSheet !== undefined) {
      const basicWs = wb.addWorksheet(basicSheet);
      writeBasicDataSheet(basicWs, { form, layout, draft: options.draft });
      entry.basicData = { sheet: basicSheet, fingerprint: sheetFingerprint(basicWs) };
    }
    stored.push(entry);
  }
  writeHiddenData(wb, doc.meta, stored, review ? reviewOf(review, scored) : null);
  return { workbook: wb, sheets };
}

/**
 * Names of the 基础数据表 sheets, by form index: the form's sheet name with “-基础数据表”, unique
 * among all the workbook's sheets.
 */
function basicDataSheetNames(
  scored: readonly ScoredForm[],
  sheets: readonly string[],
  layout: LayoutDef,
  reserved: readonly string[],
): Map<number, string> {
  const owners = scored.flatMap(({ form }, i) => (layout.kinds[form.kind].basicData ? [i] : []));
  const names = uniqueSheetNames(
    owners.map((i) => ({ name: sheets[i] as string, tail: LABELS.basicDataSheet })),
    [...reserved, ...sheets],
  );
  return new Map(owners.map((i, k) => [i, names[k] as string]));
}

function statusOf(review: ReadonlyMap<string, ReviewItem>, formId: string): string {
  const item = review.get(statusId(formId));
  return item?.kind === 'status' && !item.deleted ? item.status : '';
}

/** The review items of the exported forms (and the document's own comments). */
function reviewOf(review: ReadonlyMap<string, ReviewItem>, scored: readonly ScoredForm[]): ReviewItem[] {
  const ids = new Set(scored.map((s) => s.form.id));
  return [...review.values()].filter((i) => i.formId === null || ids.has(i.formId));
}

/** What a cancelled export answers (the CLI and the editor show it as it is). */
export const EXPORT_CANCELLED = '已取消导出，没有写入任何文件';

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
  const total = forms.length;
  const progress = (stage: ExportProgress['stage'], done: number, formName = '') =>
    options.onProgress?.({ stage, done, total, formName });
  const stopIfCancelled = () => {
    if (options.signal?.aborted === true) throw new ExcelFailure('cancelled', EXPORT_CANCELLED);
  };

  progress('check', 0);
  const scored = forms.map((form) => ({ form, result: scoreForm(form, layout) }));
  const blocking = checkErrors(scored);
  if (blocking && !draft) return { ok: false, error: blocking };
  const errors = blocking?.findings?.length ?? 0;
  const warnings = scored.reduce(
    (n, s) => n + s.result.findings.filter((f) => f.level === 'warning').length,
    0,
  );
  const perForm = !/\.xlsx$/i.test(out);
  const staged: StagedFile[] = [];
  const sheets: string[] = [];
  let folder: StagedFolder | undefined;
  let files: string[] = [];

  try {
    stopIfCancelled();
    if (perForm) folder = StagedFolder.create(out);
    else removeDeadStagedWorkbooks(path.dirname(out));
    const groups = perForm ? scored.map((s) => [s]) : [scored];
    const names = numberedFileNames(
      groups.map((group) => ({ name: nameOf(group[0]!.form), fallback: '表' })),
      '.xlsx',
    );
    let done = 0;
    for (const [gi, group] of groups.entries()) {
      const built = await buildWorkbook(doc, group, {
        draft,
        summary: !perForm,
        ...(options.review ? { review: options.review } : {}),
        beforeSheet: async (form) => {
          progress('form', done, nameOf(form));
          done += 1;
          await nextTurn();
          stopIfCancelled();
        },
      });
      if (!perForm) progress('write', done);
      await nextTurn();
      stopIfCancelled();
      const bytes = await xlsxBytes(built.workbook);
      // exceljs cannot be stopped while it zips: a cancel that came meanwhile is honoured here.
      stopIfCancelled();
      if (folder) folder.write(names[gi]!, bytes);
      else staged.push(stageFile(out, bytes));
      sheets.push(...built.sheets);
    }
    // Every file is written whole before any takes its real name: a cancelled or failed export
    // leaves none. (Renames in one folder do not fail short of the disk failing.)
    if (folder) files = folder.commit();
    for (const file of staged) file.commit();
    files.push(...staged.map((f) => f.target));
  } catch (e) {
    for (const file of staged) file.discard();
    folder?.discard();
    if (e instanceof ExcelFailure) return excelFail(e.code, e.message);
    return excelFail('write-failed', writeErrorMessage(e, out));
  }
  return excelOk({ files, sheets, forms: scored.length, draft, errors, warnings });
}
