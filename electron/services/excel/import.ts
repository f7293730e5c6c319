/**
 * Import of an .xlsx file: the file is checked before exceljs reads it (zip-guard.ts); sheets of
 * our own export that were not edited come back from the hidden data exactly; every other sheet
 * is read by its printed titles (official-reader.ts). The report lists every form and row read,
 * every sheet skipped and every cell not understood, with the reason.
 */
import ExcelJS from 'exceljs';
import { readFile, stat } from 'node:fs/promises';
import { getLayout } from '../../../shared/layouts/definitions';
import type { KindLayout } from '../../../shared/layouts/types';
import type { ParsedForm } from '../../../shared/model/interchange';
import { LAYOUT_IDS, type BasicData, type Form, type LayoutId } from '../../../shared/model/types';
import { excelFail, excelOk, ExcelFailure, type ExcelResult } from './errors';
import { sheetFingerprint } from './fingerprint';
import { DATA_SHEET, parseStoredForm, readHiddenData, type HiddenData, type StoredForm } from './hidden-data';
import { LABELS } from './labels';
import { readBasicDataSheet, readOfficialSheet } from './official-reader';
import type { ReadProblem } from './sheet-reader';
import { LIMITS, guardXlsx } from './zip-guard';
import type { ReviewItem } from '../../../shared/review/types';

export interface ImportedSheet {
  sheet: string;
  name: string;
  /** stored: our export, unchanged, from its hidden data; cells: read from what the sheet shows. */
  from: 'stored' | 'cells';
  indicators: number;
  fundsRows: number;
}

/** A 基础数据表 sheet read (湖南): the form it joined. */
export interface ImportedBasicData {
  sheet: string;
  /** The name of the form it joined. */
  form: string;
  from: 'stored' | 'cells';
  /** The table is there but empty: the form keeps none. */
  empty: boolean;
}

export interface ImportReport {
  forms: ImportedSheet[];
  basicData: ImportedBasicData[];
  skipped: Array<{ sheet: string; reason: string }>;
  problems: ReadProblem[];
}

export interface ImportResult {
  /** The document meta of our own export (unit, year, layout), when the file is one. */
  meta: { unit: string; year: number; layout: LayoutId } | null;
  forms: ParsedForm[];
  report: ImportReport;
}

export interface ImportOptions {
  /** Layout of the document the forms go into; default: ours, or guessed from the titles. */
  layout?: LayoutId;
  year?: number;
}

const isLayout = (v: string): v is LayoutId => (LAYOUT_IDS as readonly string[]).includes(v);

/** Fields the print does not show come back from the hidden data when a sheet was edited in Excel. */
function carryHidden(read: Form, stored: Form, layout: LayoutId): void {
  const kind = getLayout(layout).kinds[read.kind];
  const printed = new Set<string>(kind.indicatorColumns.map((c) => c.key));
  const key = (i: { level1: string; level2: string; name: string }) =>
    `${i.level1}\u0000${i.level2}\u0000${i.name}`;
  const byKey = new Map(stored.indicators.map((i) => [key(i), i]));
  for (const ind of read.indicators) {
    const old = byKey.get(key(ind));
    if (!old) continue;
    for (const field of [
      'targetInitial',
      'qualitativeNote',
      'ruleText',
      'basis',
      'lastYear',
      'evidence',
      'deviationReason',
    ] as const) {
      if (!printed.has(field)) ind[field] = old[field];
    }
    ind.tier = old.tier;
    ind.tierShare = old.tierShare;
    if (old.score !== null && ind.printedScore === old.score) {
      ind.score = old.score;
      ind.scoreReason = old.scoreReason;
    }
    if (old.extra) ind.extra = old.extra;
  }
  // As for a line: the score set in the editor stands while the sheet still prints it.
  if (stored.funds.score !== null && read.funds.printedScore === stored.funds.score) {
    read.funds.score = stored.funds.score;
    read.funds.scoreReason = stored.funds.scoreReason;
  }
  // 新疆's 单位整体 form prints no 偏差原因 column for its funds.
  if (!kind.fundsColumns.some((c) => c.key === 'deviationReason'))
    read.funds.deviationReason = stored.funds.deviationReason;
  carryFundsAmounts(read, stored, kind);
  // 004's 自评表 and 新疆's 单位整体 form print no 主管部门/实施单位.
  if (kind.nameOnly)
    for (const field of ['department', 'departmentCode', 'unit', 'unitCode'] as const)
      read[field] = stored[field];
  if (stored.extra) read.extra = stored.extra;
}

