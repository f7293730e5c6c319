/**
 * The shell's window logic under Node, with Electron replaced by FakePlatform: one window per
 * document, the single-instance hand-over (argv of a second launch), opening into an empty window,
 * "保存更改？" on close, window placement and the recent list kept in settings.json.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentsInArgv, samePath } from '../../electron/main/argv';
import {
  CASCADE_STEP,
  placeWindow,
  SettingsStore,
  withRecent,
  RECENT_LIMIT,
} from '../../electron/main/settings';
import { DocumentWindows } from '../../electron/main/windows';
import { listRecoverable } from '../../electron/services/document-store';
import { AppService } from '../../electron/services/handlers';
import { generatedDocument } from '../support/documents';
import { HOST_CRASHED } from '../../electron/services/service-host/protocol';
import { FakePlatform, settle } from '../support/fake-shell';

let dir: string;
let dataDir: string;
let platform: FakePlatform;
let windows: DocumentWindows;

/** A saved document on disk (created through the contract, as the app does). */
function makeDocument(name: string): string {
  const file = path.join(dir, name);
  const s = new AppService(dataDir);
  const r = s.call('doc/new', { path: file, unit: '测试单位', year: 2024, layout: 'national' });
  expect(r.ok).toBe(true);
  expect(s.call('doc/save', {}).ok).toBe(true);
  expect(s.call('doc/close', { discard: false }).ok).toBe(true);
  return file;
}

const edit = (w: DocumentWindows, id: number) =>
  w.serviceFor(id)?.invoke('doc/apply', { patches: [{ op: 'setMeta', field: 'unit', value: '改过的单位' }] });

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ziping-shell-'));
  dataDir = path.join(dir, 'data');
  platform = new FakePlatform();
  windows = new DocumentWindows(platform, dataDir, new SettingsStore(dataDir));
});
afterEach(async () => {
  for (const w of platform.windows) await windows.closed(w.id);
  rmSync(dir, { recursive: true, force: true });
});

