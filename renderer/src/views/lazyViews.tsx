/**
 * Views that a session opens seldom or never (汇总 with its charts and filters, 修改记录, 比较,
 * 文档工具, the start panel when a document is open, the many-units overview) are chunks of their own, loaded on first use:
 * the window shows the first form without their JavaScript (#23). Each shows a quiet line while
 * its chunk arrives (a few milliseconds from disk).
 */
import { lazy, Suspense, type ComponentType, type JSX } from 'react';

function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): (props: P) => JSX.Element {
  const Loaded = lazy(async () => ({ default: await load() }));
  return function LazyView(props: P) {
    return (
      <Suspense
        fallback={
          <p className="view-loading" role="status">
            正在载入…
          </p>
        }
      >
        <Loaded {...props} />
      </Suspense>
    );
  };
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
