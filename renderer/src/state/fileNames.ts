/**
 * Where files of the open document go by default, and saving to a place the user picks in the
 * desktop app's save dialog (the toolbar's 另存为, the menu's, and a new document's first save).
 */
import { shell } from '../api/client';
import type { DocumentStore } from './documentStore';
import type { PendingEdits } from './pendingEdits';

/** The document's path with another extension; a new document: `单位2024年.ext`. */
export function suggestedPath(store: DocumentStore, extension: 'ziping' | 'xlsx' | 'json'): string {
  const path = store.status.path;
  if (path) return `${path.replace(/\.ziping$/i, '')}.${extension}`;
  return `${store.doc.meta.unit || '自评表'}${store.doc.meta.year}年.${extension}`;
}

/** Desktop only: asks where with the save dialog, then saves there; false if cancelled or failed. */
export async function saveToChosenPlace(store: DocumentStore, pendingEdits: PendingEdits): Promise<boolean> {
  if (!shell) return false;
  await pendingEdits.commitAll();
  const chosen = await shell('dialog/saveDocument', { suggestedName: suggestedPath(store, 'ziping') });
  return chosen.ok && chosen.value !== null ? store.saveAs(chosen.value) : false;
}