const FUNDS_AMOUNTS = ['targetDeclared', 'initialBudget', 'fullYearBudget', 'executed', 'carryover'] as const;

/** Amounts of a funds row the print does not show (004's side-by-side lines: all but 全年执行数). */
function carryFundsAmounts(read: Form, stored: Form, kind: KindLayout): void {
  const columns = new Set<string>(kind.fundsColumns.map((c) => c.key));
  for (const row of read.funds.rows) {
    const old = stored.funds.rows.find((o) => o.source === row.source && o.group === row.group);
    if (!old) continue;
    const pair = kind.fundsGroupsSideBySide === true && row.group !== undefined;
    for (const field of FUNDS_AMOUNTS)
      if (pair ? field !== 'executed' : !columns.has(field)) row[field] = old[field];
  }
}

/** A 基础数据表 sheet read; `owner` is its form's entry in our hidden data, when it has one. */
interface BasicDataSheet {
  sheet: string;
  owner: StoredForm | null;
  /** The form read from the sheet just before it, if any. */
  after: ParsedForm | null;
  /** 'stored': our export's sheet, untouched: the form's stored data stands. */
  data: BasicData | null | 'stored';
  problems: ReadProblem[];
}

/**
 * Each 基础数据表 sheet joins its form: the one our hidden data names; else (no hidden data) the
 * department form just before it (our arrangement) or the next one without a table (004 prints it
 * before the 自评表). An empty table of a hand-made sheet joins none, so that it does not take a
 * form from a filled one.
 */
function attachBasicData(
  sheets: readonly BasicDataSheet[],
  forms: readonly ParsedForm[],
  formOf: ReadonlyMap<StoredForm, ParsedForm>,
  report: ImportReport,
): void {
  const ownerOf = (s: BasicDataSheet) => (s.owner ? formOf.get(s.owner) : undefined);
  const taken = new Set(sheets.flatMap((s) => ownerOf(s) ?? []));
  const free = (f: ParsedForm | null): f is ParsedForm =>
    f !== null && f.form.kind === 'department' && !f.form.basicData && !taken.has(f);
  for (const s of sheets) {
    const { sheet, data, problems } = s;
    let target = ownerOf(s);
    if (!target && data === null) {
      report.basicData.push({ sheet, form: '', from: 'cells', empty: true });
      continue;
    }
    // An untouched sheet whose form sheet is gone joins no other form.
    if (!target && data !== 'stored') target = free(s.after) ? s.after : forms.find(free);
    if (!target) {
      report.skipped.push({ sheet, reason: '基础数据表没有对应的部门整体支出绩效自评表，未导入' });
      continue;
    }
    taken.add(target);
    if (data === null) delete target.form.basicData;
    else if (data !== 'stored') target.form.basicData = data;
    report.problems.push(...problems);
    report.basicData.push({
      sheet,
      form: target.form.projectName,
      from: data === 'stored' ? 'stored' : 'cells',
      empty: data === null,
    });
  }
}

/** The form whose 基础数据表 sheet this is, by the sheet's name or (renamed) by what it shows. */
function basicDataOwner(
  hidden: HiddenData | null,
  name: string,
  fingerprint: string,
  used: ReadonlySet<StoredForm>,
): StoredForm | undefined {
  const free = hidden?.forms.filter((f) => f.basicData && !used.has(f)) ?? [];
  return (
    free.find((f) => f.basicData?.sheet === name) ??
    free.find((f) => f.basicData?.fingerprint === fingerprint)
  );
}

