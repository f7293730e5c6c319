/**
 * Where files of the open document go by default, and saving to a place the user picks in the
 * file chooser (the toolbar's 另存为, the menu's, and a new document's first save).
 */
import type { DocumentStore } from './documentStore';
import { fileChooser } from './fileChooser';
import type { PendingEdits } from './pendingEdits';

/**
 * The document's path with another extension (and a suffix: `-自评报告`); a new document:
 * `单位2024年.ext` in the current folder.
 */
export function suggestedPath(
  store: DocumentStore,
  extension: 'ziping' | 'xlsx' | 'json' | 'docx',
  suffix = '',
): string {
  const path = store.status.path;
  if (path) return `${path.replace(/\.ziping$/i, '')}${suffix}.${extension}`;
  return `${store.doc.meta.unit || '自评表'}${store.doc.meta.year}年${suffix}.${extension}`;
}

/** Beside the document, named for the next year: `单位2025年.ziping`. */
export function nextYearPath(store: DocumentStore): string {
  const { unit, year } = store.doc.meta;
  const name = `${unit || '自评表'}${year + 1}年.ziping`;
  const path = store.status.path;
  const folder = path ? path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1) : '';
  return `${folder}${name}`;
}

/** Asks where (the file chooser), then saves there; false if cancelled or failed. */
export async function saveToChosenPlace(store: DocumentStore, pendingEdits: PendingEdits): Promise<boolean> {
  await pendingEdits.commitAll();
  const path = await fileChooser.choose({
    mode: 'save',
    title: '另存为',
    kinds: ['.ziping'],
    suggested: suggestedPath(store, 'ziping'),
    confirm: '保存',
  });
  return path !== null && store.saveAs(path);
}
