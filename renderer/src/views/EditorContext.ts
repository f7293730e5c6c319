import { createContext, useContext } from 'react';
import type { DocumentStore } from '../state/documentStore';
import type { PendingEdits } from '../state/pendingEdits';

export interface EditorServices {
  store: DocumentStore;
  pendingEdits: PendingEdits;
}

export const EditorContext = createContext<EditorServices | null>(null);

export function useEditor(): EditorServices {
  const services = useContext(EditorContext);
  if (!services) throw new Error('EditorContext 未提供');
  return services;
}
