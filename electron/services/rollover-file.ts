/**
 * 新建下一年度文档 written to a file: last year's document rolled over (shared/rollover) into a new
 * .ziping that is never put over an existing file. Used by `ziping rollover` and the editor.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { mergeFormsPatches } from '../../shared/model/merge-forms';
import type { ZipingDocument } from '../../shared/model/types';
import { rolloverDocument, type RolloverReport } from '../../shared/rollover/rollover';
import { DocumentSession, type SessionOptions } from './document-store';
import { withoutEditsKept } from './document-store/errors';

export interface RolledOverFile {
  path: string;
  unit: string;
  layout: ZipingDocument['meta']['layout'];
  report: RolloverReport;
}

export type RolloverFileResult =
  | { ok: true; value: RolledOverFile }
  | { ok: false; error: { code: 'exists' | 'bad-year' | 'write-failed'; message: string } };

export function writeRolledOver(
  doc: ZipingDocument,
  target: string,
  options: SessionOptions = {},
): RolloverFileResult {
  const abs = path.resolve(target);
  // Never put a new document over an existing file, the old year's least of all.
  if (existsSync(abs)) {
    return { ok: false, error: { code: 'exists', message: `“${target}”已存在：请换一个文件名，或先删除它` } };
  }
  const rolled = rolloverDocument(doc);
  if (!rolled.ok) return { ok: false, error: { code: 'bad-year', message: rolled.message } };
  const notWritten = (message: string) =>
    ({ ok: false, error: { code: 'write-failed', message: `没有创建 ${target}：${message}` } }) as const;
  try {
    mkdirSync(path.dirname(abs), { recursive: true });
  } catch {
    return notWritten(`无法创建文件夹 ${path.dirname(abs)}，请检查路径和权限`);
  }
  const created = DocumentSession.create(abs, rolled.meta, options);
  if (!created.ok) return notWritten(created.error.message);
  const session = created.value;
  try {
    const applied = session.apply(mergeFormsPatches(session.document, rolled.forms).patches);
    if (!applied.ok) return notWritten(withoutEditsKept(applied.error.message));
    const saved = session.save();
    if (!saved.ok) return notWritten(withoutEditsKept(saved.error.message));
  } finally {
    session.close({ discard: true });
  }
  return {
    ok: true,
    value: { path: abs, unit: rolled.meta.unit, layout: rolled.meta.layout, report: rolled.report },
  };
}
