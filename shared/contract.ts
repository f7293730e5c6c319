/**
 * The one typed contract between the renderer and the Node services (after Actual's `Handlers`):
 * every call's name, argument and result. The Electron preload and the browser-mode HTTP client
 * both derive their types from this map; the server side implements it
 * (electron/services/handlers.ts) and validates every argument before use.
 */
import type { DocumentMeta, Form, LayoutId, ZipingDocument } from './model/types';
import type { Patch } from './model/patch';
import type { ReviewPatch } from './review/patch';
import type { ReviewItem } from './review/types';
import type { CellRef } from './history/cells';
import type { HistoryListing } from './history/entries';
import type { DocumentComparison } from './compare/compare';

/** An expected failure, as a value: a code and a Chinese message that says what to do. */
export interface CallError {
  code: string;
  message: string;
  /**
   * Code 'foreign-schema' (a document with triggers, views or tables not ours): its data tables
   * are intact and 'doc/rebuildCleanCopy' can save them into a new file.
   */
  canRebuild?: boolean;
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
  /** Who edits here: the name comments, audit scores and statuses are signed with. */
  user: string;
  /** Opened as a reviewer: review data only, saved into `reviewFile`. */
  reviewing: boolean;
  /** Where review data is saved while the document is read-only (null for a new document). */
  reviewFile: string | null;
  /** Why the review file beside the document could not be read, if it could not. */
  reviewNotice: string | null;
}

