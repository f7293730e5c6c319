/**
 * The renderer's one file chooser on the desktop (issue #19): with the preload bridge present,
 * every file question (另存为, 导入, 导出 from the menu, the document tools, 审核文件另存为) is one
 * shell call 'dialog/choose' carrying the request, and its answer is what the action uses. A
 * stand-in bridge records the calls (the in-app chooser is browser mode's, tested end to end).
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallResult, ChooseRequest, ZipingBridge } from '../../shared/contract';
import type { DocumentStore } from '../../renderer/src/state/documentStore';
import type { PendingEdits } from '../../renderer/src/state/pendingEdits';
import type { Exchange } from '../../renderer/src/views/useExchange';

type Modules = {
  chooser: typeof import('../../renderer/src/state/fileChooser');
  names: typeof import('../../renderer/src/state/fileNames');
  actions: typeof import('../../renderer/src/views/fileActions');
  tools: typeof import('../../renderer/src/views/toolTargets');
};
let m: Modules;

/** The shell calls made, and what the next 'dialog/choose' answers. */
const shellCalls: { name: string; args: unknown }[] = [];
let answers: CallResult<string[]>[] = [];

beforeAll(async () => {
  const bridge = {
    invoke: () => Promise.resolve({ ok: true, value: null }),
    shell: (name: string, args: unknown) => {
      shellCalls.push({ name, args });
      return Promise.resolve(answers.shift() ?? { ok: true, value: [] });
    },
    onMenuCommand: () => () => {},
  } as unknown as ZipingBridge;
  // The client reads the bridge when it is first imported.
  Object.assign(globalThis, { window: { location: { search: '' }, ziping: bridge } });
  m = {
    chooser: await import('../../renderer/src/state/fileChooser'),
    names: await import('../../renderer/src/state/fileNames'),
    actions: await import('../../renderer/src/views/fileActions'),
    tools: await import('../../renderer/src/views/toolTargets'),
  };
});

beforeEach(() => {
  shellCalls.length = 0;
  answers = [];
});

/** The one call made, which must be 'dialog/choose': its request. */
function askedOnce(): ChooseRequest {
  expect(shellCalls.map((c) => c.name)).toEqual(['dialog/choose']);
  return shellCalls[0]?.args as ChooseRequest;
}

/** A document store with only what these actions read and do, recording saves. */
function fakeStore(path: string | null) {
  const saved: string[] = [];
  const store = {
    status: { path, reviewFile: null },
    doc: { meta: { unit: '某局', year: 2024 } },
    saveAs: (p: string) => (saved.push(`doc:${p}`), Promise.resolve(true)),
    saveReviewAs: (p: string) => (saved.push(`review:${p}`), Promise.resolve(true)),
    setMessage: () => {},
  } as unknown as DocumentStore;
  return { store, saved };
}
const pendingEdits = { commitAll: () => Promise.resolve() } as unknown as PendingEdits;

describe('fileChooser.choose on the desktop', () => {
  it('sends the request as it is and answers the first path (null when cancelled)', async () => {
    const request: ChooseRequest = {
      mode: 'open',
      title: '打开文件',
      kinds: ['.ziping', '.xlsx'],
      confirm: '打开',
    };
    answers = [{ ok: true, value: ['/home/甲/某局.ziping'] }];
    expect(await m.chooser.fileChooser.choose(request)).toBe('/home/甲/某局.ziping');
    expect(askedOnce()).toEqual(request);
    expect(await m.chooser.fileChooser.choose(request)).toBeNull();
    // The in-app chooser is never shown on the desktop.
    expect(m.chooser.fileChooser.get()).toBeNull();
  });

  it('throws the shell’s reason when it refuses the request', async () => {
    answers = [{ ok: false, error: { code: 'bad-request', message: '打开文件时应说明文件类型' } }];
    await expect(
      m.chooser.fileChooser.choose({ mode: 'open', title: '打开', kinds: [], confirm: '打开' }),
    ).rejects.toThrow('打开文件时应说明文件类型');
  });
});

describe('the file actions ask with dialog/choose', () => {
  it('另存为: a .ziping save beside the document, then saved there', async () => {
    const { store, saved } = fakeStore('/home/甲/某局2024年.ziping');
    answers = [{ ok: true, value: ['/home/乙/副本.ziping'] }];
    expect(await m.names.saveToChosenPlace(store, pendingEdits)).toBe(true);
    expect(askedOnce()).toEqual({
      mode: 'save',
      title: '另存为',
      kinds: ['.ziping'],
      suggested: '/home/甲/某局2024年.ziping',
      confirm: '保存',
    });
    expect(saved).toEqual(['doc:/home/乙/副本.ziping']);
  });

  it('导入: several workbooks or JSON files at once, all imported', async () => {
    const imported: string[][] = [];
    const exchange = {
      importFrom: (paths: string[]) => (imported.push(paths), Promise.resolve()),
    } as unknown as Exchange;
    answers = [{ ok: true, value: ['/a/一.xlsx', '/a/二.json'] }];
    await m.actions.runFileAction('import', fakeStore(null).store, pendingEdits, exchange);
    expect(askedOnce()).toEqual({
      mode: 'open',
      title: '导入表格：Excel 工作簿或表格 JSON',
      kinds: ['.xlsx', '.json'],
      confirm: '导入',
      multiple: true,
    });
    expect(imported).toEqual([['/a/一.xlsx', '/a/二.json']]);
  });

  it('审核文件另存为: a .ziping-review save named after the document', async () => {
    const { store, saved } = fakeStore('/home/甲/某局.ziping');
    answers = [{ ok: true, value: ['/home/甲/某局.ziping-review'] }];
    await m.actions.runFileAction('reviewSaveAs', store, pendingEdits, {} as Exchange);
    expect(askedOnce()).toMatchObject({
      mode: 'save',
      kinds: ['.ziping-review'],
      suggested: '/home/甲/某局.ziping-review',
    });
    expect(saved).toEqual(['review:/home/甲/某局.ziping-review']);
  });

  it('the document tools: a .docx report saved, a .xlsx 申报表 opened', async () => {
    const { store } = fakeStore('/home/甲/某局.ziping');
    answers = [{ ok: true, value: ['/home/甲/报告.docx'] }];
    expect(await m.tools.chooseToolTarget(store, 'exportReport')).toBe('/home/甲/报告.docx');
    expect(askedOnce()).toEqual({
      mode: 'save',
      title: '生成自评报告',
      kinds: ['.docx'],
      suggested: '/home/甲/某局-自评报告.docx',
      confirm: '保存',
    });
    shellCalls.length = 0;
    expect(await m.tools.chooseToolTarget(store, 'importTargets')).toBeNull();
    expect(askedOnce()).toEqual({
      mode: 'open',
      title: '导入绩效目标申报表',
      kinds: ['.xlsx'],
      confirm: '打开',
    });
  });
});
