/**
 * `ziping new`, `ziping import … --into`, `ziping export-json`, `ziping rebuild`: the command line
 * over .ziping documents.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { formJsonText, type ParsedForm } from '../../shared/model/interchange';
import { LAYOUT_IDS, type LayoutId } from '../../shared/model/types';
import { validYear, YEAR_RULE } from '../../shared/model/year';
import { getLayout } from '../../shared/layouts/definitions';
import { DocumentSession } from '../services/document-store/session';
import { rebuildCleanCopy } from '../services/document-store/clean-copy';
import { withoutEditsKept, type DocResult } from '../services/document-store/errors';
import { numberedFileNames } from '../services/file-names';
import { StagedFolder } from '../services/files';
import { writeErrorMessage } from '../services/excel/errors';
import { CliError } from './errors';
import { EXCEL_FILE, loadExcelForms } from './excel-commands';
import { mergeFormsPatches } from '../../shared/model/merge-forms';
import { loadDocument, loadForms } from './load';
import type { CliIo } from './main';

function unwrap<T>(r: DocResult<T>): T {
  if (!r.ok) throw new CliError(r.error.message);
  return r.value;
}

export function requireZiping(file: string | undefined, usage: string): string {
  if (!file) throw new CliError(`缺少文档：${usage}`);
  if (!/\.ziping$/i.test(file)) throw new CliError(`“${file}”不是 .ziping 文档：${usage}`);
  return file;
}

export function newDocument(file: string | undefined, options: Map<string, string>, io: CliIo): number {
  const usage = 'ziping new 文档.ziping --unit 单位 --year 2024 --layout shanxi';
  const target = requireZiping(file, usage);
  const unit = options.get('--unit');
  const yearText = options.get('--year');
  const layout = options.get('--layout') ?? 'national';
  if (!unit) throw new CliError(`缺少 --unit 单位名称：${usage}`);
  const year = Number(yearText);
  if (!yearText || !validYear(year)) {
    throw new CliError(`--year 应为${YEAR_RULE}，实际是“${yearText ?? ''}”`);
  }
  if (!(LAYOUT_IDS as readonly string[]).includes(layout)) {
    throw new CliError(`--layout 应为 ${LAYOUT_IDS.join(' / ')} 之一，实际是“${layout}”`);
  }
  const abs = path.resolve(target);
  try {
    mkdirSync(path.dirname(abs), { recursive: true });
  } catch {
    throw new CliError(`无法创建文件夹 ${path.dirname(abs)}：请检查路径和权限`);
  }
  // Never overwrite an existing document by accident.
  if (existsSync(abs)) throw new CliError(`“${target}”已存在：请换一个文件名，或先删除它`);
  const session = unwrap(DocumentSession.create(abs, { unit, year, layout: layout as LayoutId }));
  try {
    unwrap(session.save());
  } finally {
    session.close({ discard: true });
  }
  io.stdout.write(`已新建 ${target}（${unit}，${year} 年度，${getLayout(layout as LayoutId).name}）\n`);
  return 0;
}

/**
 * Adds each form of the file, or replaces the form of the same kind and name. An Excel file may
 * go into a document that does not exist yet: it is created from what the file says.
 */
