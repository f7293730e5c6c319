import { createContext, useContext } from 'react';
import type { DocumentStore } from '../state/documentStore';
import type { PendingEdits } from '../state/pendingEdits';
import type { Dialogs } from '../state/dialogs';
import type { SheetHost } from '../sheet/sheetController';
import type { ReviewUi } from '../state/reviewUi';

export interface EditorServices {
  store: DocumentStore;
  pendingEdits: PendingEdits;
  dialogs: Dialogs;
  /** What the grids' paste, fill and clear go through. */
  sheetHost: SheetHost;
  /** The review panel, the audit columns and the comment being written. */
  reviewUi: ReviewUi;
}

export const EditorContext = createContext<EditorServices | null>(null);

export function useEditor(): EditorServices {
  const services = useContext(EditorContext);
  if (!services) throw new Error('EditorContext 未提供');
  return services;
}
