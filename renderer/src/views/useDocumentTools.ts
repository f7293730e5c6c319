/**
 * What a unit makes from its document besides the forms, and the start of a year (#20, #21): the
 * 自评报告 (.docx), the next year's document, and the indicator library in and out: from the
 * desktop menu's commands or the toolbar's 更多 popover, where asked in the file chooser.
 */
import { useCallback, useEffect } from 'react';
import { invoke, shell } from '../api/client';
import { setSavedLibrary } from '../state/indicatorLibrary';
import type { EditorServices } from './EditorContext';

export type DocumentTool = 'exportReport' | 'rollover' | 'importTargets' | 'importLibrary' | 'exportLibrary';

export interface DocumentTools {
  /** Carries the tool out with the path chosen; true when done (the popover may close). */
  run: (tool: DocumentTool, path: string) => Promise<boolean>;
}

export function useDocumentTools(
  { store, pendingEdits, dialogs }: EditorServices,
  importTargets: (paths: string[]) => Promise<void>,
): DocumentTools {
  // The saved library, for the 三级指标 suggestions; a file set aside is said once.
  useEffect(() => {
    void invoke('library/get', {}).then((r) => {
      if (!r.ok) return;
      setSavedLibrary(r.value.library);
      if (r.value.notice) store.setMessage(r.value.notice, 'error');
    });
  }, [store]);

  const exportReport = useCallback(
    async (path: string): Promise<boolean> => {
      await pendingEdits.commitAll();
      await store.flush();
      store.setMessage('正在生成自评报告…');
      const r = await invoke('doc/exportReport', { path });
      if (!r.ok) {
        store.setMessage(r.error.message, 'error');
        return false;
      }
      const gaps = r.value.placeholders;
      store.setMessage(
        `已生成自评报告：${r.value.path}（${r.value.projects} 个项目）` +
          (gaps > 0 ? `；有 ${gaps} 处【请填写：……】需在 Word 中补写` : ''),
      );
      return true;
    },
    [store, pendingEdits],
  );

  const rollover = useCallback(
    async (path: string): Promise<boolean> => {
      await pendingEdits.commitAll();
      await store.flush();
      const r = await invoke('doc/rollover', { path });
      if (!r.ok) {
        store.setMessage(r.error.message, 'error');
        return false;
      }
      store.setMessage(`已新建 ${r.value.year} 年度文档：${r.value.path}`);
      const canOpen = shell !== null || !store.status.dirty;
      const answer = await dialogs.ask({
        title: `已新建 ${r.value.year} 年度文档`,
        message:
          `${r.value.path}\n\n${r.value.lines.join('\n')}` +
          (canOpen ? '' : '\n\n当前文档有未保存的修改：保存后可在开始页打开新文档。'),
        choices: [
          ...(canOpen ? [{ id: 'open', label: '打开新文档', primary: true }] : []),
          { id: 'ok', label: '留在当前文档', primary: !canOpen },
        ],
      });
      if (answer !== 'open') return true;
      if (shell) {
        await shell('window/openDocument', { path: r.value.path });
        return true;
      }
      // Browser mode serves one document: the new one replaces this (saved) one, and the page
      // starts again from what the server has open.
      const opened = await invoke('doc/open', { path: r.value.path });
      if (!opened.ok) {
        store.setMessage(opened.error.message, 'error');
        return true;
      }
      window.location.reload();
      return true;
    },
    [store, pendingEdits, dialogs],
  );

  const importLibrary = useCallback(
    async (path: string): Promise<boolean> => {
      const r = await invoke('library/importXlsx', { path });
      if (!r.ok) {
        store.setMessage(r.error.message, 'error');
        return false;
      }
      setSavedLibrary(r.value.library);
      const skipped = r.value.skipped.length > 0 ? `；${r.value.skipped.length} 行未读入` : '';
      store.setMessage(`已导入指标库：读入 ${r.value.read} 条指标${skipped}，输入三级指标时即可选用`);
      if (r.value.skipped.length > 0) {
        await dialogs.ask({
          title: '指标库导入完成',
          message: r.value.skipped.slice(0, 20).join('\n'),
          choices: [{ id: 'ok', label: '知道了', primary: true }],
        });
      }
      return true;
    },
    [store, dialogs],
  );

  const exportLibrary = useCallback(
    async (path: string): Promise<boolean> => {
      await store.flush();
      const r = await invoke('library/exportXlsx', { path });
      store.setMessage(
        r.ok ? `已导出指标库：${r.value.entries} 条指标，${r.value.path}` : r.error.message,
        r.ok ? 'info' : 'error',
      );
      return r.ok;
    },
    [store],
  );

  const run = useCallback(
    async (tool: DocumentTool, path: string): Promise<boolean> => {
      switch (tool) {
        case 'exportReport':
          return exportReport(path);
        case 'rollover':
          return rollover(path);
        case 'importTargets':
          await importTargets([path]);
          return true;
        case 'importLibrary':
          return importLibrary(path);
        case 'exportLibrary':
          return exportLibrary(path);
      }
    },
    [exportReport, rollover, importTargets, importLibrary, exportLibrary],
  );
  return { run };
}
