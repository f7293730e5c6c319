/**
 * The author's notice on opening a document with new review data: the counts, and a list to work
 * through (a click shows the cell or form); 知道了 moves the per-document “seen” marker.
 */
import { useEffect, useState } from 'react';
import type { FindingLocation } from '../../../shared/checks/types';
import { invoke } from '../api/client';
import type { DocumentStore } from '../state/documentStore';
import { newsHeadline, reviewNews, type ReviewNews } from '../state/reviewNews';

interface Props {
  store: DocumentStore;
  onPick: (location: FindingLocation) => void;
}

export function ReviewNewsPanel({ store, onPick }: Props) {
  const [news, setNews] = useState<ReviewNews | null>(null);
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());

  // Once per opened document, in the author's mode (a reviewer writes the review data).
  useEffect(() => {
    if (store.status.reviewing || store.status.path === null) return;
    let stale = false;
    void invoke('review/seen', {}).then((r) => {
      if (!stale && r.ok) setNews(reviewNews(store, r.value));
    });
    return () => {
      stale = true;
    };
  }, [store]);

  if (!news) return null;
  const close = () => {
    void invoke('review/markSeen', { at: news.latest });
    setNews(null);
  };
  const formName = (formId: string | null) =>
    formId === null ? '整个文档' : (store.form(formId)?.projectName ?? '（表已删除）') || '（未命名）';
  return (
    <section className="review-news" role="status" aria-label="收到的审核意见" data-testid="review-news">
      <div className="review-news-head">
        <strong data-testid="review-news-headline">{newsHeadline(news)}</strong>
        <button type="button" onClick={close} data-testid="review-news-close">
          知道了
        </button>
      </div>
      <ol className="review-news-list">
        {news.items.map((n) => (
          <li key={n.id} className={done.has(n.id) ? 'done' : undefined}>
            <button
              type="button"
              className="link-button"
              disabled={!n.location}
              onClick={() => {
                if (!n.location) return;
                onPick(n.location);
                setDone((d) => new Set(d).add(n.id));
              }}
              data-testid="review-news-item"
            >
              <span className="review-news-form">{formName(n.formId)}</span> {n.text}
              <span className="review-meta"> · {n.by}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
