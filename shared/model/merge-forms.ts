/**
 * Forms coming in (from JSON or Excel) → the patches that put them into a document, as one step:
 * a form of the same kind and name (the department form: the one there is) is replaced in place,
 * others are added (a department form first, projects at the end). Each gets a fresh id.
 */
import type { Patch } from './patch';
import { nextId } from './factory';
import type { Form, ZipingDocument } from './types';

export interface MergePlan {
  patches: Patch[];
  added: number;
  replaced: number;
}

/** The form an incoming one stands for: same kind and name; a department form, the one there is. */
export function isSameForm(existing: Form, incoming: Form): boolean {
  return (
    existing.kind === incoming.kind &&
    (incoming.kind === 'department' || existing.projectName.trim() === incoming.projectName.trim())
  );
}

export function mergeFormsPatches(doc: ZipingDocument, incoming: readonly Form[]): MergePlan {
  const ids = doc.forms.map((f) => f.id);
  const forms = doc.forms.slice();
  const patches: Patch[] = [];
  let added = 0;
  let replaced = 0;
  for (const form of incoming) {
    const same = forms.findIndex((f) => isSameForm(f, form));
    const id = nextId('f', ids);
    ids.push(id);
    const placed: Form = { ...form, id };
    if (same >= 0) {
      const old = forms[same] as Form;
      patches.push({ op: 'deleteForm', formId: old.id }, { op: 'insertForm', index: same, form: placed });
      forms[same] = placed;
      replaced++;
    } else {
      const index = form.kind === 'department' ? 0 : forms.length;
      patches.push({ op: 'insertForm', index, form: placed });
      forms.splice(index, 0, placed);
      added++;
    }
  }
  return { patches, added, replaced };
}
