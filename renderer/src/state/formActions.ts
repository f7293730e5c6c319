/**
 * Whole-form operations of the sidebar as patch lists (one undo step each): duplicate a form,
 * delete it, move a project form up or down among the projects (the department form stays first).
 */
import type { Patch } from '../../../shared/model/patch';
import { nextId } from '../../../shared/model/factory';
import type { Form, ZipingDocument } from '../../../shared/model/types';

export function duplicateForm(
  doc: ZipingDocument,
  formId: string,
): { patches: Patch[]; newId: string } | null {
  const index = doc.forms.findIndex((f) => f.id === formId);
  const form = doc.forms[index];
  // A document has one department form.
  if (!form || form.kind === 'department') return null;
  const newId = nextId(
    'f',
    doc.forms.map((f) => f.id),
  );
  const copy: Form = { ...structuredClone(form), id: newId, projectName: `${form.projectName}（副本）` };
  return { patches: [{ op: 'insertForm', index: index + 1, form: copy }], newId };
}

export function deleteForm(formId: string): Patch[] {
  return [{ op: 'deleteForm', formId }];
}

/** Moves a project form past its neighbouring project form; empty at the ends. */
export function moveForm(doc: ZipingDocument, formId: string, by: -1 | 1): Patch[] {
  const index = doc.forms.findIndex((f) => f.id === formId);
  const form = doc.forms[index];
  if (!form || form.kind === 'department') return [];
  let j = index + by;
  while (doc.forms[j] && doc.forms[j]?.kind === 'department') j += by;
  if (!doc.forms[j]) return [];
  return [{ op: 'moveForm', formId, toIndex: j }];
}