export interface OpenedDocument {
  status: DocStatus;
  /** The inputs; the renderer scores them itself with shared/scoring. */
  document: ZipingDocument;
  /** Comments, audit scores and statuses: the document's and its review file's, merged. */
  review: ReviewItem[];
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

/** How far a running Excel export is (answer of 'export/progress'). */
export interface ExportJobProgress {
  /**
   * check: the checks run; form: form `formName` is being laid out (and, with one file per form,
   * written); write: the one workbook is being zipped and written.
   */
  stage: 'check' | 'form' | 'write';
  /** Forms finished before this step, of `total`. */
  done: number;
  total: number;
  /** The form of a 'form' step; '' otherwise. */
  formName: string;
}

// ---- History and comparison (issue #7)

/** One save into the user's file (table `saves`): the version holds the changes up to changeSeq. */
export interface SavedVersion {
  seq: number;
  changeSeq: number;
  at: string;
  user: string;
  path: string;
}

/** What the open document is compared with: another .ziping file, or one of its saved versions. */
export type CompareAgainst = { kind: 'file'; path: string } | { kind: 'version'; saveSeq: number };

export interface CompareResult {
  /** What 原值 comes from (“文件 X.ziping”, “2024-05-01 10:00 保存的版本”) and what 新值 is (当前文档). */
  before: string;
  after: string;
  comparison: DocumentComparison;
}

export interface Handlers {
  /** What the window shows at start: the open document (if any) and work to recover. */
  'app/state': (args: Record<string, never>) => {
    document: OpenedDocument | null;
    recoverable: RecoverableDocument[];
  };
  /** `review`: open as a reviewer (the author's data cannot change; see DocStatus.reviewing). */
  'doc/open': (args: { path: string; readOnly?: boolean; review?: boolean }) => OpenedDocument;
  'doc/new': (args: { path: string | null; unit: string; year: number; layout: LayoutId }) => OpenedDocument;
  /** Applies patches as one step and makes them durable; returns the status after it. */
  'doc/apply': (args: { patches: Patch[] }) => DocStatus;
  'doc/save': (args: Record<string, never>) => DocStatus;
  'doc/saveAs': (args: { path: string }) => DocStatus;
  'doc/close': (args: { discard: boolean }) => null;
  /**
   * Exports the open document (or the forms named) to Excel: a path ending in .xlsx gets one
   * workbook, any other path is a folder with one workbook per form. Errors of the checks refuse
   * it (code 'check-errors') unless `draft`. With a `jobId` (chosen by the caller) it can be watched
   * and cancelled through 'export/progress' and 'export/cancel' while it runs; cancelled, it
   * answers code 'cancelled' and has written nothing. `review` adds the review data (a 审核意见
   * sheet, statuses and reviewed totals in the summary, the items for 导入审核意见).
   */
  'doc/exportXlsx': (args: {
    path: string;
    draft?: boolean;
    formIds?: string[];
    jobId?: string;
    review?: boolean;
  }) => XlsxExportSummary;
  /** Writes every form as interchange JSON (one array) to a file. */
  'doc/exportJson': (args: { path: string }) => { forms: number; path: string };
  /**
   * Reads forms from an Excel workbook or a form JSON file, for the open document's layout and
   * year. Nothing changes here: the editor merges them as one undoable step.
   */
  'forms/read': (args: { path: string }) => { forms: Form[]; report: string[] };
  /**
   * Applies review patches (comments, audit scores, statuses) as one step; allowed read-only too.
   * Saving writes them into the document, or into the review file when it is read-only.
   */
  'review/apply': (args: { patches: ReviewPatch[] }) => DocStatus;
  /**
   * Reads the review data of a review file (.ziping-review), of another copy of the document
   * (.ziping) or of an Excel export that carried it (.xlsx). Nothing changes here: the editor
   * merges the newer items as one undoable step.
   */
  'review/read': (args: { path: string }) => { items: ReviewItem[] };
  /**
   * Saves the review data into a review file (.ziping-review) the user chose, for when the one
   * beside a read-only document cannot be written; later saves go there too.
   */
  'review/saveAs': (args: { path: string }) => DocStatus;
  /**
   * Rebuilds a refused document (error.canRebuild) as a clean copy at `to`: a new file with only
   * the rows of the document's tables; `from` is only read. Opening `to` is the caller's next step.
   */
  'doc/rebuildCleanCopy': (args: { from: string; to: string }) => { path: string; rows: number };
  'recovery/recover': (args: { sessionId: string }) => OpenedDocument;
  'recovery/discard': (args: { sessionId: string }) => null;
  /**
   * Export jobs. Both transports (IPC invoke, HTTP) are request/response with no push from Node,
   * so the renderer polls these while its 'doc/exportXlsx' call is pending.
   * 'export/progress': how far the export with this jobId is; null when none such runs (not yet
   * started, or over). 'export/cancel': stops it at the next form; false when none such runs.
   */
  'export/progress': (args: { jobId: string }) => ExportJobProgress | null;
  'export/cancel': (args: { jobId: string }) => { cancelled: boolean };
  // ---- History and comparison (issue #7)
  /** The open document's changes, newest first: all, one form's, or one cell's (a ref of today's document). */
  'history/list': (args: { formId?: string; cell?: CellRef }) => HistoryListing;
  /** The saves into the user's file, newest first (versions to compare with). */
  'history/versions': (args: Record<string, never>) => SavedVersion[];
  /** The open document (新值) against another .ziping file (原值), read without writing it. */
  'compare/file': (args: { path: string }) => CompareResult;
  /** The open document (新值) against one of its saved versions (原值), rebuilt from the change log. */
  'compare/version': (args: { saveSeq: number }) => CompareResult;
  /** Writes the comparison to an .xlsx file: 修改明细 (表, 位置, 项目, 原值, 新值) and 表格 (总分, 等级). */
  'compare/exportXlsx': (args: { against: CompareAgainst; path: string }) => { path: string; rows: number };
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
  'doc/exportJson',
  'forms/read',
  'review/apply',
  'review/read',
  'review/saveAs',
  'doc/rebuildCleanCopy',
  'recovery/recover',
  'recovery/discard',
  'export/progress',
  'export/cancel',
  'history/list',
  'history/versions',
  'compare/file',
  'compare/version',
  'compare/exportXlsx',
];

/**
 * Menu commands the desktop shell sends to a window (main → renderer). Commands the main process
 * carries out itself (新建 and 打开 open windows, 关闭, 退出, zoom, full screen, 关于) are not here.
 */
export type MenuCommand =
  | 'save'
  | 'saveAs'
  | 'importExcel'
  | 'importJson'
  | 'exportXlsx'
  | 'exportJson'
  | 'undo'
  | 'redo'
  | 'find'
  | 'toggleChecks'
  | 'help'
  /**
   * The window is being closed: commit what is still being typed (a cell or text box), then call
   * the shell's 'window/editsCommitted'. Not a menu item; without an answer within a second the
   * shell goes on closing (and asks "保存更改？" when there are unsaved edits).
   */
  | 'commitEdits';

export const MENU_COMMANDS: readonly MenuCommand[] = [
  'save',
  'saveAs',
  'importExcel',
  'importJson',
  'exportXlsx',
  'exportJson',
  'undo',
  'redo',
  'find',
  'toggleChecks',
  'help',
  'commitEdits',
];

export type ExportFormat = 'xlsx' | 'json';

/**
 * Calls only the desktop shell answers: native dialogs and windows. Browser mode has none of
 * them (its client's `shell` is null). Validated in the main process like the Handlers.
 */
export interface ShellHandlers {
  /**
   * Opens a document (path null: asks with the open dialog first). It opens in this window if the
   * window has no document, otherwise in a new window; a document already open is brought forward.
   */
  'window/openDocument': (args: { path: string | null; review?: boolean }) => { opened: boolean };
  /** The save dialog for the document: the chosen path, or null when cancelled. */
  'dialog/saveDocument': (args: { suggestedName: string }) => string | null;
  /** The save dialog for an export: the chosen path, or null when cancelled. */
  'dialog/export': (args: { format: ExportFormat; suggestedName: string }) => string | null;
  /** The open dialog for importing forms: the chosen files (none when cancelled). */
  'dialog/import': (args: { format: ExportFormat }) => string[];
  /** Documents opened lately, newest first (for the start panel). */
  'shell/recentDocuments': (args: Record<string, never>) => string[];
  /** The answer to the 'commitEdits' command: open edits are committed, the window may close. */
  'window/editsCommitted': (args: Record<string, never>) => null;
  /** The open dialog for a .ziping document to compare with (history and comparison, issue #7). */
  'dialog/compareDocument': (args: Record<string, never>) => string | null;
}

export type ShellHandlerName = keyof ShellHandlers;
export type ShellHandlerArgs<K extends ShellHandlerName> = Parameters<ShellHandlers[K]>[0];
export type ShellHandlerValue<K extends ShellHandlerName> = ReturnType<ShellHandlers[K]>;

export type ShellInvoke = <K extends ShellHandlerName>(
  name: K,
  args: ShellHandlerArgs<K>,
) => Promise<CallResult<ShellHandlerValue<K>>>;

export const SHELL_HANDLER_NAMES: readonly ShellHandlerName[] = [
  'window/openDocument',
  'dialog/saveDocument',
  'dialog/export',
  'dialog/import',
  'shell/recentDocuments',
  'window/editsCommitted',
  'dialog/compareDocument',
];

/** What the Electron preload exposes as `window.ziping`: the contract and nothing else. */
export interface ZipingBridge {
  invoke: Invoke;
  shell: ShellInvoke;
  /** Calls the listener for each menu command; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
