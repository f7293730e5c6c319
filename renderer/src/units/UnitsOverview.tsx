/**
 * 打开文件夹（多个单位） (#22): every unit's file under the folders in one table (sortable,
 * filterable, 合计 pinned under it), the files not read with their reason, and the 汇总 view's
 * charts over all the units' forms. The folders are scanned by the document service as a job
 * (progress with 取消, the export's dialog); 重新读取 reads only files whose size or time changed.
 * A double-click opens that unit's document in reviewer mode; 导出 Excel… (where: the file chooser)
 * writes 单位 and 表格.
 */
import { AgGridReact } from 'ag-grid-react';
import type { GetRowIdParams, RowDoubleClickedEvent } from 'ag-grid-community';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { CallResult, OpenedDocument, UnitsOverview as Overview } from '../../../shared/contract';
import { summaryCharts } from '../../../shared/summary/charts';
import { overviewSummary, overviewTotals, type OverviewRow } from '../../../shared/units/units-overview';
import { invoke } from '../api/client';
import { formGridTheme, localeText } from '../grid/setup';
import { ExportWatch } from '../state/exportWatch';
import { joinPath } from '../state/chooserPaths';
import { fileChooser } from '../state/fileChooser';
import { ExportProgressDialog } from '../views/ExportProgressDialog';
import { UNIT_COLUMNS } from './unitsGrid';

const SummaryCharts = lazy(() => import('../summary/SummaryCharts'));

interface Props {
  paths: string[];
  onOpened: (r: CallResult<OpenedDocument>) => boolean;
  onClose: () => void;
}

const getRowId = ({ data }: GetRowIdParams<OverviewRow>) => data.file || '合计';

export function UnitsOverview({ paths, onOpened, onClose }: Props) {
  const watch = useMemo(() => new ExportWatch(), []);
  const [overview, setOverview] = useState<Overview | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const scan = useCallback(async () => {
    setMessage(null);
    const r = await watch.run((jobId) => invoke('units/scan', { paths, jobId }));
    if (!r.ok) {
      setMessage(r.error.message);
      return;
    }
    setOverview(r.value);
    setMessage(
      `已读取 ${r.value.units.length} 个单位；本次读入 ${r.value.readsFromDisk} 个新的或有改动的文件，其余未改动`,
    );
  }, [paths, watch]);

  useEffect(() => {
    void scan();
  }, [scan]);

  const pinned = useMemo(() => (overview ? [overviewTotals(overview.units)] : []), [overview]);
  const charts = useMemo(() => (overview ? summaryCharts(overviewSummary(overview.forms)) : []), [overview]);

  const open = async (e: RowDoubleClickedEvent<OverviewRow>) => {
    const file = e.data?.file;
    if (!file) return;
    if (!/\.ziping$/i.test(file)) {
      setMessage(`${file} 是 Excel 工作簿，不能以审核方式打开：请在编辑器中新建文档后导入它`);
      return;
    }
    onOpened(await invoke('doc/open', { path: file, review: true }));
  };

  // Batch export: where, asked in the file chooser (beside the first folder read).
  const exportXlsx = async () => {
    const path = await fileChooser.choose({
      mode: 'save',
      title: '导出各单位总览（Excel）',
      kinds: ['.xlsx'],
      ...(paths[0] ? { suggested: joinPath(paths[0], '各单位总览.xlsx') } : {}),
      confirm: '导出',
    });
    if (path === null) return;
    const r = await invoke('units/exportXlsx', { paths, path });
    setMessage(
      r.ok ? `已导出 ${r.value.units} 个单位、${r.value.forms} 张表到 ${r.value.path}` : r.error.message,
    );
  };

  return (
    <section className="units-overview summary-view" aria-label="多个单位" data-testid="units-overview">
      <header className="summary-head">
        <h2>多个单位：{paths.join('、')}</h2>
        <div className="units-actions">
          <button type="button" onClick={() => void scan()} data-testid="units-rescan">
            重新读取
          </button>
          <button type="button" onClick={() => void exportXlsx()} data-testid="units-export">
            导出 Excel…
          </button>
          <button type="button" onClick={onClose} data-testid="units-close">
            关闭
          </button>
        </div>
        {message && (
          <p className="summary-facts" role="status" data-testid="units-message">
            {message}
          </p>
        )}
      </header>
      {overview && (
        <>
          <div className="summary-grid" data-testid="units-grid">
            <AgGridReact<OverviewRow>
              theme={formGridTheme}
              localeText={localeText}
              columnDefs={UNIT_COLUMNS}
              defaultColDef={{ sortable: true, resizable: true, floatingFilter: true }}
              rowData={overview.units}
              pinnedBottomRowData={pinned}
              getRowId={getRowId}
              onRowDoubleClicked={(e) => void open(e)}
              rowClass="summary-row"
              tooltipShowDelay={300}
              overlayNoRowsTemplate="没有读入任何单位"
            />
          </div>
          {overview.failed.length > 0 && (
            <details className="units-failed" open data-testid="units-failed">
              <summary>未读入 {overview.failed.length} 个文件</summary>
              <ul>
                {overview.failed.map((f) => (
                  <li key={f.file}>
                    <span className="units-failed-file">{f.file}</span>：{f.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <Suspense fallback={<p className="summary-loading">正在绘制图表…</p>}>
            <SummaryCharts charts={charts} />
          </Suspense>
        </>
      )}
      <ExportProgressDialog watch={watch} />
    </section>
  );
}
