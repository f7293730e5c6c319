/**
 * The application menu and the native dialogs as data: Chinese labels, the usual accelerators,
 * every item wired (a click gives a MenuAction, or an Electron role), and the message and PDF dialogs
 * (the file dialogs: choose-dialog.test.ts).
 */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '../../shared/contract';
import { pdfDialog, saveChangesDialog, saveChoice, withExtension } from '../../electron/main/dialogs';
import { buildMenuTemplate, type MenuAction } from '../../electron/main/menu';

const CHINESE = /[\u4e00-\u9fff]/;

function flatten(
  items: MenuItemConstructorOptions[],
  trail: string[] = [],
): { path: string; item: MenuItemConstructorOptions }[] {
  return items.flatMap((item) => {
    const here = [...trail, item.label ?? ''];
    const sub = Array.isArray(item.submenu) ? flatten(item.submenu, here) : [];
    return [{ path: here.join(' › '), item }, ...sub];
  });
}

function menu(recent: string[] = [], devTools = false) {
  const actions: MenuAction[] = [];
  const template = buildMenuTemplate({ recent, devTools }, (a) => actions.push(a));
  const items = flatten(template).filter(({ item }) => item.type !== 'separator');
  const find = (label: string) => {
    const found = items.find(({ item }) => item.label === label);
    if (!found) throw new Error(`菜单中没有“${label}”`);
    return found.item;
  };
  const click = (label: string) => {
    const before = actions.length;
    const item = find(label);
    expect(item.click, label).toBeTypeOf('function');
    Reflect.apply(item.click as () => void, undefined, []);
    return actions.slice(before);
  };
  return { template, items, actions, find, click };
}

describe('the application menu', () => {
  it('has 文件, 编辑, 视图 and 帮助, every label in Chinese', () => {
    const m = menu(['/home/u/2024年自评.ziping']);
    expect(m.template.map((i) => i.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    for (const { path, item } of m.items) expect(item.label ?? '', path).toMatch(CHINESE);
  });

  it('wires every item: a click that gives an action, an Electron role, or a submenu', () => {
    const m = menu(['/a/甲.ziping']);
    for (const { path, item } of m.items) {
      const wired =
        typeof item.click === 'function' || item.role !== undefined || Array.isArray(item.submenu);
      expect(wired || item.enabled === false, path).toBe(true);
      if (typeof item.click === 'function') {
        const before = m.actions.length;
        Reflect.apply(item.click, undefined, []);
        expect(m.actions.length, path).toBe(before + 1);
      }
    }
    // every command for the page is reachable from the menu (commitEdits is sent on close)
    const sent = m.actions.flatMap((a) => (a.kind === 'window' ? [a.command] : []));
    expect([...new Set(sent)].sort()).toEqual(MENU_COMMANDS.filter((c) => c !== 'commitEdits').sort());
  });

  it('uses the usual accelerators', () => {
    const m = menu();
    const accel: Record<string, string> = {
      新建: 'CmdOrCtrl+N',
      '打开…': 'CmdOrCtrl+O',
      保存: 'CmdOrCtrl+S',
      '另存为…': 'CmdOrCtrl+Shift+S',
      关闭: 'CmdOrCtrl+W',
      撤销: 'CmdOrCtrl+Z',
      重做: 'CmdOrCtrl+Y',
      剪切: 'CmdOrCtrl+X',
      复制: 'CmdOrCtrl+C',
      粘贴: 'CmdOrCtrl+V',
      全选: 'CmdOrCtrl+A',
      '查找…': 'CmdOrCtrl+F',
      全屏: 'F11',
    };
    for (const [label, key] of Object.entries(accel)) expect(m.find(label).accelerator, label).toBe(key);
    const keys = m.items.flatMap(({ item }) => (item.accelerator ? [String(item.accelerator)] : []));
    expect(new Set(keys).size).toBe(keys.length);
    // Undo/redo keys stay with the page (text boxes' own undo, the grid's document undo).
    expect(m.find('撤销').registerAccelerator).toBe(false);
    expect(m.find('重做').registerAccelerator).toBe(false);
  });

  it('leaves the clipboard, zoom, full screen and 退出 to Electron roles (no renderer clipboard module)', () => {
    const m = menu();
    expect(m.find('剪切').role).toBe('cut');
    expect(m.find('复制').role).toBe('copy');
    expect(m.find('粘贴').role).toBe('paste');
    expect(m.find('全选').role).toBe('selectAll');
    expect(m.find('放大').role).toBe('zoomIn');
    expect(m.find('全屏').role).toBe('togglefullscreen');
    expect(m.find('退出').role).toBe('quit');
  });

  it('sends document commands to the window and does window things itself', () => {
    const m = menu();
    expect(m.click('保存')).toEqual([{ kind: 'window', command: 'save' }]);
    expect(m.click('导出 Excel…')).toEqual([{ kind: 'window', command: 'exportXlsx' }]);
    expect(m.click('审核面板')).toEqual([{ kind: 'window', command: 'toggleChecks' }]);
    expect(m.click('新建')).toEqual([{ kind: 'newWindow' }]);
    expect(m.click('打开…')).toEqual([{ kind: 'open' }]);
    expect(m.click('关闭')).toEqual([{ kind: 'closeWindow' }]);
    expect(m.click('关于自评表编辑器')).toEqual([{ kind: 'about' }]);
  });

  it('lists recent documents by name (full path as tooltip), with 清除列表; (无) when empty', () => {
    const m = menu(['/home/u/甲&乙.ziping', '/home/u/丙.ziping']);
    const recent = m.find('最近打开').submenu as MenuItemConstructorOptions[];
    expect(recent.map((i) => i.label)).toEqual(['1  甲&&乙.ziping', '2  丙.ziping', undefined, '清除列表']);
    expect(recent[0]?.toolTip).toBe('/home/u/甲&乙.ziping');
    expect(m.click('2  丙.ziping')).toEqual([{ kind: 'openRecent', path: '/home/u/丙.ziping' }]);
    expect(m.click('清除列表')).toEqual([{ kind: 'clearRecent' }]);
    const empty = menu().find('最近打开').submenu as MenuItemConstructorOptions[];
    expect(empty).toEqual([{ label: '（无）', enabled: false }]);
  });

  it('shows 开发者工具 only in development', () => {
    expect(menu([], false).items.some(({ item }) => item.role === 'toggleDevTools')).toBe(false);
    expect(menu([], true).find('开发者工具').role).toBe('toggleDevTools');
  });
});

describe('native dialogs', () => {
  it('saves a PDF with a Chinese filter, the extension added when left off', () => {
    expect(pdfDialog('甲单位自评表')).toMatchObject({
      title: '导出 PDF',
      defaultPath: '甲单位自评表.pdf',
      filters: [{ name: 'PDF 文件 (*.pdf)', extensions: ['pdf'] }],
    });
    expect(withExtension('/a/b.PDF', 'pdf')).toBe('/a/b.PDF');
    expect(withExtension('/a/b', 'pdf')).toBe('/a/b.pdf');
  });

  it('asks 保存更改？ with 保存 / 不保存 / 取消, Esc meaning 取消', () => {
    const d = saveChangesDialog('甲.ziping');
    expect(d.message).toBe('是否保存对“甲.ziping”的更改？');
    expect(d.buttons).toEqual(['保存', '不保存', '取消']);
    expect(d.cancelId).toBe(2);
    expect([0, 1, 2, 7].map(saveChoice)).toEqual(['save', 'discard', 'cancel', 'cancel']);
  });
});
