/** React bindings of the DocumentStore: re-render when it changes. */
import { useSyncExternalStore } from 'react';
import type { DocumentStore } from './documentStore';

/** The store's version; components that read the document call this to follow its changes. */
export function useDocumentVersion(store: DocumentStore): number {
  return useSyncExternalStore(store.subscribe, store.getVersion);
}
