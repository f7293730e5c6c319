/** The title bar of a document's window. */
import path from 'node:path';

export const APP_TITLE = '自评表编辑器';

/** The title bar: document name, * when unsaved, （只读） when read-only. */
export function windowTitle(doc: { path: string | null; dirty: boolean; readOnly: boolean } | null): string {
  if (!doc) return APP_TITLE;
  const name = doc.path ? path.basename(doc.path) : '未命名';
  return `${name}${doc.dirty ? ' *' : ''}${doc.readOnly ? '（只读）' : ''} - ${APP_TITLE}`;
}
