/**
 * 汇总: every form of the document in one table (sortable, filterable, 合计 pinned under it; a
 * row opens its form) and four charts. The numbers are the forms' own: the store's cached results
 * through shared/summary, the same rows the Excel export and the report use.
 */
import { AgGridReact } from 'ag-grid-react';
import type { GetRowIdParams, RowClickedEvent } from 'ag-grid-community';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { summaryCharts } from '../../../shared/summary/charts';
import { buildSummary, type SummaryTotals } from '../../../shared/summary/summary';
import { GRADES } from '../../../shared/model/types';
import { fmt2, fmtAmount, fmtPct } from '../../../shared/format/numbers';
import { formGridTheme, localeText } from '../grid/setup';
import type { DocumentStore } from '../state/documentStore';
import { gridRows, SUMMARY_COLUMNS, totalsRow, type SummaryGridRow } from './summaryGrid';

const amount = (x: number | null) => (x === null ? '—' : `${fmtAmount(x)} 万元`);
const score = (x: number | null) => (x === null ? '—' : fmt2(x));

/** The totals in one sentence above the table (the pinned row's name cell is narrow). */
function factsLine(t: SummaryTotals): string {
  const grades = GRADES.map((g) => `${g} ${t.gradeCounts[g]}`).join('、');
  return (
    `共 ${t.forms} 张表（${grades}）；全年预算数 ${amount(t.budget)}，执行数 ${amount(t.executed)}，` +
    `执行率 ${t.rate === null ? '—' : fmtPct(t.rate)}；平均得分 ${score(t.averageScore)}，` +
    `按预算加权 ${score(t.weightedScore)}。点击一行打开该表。`
  );
}

const SummaryCharts = lazy(() => import('./SummaryCharts'));

/** Runs `then` after the frame that is being prepared has been painted; returns a cancel. */
function afterNextPaint(then: () => void): () => void {
  let timer = 0;
  const frame = requestAnimationFrame(() => {
    timer = window.setTimeout(then, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

interface Props {
  store: DocumentStore;
  onOpen: (formId: string) => void;
}

const getRowId = ({ data }: GetRowIdParams<SummaryGridRow>) => data.formId ?? '合计';

export function SummaryView({ store, onOpen }: Props) {
  // Built again when a form or the review data changes (a few ms for 1,000 forms).
  const key = useSyncExternalStore(store.subscribe, () => `${store.getVersion()}:${store.review.version}`);
  const summary = useMemo(
    () => buildSummary(store.doc.forms, (f) => store.result(f.id), store.layout, store.review.items),
    [store, key],
  );
  const rows = useMemo(() => gridRows(summary), [summary]);
  const pinned = useMemo(() => [totalsRow(summary.totals)], [summary]);
  const charts = useMemo(() => summaryCharts(summary), [summary]);

  // The charts once the table's first rows are painted: AG Grid draws its rows a few frames after
  // it mounts on a busy machine, and charts started on a fixed frame count (two) came in before
  // them, so the table waited for four charts. An empty document has no rows to wait for.
  const [chartsDue, setChartsDue] = useState(false);
  const chartsAfterPaint = useCallback(() => afterNextPaint(() => setChartsDue(true)), []);
  useEffect(() => {
    if (rows.length === 0) return chartsAfterPaint();
  }, [rows.length, chartsAfterPaint]);

  const onRowClicked = (e: RowClickedEvent<SummaryGridRow>) => {
    const id = e.data?.formId;
    if (id) onOpen(id);
  };

  return (
    <section className="summary-view" aria-label="汇总" data-testid="summary-view">
      <header className="summary-head">
        <h2>
          {store.doc.meta.year}年度 {store.doc.meta.unit} 绩效自评汇总
        </h2>
        <p className="summary-facts" data-testid="summary-facts">
          {factsLine(summary.totals)}
        </p>
      </header>
      <div className="summary-grid" data-testid="summary-grid">
        <AgGridReact<SummaryGridRow>
          theme={formGridTheme}
          localeText={localeText}
          columnDefs={SUMMARY_COLUMNS}
          defaultColDef={{ sortable: true, resizable: true, floatingFilter: true }}
          rowData={rows}
          pinnedBottomRowData={pinned}
          getRowId={getRowId}
          onRowClicked={onRowClicked}
          onFirstDataRendered={chartsAfterPaint}
          rowClass="summary-row"
          tooltipShowDelay={300}
          overlayNoRowsTemplate="文档中还没有表格"
        />
      </div>
      {chartsDue ? (
        <Suspense fallback={<p className="summary-loading">正在绘制图表…</p>}>
          <SummaryCharts charts={charts} />
        </Suspense>
      ) : (
        <p className="summary-loading">正在绘制图表…</p>
      )}
    </section>
  );
}
