/**
 * The optional header fields of a form (types.ts `HeaderValues`): read with their empty value,
 * written so that an empty value removes the key (and an empty header the object), which keeps
 * a form that never had them identical to one whose fields were set and cleared again.
 */
import {
  HEADER_NUMBER_KEYS,
  type Form,
  type HeaderKey,
  type HeaderNumberKey,
  type HeaderTextKey,
} from './types';

export const isHeaderNumberKey = (key: HeaderKey): key is HeaderNumberKey =>
  (HEADER_NUMBER_KEYS as readonly string[]).includes(key);

export function headerText(form: Form, key: HeaderTextKey): string {
  return form.header?.[key] ?? '';
}

export function headerNumber(form: Form, key: HeaderNumberKey): number | null {
  return form.header?.[key] ?? null;
}

/** Sets one field and returns its old value ('' or null when it was absent). */
export function setHeaderText(form: Form, key: HeaderTextKey, value: string): string {
  const old = headerText(form, key);
  const header = { ...form.header };
  if (value === '') delete header[key];
  else header[key] = value;
  store(form, header);
  return old;
}

export function setHeaderNumber(form: Form, key: HeaderNumberKey, value: number | null): number | null {
  const old = headerNumber(form, key);
  const header = { ...form.header };
  if (value === null) delete header[key];
  else header[key] = value;
  store(form, header);
  return old;
}

function store(form: Form, header: NonNullable<Form['header']>): void {
  if (Object.keys(header).length === 0) delete form.header;
  else form.header = header;
}