describe('command line and single instance', () => {
  it('finds .ziping files in argv, relative to the launching folder, skipping switches', () => {
    const argv = [
      '/opt/ziping/ziping',
      '--no-sandbox',
      'a.ZIPING',
      '/x/b.ziping',
      'a.ZIPING',
      '--flag=c.ziping',
      'notes.txt',
    ];
    expect(documentsInArgv(argv, '/home/u')).toEqual([
      path.resolve('/home/u/a.ZIPING'),
      path.resolve('/x/b.ziping'),
    ]);
  });

  it('compares paths as the system does: Windows ignores case', () => {
    expect(samePath('C:\\Docs\\甲.ziping', 'c:\\docs\\甲.ZIPING', 'win32')).toBe(true);
    expect(samePath('/home/u/a.ziping', '/home/u/A.ziping', 'linux')).toBe(false);
    expect(samePath('/home/u/a.ziping', '/home/u/a.ziping', 'linux')).toBe(true);
  });

  it('starts with an empty window (the start panel) when no document is named', async () => {
    await windows.openFromCommandLine(['/opt/ziping/ziping'], dir);
    expect(platform.windows).toHaveLength(1);
    expect(platform.windows[0]?.title).toBe('自评表编辑器');
    expect(windows.serviceFor(1)?.current).toBeNull();
  });

  it('opens each document in its own window; a second launch with the same one only focuses it', async () => {
    const a = makeDocument('甲.ziping');
    const b = makeDocument('乙.ziping');
    await windows.openFromCommandLine(['ziping', '甲.ziping'], dir);
    expect(platform.windows).toHaveLength(1);
    expect(platform.windows[0]?.title).toBe('甲.ziping - 自评表编辑器');
    expect(windows.serviceFor(1)?.current?.path).toBe(a);

    // second-instance: same document → no new window, the existing one comes forward
    const focusBefore = platform.windows[0]?.focusCount ?? 0;
    await windows.openFromCommandLine(['ziping', a], '/');
    expect(platform.windows).toHaveLength(1);
    expect(platform.windows[0]?.focusCount).toBe(focusBefore + 1);

    // another document → a second window, placed beside the first
    await windows.openFromCommandLine(['ziping', b], '/');
    expect(platform.windows).toHaveLength(2);
    expect(windows.serviceFor(2)?.current?.path).toBe(b);

    // a second launch without a document brings the last window forward
    const focus2 = platform.windows[1]?.focusCount ?? 0;
    await windows.openFromCommandLine(['ziping'], '/');
    expect(platform.windows).toHaveLength(2);
    expect(platform.windows[1]?.focusCount).toBe(focus2 + 1);
  });

  it('opens into the empty window that asked, and reloads it instead of adding a window', async () => {
    const a = makeDocument('甲.ziping');
    await windows.openFromCommandLine([], dir);
    const r = await windows.shell['window/openDocument'](1, { path: a });
    expect(r).toEqual({ ok: true, value: { opened: true } });
    expect(platform.windows).toHaveLength(1);
    expect(platform.windows[0]?.reloads).toBe(1);
    expect(platform.windows[0]?.title).toBe('甲.ziping - 自评表编辑器');
  });

  it('a document with a planted trigger: refused, a clean copy offered, saved where the user chose and opened', async () => {
    const a = makeDocument('甲.ziping');
    const db = new Database(a);
    db.exec('CREATE TRIGGER wipe AFTER INSERT ON changes BEGIN DELETE FROM forms; END;');
    db.close();
    const before = readFileSync(a);
    await windows.openFromCommandLine([], dir);

    // 取消: nothing written, nothing opened.
    expect(await windows.shell['window/openDocument'](1, { path: a })).toEqual({
      ok: true,
      value: { opened: false },
    });
    expect(platform.asked.filter((q) => q.startsWith('clean-copy:'))).toHaveLength(1);
    expect(platform.asked.at(-1)).toMatch(/触发器/);
    expect(windows.serviceFor(1)?.current).toBeNull();

    // 重建干净副本…: the save dialog suggests 甲-干净副本.ziping; the copy opens in the window.
    const copy = path.join(dir, '副本', '甲-干净副本.ziping');
    platform.cleanCopyAnswers.push(true);
    platform.saveAnswers.push(copy);
    await windows.shell['window/openDocument'](1, { path: a });
    expect(platform.errors).toEqual([]);
    expect(platform.asked).toContain('save:甲-干净副本.ziping');
    expect(windows.serviceFor(1)?.current?.path).toBe(copy);
    expect(platform.windows[0]?.title).toBe('甲-干净副本.ziping - 自评表编辑器');
    const clean = new Database(copy, { readonly: true });
    expect(clean.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger'").get()).toEqual({
      n: 0,
    });
    clean.close();
    expect(readFileSync(a).equals(before)).toBe(true);
    expect(platform.errors).toEqual([]);
  });

  it('asks with the open dialog when no path is given; cancelling opens nothing', async () => {
    const a = makeDocument('甲.ziping');
    await windows.openFromCommandLine([], dir);
    expect(await windows.shell['window/openDocument'](1, { path: null })).toEqual({
      ok: true,
      value: { opened: false },
    });
    platform.openAnswers.push(a);
    expect(await windows.shell['window/openDocument'](1, { path: null })).toEqual({
      ok: true,
      value: { opened: true },
    });
  });

  it('tells the user why a file cannot be opened and keeps a window to work in', async () => {
    const junk = path.join(dir, '坏的.ziping');
    writeFileSync(junk, 'not sqlite');
    await windows.openFromCommandLine(['ziping', junk], '/');
    expect(platform.errors).toHaveLength(1);
    expect(platform.errors[0]).toMatch(/[\u4e00-\u9fff]/);
    expect(platform.windows).toHaveLength(1);
    expect(windows.serviceFor(1)?.current).toBeNull();
  });

  it('opens a document someone else has read-only, with the notice, and says so in the title', async () => {
    const a = makeDocument('甲.ziping');
    const other = new AppService(dataDir); // someone else editing it (their owner file is beside it)
    expect(other.call('doc/open', { path: a }).ok).toBe(true);
    await windows.openFromCommandLine(['ziping', a], '/');
    const doc = windows.serviceFor(1)?.current;
    expect(doc?.readOnly).toBe(true);
    expect(doc?.readOnlyNotice).toMatch(/只读|正在/);
    expect(platform.windows[0]?.title).toBe('甲.ziping（只读） - 自评表编辑器');
    other.call('doc/close', { discard: true });
  });
});

