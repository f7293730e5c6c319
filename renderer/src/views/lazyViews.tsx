/**
 * Views that a session opens seldom or never (汇总 with its charts and filters, 修改记录, 比较,
 * 文档工具, the start panel when a document is open, the many-units overview) are chunks of their own, loaded on first use:
 * the window shows the first form without their JavaScript (#23). Each shows a quiet line while
 * its chunk arrives (a few milliseconds from disk).
 */
import { Component, lazy, Suspense, type ComponentType, type JSX, type ReactNode } from 'react';

interface LazyViewText<P> {
  /** What the view's place says (or shows, given the view's props) while its chunk arrives. */
  loading?: string | ComponentType<P>;
  /** What it says if the chunk cannot be loaded; without it the error goes up the tree. */
  failed?: string;
}

/** A view from a chunk of its own, with a quiet line (or a stand-in) while the chunk arrives. */
export function lazyView<P extends object>(
  load: () => Promise<ComponentType<P>>,
  { loading = '正在载入…', failed }: LazyViewText<P> = {},
): (props: P) => JSX.Element {
  const Loaded = lazy(async () => ({ default: await load() }));
  const Loading =
    typeof loading === 'string'
      ? () => (
          <p className="view-loading" role="status">
            {loading}
          </p>
        )
      : loading;
  return function LazyView(props: P) {
    const view = (
      <Suspense fallback={<Loading {...props} />}>
        <Loaded {...props} />
      </Suspense>
    );
    return failed === undefined ? view : <LoadFailure text={failed}>{view}</LoadFailure>;
  };
}

/** Says `text` in the view's place when its chunk failed to load; the rest of the window stays. */
class LoadFailure extends Component<{ text: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <p className="view-loading" role="alert" data-testid="view-load-failed">
        {this.props.text}
      </p>
    );
  }
}

export const SummaryView = lazyView(async () => {
  // The 汇总 table's filters and pinned row are registered with it.
  await import('../grid/summaryModules');
  return (await import('../summary/SummaryView')).SummaryView;
});
/** 打开文件夹（多个单位）: the 汇总's table and charts over many units' forms. */
export const UnitsOverview = lazyView(async () => {
  await import('../grid/summaryModules');
  return (await import('../units/UnitsOverview')).UnitsOverview;
});
export const HistoryPanel = lazyView(async () => (await import('./HistoryPanel')).HistoryPanel);
export const CompareView = lazyView(async () => (await import('./CompareView')).CompareView);
export const StartPanel = lazyView(async () => (await import('./StartPanel')).StartPanel);
export const DocumentToolsPopover = lazyView(
  async () => (await import('./DocumentToolsPopover')).DocumentToolsPopover,
);
