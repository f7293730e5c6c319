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
