/** File name, 未保存 mark, 保存 (Ctrl+S), 另存为 and 关闭. */
import { useRef, useState, useSyncExternalStore } from 'react';
import { invoke } from '../api/client';
import { saveToChosenPlace } from '../state/fileNames';
import { LayoutSelect } from './LayoutSelect';
import { runFileAction } from './fileActions';
import { ExportPopover } from './ExportPopover';
import type { Exchange } from './useExchange';
import { DocumentToolsPopover } from './lazyViews';
import type { DocumentTools } from './useDocumentTools';
import type { DocumentStore } from '../state/documentStore';
import { useEditor } from './EditorContext';
import { useModalFocus } from './useModalFocus';

interface Props {
  store: DocumentStore;
  onSave: () => Promise<boolean>;
  onUndo: () => Promise<void>;
  onRedo: () => Promise<void>;
  onClosed: () => void;
  currentFormId: string | null;
  exchange: Exchange;
  tools: DocumentTools;
  /** Which popover the desktop-less menu (or the toolbar) opened. */
  popover: ToolbarPopover;
  setPopover: (p: ToolbarPopover) => void;
  /** 修改记录 of the current form (shown or hidden) and 比较…. */
  onHistory: () => void;
  onCompare: () => void;
}

export type ToolbarPopover = 'none' | 'export' | 'tools';

