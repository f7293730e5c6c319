/**
 * 修改记录 of the current form, or of one cell: newest first, when, who, where, old → new, and
 * 恢复 per change. Restoring applies one ordinary patch (undoable, and logged like any edit); the
 * review entries (核查分数, 审核意见, 审核状态, 批注) are listed among them, and restoring an audit
 * or a status is one ordinary review step.
 */
import { useEffect, useState } from 'react';
import { localTime } from '../../../shared/format/time';
import { cellPlace, formatCellValue, type CellRef } from '../../../shared/history/cells';
import { restorePatch, type HistoryEntry } from '../../../shared/history/entries';
import { reviewRestoreChanges } from '../../../shared/history/review-entries';
import type { Form } from '../../../shared/model/types';
import { invoke } from '../api/client';
import type { DocumentStore } from '../state/documentStore';
import { restoreReview } from '../state/reviewActions';

interface Props {
  store: DocumentStore;
  form: Form;
  /** Only this cell's changes; null: the whole form's. */
  cell: CellRef | null;
  onShowForm: () => void;
  onClose: () => void;
}

/** A long history shows its newest changes; the rest is in the file (and in a comparison). */
const SHOWN = 300;

type Listing = { entries: HistoryEntry[]; complete: boolean } | { error: string } | null;

export function HistoryPanel({ store, form, cell, onShowForm, onClose }: Props) {
  const [listing, setListing] = useState<Listing>(null);
  const version = store.version;

  useEffect(() => {
    let stale = false;
    void (async () => {
      // The list is the server's log: queued edits must reach it first. (Text still being typed
      // is left alone; it is listed once committed.)
      await store.flush();
      const r = await invoke('history/list', cell ? { cell } : { formId: form.id });
      if (stale) return;
      setListing(r.ok ? r.value : { error: r.error.message });
    })();
    return () => {
      stale = true;
    };
  }, [store, form.id, cell, version]);

  const restored = (entry: HistoryEntry) =>
    store.setMessage(`已将“${entry.what}”恢复为 ${formatCellValue(entry.old, entry.cell)}（可撤销）`);
  const restore = (entry: HistoryEntry) => {
    if (entry.reviewRestore) {
      // Review data may be written in every mode (read-only and review sessions included).
      if (restoreReview(store, entry.reviewRestore)) restored(entry);
      return;
    }
    const patch = restorePatch(entry, store.doc);
    if (!patch) return;
    if (store.apply([patch])) restored(entry);
  };

  const title = cell
    ? (() => {
        const { place, item } = cellPlace(store.doc, cell);
        return `${place} · ${item}`;
      })()
    : form.projectName || '（未命名）';

  return (
    <section className="history-panel" aria-label="修改记录" data-testid="history-panel">
      <div className="checks-head">
        <strong>修改记录</strong>
        <span className="checks-summary" data-testid="history-title">
          {title}
        </span>
        <span className="toolbar-spacer" />
        {cell && (
          <button type="button" className="link-button" onClick={onShowForm} data-testid="history-whole-form">
            显示整张表
          </button>
        )}
        <button type="button" className="link-button" onClick={onClose} data-testid="history-close">
          关闭
        </button>
      </div>
      {listing === null && <div className="history-note">正在读取修改记录…</div>}
      {listing && 'error' in listing && <div className="history-note status-error">{listing.error}</div>}
      {listing && 'entries' in listing && (
        <ol className="history-list" data-testid="history-list">
          {listing.entries.length === 0 && <li className="history-note">还没有修改记录</li>}
          {listing.entries.slice(0, SHOWN).map((e) => {
            const review = e.reviewRestore;
            const can = review
              ? reviewRestoreChanges(review, store.review.items)
              : !!restorePatch(e, store.doc);
            const restorable = e.kind === 'set' || review !== null;
            const why = !restorable
              ? ''
              : e.kind === 'set' && !e.cell
                ? '该单元格已不存在'
                : !can
                  ? '当前已是这个值'
                  : `恢复为 ${formatCellValue(e.old, e.cell)}`;
            return (
              <li
                key={e.key}
                className="history-entry"
                data-testid="history-entry"
                data-seq={e.seq}
                data-kind={e.kind}
              >
                <span className="history-when">{localTime(e.at)}</span>
                <span className="history-who">{e.user}</span>
                <span className="history-what">
                  {e.place}
                  {e.place && ' · '}
                  {e.what}
                </span>
                {e.kind !== 'structure' ? (
                  <span className="history-values">
                    <span className="history-old" data-testid="history-old">
                      {formatCellValue(e.old, e.cellThen)}
                    </span>
                    {' → '}
                    <span className="history-new" data-testid="history-new">
                      {formatCellValue(e.new, e.cellThen)}
                    </span>
                  </span>
                ) : (
                  <span className="history-values" />
                )}
                {restorable && (
                  <button
                    type="button"
                    disabled={!can || (!review && store.readOnly)}
                    title={why}
                    onClick={() => restore(e)}
                    data-testid={review ? 'history-restore-review' : `history-restore-${e.seq}`}
                  >
                    恢复
                  </button>
                )}
              </li>
            );
          })}
          {listing.entries.length > SHOWN && (
            <li className="history-note">
              仅显示最近 {SHOWN} 条，共 {listing.entries.length} 条。
            </li>
          )}
          {!listing.complete && (
            <li className="history-note">
              更早的修改记录与文档内容对不上（文件可能被其他程序改过），未列出。
            </li>
          )}
        </ol>
      )}
    </section>
  );
}
