/**
 * One unit's file read for the overview (#22): a .ziping document as a read-only snapshot (no
 * owner file, no working copy), or an official-layout .xlsx workbook through the import engine
 * (zip guard first, then the printed titles). Nothing is written anywhere; a file that cannot be
 * read gives the reason in Chinese.
 */
import path from 'node:path';
import type { ZipingDocument } from '../../../shared/model/types';
import { summarizeUnit, type UnitSummary } from '../../../shared/units/unit-summary';
import { mergeReviewItems, type ReviewItems } from '../../../shared/review/patch';
import { readReviewFile, reviewFilePath } from '../document-store/review-store';
import { readDocumentAndReview } from '../document-store/snapshot';
import { importXlsx } from '../excel/import';

export const DOCUMENT_FILE = /\.ziping$/i;
export const WORKBOOK_FILE = /\.xlsx$/i;

export type UnitRead = { ok: true; summary: UnitSummary } | { ok: false; reason: string };

async function readWorkbookDocument(file: string): Promise<{ ok: true; doc: ZipingDocument } | UnitRead> {
  const read = await importXlsx(file);
  if (!read.ok) return { ok: false, reason: read.error.message };
  const { meta, forms } = read.value;
  const first = forms[0];
  if (!first) return { ok: false, reason: '文件中没有找到自评表' };
  // A hand-filled workbook has no document meta: the unit and year come from its forms.
  const department = forms.find((f) => f.form.kind === 'department')?.form;
  const unit =
    meta?.unit ||
    department?.unit ||
    department?.projectName ||
    first.form.unit ||
    path.basename(file, path.extname(file));
  return {
    ok: true,
    doc: {
      meta: {
        unit,
        year: meta?.year ?? first.form.year,
        layout: meta?.layout ?? first.layout,
        createdAt: '',
        createdBy: '',
        modifiedAt: '',
        modifiedBy: '',
      },
      forms: forms.map((f) => f.form),
    },
  };
}

/** A workbook carries no 审核状态: its counts are unknown, not 0. */
function withoutReviewCounts(summary: UnitSummary): UnitSummary {
  return { ...summary, unit: { ...summary.unit, 待审核: null, 已审核: null, 退回修改: null } };
}

/** The document's review data merged with its review file's (read only; one that cannot be read is left out). */
function withReviewFile(file: string, review: ReviewItems): ReviewItems {
  try {
    mergeReviewItems(review, readReviewFile(reviewFilePath(file)));
  } catch {
    // The document itself was read: a damaged review file only leaves its statuses out.
  }
  return review;
}

export async function readUnit(file: string, options: { indicators?: boolean } = {}): Promise<UnitRead> {
  try {
    if (WORKBOOK_FILE.test(file)) {
      const read = await readWorkbookDocument(file);
      if (!('doc' in read)) return read;
      return { ok: true, summary: withoutReviewCounts(summarizeUnit(file, read.doc, options)) };
    }
    const read = readDocumentAndReview(file);
    if (!read.ok) return { ok: false, reason: read.error.message };
    const review = withReviewFile(file, read.value.review);
    return { ok: true, summary: summarizeUnit(file, read.value.document, { ...options, review }) };
  } catch (e) {
    // A file that passed the readers but breaks the scoring must not stop the scan of the others.
    const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { ok: false, reason: `无法汇总该文件（${detail}）：请在编辑器中打开检查` };
  }
}
