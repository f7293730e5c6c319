/**
 * 批注与审核: the current form's 审核状态, its reviewed total beside the self-evaluated one, and
 * the comment threads (of the form, the document, or all), where comments are written, answered
 * and resolved. Works in every mode: review data never touches the author's inputs.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { FindingLocation } from '../../../shared/checks/types';
import { fmt2 } from '../../../shared/format/numbers';
import type { Form } from '../../../shared/model/types';
import { reviewedTotal } from '../../../shared/review/reviewed-total';
import { REVIEW_STATUSES, type ReviewStatus } from '../../../shared/review/types';
import { findingPlace } from '../layout/fieldNames';
import type { DocumentStore } from '../state/documentStore';
import { addComment, anchorLocation, setResolved, setStatus } from '../state/reviewActions';
import type { Thread } from '../state/reviewState';
import { useEditor } from './EditorContext';
import { GradeBadge } from './GradeBadge';

interface Props {
  store: DocumentStore;
  form: Form;
  onPick: (location: FindingLocation) => void;
}

type Scope = 'form' | 'document' | 'all';

export function timeText(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('zh-CN', { hour12: false });
}

export function ReviewPanel({ store, form, onPick }: Props) {
  const { reviewUi } = useEditor();
  const ui = useSyncExternalStore(reviewUi.subscribe, reviewUi.get);
  const [scope, setScope] = useState<Scope>('form');
  const [showResolved, setShowResolved] = useState(false);
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLTextAreaElement | null>(null);

  // A comment asked for from a cell: write it for this form, with the cursor in the box.
  useEffect(() => {
    if (ui.asked === 0) return;
    setScope('form');
    input.current?.focus();
  }, [ui.asked]);

  if (!ui.panelOpen) return null;
  const target =
    ui.target && ui.target.formId === form.id
      ? ui.target
      : scope === 'document'
        ? { formId: null, anchor: {}, label: '整个文档' }
        : { formId: form.id, anchor: {}, label: '本表' };
  const threads: Thread[] =
    scope === 'form'
      ? store.review.threads(form.id)
      : scope === 'document'
        ? store.review.threads(null)
        : store.review.allThreads(store.doc.forms.map((f) => f.id));
  const shown = showResolved ? threads : threads.filter((t) => !t.root.resolved);
  const open = threads.filter((t) => !t.root.resolved).length;

  const submit = () => {
    const text = draft.trim();
    if (text === '') {
      store.setMessage('批注内容为空：请先填写批注', 'error');
      return;
    }
    addComment(store, target.formId, target.anchor, text);
    setDraft('');
    reviewUi.set({ target: null });
  };

  return (
    <aside className="review-panel" aria-label="批注与审核" data-testid="review-panel">
      <div className="review-head">
        <strong>批注与审核</strong>
        {store.status.reviewing && <span className="review-mode-tag">审核模式</span>}
        <span className="toolbar-spacer" />
        <button
          type="button"
          className="link-button"
          onClick={() => reviewUi.set({ panelOpen: false })}
          data-testid="review-panel-close"
        >
          关闭
        </button>
      </div>
      {store.status.reviewing && (
        <p className="review-mode-note" role="status" data-testid="review-mode-note">
          {store.status.readOnlyNotice ?? '审核模式：作者填写的内容不能修改'}
        </p>
      )}
      <StatusBox store={store} form={form} />
      <ReviewedTotals store={store} form={form} />
      <section className="review-section">
        <div className="review-section-head">
          <h3>批注</h3>
          <span className="review-count" data-testid="comment-count">
            {open} 条未解决
          </span>
          <span className="toolbar-spacer" />
          <div className="segmented" role="group" aria-label="批注范围">
            {(
              [
                ['form', '本表'],
                ['document', '文档'],
                ['all', '全部'],
              ] as const
            ).map(([id, label]) => (
              <button
                key={id}
                type="button"
                aria-pressed={scope === id}
                onClick={() => setScope(id)}
                data-testid={`comment-scope-${id}`}
              >
                {label}
              </button>
            ))}
          </div>
        </div>
        <div className="comment-composer">
          <div className="comment-target" data-testid="comment-target">
            批注位置：{target.label}
            {ui.target && (
              <button type="button" className="link-button" onClick={() => reviewUi.set({ target: null })}>
                改为本表
              </button>
            )}
          </div>
          <textarea
            ref={input}
            value={draft}
            rows={3}
            placeholder="填写批注，Ctrl+Enter 添加"
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                submit();
              }
            }}
            data-testid="comment-input"
          />
          <button type="button" onClick={submit} data-testid="comment-add">
            添加批注
          </button>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} />
          显示已解决的批注
        </label>
        <ol className="thread-list">
          {shown.length === 0 && <li className="review-empty">没有批注</li>}
          {shown.map((t) => (
            <ThreadView key={t.root.id} store={store} thread={t} showForm={scope === 'all'} onPick={onPick} />
          ))}
        </ol>
      </section>
    </aside>
  );
}

function StatusBox({ store, form }: { store: DocumentStore; form: Form }) {
  const current = store.review.status(form.id);
  const [reason, setReason] = useState(current?.reason ?? '');
  useEffect(() => setReason(current?.reason ?? ''), [current?.reason, form.id]);
  const commitReason = () => {
    if (current && reason !== current.reason) setStatus(store, form.id, current.status, reason);
  };
  return (
    <section className="review-section review-status">
      <label>
        审核状态
        <select
          value={current?.status ?? ''}
          onChange={(e) => {
            const value = e.target.value as ReviewStatus | '';
            setStatus(store, form.id, value === '' ? null : value, value === '退回修改' ? reason : '');
          }}
          data-testid="review-status"
        >
          <option value="">（未设置）</option>
          {REVIEW_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      {current?.status === '退回修改' && (
        <label>
          退回原因
          <input
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            onBlur={commitReason}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commitReason();
            }}
            placeholder="请写明需要修改的内容"
            data-testid="review-reason"
          />
        </label>
      )}
      {current && (
        <div className="review-meta">
          {current.by} · {timeText(current.updatedAt)}
        </div>
      )}
    </section>
  );
}

function ReviewedTotals({ store, form }: { store: DocumentStore; form: Form }) {
  const result = store.result(form.id);
  const reviewed = reviewedTotal(result, store.review.items, store.layout.policy);
  return (
    <section className="review-section review-totals" data-testid="review-totals">
      <div>
        自评 <strong>{fmt2(result.total)}</strong> <GradeBadge grade={result.grade} />
      </div>
      {reviewed ? (
        <>
          <div>
            核查 <strong data-testid="reviewed-total">{fmt2(reviewed.total)}</strong>{' '}
            <GradeBadge grade={reviewed.grade} testId="reviewed-grade" />
          </div>
          <div className={reviewed.difference < 0 ? 'diff-down' : reviewed.difference > 0 ? 'diff-up' : ''}>
            差额{' '}
            <strong data-testid="reviewed-diff">{`${reviewed.difference > 0 ? '+' : ''}${fmt2(reviewed.difference)}`}</strong>
            <span className="review-meta">（{reviewed.audited} 项核查）</span>
          </div>
        </>
      ) : (
        <div className="review-meta">尚未填写核查分数（在资金表或指标表的“核查分数”列填写）</div>
      )}
    </section>
  );
}

function ThreadView({
  store,
  thread,
  showForm,
  onPick,
}: {
  store: DocumentStore;
  thread: Thread;
  showForm: boolean;
  onPick: (location: FindingLocation) => void;
}) {
  const [reply, setReply] = useState('');
  const { root } = thread;
  const form = root.formId === null ? undefined : store.form(root.formId);
  const location = anchorLocation(store, root.formId, root.anchor);
  const place =
    root.formId === null
      ? '整个文档'
      : !form
        ? '（表已删除）'
        : location && (root.anchor.section || root.anchor.indicatorId)
          ? findingPlace(location, form, store.layout)
          : '本表';
  const send = () => {
    const text = reply.trim();
    if (text === '') return;
    addComment(store, root.formId, root.anchor, text, root.id);
    setReply('');
  };
  return (
    <li className={`thread${root.resolved ? ' resolved' : ''}`} data-testid="comment-thread">
      <button
        type="button"
        className="thread-place link-button"
        disabled={!location}
        onClick={() => location && onPick(location)}
        data-testid="comment-place"
      >
        {showForm && form ? `${form.projectName || '（未命名）'} · ` : ''}
        {place}
      </button>
      {[root, ...thread.replies].map((c) => (
        <div key={c.id} className="comment">
          <div className="comment-text" data-testid="comment-text">
            {c.text}
          </div>
          <div className="review-meta">
            {c.author} · {timeText(c.createdAt)}
          </div>
        </div>
      ))}
      {root.resolved && (
        <div className="review-meta" data-testid="comment-resolved">
          已由 {root.resolvedBy || '（未知）'} 标为已解决
        </div>
      )}
      <div className="thread-actions">
        <input
          value={reply}
          onChange={(e) => setReply(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') send();
          }}
          placeholder="回复…"
          data-testid="comment-reply"
        />
        <button type="button" onClick={send} disabled={reply.trim() === ''} data-testid="comment-reply-send">
          回复
        </button>
        <button
          type="button"
          onClick={() => setResolved(store, root, !root.resolved)}
          data-testid="comment-resolve"
        >
          {root.resolved ? '重新打开' : '标为已解决'}
        </button>
      </div>
    </li>
  );
}
