/**
 * 导出 Excel (browser mode, where paths are typed): where to (a .xlsx file, or a folder for one
 * file per form), all forms or the one on screen. The flow itself (checks first) is useExchange.
 */
import { useState, type FormEvent } from 'react';
import type { DocumentStore } from '../state/documentStore';
import { suggestedPath } from '../state/fileNames';

interface Props {
  store: DocumentStore;
  currentFormId: string | null;
  onExport: (path: string, onlyCurrent: boolean, withReview: boolean) => Promise<boolean>;
  onClose: () => void;
}

export function ExportPopover({ store, currentFormId, onExport, onClose }: Props) {
  const [target, setTarget] = useState(() => suggestedPath(store, 'xlsx'));
  const [onlyCurrent, setOnlyCurrent] = useState(false);
  const [withReview, setWithReview] = useState(() => store.review.count > 0);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (target.trim() === '' || busy) return;
    setBusy(true);
    try {
      if (await onExport(target.trim(), onlyCurrent, withReview)) onClose();
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="toolbar-popover" onSubmit={(e) => void submit(e)} data-testid="export-panel">
      <label>
        导出到
        <input
          autoFocus
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          title="以 .xlsx 结尾：一个工作簿（汇总表 + 每表一页）；否则为文件夹，每张表一个文件"
          data-testid="export-path"
        />
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={onlyCurrent}
          disabled={!currentFormId}
          onChange={(e) => setOnlyCurrent(e.target.checked)}
          data-testid="export-current"
        />
        只导出当前表
      </label>
      <label
        className="checkbox"
        title="增加“审核意见”工作表，汇总表中加审核状态和核查得分；可用“导入审核意见…”读回"
      >
        <input
          type="checkbox"
          checked={withReview}
          onChange={(e) => setWithReview(e.target.checked)}
          data-testid="export-review"
        />
        包含审核意见
      </label>
      <button type="submit" disabled={busy} data-testid="export-confirm">
        导出
      </button>
      <button type="button" onClick={onClose}>
        取消
      </button>
    </form>
  );
}
