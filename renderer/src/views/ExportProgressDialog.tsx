/**
 * The progress of a long Excel export: which form of how many, a bar, and 取消 (Esc too). Modal,
 * so that the document is not edited while it is being exported.
 */
import { useRef, useSyncExternalStore } from 'react';
import type { ExportJobProgress } from '../../../shared/contract';
import type { ExportWatch } from '../state/exportWatch';
import { useModalFocus } from './useModalFocus';

function progressText(p: ExportJobProgress | null): string {
  if (!p || p.stage === 'check') return '正在审核…';
  if (p.stage === 'write') return `已排好 ${p.total} 张表，正在写入文件…`;
  if (p.stage === 'scan') return `正在读取 第 ${Math.min(p.done + 1, p.total)}/${p.total} 个文件`;
  return `正在导出 第 ${Math.min(p.done + 1, p.total)}/${p.total} 张表：${p.formName}`;
}

export function ExportProgressDialog({ watch }: { watch: ExportWatch }) {
  const state = useSyncExternalStore(watch.subscribe, watch.get);
  const visible = state?.visible === true;
  const box = useRef<HTMLDivElement | null>(null);
  // 取消 has the focus; Esc cancels (the dialog is modal: nothing else wants the key meanwhile).
  useModalFocus(box, () => watch.cancel(), visible);

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
        ref={box}
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