describe('closing a window', () => {
  /** The close button: the page is asked to commit open edits and answers at once. */
  async function closeButton(w: DocumentWindows, id: number): Promise<boolean> {
    const now = w.mayClose(id);
    if (!now) await w.shell['window/editsCommitted'](id, {});
    await settle();
    return now;
  }

  it('an empty window closes at once', async () => {
    await windows.openFromCommandLine([], dir);
    expect(windows.mayClose(1)).toBe(true);
    expect(platform.windows[0]?.sent).toEqual([]);
  });

  it('first lets the page commit what is being typed, then closes when nothing is unsaved', async () => {
    await windows.openFromCommandLine(['ziping', makeDocument('甲.ziping')], '/');
    expect(windows.mayClose(1)).toBe(false);
    expect(windows.mayClose(1)).toBe(false); // a second click while waiting asks nothing new
    expect(platform.windows[0]?.sent).toEqual(['commitEdits']);
    await windows.shell['window/editsCommitted'](1, {});
    await settle();
    expect(platform.asked).toEqual([]);
    expect(platform.windows[0]?.closeRequests).toBe(1);
    expect(windows.mayClose(1)).toBe(true);
  });

  it('goes on closing when the page does not answer in time', async () => {
    const w = new DocumentWindows(platform, dataDir, new SettingsStore(dataDir), 5);
    await w.openFromCommandLine(['ziping', makeDocument('甲.ziping')], '/');
    const id = platform.windows[0]?.id ?? 0;
    await w
      .serviceFor(id)
      ?.invoke('doc/apply', { patches: [{ op: 'setMeta', field: 'unit', value: '改过的单位' }] });
    platform.saveChoices.push('cancel');
    expect(w.mayClose(id)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(platform.asked).toEqual(['close:甲.ziping']);
    await w.closed(id);
  });

  it('stops an export the window started; it leaves no file', async () => {
    await windows.openFromCommandLine(['ziping', makeDocument('甲.ziping')], '/');
    const id = platform.windows[0]?.id ?? 0;
    const service = windows.serviceFor(id);
    if (!service) throw new Error('no service');
    const forms = generatedDocument(6, 30, 'national').forms;
    const patches = forms.map((form, index) => ({ op: 'insertForm', index, form }));
    expect((await service.invoke('doc/apply', { patches })).ok).toBe(true);
    // Left alone, the same export writes one workbook per form.
    const whole = await service.invoke('doc/exportXlsx', { path: path.join(dir, '完整'), draft: true });
    expect(whole.ok).toBe(true);
    expect(readdirSync(path.join(dir, '完整'))).toHaveLength(6);

    const out = path.join(dir, '导出');
    // Without a job id of its own, as a script would ask.
    const running = service.invoke('doc/exportXlsx', { path: out, draft: true });
    await windows.closed(id);
    const r = await running;
    expect(r.ok === false && r.error.code).toBe('cancelled');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes('导出'))).toEqual([]);
  });

  it('a document service that dies: the window says so in Chinese, shows its page afresh, works on', async () => {
    await windows.openFromCommandLine(['ziping', makeDocument('甲.ziping')], '/');
    expect((await edit(windows, 1))?.ok).toBe(true);
    const reloads = platform.windows[0]?.reloads ?? 0;
    await platform.hosts[0]?.stop();
    await settle();
    expect(platform.errors).toEqual([HOST_CRASHED.message]);
    expect(platform.errors[0]).toMatch(/^文档服务意外退出，正在重新启动；未保存的修改可从“恢复”中找回/);
    expect(platform.windows[0]?.reloads).toBe(reloads + 1);
    expect(platform.windows[0]?.title).toBe('自评表编辑器');
    expect(platform.hosts).toHaveLength(2);
    const service = windows.serviceFor(1);
    expect(service?.current).toBeNull();
    expect((await service?.invoke('app/state', {}))?.ok).toBe(true);
  });

  it('asks 保存更改？; 取消 keeps the window and the edits, and a later close asks again', async () => {
    await windows.openFromCommandLine(['ziping', makeDocument('甲.ziping')], '/');
    expect((await edit(windows, 1))?.ok).toBe(true);
    windows.afterCall(1);
    expect(platform.windows[0]?.title).toBe('甲.ziping * - 自评表编辑器');
    platform.saveChoices.push('cancel', 'cancel');
    expect(await closeButton(windows, 1)).toBe(false);
    expect(platform.asked).toEqual(['close:甲.ziping']);
    expect(platform.windows[0]?.closeRequests).toBe(0);
    expect(windows.serviceFor(1)?.current?.dirty).toBe(true);
    await closeButton(windows, 1);
    expect(platform.asked).toEqual(['close:甲.ziping', 'close:甲.ziping']);
  });

  it('保存 saves into the file, then closes the window', async () => {
    const a = makeDocument('甲.ziping');
    await windows.openFromCommandLine(['ziping', a], '/');
    await edit(windows, 1);
    platform.saveChoices.push('save');
    await closeButton(windows, 1);
    expect(platform.windows[0]?.closeRequests).toBe(1);
    expect(windows.mayClose(1)).toBe(true); // the second close goes through
    const check = new AppService(dataDir);
    expect(check.call('doc/open', { path: a, readOnly: true }).ok).toBe(true);
    expect(check.current?.document.meta.unit).toBe('改过的单位');
    check.call('doc/close', { discard: true });
  });

  it('不保存 discards the edits (the file keeps its content) and closes', async () => {
    const a = makeDocument('甲.ziping');
    await windows.openFromCommandLine(['ziping', a], '/');
    await edit(windows, 1);
    platform.saveChoices.push('discard');
    await closeButton(windows, 1);
    expect(platform.windows[0]?.closeRequests).toBe(1);
    expect(windows.serviceFor(1)?.current).toBeNull();
    const check = new AppService(dataDir);
    expect(check.call('doc/open', { path: a, readOnly: true }).ok).toBe(true);
    expect(check.current?.document.meta.unit).toBe('测试单位');
    // and nothing is offered for recovery
    expect(listRecoverable(dataDir)).toEqual([]);
    check.call('doc/close', { discard: true });
  });

  it('保存 of a new document asks where; cancelling that keeps the window open', async () => {
    await windows.openFromCommandLine([], dir);
    await windows
      .serviceFor(1)
      ?.invoke('doc/new', { path: null, unit: '某局', year: 2024, layout: 'national' });
    await edit(windows, 1);
    platform.saveChoices.push('save', 'save');
    platform.saveAnswers.push(null);
    await closeButton(windows, 1);
    expect(platform.asked).toEqual(['close:未命名', 'save:改过的单位2024年自评.ziping']);
    expect(platform.windows[0]?.closeRequests).toBe(0);

    const target = path.join(dir, '新.ziping');
    platform.saveAnswers.push(target);
    await closeButton(windows, 1);
    expect(platform.windows[0]?.closeRequests).toBe(1);
    expect(existsSync(target)).toBe(true);
  });
});

