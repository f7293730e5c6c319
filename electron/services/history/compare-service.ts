/**
 * History and comparison for the open document: its change log in words, its saved versions
 * rebuilt from the log, and other .ziping files read without being written.
 */
import path from 'node:path';
import type { CallResult, CompareAgainst, CompareResult, SavedVersion } from '../../../shared/contract';
import { compareDocuments } from '../../../shared/compare/compare';
import {
  filterHistory,
  historyEntries,
  type HistoryFilter,
  type HistoryListing,
} from '../../../shared/history/entries';
import { mergeByTime, reviewEntries } from '../../../shared/history/review-entries';
import { documentAt } from '../../../shared/history/walk';
import type { ZipingDocument } from '../../../shared/model/types';
import { PatchError } from '../../../shared/model/patch';
import { localTime } from '../../../shared/format/time';
import type { DocumentSession } from '../document-store';
import { readDocumentSnapshot } from '../document-store/snapshot';

export function listHistory(session: DocumentSession, filter: HistoryFilter): CallResult<HistoryListing> {
  const formId = filter.cell ? (filter.cell.section === 'meta' ? '' : filter.cell.formId) : filter.formId;
  const log = session.readChangeLog(formId === undefined ? {} : { formId });
  if (!log.ok) return log;
  const { entries, complete } = historyEntries(session.document, log.value.changes, formId);
  // Review data is not in the log: each item carries its own history (review-entries.ts).
  const review = reviewEntries(session.document, session.review.values(), formId || undefined);
  return { ok: true, value: { entries: filterHistory(mergeByTime(entries, review), filter), complete } };
}

export function savedVersions(session: DocumentSession): CallResult<SavedVersion[]> {
  const log = session.readChangeLog({ savesOnly: true });
  return log.ok ? { ok: true, value: log.value.saves } : log;
}

/** The document to compare with (原值) and how it is named. */
function olderDocument(
  session: DocumentSession,
  against: CompareAgainst,
  dataDir: string,
): CallResult<{ doc: ZipingDocument; name: string }> {
  if (against.kind === 'file') {
    const read = readDocumentSnapshot(against.path, { dataDir });
    if (!read.ok) return { ok: false, error: { code: read.error.code, message: read.error.message } };
    return { ok: true, value: { doc: read.value, name: `文件“${path.basename(against.path)}”` } };
  }
  const log = session.readChangeLog();
  if (!log.ok) return log;
  const save = log.value.saves.find((s) => s.seq === against.saveSeq);
  if (!save)
    return {
      ok: false,
      error: { code: 'no-version', message: '找不到这个保存的版本：请从“已保存的版本”列表中重新选择' },
    };
  const oldest = log.value.changes[0]?.seq ?? 0;
  if (save.changeSeq < oldest - 1)
    return {
      ok: false,
      error: {
        code: 'no-version',
        message: '这个版本早于文档的修改记录，无法还原：请改为与该版本的文件比较',
      },
    };
  let doc: ZipingDocument;
  try {
    doc = documentAt(session.document, log.value.changes, save.changeSeq);
  } catch (e) {
    if (!(e instanceof PatchError)) throw e;
    return {
      ok: false,
      error: {
        code: 'history-mismatch',
        message:
          '修改记录与文档内容对不上（文件可能被其他程序改过），无法还原这个版本：请改为与该版本的文件比较',
      },
    };
  }
  return { ok: true, value: { doc, name: `${localTime(save.at)} 保存的版本` } };
}

export function compareOpenDocument(
  session: DocumentSession,
  against: CompareAgainst,
  dataDir: string,
): CallResult<CompareResult> {
  const older = olderDocument(session, against, dataDir);
  if (!older.ok) return older;
  return {
    ok: true,
    value: {
      before: older.value.name,
      after: '当前文档',
      comparison: compareDocuments(older.value.doc, session.document),
    },
  };
}