function readWorkbook(wb: ExcelJS.Workbook, hidden: HiddenData | null, options: ImportOptions): ImportResult {
  const layoutHint = options.layout ?? (hidden && isLayout(hidden.meta.layout) ? hidden.meta.layout : null);
  const year = options.year ?? hidden?.meta.year ?? new Date().getFullYear();
  const report: ImportReport = { forms: [], basicData: [], skipped: [], problems: [] };
  const forms: ParsedForm[] = [];
  const used = new Set<StoredForm>();
  const usedBasic = new Set<StoredForm>();
  const formOf = new Map<StoredForm, ParsedForm>();
  const basicSheets: BasicDataSheet[] = [];
  let previous: ParsedForm | null = null;
  for (const ws of wb.worksheets) {
    const after = previous;
    previous = null;
    if (ws.name === DATA_SHEET) continue;
    if (ws.state !== 'visible') {
      report.skipped.push({ sheet: ws.name, reason: '隐藏的工作表，未读入' });
      continue;
    }
    const id = `f${forms.length + 1}`;
    // By name, or (a sheet renamed in Excel) by what it shows.
    const fingerprint = hidden ? sheetFingerprint(ws) : '';
    const stored =
      hidden?.forms.find((f) => f.sheet === ws.name && !used.has(f)) ??
      hidden?.forms.find((f) => f.fingerprint === fingerprint && !used.has(f));
    if (stored) used.add(stored);
    const owner = stored ? undefined : basicDataOwner(hidden, ws.name, fingerprint, usedBasic);
    if (owner) {
      usedBasic.add(owner);
      if (owner.basicData?.fingerprint === fingerprint) {
        basicSheets.push({ sheet: ws.name, owner, after, data: 'stored', problems: [] });
        continue;
      }
      const basic = readBasicDataSheet(ws);
      if (basic) basicSheets.push({ sheet: ws.name, owner, after, ...basic });
      else
        report.skipped.push({
          sheet: ws.name,
          reason: '导出后改过，看不出基础数据表（没有“财政供养人员情况”）：基础数据按导出时的保留',
        });
      continue;
    }
    if (hidden && !stored && ws.name === LABELS.summarySheet) {
      report.skipped.push({ sheet: ws.name, reason: '汇总表由各表算出，不导入' });
      continue;
    }
    if (hidden && !stored && ws.name === LABELS.reviewSheet && hidden.review.length > 0) {
      report.skipped.push({ sheet: ws.name, reason: '审核意见不是表格：请用“导入审核意见…”导入' });
      continue;
    }
    const storedForm = stored ? parseStoredForm(stored, id) : null;
    if (stored && typeof storedForm === 'string')
      report.problems.push({ sheet: ws.name, reason: `${storedForm}，按表中内容读入` });
    if (stored && storedForm && typeof storedForm !== 'string' && stored.fingerprint === fingerprint) {
      forms.push(storedForm);
      formOf.set(stored, storedForm);
      previous = storedForm;
      report.forms.push({
        sheet: ws.name,
        name: storedForm.form.projectName,
        from: 'stored',
        indicators: storedForm.form.indicators.length,
        fundsRows: storedForm.form.funds.rows.length,
      });
      continue;
    }
    const read = readOfficialSheet(ws, id, { layout: layoutHint, year });
    if ('notForm' in read) {
      const basic = readBasicDataSheet(ws);
      if (basic) basicSheets.push({ sheet: ws.name, owner: null, after, ...basic });
      else report.skipped.push({ sheet: ws.name, reason: read.notForm });
      continue;
    }
    if (storedForm && typeof storedForm !== 'string') {
      carryHidden(read.form, storedForm.form, read.layout);
      // Its 基础数据表 is on a sheet of its own: kept as exported unless that sheet was edited.
      if (stored?.basicData && storedForm.form.basicData) read.form.basicData = storedForm.form.basicData;
      report.problems.push({
        sheet: ws.name,
        reason: '此表导出后在 Excel 中改过：按表中内容读入，表上不显示的内容（改分理由等）按原数据保留',
      });
    }
    const parsed = { layout: read.layout, form: read.form };
    forms.push(parsed);
    if (stored) formOf.set(stored, parsed);
    previous = parsed;
    report.problems.push(...read.problems);
    report.forms.push({
      sheet: ws.name,
      name: read.form.projectName,
      from: 'cells',
      indicators: read.indicators,
      fundsRows: read.fundsRows,
    });
  }
  attachBasicData(basicSheets, forms, formOf, report);
  for (const lost of hidden?.forms.filter((f) => !used.has(f)) ?? []) {
    report.problems.push({
      sheet: lost.sheet,
      reason: '导出时有这张表，现在找不到它的工作表（已删除？），未导入',
    });
  }
  for (const f of hidden?.forms.filter((f) => f.basicData && used.has(f) && !usedBasic.has(f)) ?? []) {
    report.problems.push({
      sheet: f.basicData?.sheet ?? '',
      reason: '导出时有这张基础数据表，现在找不到它的工作表（已删除？）：基础数据按导出时的保留',
    });
  }
  const meta =
    hidden && isLayout(hidden.meta.layout)
      ? { unit: hidden.meta.unit, year: hidden.meta.year, layout: hidden.meta.layout }
      : null;
  return { meta, forms, report };
}

