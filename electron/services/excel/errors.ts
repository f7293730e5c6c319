/**
 * Typed failures of Excel export and import: expected failures are values with a Chinese
 * message that says what happened and what to do (as in document-store/errors.ts).
 */
import type { Finding } from '../../../shared/checks/types';
import path from 'node:path';
import { diskFullMessage, isDiskFull } from '../disk-full';

export type ExcelErrorCode =
  | 'check-errors'
  | 'cancelled'
  | 'no-forms'
  | 'write-failed'
  | 'text-too-long'
  | 'not-xlsx'
  | 'too-large'
  | 'damaged'
  | 'no-form-found'
  | 'read-failed';

export interface ExcelError {
  code: ExcelErrorCode;
  message: string;
  /** check-errors: the findings that stop the export, with the form they belong to. */
  findings?: Array<Finding & { form: string }>;
}

export type ExcelResult<T> = { ok: true; value: T } | { ok: false; error: ExcelError };

export const excelOk = <T>(value: T): ExcelResult<T> => ({ ok: true, value });
export const excelFail = <T = never>(code: ExcelErrorCode, message: string): ExcelResult<T> => ({
  ok: false,
  error: { code, message },
});

/** Thrown inside the Excel services and turned into an ExcelResult at their boundary. */
export class ExcelFailure extends Error {
  constructor(
    readonly code: ExcelErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A Node error while writing, as a sentence for the user. */
export function writeErrorMessage(e: unknown, file: string): string {
  const code = (e as { code?: string }).code ?? '';
  if (isDiskFull(e))
    return `${diskFullMessage({ folder: path.dirname(path.resolve(file)), label: '导出位置' }, `写入 ${file} `)}，或换一个位置`;
  if (code === 'EEXIST') return `${file} 已存在，且不是文件夹：请换一个文件夹名，或导出为 .xlsx 文件`;
  if (code === 'ENAMETOOLONG') return `${file} 的路径太长：请换一个较短的文件夹名或位置`;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return `没有权限写入 ${file}：请检查权限，或换一个位置`;
  if (code === 'ENOENT' || code === 'ENOTDIR') return `找不到 ${file} 所在的文件夹：请检查路径`;
  if (code === 'EBUSY') return `${file} 正被其他程序（如 Excel）占用：请关闭后重试`;
  const detail = e instanceof Error ? e.message : String(e);
  return `无法写入 ${file}（${code || detail}）`;
}
