/**
 * What the print does not show (manual-score reasons, tiers, ids of layouts, unknown keys …)
 * travels in a very hidden sheet: per form its interchange JSON (../shared/spec/interchange.md)
 * (deflated and base64-encoded: it is larger than the sheets themselves and would double the
 * export's zip work) in cells of at most 30,000 characters, with the sheet it belongs to and that
 * sheet's fingerprint. A sheet is chosen over defined names or cell notes because it holds any length,
 * survives Excel and WPS re-saves, and users do not see or edit it by accident.
 */
import type { Workbook } from 'exceljs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { formToJson, parseFormJson, type ParsedForm } from '../../../shared/model/interchange';
import type { DocumentMeta, Form } from '../../../shared/model/types';
import type { ReviewItem } from '../../../shared/review/types';
import { isReviewItem } from '../../../shared/review/validate';

export const DATA_SHEET = 'ZipingData';
/** The row of review data (comments, audit scores, statuses), when the export carries it. */
const REVIEW_ROW = '@review';
/**
 * A form's 基础数据表 sheet: [BASIC_ROW, its fingerprint, the form's sheet, its sheet]. Its data is
 * in the form's JSON; the row only tells whether the sheet was edited.
 */
const BASIC_ROW = '@basicData';
const MARK = 'ziping-xlsx';
const VERSION = 1;
const CHUNK = 30_000;

export interface StoredForm {
  sheet: string;
  fingerprint: string;
  /** Deflated, base64-encoded interchange JSON. */
  packed: string;
  /** The form's 基础数据表 sheet (湖南 department forms). */
  basicData?: SheetPrint;
}

/** A sheet and the fingerprint of what it showed when exported. */
export interface SheetPrint {
  sheet: string;
  fingerprint: string;
}

/** What the export stores of one form: its sheets and the form. */
export interface StoredSheets extends SheetPrint {
  form: Form;
  basicData?: SheetPrint;
}

function packed(value: unknown): string[] {
  const text = deflateRawSync(JSON.stringify(value)).toString('base64');
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK) chunks.push(text.slice(i, i + CHUNK));
  return chunks;
}

function unpacked(text: string): unknown {
  // Capped: the data of one form is a few kilobytes; anything huge is not ours.
  const json = inflateRawSync(Buffer.from(text, 'base64'), { maxOutputLength: 16 * 2 ** 20 });
  return JSON.parse(json.toString('utf8'));
}

export function writeHiddenData(
  wb: Workbook,
  meta: DocumentMeta,
  forms: readonly StoredSheets[],
  review: readonly ReviewItem[] | null = null,
): void {
  const ws = wb.addWorksheet(DATA_SHEET, { state: 'veryHidden' });
  ws.addRow([MARK, VERSION, JSON.stringify({ unit: meta.unit, year: meta.year, layout: meta.layout })]);
  for (const f of forms) ws.addRow([f.sheet, f.fingerprint, ...packed(formToJson(f.form, meta.layout))]);
  for (const f of forms)
    if (f.basicData) ws.addRow([BASIC_ROW, f.basicData.fingerprint, f.sheet, f.basicData.sheet]);
  if (review) ws.addRow([REVIEW_ROW, '', ...packed(review)]);
}

export interface HiddenData {
  meta: { unit: string; year: number; layout: string };
  forms: StoredForm[];
  /** Review data exported with the forms (none when the export did not carry it). */
  review: ReviewItem[];
}

/** The hidden data of our own export, or null when the workbook has none (or not ours). */
export function readHiddenData(wb: Workbook): HiddenData | null {
  const ws = wb.getWorksheet(DATA_SHEET);
  if (!ws) return null;
  const head = ws.getRow(1);
  if (head.getCell(1).value !== MARK || head.getCell(2).value !== VERSION) return null;
  let meta: HiddenData['meta'];
  try {
    const m = JSON.parse(String(head.getCell(3).value)) as Record<string, unknown>;
    if (typeof m.unit !== 'string' || typeof m.year !== 'number' || typeof m.layout !== 'string') return null;
    meta = { unit: m.unit, year: m.year, layout: m.layout };
  } catch {
    return null;
  }
  const forms: StoredForm[] = [];
  const basic: Array<{ owner: string; print: SheetPrint }> = [];
  let review: ReviewItem[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const sheet = row.getCell(1).value;
    const fingerprint = row.getCell(2).value;
    if (typeof sheet !== 'string' || typeof fingerprint !== 'string') continue;
    if (sheet === BASIC_ROW) {
      const [owner, own] = [row.getCell(3).value, row.getCell(4).value];
      if (typeof owner === 'string' && typeof own === 'string')
        basic.push({ owner, print: { sheet: own, fingerprint } });
      continue;
    }
    let packed = '';
    for (let c = 3; c <= row.cellCount; c++) {
      const v = row.getCell(c).value;
      if (typeof v === 'string') packed += v;
    }
    if (sheet === REVIEW_ROW) review = reviewItemsOf(packed);
    else forms.push({ sheet, fingerprint, packed });
  }
  for (const { owner, print } of basic) {
    const form = forms.find((f) => f.sheet === owner);
    if (form) form.basicData = print;
  }
  return { meta, forms, review };
}

/** Review items of the hidden review row; a damaged row gives none (the forms still import). */
function reviewItemsOf(text: string): ReviewItem[] {
  try {
    const value = unpacked(text);
    return Array.isArray(value) ? value.filter(isReviewItem) : [];
  } catch {
    return [];
  }
}

/** A stored form back as a model form, or the reason it cannot be. */
export function parseStoredForm(stored: StoredForm, id: string): ParsedForm | string {
  let value: unknown;
  try {
    value = unpacked(stored.packed);
  } catch {
    return '隐藏的表格数据不完整';
  }
  const parsed = parseFormJson(value, id);
  return parsed.ok ? parsed.value : parsed.error.join('；');
}
