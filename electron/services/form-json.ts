/**
 * Form JSON files (../shared/spec/interchange.md: one form or an array of them), read for the
 * command line and for the editor's import, with a one-line Chinese message for what is wrong.
 */
import { readFile, stat } from 'node:fs/promises';
import { parseFormJson, type ParsedForm } from '../../shared/model/interchange';

/** JSON inputs larger than this are refused rather than read into memory. */
const MAX_JSON_BYTES = 64 * 1024 * 1024;

export type FormsJsonRead = { ok: true; value: ParsedForm[] } | { ok: false; message: string };

export async function readFormJsonFile(path: string): Promise<FormsJsonRead> {
  const fail = (message: string): FormsJsonRead => ({ ok: false, message });
  let text: string;
  try {
    if ((await stat(path)).size > MAX_JSON_BYTES)
      return fail(`${path} 超过 64 MB，不像是一张自评表：请检查文件`);
    text = await readFile(path, 'utf8');
  } catch (e) {
    return fail(readErrorMessage(e, path));
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const detail = e instanceof Error ? e.message : '';
    return fail(`${path} 不是有效的 JSON（${detail}）：请检查文件内容`);
  }
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0) return fail(`${path} 中没有表格`);
  const forms: ParsedForm[] = [];
  for (const [i, item] of items.entries()) {
    const parsed = parseFormJson(item, `f${i + 1}`);
    if (!parsed.ok) {
      const where = items.length > 1 ? `第 ${i + 1} 张表：` : '';
      const more = parsed.error.length > 1 ? `（另有 ${parsed.error.length - 1} 处问题）` : '';
      return fail(`${path} ${where}${parsed.error[0]}${more}`);
    }
    forms.push(parsed.value);
  }
  return { ok: true, value: forms };
}

/** A Node error while reading a file, as a sentence for the user. */
function readErrorMessage(e: unknown, path: string): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return `找不到文件 ${path}：请检查路径`;
  if (code === 'EACCES' || code === 'EPERM') return `没有权限读取 ${path}`;
  if (code === 'EISDIR') return `${path} 是文件夹，不是文件`;
  return `无法读取 ${path}：${code ?? String(e)}`;
}
