import type { IndicatorLibrary } from '../library/types';
/**
 * The values the contract's calls answer with (shared/contract.ts names which call gives which).
 * Types only: the renderer shows them, the service builds them.
 */
import type { DocumentComparison } from '../compare/compare';
import type { DocumentMeta, ZipingDocument } from '../model/types';
import type { ReviewItem } from '../review/types';
import type { FormRow, UnitRow } from '../units/unit-summary';
import type { FailedFile } from '../units/units-tables';

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
   * written); write: the one workbook is being zipped and written; scan: 'units/scan' reads the
   * units' files (`done` of `total` files).
   */
  stage: 'check' | 'form' | 'write' | 'scan';
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

/** What the window shows at start: the open document (if any) and work to recover. */
export interface AppState {
  document: OpenedDocument | null;
  recoverable: RecoverableDocument[];
}

/** A 自评报告 written: its file, the project forms in it and the 【请填写：…】 gaps left. */
export interface ReportSummary {
  path: string;
  projects: number;
  placeholders: number;
}

/** A document rolled over to the next year: the new file and what was carried, a line each. */
export interface RolloverSummary {
  path: string;
  year: number;
  lines: string[];
}

export interface LibraryState {
  library: IndicatorLibrary;
  /** Set when the library file could not be read and was set aside. */
  notice: string | null;
}

export interface LibraryImportSummary extends LibraryState {
  /** Indicators read from the workbook. */
  read: number;
  /** Rows not taken, with why. */
  skipped: string[];
}

/** 'units/scan': many units' files read for the overview (#22); the rows of shared/units. */
export interface UnitsOverview {
  units: UnitRow[];
  forms: FormRow[];
  failed: FailedFile[];
  /** Files read this time; the others came from the rescan cache, unchanged. */
  readsFromDisk: number;
}