/** Reads a workbook after the zip guard has looked at it; typed failures in Chinese. */
export async function loadXlsx(file: string): Promise<ExcelResult<ExcelJS.Workbook>> {
  let buffer: Buffer;
  try {
    const size = (await stat(file)).size;
    if (size > LIMITS.fileBytes)
      return excelFail(
        'too-large',
        `文件过大（${(size / 2 ** 20).toFixed(1)} MB），已拒绝读取：一份自评表不会这么大，请检查文件`,
      );
    buffer = await readFile(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') return excelFail('read-failed', `找不到文件 ${file}：请检查路径`);
    if (code === 'EISDIR') return excelFail('read-failed', `${file} 是文件夹，不是 Excel 文件`);
    return excelFail('read-failed', `无法读取 ${file}（${code ?? String(e)}）`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await guardXlsx(buffer);
    await wb.xlsx.load(new Uint8Array(buffer).buffer);
  } catch (e) {
    if (e instanceof ExcelFailure) return excelFail(e.code, e.message);
    // exceljs's own messages are English and technical; the user needs to know what to do.
    return excelFail(
      'damaged',
      '文件已损坏，无法读取（工作簿内容不完整或格式错误）：请在 Excel 或 WPS 中打开后另存为 .xlsx 再试',
    );
  }
  return excelOk(wb);
}

/** The review data an export carried (导出时“包含审核意见”); none otherwise. */
export async function readXlsxReview(file: string): Promise<ExcelResult<ReviewItem[]>> {
  const loaded = await loadXlsx(file);
  if (!loaded.ok) return loaded;
  return excelOk(readHiddenData(loaded.value)?.review ?? []);
}

export async function importXlsx(
  file: string,
  options: ImportOptions = {},
): Promise<ExcelResult<ImportResult>> {
  const loaded = await loadXlsx(file);
  if (!loaded.ok) return loaded;
  const wb = loaded.value;
  const result = readWorkbook(wb, readHiddenData(wb), options);
  if (result.forms.length === 0) {
    const why = result.report.skipped.map((s) => `“${s.sheet}”${s.reason}`).join('；');
    return excelFail(
      'no-form-found',
      `文件中没有找到自评表${why ? `（${why}）` : ''}：表中应有“一级指标”“三级指标”等表头`,
    );
  }
  return excelOk(result);
}
