/** An open document as the renderer and the shell see it: its status, and everything the page loads. */
import type { DocStatus, OpenedDocument } from '../../shared/contract';
import type { DocumentSession } from './document-store';

export function status(s: DocumentSession): DocStatus {
  return {
    path: s.path,
    readOnly: s.readOnly,
    readOnlyNotice: s.readOnlyNotice(),
    dirty: s.dirty,
    meta: { ...s.document.meta },
    user: s.user,
    reviewing: s.reviewing,
    reviewFile: s.reviewFile,
    reviewNotice: s.reviewFileProblem,
  };
}

export function opened(s: DocumentSession): OpenedDocument {
  return { status: status(s), document: s.document, review: [...s.review.values()] };
}
