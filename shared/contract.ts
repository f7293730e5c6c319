/**
 * The one typed contract between the renderer and the Node services (after Actual's `Handlers`):
 * every call's name, argument and result. The Electron preload and the browser-mode HTTP client
 * both derive their types from this map; the server side implements it
 * (electron/services/handlers.ts) and validates every argument before use.
 */
import type { DocumentMeta, LayoutId, ZipingDocument } from './model/types';
import type { Patch } from './model/patch';

/** An expected failure, as a value: a code and a Chinese message that says what to do. */
export interface CallError {
  code: string;
  message: string;
}

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CallError };

export interface DocStatus {
  /** The user's file; null for a new document not yet saved. */
  path: string | null;
  readOnly: boolean;
  /** Chinese notice shown when the document is read-only (who has it, or why). */
  readOnlyNotice: string | null;
  /** Edits not yet saved into the user's file. */
  dirty: boolean;
  meta: DocumentMeta;
}

export interface OpenedDocument {
  status: DocStatus;
  /** The inputs; the renderer scores them itself with shared/scoring. */
  document: ZipingDocument;
}

export interface RecoverableDocument {
  sessionId: string;
  originalPath: string | null;
  unit: string;
  year: number;
  modifiedAt: string;
  unsavedEdits: number;
}

/** What an Excel export wrote (the checks' errors, if any, were exported as a draft). */
export interface XlsxExportSummary {
  files: string[];
  forms: number;
  draft: boolean;
  errors: number;
  warnings: number;
}

export interface Handlers {
  /** What the window shows at start: the open document (if any) and work to recover. */
  'app/state': (args: Record<string, never>) => {
    document: OpenedDocument | null;
    recoverable: RecoverableDocument[];
  };
  'doc/open': (args: { path: string; readOnly?: boolean }) => OpenedDocument;
  'doc/new': (args: { path: string | null; unit: string; year: number; layout: LayoutId }) => OpenedDocument;
  /** Applies patches as one step and makes them durable; returns the status after it. */
  'doc/apply': (args: { patches: Patch[] }) => DocStatus;
  'doc/save': (args: Record<string, never>) => DocStatus;
  'doc/saveAs': (args: { path: string }) => DocStatus;
  'doc/close': (args: { discard: boolean }) => null;
  /**
   * Exports the open document (or the forms named) to Excel: a path ending in .xlsx gets one
   * workbook, any other path is a folder with one workbook per form. Errors of the checks refuse
   * it (code 'check-errors') unless `draft`.
   */
  'doc/exportXlsx': (args: { path: string; draft?: boolean; formIds?: string[] }) => XlsxExportSummary;
  'recovery/recover': (args: { sessionId: string }) => OpenedDocument;
  'recovery/discard': (args: { sessionId: string }) => null;
}

export type HandlerName = keyof Handlers;
export type HandlerArgs<K extends HandlerName> = Parameters<Handlers[K]>[0];
export type HandlerValue<K extends HandlerName> = ReturnType<Handlers[K]>;

/** What a client call resolves to: the handler's value or an expected failure. */
export type Invoke = <K extends HandlerName>(
  name: K,
  args: HandlerArgs<K>,
) => Promise<CallResult<HandlerValue<K>>>;

export const HANDLER_NAMES: readonly HandlerName[] = [
  'app/state',
  'doc/open',
  'doc/new',
  'doc/apply',
  'doc/save',
  'doc/saveAs',
  'doc/close',
  'doc/exportXlsx',
  'recovery/recover',
  'recovery/discard',
];