describe('settings: window place and recent documents', () => {
  it('remembers the window size and place in settings.json (written whole) and reuses it', async () => {
    const store = new SettingsStore(dataDir);
    store.update((s) => ({ ...s, window: { x: 100, y: 80, width: 1000, height: 700, maximized: false } }));
    const reread = new SettingsStore(dataDir);
    expect(reread.current.window).toEqual({ x: 100, y: 80, width: 1000, height: 700, maximized: false });
    expect(JSON.parse(readFileSync(reread.file, 'utf8')).window.width).toBe(1000);

    const w = new DocumentWindows(platform, dataDir, reread);
    await w.openFromCommandLine([], dir);
    expect(platform.windows[0]?.place).toEqual({ x: 100, y: 80, width: 1000, height: 700, maximized: false });
    // closing records where the window was
    platform.windows[0]!.place.x = 300;
    w.mayClose(platform.windows[0]!.id);
    expect(new SettingsStore(dataDir).current.window?.x).toBe(300);
    await w.closed(platform.windows[0]!.id);
  });

  it('reads a damaged settings file as defaults and keeps working', () => {
    new SettingsStore(dataDir).update((s) => s);
    writeFileSync(
      path.join(dataDir, 'settings.json'),
      '{"window": {"width": "wide"}, "recent": [1, "a.ziping"]',
    );
    expect(new SettingsStore(dataDir).current).toEqual({ window: null, recent: [] });
    writeFileSync(
      path.join(dataDir, 'settings.json'),
      '{"window": {"width": 5, "height": 5}, "recent": [1, "a.ziping"]}',
    );
    expect(new SettingsStore(dataDir).current).toEqual({ window: null, recent: ['a.ziping'] });
  });

  it('cascades new windows and moves a window back on screen when its monitor is gone', () => {
    const saved = { x: 100, y: 100, width: 1000, height: 700, maximized: false };
    const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];
    expect(placeWindow(saved, screen, 0)).toEqual(saved);
    expect(placeWindow(saved, screen, 2)).toMatchObject({
      x: 100 + 2 * CASCADE_STEP,
      y: 100 + 2 * CASCADE_STEP,
    });
    expect(placeWindow({ ...saved, x: 2500 }, screen, 0)).toEqual({
      width: 1000,
      height: 700,
      maximized: false,
    });
    expect(placeWindow({ ...saved, width: 3000, height: 2000 }, screen, 0)).toMatchObject({
      width: 1920,
      height: 1040,
    });
    expect(placeWindow(null, [], 0)).toEqual({ width: 1280, height: 800, maximized: false });
  });

  it('keeps the recent list newest first, without duplicates, bounded; opening adds to it and the menu', async () => {
    let list: string[] = [];
    for (let i = 0; i < RECENT_LIMIT + 3; i++) list = withRecent(list, `/d/${i}.ziping`);
    list = withRecent(list, '/d/5.ziping');
    expect(list).toHaveLength(RECENT_LIMIT);
    expect(list[0]).toBe('/d/5.ziping');
    expect(list.filter((p) => p === '/d/5.ziping')).toHaveLength(1);

    const a = makeDocument('甲.ziping');
    await windows.openFromCommandLine(['ziping', a], '/');
    expect(await windows.shell['shell/recentDocuments'](1, {})).toEqual({ ok: true, value: [a] });
    expect(platform.recentShown.at(-1)).toEqual([a]);
    await windows.runMenuAction({ kind: 'clearRecent' }, 1);
    expect(new SettingsStore(dataDir).current.recent).toEqual([]);
    expect(platform.recentShown.at(-1)).toEqual([]);
  });
});

