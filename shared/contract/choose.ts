/**
 * What a file chooser is asked (issue #19): one request for open, save as, import, export,
 * compare and batch export, in both modes. Browser mode shows it in the in-app folder browser;
 * the desktop sends it as the one shell call 'dialog/choose' (parsed here, mapped to Electron's
 * dialogs by electron/main/choose-dialog.ts).
 */
import { filePath } from './args';
import { FILE_KINDS, type FileKind } from './files';
import { arrayOf, bool, fail, literal, obj, ok, optional, str, type Parser } from './parse';

export interface ChooseRequest {
  /**
   * 'open': an existing file; 'save': a file name in a folder (it may exist: replaced after asking);
   * 'folder': an existing folder (its files of `kinds` listed so the user sees what it holds).
   */
  mode: 'open' | 'save' | 'folder';
  title: string;
  /** The kinds listed; a name typed without one of them gets the first. Empty: folders only. */
  kinds: FileKind[];
  /** The name (or full path) proposed, or the folder to start in. */
  suggested?: string;
  /** The confirm button's label (打开, 保存, 导出…). */
  confirm: string;
  /** Open: several files may be taken at once (the desktop's dialog; the in-app chooser takes one). */
  multiple?: boolean;
}

const shape = obj({
  mode: literal('open', 'save', 'folder'),
  title: str({ min: 1, max: 100 }),
  kinds: arrayOf(literal(...FILE_KINDS), { max: FILE_KINDS.length }),
  suggested: optional(filePath('建议的文件名')),
  confirm: str({ min: 1, max: 20 }),
  multiple: optional(bool),
});

/** A chooser request from outside, with the rules that tie its fields together. */
export const chooseRequest: Parser<ChooseRequest> = (raw, field) => {
  const r = shape(raw, field);
  if (!r.ok) return r;
  const request = r.value;
  if (request.mode === 'open' && request.kinds.length === 0) return fail('打开文件时应说明文件类型');
  if (request.multiple === true && request.mode !== 'open') return fail('只有打开文件时才能一次选择多个');
  return ok(request);
};

/** `name` with the first of `kinds` added when it ends in none of them (no kinds: as it is). */
export function withKind(name: string, kinds: readonly FileKind[]): string {
  const first = kinds[0];
  return first && !kinds.some((k) => name.toLowerCase().endsWith(k)) ? `${name}${first}` : name;
}
