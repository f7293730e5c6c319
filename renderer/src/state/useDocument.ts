/** React bindings of the DocumentStore: re-render when it changes. */
import { useMemo, useSyncExternalStore } from 'react';
import type { FormResult } from '../../../shared/scoring/types';
import { afterPaintSubscribe } from './afterPaint';
import type { DocumentStore } from './documentStore';

/** The store's version; components that read the document call this to follow its changes. */
export function useDocumentVersion(store: DocumentStore): number {
  return useSyncExternalStore(store.subscribe, store.getVersion);
}

/**
 * The store's version for the window around the form (toolbar, checks, status bar, the form's
 * other blocks): after an edit in a grid it moves after the next paint, so that the edit's frame
 * paints only the grids and the total (useFormResult); after any other change at once (#23).
 */
export function useWindowVersion(store: DocumentStore): number {
  const subscribe = useMemo(
    () => afterPaintSubscribe(store.subscribe, () => store.lastChangeInGrid),
    [store],
  );
  return useSyncExternalStore(subscribe, store.getVersion);
}

/** The form's result, followed at once: what an edit paints first (the grids and the total). */
export function useFormResult(store: DocumentStore, formId: string): FormResult {
  useDocumentVersion(store);
  return store.result(formId);
}
