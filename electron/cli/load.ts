/** Reads the command line's input files into forms, with one-line Chinese errors. */
import type { ParsedForm } from '../../shared/model/interchange';
import type { Form, ZipingDocument } from '../../shared/model/types';
import { readDocumentSnapshot } from '../services/document-store/snapshot';
import { readFormJsonFile } from '../services/form-json';

export { CliError } from './errors';
import { CliError } from './errors';

/** Forms of a .json form file (one form or an array) or of a .ziping document. */
export async function loadForms(path: string): Promise<ParsedForm[]> {
  if (/\.ziping$/i.test(path)) {
    const doc = loadDocument(path);
    return doc.forms.map((form) => ({ layout: doc.meta.layout, form }));
  }
  if (!/\.json$/i.test(path)) {
    throw new CliError(`不支持的文件类型：${path}（支持 .json 表格文件和 .ziping 文档）`);
  }
  const read = await readFormJsonFile(path);
  if (!read.ok) throw new CliError(read.message);
  return read.value;
}

export function loadDocument(path: string): ZipingDocument {
  const snapshot = readDocumentSnapshot(path);
  if (!snapshot.ok) {
    const { message, canRebuild } = snapshot.error;
    throw new CliError(canRebuild ? `${message}（ziping rebuild ${path} --out 新文档.ziping）` : message);
  }
  return snapshot.value;
}

/** The document's forms named `name` (--form), or a message listing the names there are. */
export function formsNamed(doc: ZipingDocument, name: string): Form[] {
  const forms = doc.forms.filter((f) => f.projectName.trim() === name.trim());
  if (forms.length === 0) {
    const names = doc.forms.map((f) => `“${f.projectName}”`).slice(0, 5);
    throw new CliError(
      `文档中没有名为“${name}”的表：文档中的表有 ${names.join('、')}${doc.forms.length > 5 ? ' 等' : ''}`,
    );
  }
  return forms;
}

/**
 * The forms `--forms 名称或序号,…` chooses, in the document's order: each item a form's name or its
 * 序号 (1 = the first form, as the sidebar and the 汇总 sheet count); a name wins over a number.
 */
export function formsChosen(doc: ZipingDocument, list: string): Form[] {
  const items = list
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0) throw new CliError('--forms 需要表名或序号，用逗号分开：例如 --forms 1,3,某某项目');
  const chosen = new Set<Form>();
  for (const item of items) {
    const named = doc.forms.filter((f) => f.projectName.trim() === item);
    const index = /^\d+$/.test(item) ? Number(item) : NaN;
    const numbered = doc.forms[index - 1];
    if (named.length > 0) named.forEach((f) => chosen.add(f));
    else if (numbered) chosen.add(numbered);
    else if (Number.isInteger(index))
      throw new CliError(`没有第 ${item} 张表：文档共有 ${doc.forms.length} 张表（序号从 1 开始）`);
    else formsNamed(doc, item);
  }
  return doc.forms.filter((f) => chosen.has(f));
}
