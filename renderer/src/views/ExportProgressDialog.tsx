/**
 * The progress of a long Excel export: which form of how many, a bar, and 取消 (Esc too). Modal,
 * so that the document is not edited while it is being exported.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { ExportJobProgress } from '../../../shared/contract';
import type { ExportWatch } from '../state/exportWatch';

function progressText(p: ExportJobProgress | null): string {
  if (!p || p.stage === 'check') return '正在审核…';
  if (p.stage === 'write') return `已排好 ${p.total} 张表，正在写入文件…`;
  if (p.stage === 'scan') return `正在读取 第 ${Math.min(p.done + 1, p.total)}/${p.total} 个文件`;
  return `正在导出 第 ${Math.min(p.done + 1, p.total)}/${p.total} 张表：${p.formName}`;
}

export function ExportProgressDialog({ watch }: { watch: ExportWatch }) {
  const state = useSyncExternalStore(watch.subscribe, watch.get);
  const visible = state?.visible === true;
  const cancelButton = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    if (!visible) return;
    const returnTo = document.activeElement;
    cancelButton.current?.focus();
    // Esc cancels wherever the focus is: the dialog is modal, nothing else wants the key meanwhile.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      watch.cancel();
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      if (returnTo instanceof HTMLElement) returnTo.focus();
    };
  }, [visible, watch]);

  if (!state || !visible) return null;
  const { progress, cancelling } = state;
  // The same dialog follows 打开文件夹（多个单位）'s reading of the units' files.
  const scanning = progress?.stage === 'scan';
  const title = scanning ? '读取各单位文件' : '导出 Excel';
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog export-progress"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid="export-progress"
      >
        <h2 className="dialog-title">{title}</h2>
        <p className="dialog-message" data-testid="export-progress-text">
          {cancelling ? '正在取消…' : progressText(progress)}
        </p>
        <progress
          max={progress?.total || 1}
          value={progress && progress.stage !== 'check' ? progress.done : 0}
          aria-label="导出进度"
        />
        <div className="dialog-buttons">
          <button
            type="button"
            ref={cancelButton}
            disabled={cancelling}
            onClick={() => watch.cancel()}
            title={scanning ? '取消读取（Esc）：不更改任何文件' : '取消导出（Esc）：不写入任何文件'}
            data-testid="export-cancel"
          >
            取消
          </button>
        </div>
      </div>
    </div>
  );
}
