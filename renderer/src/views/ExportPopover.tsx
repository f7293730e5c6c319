/**
 * 导出 Excel: where to (a .xlsx file, or a folder for one file per form), all forms or the one on
 * screen. The checks run first, here as on the server: errors stop the export with their list,
 * and the user may go to the first one or export a draft (草稿 in the page header).
 */
import { useState, type FormEvent } from 'react';
import type { Finding, FindingLocation } from '../../../shared/checks/types';
import { invoke } from '../api/client';
import type { DocumentStore } from '../state/documentStore';
import { useEditor } from './EditorContext';

interface Props {
  store: DocumentStore;
  currentFormId: string | null;
  onClose: () => void;
  onShow: (place: FindingLocation) => void;
}

/** The document's path with .xlsx for .ziping (a new document: just a name). */
function defaultTarget(path: string | null, unit: string, year: number): string {
  if (path) return path.replace(/\.ziping$/i, '') + '.xlsx';
  return `${unit || '自评表'}${year}年.xlsx`;
}

const LISTED = 8;

export function ExportPopover({ store, currentFormId, onClose, onShow }: Props) {
  const { pendingEdits, dialogs } = useEditor();
  const [target, setTarget] = useState(() =>
    defaultTarget(store.status.path, store.doc.meta.unit, store.doc.meta.year),
  );
  const [onlyCurrent, setOnlyCurrent] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (target.trim() === '' || busy) return;
    await pendingEdits.commitAll();
    await store.flush();
    const forms = onlyCurrent && currentFormId ? [currentFormId] : store.doc.forms.map((f) => f.id);
    const errors: (Finding & { name: string })[] = [];
    for (const id of forms) {
      const name = store.form(id)?.projectName || '（未命名）';
      for (const f of store.result(id).findings) if (f.level === 'error') errors.push({ ...f, name });
    }
    let draft = false;
    if (errors.length > 0) {
      const list = errors
        .slice(0, LISTED)
        .map((f) => `• ${f.name}：${f.message}`)
        .join('\n');
      const more = errors.length > LISTED ? `\n…… 另有 ${errors.length - LISTED} 个` : '';
      const answer = await dialogs.ask({
        title: '审核未通过，不能正式导出',
        message: `发现 ${errors.length} 个错误：\n${list}${more}\n\n请先改正；也可以导出草稿（每页页眉标“草稿”），供内部核对。`,
        choices: [
          { id: 'fix', label: '去改正', primary: true },
          { id: 'draft', label: '导出草稿' },
          { id: 'cancel', label: '取消' },
        ],
      });
      const first = errors[0];
      if (answer === 'fix' && first) {
        onClose();
        onShow(first);
        return;
      }
      if (answer !== 'draft') return;
      draft = true;
    }
    setBusy(true);
    store.setMessage(`正在导出 ${forms.length} 张表…`);
    try {
      const r = await invoke('doc/exportXlsx', {
        path: target.trim(),
        draft,
        ...(onlyCurrent && currentFormId ? { formIds: [currentFormId] } : {}),
      });
      if (!r.ok) {
        store.setMessage(r.error.message, 'error');
        return;
      }
      const where = r.value.files.length === 1 ? r.value.files[0] : `${r.value.files.length} 个文件`;
      store.setMessage(`已导出 ${r.value.forms} 张表${r.value.draft ? '（草稿）' : ''}：${where}`);
      onClose();
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
      <button type="submit" disabled={busy} data-testid="export-confirm">
        导出
      </button>
      <button type="button" onClick={onClose}>
        取消
      </button>
    </form>
  );
}
