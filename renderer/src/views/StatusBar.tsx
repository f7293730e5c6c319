/** One line at the bottom: the last message (errors in red), then what is open, then `extra` (the zoom). */
import type { ReactNode } from 'react';
import type { DocumentStore } from '../state/documentStore';
import { UserBadge } from './UserBadge';

export function StatusBar({ store, extra }: { store: DocumentStore; extra?: ReactNode }) {
  const m = store.message;
  const text =
    m?.text ?? (store.pending > 0 ? '正在写入修改…' : store.status.dirty ? '有未保存的修改' : '就绪');
  return (
    <footer className="status-bar">
      <span
        className={`status-text${m?.level === 'error' ? ' status-error' : ''}`}
        role={m?.level === 'error' ? 'alert' : 'status'}
        data-testid="status"
      >
        {text}
      </span>
      <UserBadge store={store} />
      <span className="status-info">
        {store.doc.meta.unit} · {store.doc.meta.year} 年度 · {store.layout.name} · 共 {store.doc.forms.length}{' '}
        张表
      </span>
      {extra}
    </footer>
  );
}
