/**
 * What the print does not show (manual-score reasons, tiers, ids of layouts, unknown keys …)
 * travels in a very hidden sheet: per form its interchange JSON (../shared/spec/interchange.md)
 * in cells of at most 30,000 characters, with the sheet it belongs to and that sheet's
 * fingerprint. A sheet is chosen over defined names or cell notes because it holds any length,
 * survives Excel and WPS re-saves, and users do not see or edit it by accident.
 */
import type { Workbook } from 'exceljs';
import { formToJson, parseFormJson, type ParsedForm } from '../../../shared/model/interchange';
import type { DocumentMeta, Form } from '../../../shared/model/types';

export const DATA_SHEET = 'ZipingData';
const MARK = 'ziping-xlsx';
const VERSION = 1;
const CHUNK = 30_000;

export interface StoredForm {
  sheet: string;
  fingerprint: string;
  json: string;
}

export function writeHiddenData(
  wb: Workbook,
  meta: DocumentMeta,
  forms: Array<{ sheet: string; fingerprint: string; form: Form }>,
): void {
  const ws = wb.addWorksheet(DATA_SHEET, { state: 'veryHidden' });
  ws.addRow([MARK, VERSION, JSON.stringify({ unit: meta.unit, year: meta.year, layout: meta.layout })]);
  for (const f of forms) {
    const json = JSON.stringify(formToJson(f.form, meta.layout));
    const chunks: string[] = [];
    for (let i = 0; i < json.length; i += CHUNK) chunks.push(json.slice(i, i + CHUNK));
    ws.addRow([f.sheet, f.fingerprint, ...chunks]);
  }
}

export interface HiddenData {
  meta: { unit: string; year: number; layout: string };
  forms: StoredForm[];
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
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const sheet = row.getCell(1).value;
    const fingerprint = row.getCell(2).value;
    if (typeof sheet !== 'string' || typeof fingerprint !== 'string') continue;
    let json = '';
    for (let c = 3; c <= row.cellCount; c++) {
      const v = row.getCell(c).value;
      if (typeof v === 'string') json += v;
    }
    forms.push({ sheet, fingerprint, json });
  }
  return { meta, forms };
}

/** A stored form back as a model form, or the reason it cannot be. */
export function parseStoredForm(stored: StoredForm, id: string): ParsedForm | string {
  let value: unknown;
  try {
    value = JSON.parse(stored.json);
  } catch {
    return '隐藏的表格数据不完整';
  }
  const parsed = parseFormJson(value, id);
  return parsed.ok ? parsed.value : parsed.error.join('；');
}