export async function importForms(
  file: string | undefined,
  into: string | undefined,
  io: CliIo,
): Promise<number> {
  const usage = 'ziping import 表.json|表.xlsx --into 文档.ziping';
  if (!file) throw new CliError(`缺少要导入的文件：${usage}`);
  const target = requireZiping(into, usage);
  const excel = EXCEL_FILE.test(file);
  const exists = existsSync(target);
  const existingLayout = excel && exists ? loadDocument(target).meta.layout : undefined;
  const loaded = excel
    ? await loadExcelForms(file, existingLayout, io)
    : { forms: await loadForms(file), meta: null };
  const incoming = loaded.forms;
  const session = unwrap(
    excel && !exists ? createFor(target, incoming, loaded.meta, io) : DocumentSession.open(target),
  );
  try {
    if (session.readOnly) throw new CliError(session.readOnlyNotice() ?? '文档为只读');
    const doc = session.document;
    for (const { layout, form } of incoming) {
      if (layout !== doc.meta.layout) {
        io.stderr.write(
          `注意：“${form.projectName}”为${getLayout(layout).name}样式，已按文档的${getLayout(doc.meta.layout).name}样式导入\n`,
        );
      }
      if (form.year !== doc.meta.year) {
        io.stderr.write(`注意：“${form.projectName}”为 ${form.year} 年度，文档为 ${doc.meta.year} 年度\n`);
      }
    }
    const { patches, added, replaced } = mergeFormsPatches(
      doc,
      incoming.map((p) => p.form),
    );
    // The session is dropped on failure: say so, not that the edits are kept.
    const notImported = (r: DocResult<unknown>) => {
      if (!r.ok) {
        const state = exists ? '文档未改变' : `没有创建 ${target}`;
        throw new CliError(`导入未完成、${state}：${withoutEditsKept(r.error.message)}`);
      }
    };
    notImported(session.apply(patches));
    notImported(session.save());
    io.stdout.write(`已导入 ${incoming.length} 张表到 ${target}：新增 ${added} 张，替换 ${replaced} 张\n`);
    return 0;
  } finally {
    session.close({ discard: true });
  }
}

/** A new document for an Excel import: unit, year and layout from our export, else from the first form. */
function createFor(
  target: string,
  forms: ParsedForm[],
  meta: { unit: string; year: number; layout: LayoutId } | null,
  io: CliIo,
): DocResult<DocumentSession> {
  const first = forms[0];
  const init = meta ?? {
    unit: first?.form.unit || first?.form.department || first?.form.projectName || '未命名单位',
    year: first?.form.year ?? new Date().getFullYear(),
    layout: first?.layout ?? 'national',
  };
  try {
    mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  } catch {
    throw new CliError(`无法创建文件夹 ${path.dirname(target)}：请检查路径和权限`);
  }
  io.stdout.write(`新建文档 ${target}（${init.unit}，${init.year} 年度，${getLayout(init.layout).name}）\n`);
  return DocumentSession.create(path.resolve(target), init);
}

/**
 * One interchange JSON file per form, numbered in document order; all or none (written into a
 * temp folder first, see StagedFolder).
 */
export function exportJson(file: string | undefined, out: string | undefined, io: CliIo): number {
  const usage = 'ziping export-json 文档.ziping --out 文件夹';
  const source = requireZiping(file, usage);
  if (!out) throw new CliError(`缺少 --out 文件夹：${usage}`);
  const doc = loadDocument(source);
  const names = numberedFileNames(
    doc.forms.map((form) => ({
      name: form.projectName,
      fallback: form.kind === 'department' ? '部门整体' : '项目',
    })),
    '.json',
  );
  let folder: StagedFolder | undefined;
  try {
    folder = StagedFolder.create(out);
    for (const [i, form] of doc.forms.entries()) {
      folder.write(names[i]!, formJsonText(form, doc.meta.layout));
    }
    folder.commit();
  } catch (e) {
    folder?.discard();
    throw new CliError(`${writeErrorMessage(e, out)}；没有导出任何文件`);
  }
  io.stdout.write(`已导出 ${names.length} 张表到 ${out}\n`);
  return 0;
}

/**
 * The clean copy of a document refused for SQL objects that are not ours (triggers, views, extra
 * tables): only our tables' rows, in a new file. The original is only read.
 */
export function rebuildDocument(file: string | undefined, out: string | undefined, io: CliIo): number {
  const usage = 'ziping rebuild 文档.ziping --out 干净副本.ziping';
  const source = requireZiping(file, usage);
  const target = requireZiping(out, usage);
  // Never overwrite an existing document by accident.
  if (existsSync(target)) throw new CliError(`“${target}”已存在：请换一个文件名，或先删除它`);
  const copy = unwrap(rebuildCleanCopy(source, target));
  const leftOut = copy.leftOut.length > 0 ? `，去掉了 ${copy.leftOut.join('、')}` : '';
  io.stdout.write(`已重建干净副本 ${target}（${copy.rows} 行数据${leftOut}）\n`);
  return 0;
}
