/** The print view's title (the PDF's name in the print dialog): one form's name, else the document's. */
import type { DocumentMeta, Form } from '../model/types';

export function printTitle(forms: readonly Form[], meta: Pick<DocumentMeta, 'unit' | 'year'>): string {
  const only = forms.length === 1 ? forms[0] : undefined;
  return only ? only.projectName.trim() || '自评表' : `${meta.unit}${meta.year}年度绩效自评表`;
}
