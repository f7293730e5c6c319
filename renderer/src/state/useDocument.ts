/** React bindings of the DocumentStore: re-render when it changes. */
import { useMemo, useSyncExternalStore } from 'react';
import type { FormResult } from '../../../shared/scoring/types';
import { afterPaintSubscribe } from './afterPaint';
import type { DocumentStore, Touched } from './documentStore';

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

/**
 * The form's result for a part of the form that an edit in a grid paints at once when `shows`
 * says the change touched it (the indicator table, the total, the funds block); other changes it
 * follows at once too, and the rest with the window around the form.
 */
export function useFormResult(
  store: DocumentStore,
  formId: string,
  shows: (touched: Touched, formId: string) => boolean,
): FormResult {
  const subscribe = useMemo(
    () => (listener: () => void) =>
      store.subscribe(() => {
        if (!store.lastChangeInGrid || shows(store.lastTouched, formId)) listener();
      }),
    // `shows` is one of the module-level tests below, fixed per use.
    [store, formId],
  );
  useSyncExternalStore(subscribe, store.getVersion);
  return store.result(formId);
}

/** The form's lines or total were rescored or edited. */
export const showsLines = (touched: Touched, formId: string) => touched.forms.has(formId);
/** The form's funds block was edited. */
export const showsFunds = (touched: Touched, formId: string) => touched.funds.has(formId);
