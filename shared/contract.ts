/**
 * The one contract between the renderer and the Node services (after Actual's `Handlers`), as a
 * value: for every call its name, its argument parser, its result type and whether it reports
 * progress while it runs. Everything else is derived from it: the types both sides compile
 * against, the list of names the preload, IPC and the HTTP server accept, and the validation of
 * every argument before a handler runs (electron/services/handlers.ts, electron/main/ipc.ts).
 */
import type { HistoryListing } from './history/entries';
import type { Form } from './model/types';
import type { ReviewItem } from './review/types';
import type { UserProfile } from './user/profile';
import { viewSettingsChange, type ViewSettings } from './view-settings';
import {
  cellRef,
  compareAgainst,
  comparedFile,
  fileName,
  filePath,
  filePathEnding,
  formId,
  isoTime,
  layoutId,
  patches,
  plainId,
  reviewPatches,
  savedVersion,
  userProfile,
  year,
} from './contract/args';
import { chooseRequest } from './contract/choose';
import {
  arrayOf,
  bool,
  none,
  nullable,
  obj,
  optional,
  str,
  type Parsed,
  type Parser,
} from './contract/parse';
import type {
  AppState,
  CallResult,
  CompareResult,
  DocStatus,
  ExportJobProgress,
  LibraryImportSummary,
  LibraryState,
  OpenedDocument,
  ReportSummary,
  RolloverSummary,
  SavedVersion,
  UnitsOverview,
  XlsxExportSummary,
} from './contract/types';

export type * from './contract/types';
export type { ChooseRequest } from './contract/choose';

/** The type a call answers with: carried by its entry for the compiler, nothing at run time. */
export interface Returns<T> {
  readonly result?: T;
}
const returns = <T>(): Returns<T> => ({});

/** One call of the contract. */
export interface Call<A, R> extends Returns<R> {
  readonly args: Parser<A>;
  /**
   * The call runs long and can be watched while it runs ('doc/exportXlsx': its caller names it
   * with a jobId and polls 'export/progress').
   */
  readonly progress: boolean;
}

function call<A, R>(args: Parser<A>, _result: Returns<R>, options: { progress?: true } = {}): Call<A, R> {
  return { args, progress: options.progress === true };
}

