/**
 * The toolbar's file actions in browser mode (issue #19): the in-app file chooser instead of a
 * typed path. The desktop keeps its popovers and native dialogs (null here).
 */
import { shell } from '../api/client';
import type { DocumentStore } from '../state/documentStore';
import { fileChooser } from '../state/fileChooser';
import { suggestedPath } from '../state/fileNames';
import type { PendingEdits } from '../state/pendingEdits';
import { importReview } from '../state/reviewImport';
import type { ToolbarPopover } from './Toolbar';
import type { Exchange } from './useExchange';

export function browserFileAction(
  popover: ToolbarPopover,
  store: DocumentStore,
  pendingEdits: PendingEdits,
  exchange: Exchange,
): (() => Promise<void>) | null {
  if (shell) return null;
  const open = (title: string, kinds: ('.xlsx' | '.json' | '.ziping' | '.ziping-review')[]) =>
    fileChooser.choose({ mode: 'open', title, kinds, confirm: '导入' });
  switch (popover) {
    case 'import':
      return async () => {
        const path = await open('导入表格：Excel 工作簿或表格 JSON', ['.xlsx', '.json']);
        if (path !== null) await exchange.importFrom([path]);
      };
    case 'importReview':
      return async () => {
        const path = await open('导入审核意见：审核文件或文档副本', ['.ziping-review', '.ziping']);
        if (path !== null) await importReview(store, [path]);
      };
    case 'reviewSaveAs':
      return async () => {
        const path = await fileChooser.choose({
          mode: 'save',
          title: '审核文件另存为',
          kinds: ['.ziping-review'],
          suggested:
            store.status.reviewFile ?? suggestedPath(store, 'ziping').replace(/\.ziping$/, '.ziping-review'),
          confirm: '保存',
        });
        if (path === null) return;
        await pendingEdits.commitAll();
        await store.saveReviewAs(path);
      };
    default:
      return null;
  }
}
