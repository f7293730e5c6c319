/**
 * Import of 绩效目标申报表 workbooks (项目支出 and 部门（单位）整体支出, #21): every declaration of every
 * visible sheet, found by its labels (targets-blocks.ts), becomes a new form of the document's
 * layout (targets-forms.ts). The workbook is loaded as every import is: zip guard first (import.ts).
 */
import { isSameForm } from '../../../shared/model/merge-forms';
import type { Form, LayoutId, ZipingDocument } from '../../../shared/model/types';
import { CellGrid } from './cell-grid';
import { excelFail, excelOk, type ExcelResult } from './errors';
import { loadXlsx } from './import';
import { findDeclarations } from './targets-blocks';
import { declarationForm, type DeclarationReport } from './targets-forms';
import { targetsReportLines } from './targets-report';

export interface TargetsReport {
  declarations: DeclarationReport[];
  skipped: Array<{ sheet: string; reason: string }>;
}

export interface TargetsImport {
  forms: Form[];
  report: TargetsReport;
}

export const NO_DECLARATION =
  '没有找到绩效目标申报表：应有“项目名称”（或“部门（单位）名称”）和“一级指标/二级指标/三级指标/指标值”表头。请确认选的是绩效目标申报表，不是自评表（自评表请用“导入”）';

export async function readTargetsXlsx(
  file: string,
  into: { layout: LayoutId; year: number },
): Promise<ExcelResult<TargetsImport>> {
  const loaded = await loadXlsx(file);
  if (!loaded.ok) return loaded;
  const report: TargetsReport = { declarations: [], skipped: [] };
  const forms: Form[] = [];
  for (const ws of loaded.value.worksheets) {
    if (ws.state !== 'visible') {
      report.skipped.push({ sheet: ws.name, reason: '隐藏的工作表，未读入' });
      continue;
    }
    const found = findDeclarations(new CellGrid(ws)).filter((d) => d.blocks.length > 0 || d.name !== '');
    if (found.length === 0) {
      report.skipped.push({ sheet: ws.name, reason: '没有“项目名称”和指标表头，不是绩效目标申报表' });
      continue;
    }
    for (const d of found) {
      const { form, report: read } = declarationForm(d, into.layout, into.year, `t${forms.length + 1}`);
      if (d.name === '') read.notes.unshift({ cell: d.cell, reason: '名称为空：请在自评表中填写' });
      forms.push(form);
      report.declarations.push(read);
    }
  }
  if (!report.declarations.some((d) => d.indicators > 0)) return excelFail('no-form-found', NO_DECLARATION);
  return excelOk({ forms, report });
}

/**
 * The new forms a declaration workbook gives an open document, with the report as lines: a form
 * the document has (same kind and name; its department form) is left out and named, so that a
 * declaration never overwrites what was filled in. The CLI and the editor both merge the result.
 */
export async function readTargetsFor(
  file: string,
  doc: ZipingDocument,
): Promise<ExcelResult<{ forms: Form[]; report: string[] }>> {
  const read = await readTargetsXlsx(file, doc.meta);
  if (!read.ok) return read;
  const inDocument = (f: Form) => doc.forms.some((old) => isSameForm(old, f));
  const report = targetsReportLines(file, read.value.report);
  const kept = read.value.forms.filter(inDocument).map((f) => `“${f.projectName}”`);
  if (kept.length > 0)
    report.push(
      `文档中已有 ${kept.join('、')}，未改动（其完成值和得分保留；如要按申报表重建，请先在文档中删除该表）`,
    );
  return excelOk({ forms: read.value.forms.filter((f) => !inDocument(f)), report });
}
