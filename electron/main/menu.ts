/**
 * The application menu, in Chinese, as a pure function of what it shows (recent documents) and
 * one callback for what its items do, so every item is tested under Node. Clipboard, zoom and
 * full screen are Electron roles; the document's own actions are MenuCommands for the window.
 */
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/contract';

/** What a menu item asks for: a command for the focused window, or something the shell does. */
export type MenuAction =
  | { kind: 'window'; command: MenuCommand }
  | { kind: 'newWindow' }
  | { kind: 'open' }
  /** 以审核身份打开: the author's data stays as it is; review data goes to the review file. */
  | { kind: 'openForReview' }
  | { kind: 'openRecent'; path: string }
  | { kind: 'clearRecent' }
  | { kind: 'closeWindow' }
  | { kind: 'about' };

export interface MenuInput {
  recent: readonly string[];
  /** Development builds add 开发者工具. */
  devTools: boolean;
}

export function buildMenuTemplate(
  input: MenuInput,
  run: (action: MenuAction) => void,
): MenuItemConstructorOptions[] {
  const command = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => run({ kind: 'window', command: cmd }),
  });
  const sep: MenuItemConstructorOptions = { type: 'separator' };

  const recentItems: MenuItemConstructorOptions[] =
    input.recent.length === 0
      ? [{ label: '（无）', enabled: false }]
      : [
          ...input.recent.map((file, i): MenuItemConstructorOptions => ({
            // Names with & would otherwise be read as mnemonics on Windows.
            label: `${i + 1}  ${path.basename(file).replaceAll('&', '&&')}`,
            toolTip: file,
            click: () => run({ kind: 'openRecent', path: file }),
          })),
          sep,
          { label: '清除列表', click: () => run({ kind: 'clearRecent' }) },
        ];

  const view: MenuItemConstructorOptions[] = [
    command('审核面板', 'toggleChecks', 'F9'),
    sep,
    { label: '放大', role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
    { label: '缩小', role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
    { label: '实际大小', role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
    sep,
    { label: '全屏', role: 'togglefullscreen', accelerator: 'F11' },
  ];
  if (input.devTools) view.push(sep, { label: '开发者工具', role: 'toggleDevTools' });

  return [
    {
      label: '文件(&F)',
      submenu: [
        { label: '新建', accelerator: 'CmdOrCtrl+N', click: () => run({ kind: 'newWindow' }) },
        { label: '打开…', accelerator: 'CmdOrCtrl+O', click: () => run({ kind: 'open' }) },
        { label: '以审核身份打开…', click: () => run({ kind: 'openForReview' }) },
        { label: '最近打开', submenu: recentItems },
        sep,
        command('保存', 'save', 'CmdOrCtrl+S'),
        command('另存为…', 'saveAs', 'CmdOrCtrl+Shift+S'),
        sep,
        command('导入 Excel…', 'importExcel'),
        command('导入 JSON…', 'importJson'),
        command('导出 Excel…', 'exportXlsx', 'CmdOrCtrl+E'),
        command('导出 JSON…', 'exportJson'),
        sep,
        command('生成自评报告…', 'exportReport'),
        command('新建下一年度文档…', 'rollover'),
        command('导入绩效目标申报表…', 'importTargets'),
        {
          label: '指标库',
          submenu: [command('导入指标库…', 'importLibrary'), command('导出指标库…', 'exportLibrary')],
        },
        sep,
        { label: '关闭', accelerator: 'CmdOrCtrl+W', click: () => run({ kind: 'closeWindow' }) },
        { label: '退出', role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: '编辑(&E)',
      submenu: [
        // The page handles these keys itself (text boxes keep their own undo; the grid has the
        // document's); the menu shows them and a click sends the command.
        { ...command('撤销', 'undo', 'CmdOrCtrl+Z'), registerAccelerator: false },
        { ...command('重做', 'redo', 'CmdOrCtrl+Y'), registerAccelerator: false },
        sep,
        { label: '剪切', role: 'cut', accelerator: 'CmdOrCtrl+X' },
        { label: '复制', role: 'copy', accelerator: 'CmdOrCtrl+C' },
        { label: '粘贴', role: 'paste', accelerator: 'CmdOrCtrl+V' },
        { label: '全选', role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
        sep,
        command('查找…', 'find', 'CmdOrCtrl+F'),
      ],
    },
    { label: '视图(&V)', submenu: view },
    {
      label: '帮助(&H)',
      submenu: [
        command('使用说明', 'help', 'F1'),
        sep,
        { label: '关于自评表编辑器', click: () => run({ kind: 'about' }) },
      ],
    },
  ];
}
