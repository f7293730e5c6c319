/**
 * One edit of the author's data: its patches checked and applied to the document in memory, then
 * written to the working copy in one transaction (the forms it touched, the meta, one change-log
 * row per patch with its inverse). Nothing is scored: the window's recalculator scores what it
 * shows, and exports score once.
 */
import type Database from 'better-sqlite3';
import { applyPatches, formsTouched, PatchError, patchFormId, type Patch } from '../../../shared/model/patch';
import type { ZipingDocument } from '../../../shared/model/types';
import { encodeChange, encodeForm, META_KEYS, metaWriter } from './codec';
import { fromSystemError, ok, type DocResult, type WritePlace } from './errors';

/** Who edits, at which edit number, and where a failure to write is reported. */
export interface EditContext {
  user: string;
  seq: number;
  /** The document named in messages: the user's file, or the working copy of a new document. */
  file: string;
  dataFolder: string;
}

/**
 * Applies `patches` to `doc` and writes them to `db` as one step; gives back the patches that
 * undo it, in the order to apply them. On any failure `doc` and `db` are left as they were.
 */
export function applyEdit(
  db: Database.Database,
  doc: ZipingDocument,
  patches: readonly Patch[],
  at: EditContext,
): DocResult<Patch[]> {
  let inverse: Patch[];
  try {
    inverse = applyPatches(doc, patches);
  } catch (e) {
    if (e instanceof PatchError)
      return { ok: false, error: { code: 'invalid-change', message: `无法修改：${e.message}` } };
    throw e;
  }
  try {
    writeEdit(db, doc, patches, inverse, at);
  } catch (e) {
    applyPatches(doc, inverse);
    const place = (): WritePlace => ({
      folder: at.dataFolder,
      label: '数据文件夹',
      note: '；这次修改没有保存，之前的修改没有丢失',
    });
    return { ok: false, error: fromSystemError(e, at.file, '保存修改', place) };
  }
  return ok(inverse);
}

function writeEdit(
  db: Database.Database,
  doc: ZipingDocument,
  patches: readonly Patch[],
  inverse: readonly Patch[],
  at: EditContext,
): void {
  const now = new Date().toISOString();
  const touched = formsTouched(patches);
  const reorder = patches.some((p) => p.op === 'insertForm' || p.op === 'deleteForm' || p.op === 'moveForm');
  const metaChanged = patches.some((p) => p.op === 'setMeta');
  db.transaction(() => {
    const upsert = db.prepare(
      'INSERT INTO forms(id, position, body) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET position = excluded.position, body = excluded.body',
    );
    for (const formId of touched.removed) db.prepare('DELETE FROM forms WHERE id = ?').run(formId);
    if (reorder) {
      doc.forms.forEach((form, i) => upsert.run(form.id, i, encodeForm(form)));
    } else {
      for (const formId of touched.changed) {
        const i = doc.forms.findIndex((f) => f.id === formId);
        const form = doc.forms[i];
        if (form) upsert.run(form.id, i, encodeForm(form));
      }
    }
    const putMeta = metaWriter(db);
    if (metaChanged) for (const key of META_KEYS) putMeta.run(key, String(doc.meta[key]));
    putMeta.run('modifiedAt', now);
    putMeta.run('modifiedBy', at.user);
    putMeta.run('editSeq', String(at.seq));
    const log = db.prepare('INSERT INTO changes(at, user, form_id, patch, inverse) VALUES (?, ?, ?, ?, ?)');
    patches.forEach((p, i) => {
      const undo = inverse[patches.length - 1 - i];
      log.run(now, at.user, patchFormId(p), encodeChange(p), encodeChange(undo ?? null));
    });
  })();
  doc.meta.modifiedAt = now;
  doc.meta.modifiedBy = at.user;
}
