/** Reading a document's change log and its saved versions (history and comparison). */
import type Database from 'better-sqlite3';
import type { SavedVersion } from '../../../shared/contract';
import type { LoggedChange } from '../../../shared/history/walk';
import { decodeChange } from './codec';

export interface ChangeLog {
  /** Oldest first. */
  changes: LoggedChange[];
  /** Newest first. */
  saves: SavedVersion[];
}

interface ChangeRow {
  seq: number;
  at: string;
  user: string;
  patch: Buffer;
  inverse: Buffer;
}

export interface ChangeLogScope {
  /**
   * Only that form's changes and the document's own (单位, 年度, 样式: they rename fields), through
   * the changes_form index; omitted: every change.
   */
  formId?: string;
  /** Only the saved versions (the changes are not decoded). */
  savesOnly?: boolean;
}

export function readChangeLog(db: Database.Database, scope: ChangeLogScope = {}): ChangeLog {
  const saves = db
    .prepare('SELECT seq, change_seq AS changeSeq, at, user, path FROM saves ORDER BY seq DESC')
    .all() as SavedVersion[];
  if (scope.savesOnly) return { changes: [], saves };
  const { formId } = scope;
  const changes: LoggedChange[] = [];
  const rows = (
    formId === undefined
      ? db.prepare('SELECT seq, at, user, patch, inverse FROM changes ORDER BY seq').iterate()
      : db
          .prepare(
            'SELECT seq, at, user, patch, inverse FROM changes WHERE form_id = ? OR form_id IS NULL ORDER BY seq',
          )
          .iterate(formId)
  ) as IterableIterator<ChangeRow>;
  for (const row of rows) {
    const patch = decodeChange(row.patch);
    const inverse = decodeChange(row.inverse);
    // Every logged change has both. One without them cannot be walked back over, so what is older
    // than it cannot be reached from the current document: the log starts after it.
    if (!patch || !inverse) {
      changes.length = 0;
      continue;
    }
    changes.push({ seq: row.seq, at: row.at, user: row.user, patch, inverse });
  }
  return { changes, saves };
}
