/**
 * Reading forms to bring into the open document, for the editor (the command line has its own
 * loop over the same readers): an Excel workbook (official layouts, our exports) or a form JSON
 * file. Nothing is changed here; the editor merges the forms as one undoable step.
 */
import type { CallResult } from '../../shared/contract';
import type { Form, LayoutId } from '../../shared/model/types';
import { importXlsx } from './excel/import';
import { importReportLines } from './excel/import-report';
import { readFormJsonFile } from './form-json';

export interface FormsRead {
  forms: Form[];
  /** The import report, in Chinese, line by line. */
  report: string[];
}

export async function readFormsFile(
  path: string,
  into: { layout: LayoutId; year: number },
): Promise<CallResult<FormsRead>> {
  if (/\.(xlsx|xlsm)$/i.test(path)) {
    const r = await importXlsx(path, { layout: into.layout, year: into.year });
    if (!r.ok) return { ok: false, error: { code: r.error.code, message: r.error.message } };
    const forms = r.value.forms.map((p) => p.form);
    return { ok: true, value: { forms, report: importReportLines(path, r.value.report) } };
  }
  if (/\.json$/i.test(path)) {
    const read = await readFormJsonFile(path);
    if (!read.ok) return { ok: false, error: { code: 'read-failed', message: read.message } };
    const forms = read.value.map((p) => p.form);
    return { ok: true, value: { forms, report: [`从 ${path} 读入 ${forms.length} 张表`] } };
  }
  return {
    ok: false,
    error: {
      code: 'not-supported',
      message: `不支持的文件类型：${path}（可导入 .xlsx 工作簿或 .json 表格文件）`,
    },
  };
}