/** The document service's calls (one service per window; browser mode: one per server). */
export const CONTRACT = {
  /** What the window shows at start: the open document (if any) and work to recover. */
  'app/state': call(none, returns<AppState>()),
  /** `review`: open as a reviewer (the author's data cannot change; see DocStatus.reviewing). */
  'doc/open': call(
    obj({ path: filePath('要打开的文件'), readOnly: optional(bool), review: optional(bool) }),
    returns<OpenedDocument>(),
  ),
  'doc/new': call(
    obj({ path: nullable(filePath('新文档的保存位置')), unit: str(), year, layout: layoutId }),
    returns<OpenedDocument>(),
  ),
  /** Applies patches as one step and makes them durable; returns the status after it. */
  'doc/apply': call(obj({ patches }), returns<DocStatus>()),
  'doc/save': call(none, returns<DocStatus>()),
  'doc/saveAs': call(obj({ path: filePath('保存位置') }), returns<DocStatus>()),
  'doc/close': call(obj({ discard: bool }), returns<null>()),
  /**
   * Exports the open document (or the forms named) to Excel: a path ending in .xlsx gets one
   * workbook, any other path is a folder with one workbook per form. Errors of the checks refuse
   * it (code 'check-errors') unless `draft`. With a `jobId` (chosen by the caller) it can be watched
   * and cancelled through 'export/progress' and 'export/cancel' while it runs; cancelled, it
   * answers code 'cancelled' and has written nothing. `review` adds the review data (a 审核意见
   * sheet, statuses and reviewed totals in the summary, the items for 导入审核意见).
   */
  'doc/exportXlsx': call(
    obj({
      path: filePath('导出位置'),
      draft: optional(bool),
      formIds: optional(arrayOf(formId)),
      jobId: optional(plainId),
      review: optional(bool),
    }),
    returns<XlsxExportSummary>(),
    { progress: true },
  ),
  /** Writes every form as interchange JSON (one array) to a file. */
  'doc/exportJson': call(
    obj({ path: filePathEnding('.json', '导出位置') }),
    returns<{ forms: number; path: string }>(),
  ),
  /**
   * Reads forms from an Excel workbook or a form JSON file, for the open document's layout and
   * year. Nothing changes here: the editor merges them as one undoable step.
   */
  'forms/read': call(obj({ path: filePath('要导入的文件') }), returns<{ forms: Form[]; report: string[] }>()),
  /**
   * Applies review patches (comments, audit scores, statuses) as one step; allowed read-only too.
   * Saving writes them into the document, or into the review file when it is read-only.
   */
  'review/apply': call(obj({ patches: reviewPatches }), returns<DocStatus>()),
  /**
   * Reads the review data of a review file (.ziping-review), of another copy of the document
   * (.ziping) or of an Excel export that carried it (.xlsx). Nothing changes here: the editor
   * merges the newer items as one undoable step.
   */
  'review/read': call(obj({ path: filePath('审核文件') }), returns<{ items: ReviewItem[] }>()),
  /**
   * Saves the review data into a review file (.ziping-review) the user chose, for when the one
   * beside a read-only document cannot be written; later saves go there too.
   */
  'review/saveAs': call(
    obj({ path: filePathEnding('.ziping-review', '审核文件的保存位置') }),
    returns<DocStatus>(),
  ),
  // ---- Who works here, and what the author has seen of the review data (issue #19)
  /** The user's 姓名 and 单位 from the data folder; null until given (the first-run dialog asks). */
  'user/get': call(none, returns<UserProfile | null>()),
  /** Stores 姓名 and 单位; the open document's next changes and review data are signed with them. */
  'user/set': call(userProfile, returns<{ profile: UserProfile; status: DocStatus | null }>()),
  /** Up to when the user last looked at the open document's review data; null: never (or not saved yet). */
  'review/seen': call(none, returns<string | null>()),
  /** Records that the review data of the open document was looked at up to `at`. */
  'review/markSeen': call(obj({ at: isoTime }), returns<null>()),
  /**
   * Rebuilds a refused document (error.canRebuild) as a clean copy at `to`: a new file with only
   * the rows of the document's tables; `from` is only read. Opening `to` is the caller's next step.
   */
  'doc/rebuildCleanCopy': call(
    obj({ from: filePath('要重建的文档'), to: filePathEnding('.ziping', '干净副本的保存位置') }),
    returns<{ path: string; rows: number }>(),
  ),
  /** A crashed session's unsaved edits (RecoverableDocument.sessionId): reopened, or thrown away. */
  'recovery/recover': call(obj({ sessionId: plainId }), returns<OpenedDocument>()),
  'recovery/discard': call(obj({ sessionId: plainId }), returns<null>()),
  /**
   * Export jobs. Both transports (IPC invoke, HTTP) are request/response with no push from Node,
   * so the renderer polls these while its 'doc/exportXlsx' call is pending.
   * 'export/progress': how far the export with this jobId is; null when none such runs (not yet
   * started, or over). 'export/cancel': stops it at the next form; false when none such runs.
   */
  'export/progress': call(obj({ jobId: plainId }), returns<ExportJobProgress | null>()),
  'export/cancel': call(obj({ jobId: plainId }), returns<{ cancelled: boolean }>()),
  // ---- Many units (issue #22)
  /**
   * 打开文件夹（多个单位）: the .ziping documents and official-layout .xlsx workbooks under the
   * folders, only read (a rescan reads only files whose size or time changed). A job like an
   * export: watched with 'export/progress' (stage 'scan'), stopped with 'export/cancel'.
   */
  'units/scan': call(
    obj({ paths: arrayOf(filePath('要汇总的文件夹')), jobId: optional(plainId) }),
    returns<UnitsOverview>(),
    { progress: true },
  ),
  /** The overview of those folders as a workbook: sheets 单位, 表格 (every form), 未读入. */
  'units/exportXlsx': call(
    obj({ paths: arrayOf(filePath('要汇总的文件夹')), path: filePathEnding('.xlsx', '导出位置') }),
    returns<{ path: string; units: number; forms: number }>(),
  ),
  // ---- History and comparison (issue #7)
  /** The open document's changes, newest first: all, one form's, or one cell's (a ref of today's document). */
  'history/list': call(obj({ formId: optional(formId), cell: optional(cellRef) }), returns<HistoryListing>()),
  /** The saves into the user's file, newest first (versions to compare with). */
  'history/versions': call(none, returns<SavedVersion[]>()),
  /** The open document (新值) against another .ziping file (原值), read without writing it. */
  'compare/file': call(obj({ path: comparedFile }), returns<CompareResult>()),
  /** The open document (新值) against one of its saved versions (原值), rebuilt from the change log. */
  'compare/version': call(obj({ saveSeq: savedVersion }), returns<CompareResult>()),
  /** Writes the comparison to an .xlsx file: 修改明细 (表, 位置, 项目, 原值, 新值) and 表格 (总分, 等级). */
  'compare/exportXlsx': call(
    obj({ against: compareAgainst, path: filePathEnding('.xlsx', '导出位置') }),
    returns<{ path: string; rows: number }>(),
  ),
  // ---- The unit's deliverables and the start of a year (#20, #21)
  /** Writes the open document's 部门整体支出绩效自评报告 to a .docx file, whole or not at all. */
  'doc/exportReport': call(
    obj({ path: filePathEnding('.docx', '自评报告的保存位置') }),
    returns<ReportSummary>(),
  ),
  /**
   * 新建下一年度文档: the open document (as it is now) rolled over into a new .ziping at `path`,
   * never over an existing file; opening it is the caller's next step.
   */
  'doc/rollover': call(
    obj({ path: filePathEnding('.ziping', '新文档的保存位置') }),
    returns<RolloverSummary>(),
  ),
  /**
   * Reads the 绩效目标申报表 of a workbook as new forms of the open document's layout (forms the
   * document has already are left out and named in the report). Nothing changes here: the editor
   * adds them as one undoable step.
   */
  'forms/readTargets': call(
    obj({ path: filePathEnding('.xlsx', '绩效目标申报表') }),
    returns<{ forms: Form[]; report: string[] }>(),
  ),
  /** The indicator library kept in the data folder (the editor adds the open document's lines). */
  'library/get': call(none, returns<LibraryState>()),
  /** Adds the indicators of a library workbook (a 主管部门's) to the user's library. */
  'library/importXlsx': call(
    obj({ path: filePathEnding('.xlsx', '指标库文件') }),
    returns<LibraryImportSummary>(),
  ),
  /** Writes the user's library (with the open document's lines) to a workbook to hand on. */
  'library/exportXlsx': call(
    obj({ path: filePathEnding('.xlsx', '指标库的保存位置') }),
    returns<{ path: string; entries: number }>(),
  ),
  /** The user's view settings (zoom, sidebar, panel sizes; shared/view-settings.ts), in the data folder. */
  'view/get': call(none, returns<ViewSettings>()),
  /** Changes some of them; answers all of them as now stored. */
  'view/set': call(obj({ change: viewSettingsChange }), returns<ViewSettings>()),
} as const;