describe('menu actions', () => {
  it('sends document commands to the focused window only; 关闭 asks that window to close', async () => {
    await windows.openFromCommandLine(['ziping', makeDocument('甲.ziping')], '/');
    await windows.openFromCommandLine(['ziping', makeDocument('乙.ziping')], '/');
    windows.focused(1);
    await windows.runMenuAction({ kind: 'window', command: 'save' }, 1);
    await windows.runMenuAction({ kind: 'closeWindow' }, 1);
    expect(platform.windows[0]?.sent).toEqual(['save']);
    expect(platform.windows[1]?.sent).toEqual([]);
    expect(platform.windows[0]?.closeRequests).toBe(1);
    await windows.runMenuAction({ kind: 'window', command: 'undo' }, null);
    expect(platform.windows[0]?.sent).toEqual(['save']);
  });

  it('新建 focuses an empty window if there is one, else opens one', async () => {
    await windows.openFromCommandLine(['ziping', makeDocument('甲.ziping')], '/');
    await windows.runMenuAction({ kind: 'newWindow' }, 1);
    expect(platform.windows).toHaveLength(2);
    await windows.runMenuAction({ kind: 'newWindow' }, 1);
    expect(platform.windows).toHaveLength(2);
    expect(platform.windows[1]?.focusCount).toBe(1);
  });

  it('打开 and 最近打开 open through the same path as a double-click', async () => {
    const a = makeDocument('甲.ziping');
    await windows.openFromCommandLine([], dir);
    platform.openAnswers.push(a);
    await windows.runMenuAction({ kind: 'open' }, 1);
    expect(windows.serviceFor(1)?.current?.path).toBe(a);
    await windows.runMenuAction({ kind: 'openRecent', path: a }, 1);
    expect(platform.windows).toHaveLength(1);
    await windows.runMenuAction({ kind: 'about' }, 1);
    expect(platform.asked).toContain('about');
  });

  it('以审核身份打开 opens the chosen document as a reviewer (its data read-only, review data allowed)', async () => {
    const a = makeDocument('甲.ziping');
    await windows.openFromCommandLine([], dir);
    platform.openAnswers.push(a);
    await windows.runMenuAction({ kind: 'openForReview' }, 1);
    const session = windows.serviceFor(1)?.current;
    expect(session?.path).toBe(a);
    expect(session?.reviewing).toBe(true);
    expect(session?.readOnlyNotice).toMatch(/审核模式/);
  });

  it('the start panel asks for a review session through the shell call', async () => {
    const a = makeDocument('甲.ziping');
    await windows.openFromCommandLine([], dir);
    expect(await windows.shell['window/openDocument'](1, { path: a, review: true })).toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(windows.serviceFor(1)?.current?.reviewing).toBe(true);
  });

  it('the start panel’s 只读 opens read-only through the shell call, in this window and in a new one', async () => {
    const a = makeDocument('甲.ziping');
    const b = makeDocument('乙.ziping');
    await windows.openFromCommandLine([], dir);
    for (const [file, id] of [
      [a, 1],
      [b, 2],
    ] as const) {
      expect(await windows.shell['window/openDocument'](1, { path: file, readOnly: true })).toEqual({
        ok: true,
        value: { opened: true },
      });
      expect(windows.serviceFor(id)?.current).toMatchObject({ path: file, readOnly: true, reviewing: false });
      expect(platform.windows[id - 1]?.title).toBe(`${path.basename(file)}（只读） - 自评表编辑器`);
      expect(await edit(windows, id)).toMatchObject({ ok: false });
      expect(windows.serviceFor(id)?.current?.meta.unit).toBe('测试单位');
    }
  });
});
