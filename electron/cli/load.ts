/** Reads the command line's input files into forms, with one-line Chinese errors. */
import { readFile, stat } from 'node:fs/promises';
import { parseFormJson, type ParsedForm } from '../../shared/model/interchange';
import type { ZipingDocument } from '../../shared/model/types';
import { readDocumentSnapshot } from '../services/document-store/snapshot';

export { CliError } from './errors';
import { CliError } from './errors';

/** JSON inputs larger than this are refused rather than read into memory. */
const MAX_JSON_BYTES = 64 * 1024 * 1024;

/** Forms of a .json form file (one form or an array) or of a .ziping document. */
export async function loadForms(path: string): Promise<ParsedForm[]> {
  if (/\.ziping$/i.test(path)) {
    const doc = loadDocument(path);
    return doc.forms.map((form) => ({ layout: doc.meta.layout, form }));
  }
  if (!/\.json$/i.test(path)) {
    throw new CliError(`不支持的文件类型：${path}（支持 .json 表格文件和 .ziping 文档）`);
  }
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (e) {
    throw new CliError(fsMessage(e, path));
  }
  if (size > MAX_JSON_BYTES) throw new CliError(`${path} 超过 64 MB，不像是一张自评表：请检查文件`);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new CliError(fsMessage(e, path));
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const detail = e instanceof Error ? e.message : '';
    throw new CliError(`${path} 不是有效的 JSON（${detail}）：请检查文件内容`);
  }
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0) throw new CliError(`${path} 中没有表格`);
  return items.map((item, i) => {
    const parsed = parseFormJson(item, `f${i + 1}`);
    if (!parsed.ok) {
      const where = items.length > 1 ? `第 ${i + 1} 张表：` : '';
      const more = parsed.error.length > 1 ? `（另有 ${parsed.error.length - 1} 处问题）` : '';
      throw new CliError(`${path} ${where}${parsed.error[0]}${more}`);
    }
    return parsed.value;
  });
}

export function loadDocument(path: string): ZipingDocument {
  const snapshot = readDocumentSnapshot(path);
  if (!snapshot.ok) throw new CliError(snapshot.error.message);
  return snapshot.value;
}

function fsMessage(e: unknown, path: string): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return `找不到文件 ${path}：请检查路径`;
  if (code === 'EACCES' || code === 'EPERM') return `没有权限读取 ${path}`;
  if (code === 'EISDIR') return `${path} 是文件夹，不是文件`;
  return `无法读取 ${path}：${code ?? String(e)}`;
}