/**
 * Calls only the desktop shell answers: native dialogs and windows. Browser mode has none of
 * them (its client's `shell` is null). Validated in the main process like the document calls.
 */
/** The print view of every form of a large document is a few MB; far more is refused. */
const PRINT_HTML_MAX = 64 * 2 ** 20;

export const SHELL_CONTRACT = {
  /**
   * Opens a document (path null: asks with the open dialog first). It opens in this window if the
   * window has no document, otherwise in a new window; a document already open is brought forward.
   * readOnly and review are the start panel's 打开方式, as 'doc/open' takes them.
   */
  'window/openDocument': call(
    obj({ path: nullable(filePath('要打开的文件')), readOnly: optional(bool), review: optional(bool) }),
    returns<{ opened: boolean }>(),
  ),
  /**
   * The one file dialog (open, save as, import, export, compare, batch export; issue #19): the
   * paths chosen, none when cancelled (renderer/src/state/fileChooser.ts asks it).
   */
  'dialog/choose': call(chooseRequest, returns<string[]>()),
  /** Documents opened lately, newest first (for the start panel). */
  'shell/recentDocuments': call(none, returns<string[]>()),
  /** The answer to the 'commitEdits' command: open edits are committed, the window may close. */
  'window/editsCommitted': call(none, returns<null>()),
  /**
   * 导出 PDF (desktop): the save dialog, then the print view's HTML printed by Electron's
   * printToPDF to the chosen file; the path written, or null when cancelled.
   */
  'print/savePdf': call(
    obj({ html: str({ max: PRINT_HTML_MAX }), suggestedName: fileName }),
    returns<string | null>(),
  ),
} as const;

