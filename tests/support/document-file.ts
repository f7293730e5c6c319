/** A document written to a real .ziping file (for tests that open it as a user would). */
import { DocumentSession } from '../../electron/services/document-store';
import type { ZipingDocument } from '../../shared/model/types';

export function writeDocumentFile(file: string, doc: ZipingDocument, dataDir: string): void {
  const { unit, year, layout } = doc.meta;
  const created = DocumentSession.create(file, { unit, year, layout }, { dataDir });
  if (!created.ok) throw new Error(created.error.message);
  const session = created.value;
  const inserted = session.apply(doc.forms.map((form, index) => ({ op: 'insertForm', index, form })));
  if (!inserted.ok) throw new Error(inserted.error.message);
  const saved = session.save();
  if (!saved.ok) throw new Error(saved.error.message);
  session.close();
}
