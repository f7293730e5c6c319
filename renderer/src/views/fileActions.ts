/**
 * The toolbar's file actions that go straight to the file chooser (issue #19: no typed path in
 * either mode): 导入…, 导入审核意见…, 审核文件另存为…. The desktop menu's imports use `importForms`.
 */
import type { FileKind } from '../../../shared/contract/files';
import type { DocumentStore } from '../state/documentStore';
import { fileChooser } from '../state/fileChooser';
import { suggestedPath } from '../state/fileNames';
import type { PendingEdits } from '../state/pendingEdits';
import { importReview } from '../state/reviewImport';
import type { Exchange } from './useExchange';

export type FileAction = 'import' | 'importReview' | 'reviewSaveAs';

/** Files to import forms from (several at once where the desktop's dialog allows), then imported. */
export async function importForms(exchange: Exchange, title: string, kinds: FileKind[]): Promise<void> {
  const paths = await fileChooser.chooseFiles({
    mode: 'open',
    title,
    kinds,
    confirm: '导入',
    multiple: true,
  });
  if (paths.length > 0) await exchange.importFrom(paths);
}

export async function runFileAction(
  action: FileAction,
  store: DocumentStore,
  pendingEdits: PendingEdits,
  exchange: Exchange,
): Promise<void> {
  switch (action) {
    case 'import':
      return importForms(exchange, '导入表格：Excel 工作簿或表格 JSON', ['.xlsx', '.json']);
    case 'importReview': {
      const paths = await fileChooser.chooseFiles({
        mode: 'open',
        title: '导入审核意见：审核文件或文档副本',
        kinds: ['.ziping-review', '.ziping'],
        confirm: '导入',
        multiple: true,
      });
      if (paths.length > 0) await importReview(store, paths);
      return;
    }
    case 'reviewSaveAs': {
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
      return;
    }
  }
}