type ArgsOf<E> = E extends Call<infer A, unknown> ? A : never;
type ValueOf<E> = E extends Call<unknown, infer R> ? R : never;
/** A contract as the compiler sees each of its entries (what parseArgs indexes). */
type Entries<C> = { readonly [N in keyof C]: Call<ArgsOf<C[N]>, ValueOf<C[N]>> };

export type HandlerName = keyof typeof CONTRACT;
/** The arguments of a call, as sent and as the handler receives them once parsed. */
export type Args<N extends HandlerName> = ArgsOf<(typeof CONTRACT)[N]>;
export type Value<N extends HandlerName> = ValueOf<(typeof CONTRACT)[N]>;
/** What a client call resolves to: the handler's value or an expected failure. */
export type Invoke = <N extends HandlerName>(name: N, args: Args<N>) => Promise<CallResult<Value<N>>>;

export type ShellHandlerName = keyof typeof SHELL_CONTRACT;
export type ShellArgs<N extends ShellHandlerName> = ArgsOf<(typeof SHELL_CONTRACT)[N]>;
export type ShellValue<N extends ShellHandlerName> = ValueOf<(typeof SHELL_CONTRACT)[N]>;
export type ShellInvoke = <N extends ShellHandlerName>(
  name: N,
  args: ShellArgs<N>,
) => Promise<CallResult<ShellValue<N>>>;

/** The names these types had before the contract was a value (code written against them still fits). */
export type HandlerArgs<N extends HandlerName> = Args<N>;
export type HandlerValue<N extends HandlerName> = Value<N>;
export type ShellHandlerArgs<N extends ShellHandlerName> = ShellArgs<N>;
export type ShellHandlerValue<N extends ShellHandlerName> = ShellValue<N>;

const DOCUMENT_CALLS: Entries<typeof CONTRACT> = CONTRACT;
const SHELL_CALLS: Entries<typeof SHELL_CONTRACT> = SHELL_CONTRACT;

/** A name from outside (IPC, a URL) that is one of the contract's: own keys only, not `__proto__`. */
export const isHandlerName = (name: unknown): name is HandlerName =>
  typeof name === 'string' && Object.hasOwn(CONTRACT, name);
export const isShellHandlerName = (name: unknown): name is ShellHandlerName =>
  typeof name === 'string' && Object.hasOwn(SHELL_CONTRACT, name);

export const HANDLER_NAMES: readonly HandlerName[] = Object.keys(CONTRACT).filter(isHandlerName);
export const SHELL_HANDLER_NAMES: readonly ShellHandlerName[] =
  Object.keys(SHELL_CONTRACT).filter(isShellHandlerName);

/** The arguments of a call that came from outside, parsed: the typed value or what is wrong. */
export function parseArgs<N extends HandlerName>(name: N, raw: unknown): Parsed<Args<N>> {
  return DOCUMENT_CALLS[name].args(raw, '');
}

export function parseShellArgs<N extends ShellHandlerName>(name: N, raw: unknown): Parsed<ShellArgs<N>> {
  return SHELL_CALLS[name].args(raw, '');
}

/** Whether the call can be watched while it runs (see Call.progress). */
export function reportsProgress(name: HandlerName): boolean {
  return DOCUMENT_CALLS[name].progress;
}

/**
 * Menu commands the desktop shell sends to a window (main → renderer). Commands the main process
 * carries out itself (新建 and 打开 open windows, 关闭, 退出, zoom, full screen, 关于) are not here.
 * 'commitEdits' is not a menu item: the window is being closed, so the page commits what is still
 * being typed (a cell or text box) and calls the shell's 'window/editsCommitted'; without an
 * answer within a second the shell goes on closing (and asks "保存更改？" when edits are unsaved).
 */
export const MENU_COMMANDS = [
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
  'exportReport',
  'rollover',
  'importTargets',
  'importLibrary',
  'exportLibrary',
  'commitEdits',
] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const isMenuCommand = (v: unknown): v is MenuCommand => MENU_COMMANDS.some((c) => c === v);

/** What the Electron preload exposes as `window.ziping`: the contract and nothing else. */
export interface ZipingBridge {
  invoke: Invoke;
  shell: ShellInvoke;
  /** Calls the listener for each menu command; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
