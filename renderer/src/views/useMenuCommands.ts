/**
 * The desktop menu's commands (electron/main/menu.ts sends them through the preload) carried out
 * in the page, asking where with the file chooser (the shell's native dialogs). In browser mode no
 * command arrives; the toolbar offers the same actions.
 */
import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../../shared/contract';
import { invoke, onMenuCommand, shell } from '../api/client';
import type { EditorServices } from './EditorContext';
import { fileChooser } from '../state/fileChooser';
import { saveToChosenPlace, suggestedPath } from '../state/fileNames';
import { importForms } from './fileActions';
import { chooseToolTarget } from './toolTargets';
import type { DocumentTools } from './useDocumentTools';
import type { Exchange } from './useExchange';

interface Actions {
  save: () => Promise<boolean>;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
  exchange: Exchange;
  tools: DocumentTools;
  /** 查找: the find bar across all forms (Ctrl+F). */
  find: () => void;
}

export const HELP_TEXT = [
  '在表格中直接输入即可；Enter 下移，Tab 右移，F2 编辑，Esc 取消；多行文字框中 Alt+Enter 换行。',
  '拖动鼠标或 Shift+方向键选择区域；Ctrl+C / Ctrl+X / Ctrl+V 与 Excel、WPS 互相复制粘贴；Ctrl+D 向下填充。',
  'Ctrl+Z 撤销，Ctrl+Y 重做；Ctrl+Shift+= 插入指标行，Ctrl+- 删除，Alt+Shift+↑/↓ 移动；右键有更多操作。',
  'Ctrl+PageUp / Ctrl+PageDown 切换到上一张 / 下一张表（与 Excel 切换工作表相同）。',
  'Ctrl+F 在全部表中查找（Enter 下一处，Shift+Enter 上一处），Ctrl+H 替换；全部替换可用 Ctrl+Z 一次撤销。',
  '得分随输入实时计算；在“得分”列直接改分即为手工打分，请在“打分理由”中写明理由；“恢复建议分”可撤回。',
  '下方“审核”按类别列出问题（F9 展开或收起），点一下即定位到单元格；有错误时不能正式导出 Excel，可导出草稿。',
].join('\n');

export function useMenuCommands(
  { store, pendingEdits, dialogs }: EditorServices,
  { save, undo, redo, exchange, tools, find }: Actions,
): void {
  const latest = useRef<(command: MenuCommand) => Promise<void>>(async () => undefined);

  /** Where an export from the menu goes: asked, beside the document by default. */
  const exportTarget = (title: string, extension: 'xlsx' | 'json') =>
    fileChooser.choose({
      mode: 'save',
      title,
      kinds: [`.${extension}`],
      suggested: suggestedPath(store, extension),
      confirm: '导出',
    });

  latest.current = async (command) => {
    switch (command) {
      case 'save':
        await save();
        return;
      case 'saveAs':
        await saveToChosenPlace(store, pendingEdits);
        return;
      case 'importExcel':
        return importForms(exchange, '导入 Excel', ['.xlsx']);
      case 'importJson':
        return importForms(exchange, '导入表格 JSON', ['.json']);
      case 'exportXlsx': {
        const path = await exportTarget('导出 Excel', 'xlsx');
        if (path) await exchange.exportTo(path, false);
        return;
      }
      case 'exportJson': {
        const path = await exportTarget('导出 JSON', 'json');
        if (!path) return;
        await pendingEdits.commitAll();
        await store.flush();
        const done = await invoke('doc/exportJson', { path });
        store.setMessage(
          done.ok ? `已导出 ${done.value.forms} 张表：${done.value.path}` : done.error.message,
          done.ok ? 'info' : 'error',
        );
        return;
      }
      case 'exportReport':
      case 'exportLibrary':
      case 'rollover':
      case 'importTargets':
      case 'importLibrary': {
        const path = await chooseToolTarget(store, command);
        if (path) await tools.run(command, path);
        return;
      }
      case 'undo':
        return undo();
      case 'redo':
        return redo();
      case 'find':
        return find();
      case 'toggleChecks':
        window.dispatchEvent(new Event(TOGGLE_CHECKS));
        return;
      case 'help':
        await dialogs.ask({
          title: '使用说明',
          message: HELP_TEXT,
          choices: [{ id: 'ok', label: '知道了', primary: true }],
        });
        return;
      case 'commitEdits':
        await pendingEdits.commitAll();
        await store.flush();
        await shell?.('window/editsCommitted', {});
        return;
    }
  };

  useEffect(() => onMenuCommand((command) => void latest.current(command)), []);
}

/** The event the checks panel listens to for 视图 › 审核面板. */
export const TOGGLE_CHECKS = 'ziping:toggle-checks';