function fileName(path: string | null): string {
  if (path === null) return '新文档（未保存）';
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

export function Toolbar({
  store,
  onSave,
  onUndo,
  onRedo,
  onClosed,
  currentFormId,
  exchange,
  tools,
  popover,
  setPopover,
  onHistory,
  onCompare,
}: Props) {
  const { pendingEdits, reviewUi } = useEditor();
  const review = useSyncExternalStore(reviewUi.subscribe, reviewUi.get);
  const toggle = (p: ToolbarPopover) => setPopover(popover === p ? 'none' : p);
  const [confirmClose, setConfirmClose] = useState(false);
  const { status } = store;
  // Every popover takes the focus and closes with Esc.
  const popovers = useRef<HTMLDivElement | null>(null);
  const openPopover = confirmClose ? 'confirmClose' : popover === 'none' ? null : popover;
  useModalFocus(
    popovers,
    () => {
      setConfirmClose(false);
      setPopover('none');
    },
    openPopover,
  );

  const close = async (discard: boolean) => {
    await pendingEdits.commitAll();
    await store.flush();
    if (store.status.dirty && !discard) {
      setConfirmClose(true);
      return;
    }
    const r = await invoke('doc/close', { discard });
    if (!r.ok) {
      store.setMessage(r.error.message, 'error');
      return;
    }
    onClosed();
  };

  return (
    <header className="toolbar">
      <span className="doc-title" title={status.path ?? undefined} data-testid="doc-title">
        {fileName(status.path)}
      </span>
      {status.dirty && (
        <span className="dirty-mark" data-testid="dirty">
          未保存
        </span>
      )}
      {status.reviewing ? (
        <span
          className="readonly-mark review-mark"
          title={status.readOnlyNotice ?? undefined}
          data-testid="reviewing-mark"
        >
          审核模式
        </span>
      ) : (
        status.readOnly && <span className="readonly-mark">只读</span>
      )}
      {
        // Read-only sessions undo their review edits (comments, audit scores, statuses).
        (
          [
            ['undo', '撤销', 'Ctrl+Z', onUndo, store.history.canUndo],
            ['redo', '重做', 'Ctrl+Y', onRedo, store.history.canRedo],
          ] as const
        ).map(([id, label, keys, run, enabled]) => (
          <button
            key={id}
            type="button"
            onClick={() => void run()}
            disabled={!enabled}
            title={`${label}（${keys}）`}
            data-testid={id}
          >
            {label}
          </button>
        ))
      }
      <span className="toolbar-spacer" />
      {(
        [
          ['panelOpen', '批注与审核', '批注、审核状态和核查结果', 'toggle-review'],
          [
            'auditColumns',
            '核查列',
            '在资金表（预算执行率一行）和指标表中显示“核查分数”和“审核意见”两列',
            'toggle-audit-columns',
          ],
        ] as const
      ).map(([key, label, title, testId]) => (
        <button
          key={key}
          type="button"
          aria-pressed={review[key]}
          onClick={() => reviewUi.set({ [key]: !review[key] })}
          title={title}
          data-testid={testId}
        >
          {label}
        </button>
      ))}
      {
        // Read-only (审核模式 too): the layout cannot change, and the status bar names it; the
        // toolbar keeps to one line on a 1366-wide or 125% screen (issue #19).
        !status.readOnly && (
          <label className="layout-picker" title="文档的地区样式：决定显示哪些列、标题和评分口径">
            地区样式
            <LayoutSelect
              value={store.doc.meta.layout}
              onChange={(layout) =>
                void pendingEdits
                  .commitAll()
                  .then(() => store.apply([{ op: 'setMeta', field: 'layout', value: layout }]))
              }
              testId="layout-select"
            />
          </label>
        )
      }
      {(!status.readOnly || status.reviewFile !== null) && (
        <button
          type="button"
          onClick={() => void onSave()}
          disabled={store.saving}
          title={status.readOnly ? '把批注和审核意见保存到审核文件（Ctrl+S）' : '保存（Ctrl+S）'}
          data-testid="save"
        >
          {status.readOnly ? '保存审核意见' : '保存'}
        </button>
      )}
      <button type="button" onClick={() => void saveToChosenPlace(store, pendingEdits)} data-testid="save-as">
        另存为…
      </button>
      {(
        [
          [
            'reviewSaveAs',
            '审核文件另存为…',
            '把批注和审核意见保存到另选位置的审核文件（.ziping-review），以后的保存也存到那里',
            'review-save-as',
            status.readOnly,
          ],
          ['import', '导入…', '从 Excel 工作簿或表格 JSON 导入表格', 'import-forms', !status.readOnly],
          [
            'importReview',
            '导入审核意见…',
            '导入审核人返回的审核文件（.ziping-review）或文档副本中的批注、核查分数和审核状态',
            'import-review',
            true,
          ],
          ['export', '导出 Excel…', '导出为官方表样的 Excel 文件', 'export-xlsx', true],
        ] as const
      ).map(
        ([p, label, title, testId, shown]) =>
          shown && (
            <button
              key={p}
              type="button"
              onClick={() =>
                p === 'export' ? toggle(p) : void runFileAction(p, store, pendingEdits, exchange)
              }
              title={title}
              data-testid={testId}
            >
              {label}
            </button>
          ),
      )}
      <button type="button" onClick={onHistory} title="当前表的修改记录" data-testid="toolbar-history">
        修改记录
      </button>
      <button
        type="button"
        onClick={onCompare}
        title="与已保存的版本或其他文档比较"
        data-testid="toolbar-compare"
      >
        比较…
      </button>
      <button
        type="button"
        onClick={() => toggle('tools')}
        title="生成自评报告、新建下一年度文档、导入绩效目标申报表、导入/导出指标库"
        data-testid="toolbar-tools"
      >
        更多…
      </button>
      <button type="button" onClick={() => void close(false)} data-testid="close-doc">
        关闭
      </button>
      <div className="toolbar-popovers" ref={popovers}>
        {popover === 'export' && (
          <ExportPopover
            store={store}
            currentFormId={currentFormId}
            onExport={exchange.exportTo}
            onClose={() => setPopover('none')}
          />
        )}
        {popover === 'tools' && (
          <DocumentToolsPopover store={store} tools={tools} onClose={() => setPopover('none')} />
        )}
        {confirmClose && (
          <div className="toolbar-popover" role="alertdialog" data-testid="close-confirm">
            <span>文档有未保存的修改。</span>
            <button
              type="button"
              onClick={() => {
                setConfirmClose(false);
                void onSave().then(async (ok) => {
                  if (ok) await close(false);
                });
              }}
            >
              保存并关闭
            </button>
            <button
              type="button"
              onClick={() => {
                setConfirmClose(false);
                void close(true);
              }}
              data-testid="close-discard"
            >
              不保存
            </button>
            <button type="button" onClick={() => setConfirmClose(false)}>
              取消
            </button>
          </div>
        )}
      </div>
    </header>
  );
}
