/**
 * Export and import from the editor (the toolbar's popovers, and the desktop menu's commands with
 * native dialogs). Export: the checks run first, as on the server: errors stop it with their list
 * (go to the first one, or export a draft with 草稿 in the page header); a long export shows its
 * progress and can be cancelled (ExportWatch, ExportProgressDialog). Import: forms are read
 * on the Node side and merged into the document as one undoable step; the report is shown.
 */
import { useCallback, useMemo } from 'react';
import type { Finding, FindingLocation } from '../../../shared/checks/types';
import { mergeFormsPatches } from '../../../shared/model/merge-forms';
import type { CallResult } from '../../../shared/contract';
import { invoke } from '../api/client';
import { ExportWatch } from '../state/exportWatch';
import type { EditorServices } from './EditorContext';

const LISTED = 8;

/** Hands an exported file on (a download); answers what to tell the user, or the failure. */
export type Deliver = (path: string) => Promise<CallResult<string>>;

export interface Exchange {
  /** Resolves true when the export is over (done, or the user went to fix an error). */
  /**
   * `withReview`: add the review data (default: when the document has any). `deliver`: hands the
   * written file on (browser mode's download) before the export counts as done.
   */
  exportTo: (path: string, onlyCurrent: boolean, withReview?: boolean, deliver?: Deliver) => Promise<boolean>;
  /** `targets`: the files are 绩效目标申报表 (new forms from the declared targets). */
  importFrom: (paths: string[], source?: 'forms' | 'targets') => Promise<void>;
  /** The running export's progress, for ExportProgressDialog. */
  exportWatch: ExportWatch;
}

/** Used by the Editor itself (above its context provider), so the services come as an argument. */
export function useExchange(
  { store, pendingEdits, dialogs }: EditorServices,
  currentFormId: string | null,
  onShow: (place: FindingLocation) => void,
): Exchange {
  const exportWatch = useMemo(() => new ExportWatch(), []);
  /** Exports to a .xlsx file (or a folder); true when done or when the user went to an error. */
  const exportTo = useCallback(
    async (path: string, onlyCurrent: boolean, withReview?: boolean, deliver?: Deliver): Promise<boolean> => {
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
          onShow(first);
          return true;
        }
        if (answer !== 'draft') return false;
        draft = true;
      }
      store.setMessage(`正在导出 ${forms.length} 张表…`);
      const r = await exportWatch.run((jobId) =>
        invoke('doc/exportXlsx', {
          path,
          draft,
          jobId,
          review: withReview ?? store.review.count > 0,
          ...(onlyCurrent && currentFormId ? { formIds: [currentFormId] } : {}),
        }),
      );
      if (!r.ok) {
        // A cancel is the user's own choice: said plainly (nothing was written), not as an error.
        store.setMessage(r.error.message, r.error.code === 'cancelled' ? 'info' : 'error');
        return false;
      }
      let where = r.value.files.length === 1 ? r.value.files[0] : `${r.value.files.length} 个文件`;
      if (deliver) {
        const delivered = await deliver(path);
        if (!delivered.ok) {
          store.setMessage(delivered.error.message, 'error');
          return false;
        }
        where = delivered.value;
      }
      store.setMessage(`已导出 ${r.value.forms} 张表${r.value.draft ? '（草稿）' : ''}：${where}`);
      return true;
    },
    [store, pendingEdits, dialogs, currentFormId, onShow, exportWatch],
  );

  /** Reads forms from files and merges them in, one undo step per file; shows each report. */
  const importFrom = useCallback(
    async (paths: string[], source: 'forms' | 'targets' = 'forms'): Promise<void> => {
      await pendingEdits.commitAll();
      for (const path of paths) {
        store.setMessage(`正在读取 ${path}…`);
        const r = await invoke(source === 'targets' ? 'forms/readTargets' : 'forms/read', { path });
        if (!r.ok) {
          store.setMessage(r.error.message, 'error');
          continue;
        }
        const plan = mergeFormsPatches(store.doc, r.value.forms);
        if (plan.patches.length > 0 && !store.apply(plan.patches)) continue;
        const summary = `新增 ${plan.added} 张，替换同名的 ${plan.replaced} 张（可用“撤销”恢复原状）`;
        store.setMessage(`已导入 ${r.value.forms.length} 张表：${summary}`);
        await dialogs.ask({
          title: '导入完成',
          message: `${r.value.report.join('\n')}\n\n${summary}`,
          choices: [{ id: 'ok', label: '知道了', primary: true }],
        });
      }
    },
    [store, pendingEdits, dialogs],
  );

  return { exportTo, importFrom, exportWatch } satisfies Exchange;
}
