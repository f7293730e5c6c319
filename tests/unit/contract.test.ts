/**
 * The runtime contract (shared/contract.ts): its derived types, one handler per call (the
 * compiler checks AppService's handler map against it; here it is checked at run time too), and
 * bad arguments refused before any handler runs — over IPC (a window of the desktop shell) and
 * over HTTP (browser mode: 400, and 404 for a name that is no call). Ids that would name another
 * folder ('' or '..' as a recovery session) are refused and delete nothing.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  CONTRACT,
  HANDLER_NAMES,
  SHELL_CONTRACT,
  SHELL_HANDLER_NAMES,
  isHandlerName,
  isShellHandlerName,
  parseArgs,
  parseShellArgs,
  reportsProgress,
  type Args,
  type ChooseRequest,
  type CompareAgainst,
  type ExportJobProgress,
  type HandlerName,
  type ShellArgs,
  type ShellHandlerName,
  type ShellValue,
  type Value,
} from '../../shared/contract';
import { AppService } from '../../electron/services/handlers';
import { discardRecoverable, recover } from '../../electron/services/document-store';
import { APP_ENTRY_URL } from '../../electron/main/security';
import { handleInvoke, handleShell, type CallerEvent } from '../../electron/main/ipc';
import { SettingsStore } from '../../electron/main/settings';
import { DocumentWindows } from '../../electron/main/windows';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { FakePlatform } from '../support/fake-shell';
import { useTempDir } from '../support/temp-dir';

const ID_RULE = '应为 1–64 个字母、数字、“-”或“_”';

/** Arguments the renderer sends: each call's must parse (the map must name every call). */
const VALID: { [N in HandlerName]: Args<N> } = {
  'app/state': {},
  'doc/open': { path: '/tmp/甲.ziping', review: true },
  'doc/new': { path: null, unit: '测试单位', year: 2024, layout: 'national' },
  'doc/apply': { patches: [{ op: 'setMeta', field: 'unit', value: '新单位' }] },
  'doc/save': {},
  'doc/saveAs': { path: '/tmp/乙.ziping' },
  'doc/close': { discard: false },
  'doc/exportXlsx': { path: '/tmp/出', draft: true, formIds: ['f1'], jobId: 'job-1', review: false },
  'doc/exportJson': { path: '/tmp/表.json' },
  'forms/read': { path: '/tmp/表.xlsx' },
  'review/apply': { patches: [{ op: 'removeReview', id: 'r1' }] },
  'review/read': { path: '/tmp/甲.ziping-review' },
  'review/saveAs': { path: '/tmp/甲.ziping-review' },
  'doc/rebuildCleanCopy': { from: '/tmp/甲.ziping', to: '/tmp/甲-干净副本.ziping' },
  'recovery/recover': { sessionId: '0b7e5f0c-1c2d-4a8e-9f00-123456789abc' },
  'recovery/discard': { sessionId: '0b7e5f0c-1c2d-4a8e-9f00-123456789abc' },
  'export/progress': { jobId: 'job-1' },
  'export/cancel': { jobId: 'job_1' },
  'history/list': { cell: { section: 'meta', field: 'unit' } },
  'history/versions': {},
  'compare/file': { path: '/tmp/去年.ziping' },
  'compare/version': { saveSeq: 1 },
  'compare/exportXlsx': { against: { kind: 'version', saveSeq: 2 }, path: '/tmp/比较.xlsx' },
  'doc/exportReport': { path: '/tmp/自评报告.docx' },
  'doc/rollover': { path: '/tmp/2025.ziping' },
  'forms/readTargets': { path: '/tmp/申报表.xlsx' },
  'library/get': {},
  'library/importXlsx': { path: '/tmp/指标库.xlsx' },
  'library/exportXlsx': { path: '/tmp/指标库.xlsx' },
  'units/scan': { paths: ['/tmp/各单位'], jobId: 'scan-1' },
  'units/exportXlsx': { paths: ['/tmp/各单位'], path: '/tmp/总览.xlsx' },
  'user/get': {},
  'user/set': { name: '张三', unit: '某某县财政局' },
  'review/seen': {},
  'review/markSeen': { at: '2026-12-05T10:00:00.000Z' },
  'view/get': {},
  'view/set': { change: { zoom: 125, sidebar: 'rail' } },
};

/** Arguments a page could send instead, and the message each is refused with (every call has one). */
const BAD: { [N in HandlerName]: [unknown, string] } = {
  'app/state': [null, '请求参数应为对象'],
  'doc/open': [{ path: 'a\0b' }, '参数 path 不是有效的文件路径'],
  'doc/new': [{ path: null, unit: '单位', year: 'x', layout: 'national' }, '参数 year 应为2000–2100'],
  'doc/apply': [{ patches: [{ op: 'rm -rf' }] }, '不认识的修改：rm -rf'],
  'doc/save': ['x', '请求参数应为对象'],
  'doc/saveAs': [{}, '缺少保存位置（参数 path 应为文件路径）'],
  'doc/close': [{ discard: 'yes' }, '参数 discard 应为是或否'],
  'doc/exportXlsx': [{ path: '/tmp/出', formIds: ['f1', 7] }, '参数 formIds[1] 应为表格编号'],
  'doc/exportJson': [{ path: '/tmp/表.exe' }, '导出位置应为 .json 文件（参数 path）'],
  'forms/read': [{ path: 3 }, '缺少要导入的文件'],
  'review/apply': [{ patches: [{ op: 'putReview' }] }, '批注、核查分数或审核状态的内容不完整'],
  'review/read': [{ path: '' }, '缺少审核文件'],
  'review/saveAs': [{ path: '/tmp/审核.ziping' }, '审核文件的保存位置应为 .ziping-review 文件'],
  'doc/rebuildCleanCopy': [
    { from: '/tmp/甲.ziping', to: '/tmp/x.txt' },
    '干净副本的保存位置应为 .ziping 文件',
  ],
  'recovery/recover': [{ sessionId: '..' }, `参数 sessionId ${ID_RULE}`],
  'recovery/discard': [{ sessionId: '' }, `参数 sessionId ${ID_RULE}`],
  'export/progress': [{ jobId: '../x' }, `参数 jobId ${ID_RULE}`],
  'export/cancel': [{}, `参数 jobId ${ID_RULE}`],
  'history/list': [{ formId: '' }, '参数 formId 应为表格编号'],
  'history/versions': [[], '请求参数应为对象'],
  'compare/file': [{ path: '/tmp/表.xlsx' }, '只能与自评表文档（.ziping）比较'],
  'compare/version': [{ saveSeq: 0 }, '参数 saveSeq 应为不小于 1 的整数'],
  'compare/exportXlsx': [
    { against: { kind: 'other' }, path: '/tmp/比较.xlsx' },
    '比较对象应为文件或已保存的版本',
  ],
  'doc/exportReport': [{ path: '/tmp/自评报告.doc' }, '自评报告的保存位置应为 .docx 文件'],
  'doc/rollover': [{ path: '/tmp/2025.xlsx' }, '新文档的保存位置应为 .ziping 文件'],
  'forms/readTargets': [{ path: '/tmp/申报表.xls' }, '绩效目标申报表应为 .xlsx 文件'],
  'library/get': [7, '请求参数应为对象'],
  'view/get': [7, '请求参数应为对象'],
  'view/set': [{ change: { zoom: 400 } }, '参数 change.zoom 应在 50 到 200 之间'],
  'library/importXlsx': [{}, '缺少指标库文件'],
  'library/exportXlsx': [{ path: '/tmp/指标库.csv' }, '指标库的保存位置应为 .xlsx 文件'],
  'units/scan': [{ paths: ['/tmp/甲', ''] }, '缺少要汇总的文件夹'],
  'units/exportXlsx': [{ paths: ['/tmp/甲'], path: '/tmp/总览.csv' }, '导出位置应为 .xlsx 文件'],
  'user/get': ['x', '请求参数应为对象'],
  'user/set': [{ name: '  ', unit: '' }, '请填写姓名'],
  'review/seen': [null, '请求参数应为对象'],
  'review/markSeen': [{ at: '昨天' }, '参数 at 应为时间（ISO 格式）'],
};

const SHELL_VALID: { [N in ShellHandlerName]: ShellArgs<N> } = {
  'window/openDocument': { path: null, readOnly: true, review: true },
  'dialog/choose': {
    mode: 'save',
    title: '导出 Excel',
    kinds: ['.xlsx'],
    suggested: '甲.xlsx',
    confirm: '导出',
  },
  'shell/recentDocuments': {},
  'window/editsCommitted': {},
  'print/savePdf': { html: '<!doctype html><p>表</p>', suggestedName: '甲.pdf' },
};

const tempDir = useTempDir('ziping-contract-');

describe('the contract as a value', () => {
  it('derives the types of each call from its entry', () => {
    expectTypeOf<Args<'doc/open'>>().toEqualTypeOf<{ path: string; readOnly?: boolean; review?: boolean }>();
    expectTypeOf<Args<'compare/exportXlsx'>>().toEqualTypeOf<{ against: CompareAgainst; path: string }>();
    expectTypeOf<Args<'doc/save'>>().toEqualTypeOf<Record<string, never>>();
    expectTypeOf<Value<'doc/close'>>().toEqualTypeOf<null>();
    expectTypeOf<Value<'export/progress'>>().toEqualTypeOf<ExportJobProgress | null>();
    expectTypeOf<ShellArgs<'dialog/choose'>>().toEqualTypeOf<ChooseRequest>();
    expectTypeOf<ShellValue<'dialog/choose'>>().toEqualTypeOf<string[]>();
  });

  it('lists its names, and knows only its own (nothing inherited)', () => {
    expect(HANDLER_NAMES).toEqual(Object.keys(CONTRACT));
    expect(SHELL_HANDLER_NAMES).toEqual(Object.keys(SHELL_CONTRACT));
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'doc/delete', 7, null]) {
      expect(isHandlerName(name), String(name)).toBe(false);
      expect(isShellHandlerName(name), String(name)).toBe(false);
    }
    expect(isShellHandlerName('doc/open')).toBe(false);
    expect(isHandlerName('dialog/choose')).toBe(false);
  });

  it('marks the calls that report progress while they run', () => {
    expect(HANDLER_NAMES.filter(reportsProgress)).toEqual(['doc/exportXlsx', 'units/scan']);
  });

  it('has a handler for every call and no handler for anything else', () => {
    expect(new AppService(path.join(tempDir(), 'names')).handledNames().sort()).toEqual(
      [...HANDLER_NAMES].sort(),
    );
    const windows = new DocumentWindows(
      new FakePlatform(),
      tempDir(),
      new SettingsStore(path.join(tempDir(), 'settings')),
    );
    expect(Object.keys(windows.shell).sort()).toEqual([...SHELL_HANDLER_NAMES].sort());
  });

  it('parses the arguments the renderer sends, keeping only the fields it names', () => {
    for (const name of HANDLER_NAMES) {
      expect(parseArgs(name, VALID[name]), name).toEqual({ ok: true, value: VALID[name] });
    }
    for (const name of SHELL_HANDLER_NAMES) {
      expect(parseShellArgs(name, SHELL_VALID[name]), name).toEqual({ ok: true, value: SHELL_VALID[name] });
    }
    expect(parseArgs('doc/save', { evil: true })).toEqual({ ok: true, value: {} });
  });
});

describe('bad arguments are refused before any handler runs', () => {
  let windows: DocumentWindows;
  const from: CallerEvent = { sender: { id: 1 }, senderFrame: { url: APP_ENTRY_URL, parent: null } };
  beforeAll(async () => {
    const dataDir = path.join(tempDir(), 'ipc');
    windows = new DocumentWindows(new FakePlatform(), dataDir, new SettingsStore(dataDir));
    await windows.openFromCommandLine([], tempDir());
  });

  it('over IPC: the call answers bad-request with the message naming the argument', async () => {
    for (const name of HANDLER_NAMES) {
      const [args, message] = BAD[name];
      const r = await handleInvoke(windows, from, name, args);
      expect(r, name).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      if (!r.ok) expect(r.error.message, name).toContain(message);
    }
    // Nothing was opened or created by any of them.
    expect(windows.serviceFor(1)?.current).toBeNull();
  });

  it('over IPC, shell calls too', async () => {
    const cases: [ShellHandlerName, unknown, string][] = [
      ['window/openDocument', { path: '' }, '缺少要打开的文件'],
      [
        'dialog/choose',
        { mode: 'open', title: '打开', kinds: ['.exe'], confirm: '打开' },
        '参数 kinds[0] 应为',
      ],
      ['dialog/choose', null, '请求参数应为对象'],
    ];
    for (const [name, args, message] of cases) {
      const r = await handleShell(windows, from, name, args);
      expect(r.ok === false && r.error.message, name).toContain(message);
    }
  });

  describe('over HTTP (browser mode)', () => {
    let server: WebServer;
    beforeAll(async () => {
      const web = path.join(tempDir(), 'web');
      mkdirSync(web, { recursive: true });
      server = await startWebServer({
        service: new AppService(path.join(tempDir(), 'http')),
        staticDir: web,
      });
    });
    afterAll(() => server.close());

    const post = (name: string, body: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port: server.port,
            path: `/api/${name}`,
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-ziping-token': server.token },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
            );
          },
        );
        req.on('error', reject);
        req.end(body);
      });

    it('answers 400 with the message for bad arguments', async () => {
      for (const name of HANDLER_NAMES) {
        const [args, message] = BAD[name];
        const res = await post(name, JSON.stringify(args));
        expect(res.status, name).toBe(400);
        expect(JSON.parse(res.body).error.message, name).toContain(message);
      }
      expect((await post('app/state', '{}')).status).toBe(200);
    });

    it('answers 404 for a route that is no call of the contract', async () => {
      for (const name of ['nope', '__proto__', 'constructor', 'dialog/choose', 'doc']) {
        const res = await post(name, '{}');
        expect(res.status, name).toBe(404);
        expect(JSON.parse(res.body).error.message).toBe(`不认识的请求：${name}`);
      }
    });
  });
});

describe('ids and paths that name another folder', () => {
  it('recovery refuses them and deletes nothing: not the working copies, not the data folder', async () => {
    const dataDir = path.join(tempDir(), 'traversal', 'data');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path.join(dataDir, 'settings.json'), '{}');
    const service = new AppService(dataDir);
    expect(service.call('doc/new', { path: null, unit: '单位', year: 2024, layout: 'national' }).ok).toBe(
      true,
    );
    const working = path.join(dataDir, 'working');
    const copies = readdirSync(working);
    expect(copies).toHaveLength(1);

    const ids = ['', '.', '..', '../..', '/', '\\', `..${path.sep}data`, 'a/../..', '..\\..'];
    for (const sessionId of ids) {
      for (const name of ['recovery/discard', 'recovery/recover'] as const) {
        const r = await service.invoke(name, { sessionId });
        expect(r.ok === false && r.error.code, `${name} ${JSON.stringify(sessionId)}`).toBe('bad-request');
      }
      // The store itself refuses them too, whoever calls it.
      discardRecoverable(dataDir, sessionId);
      expect(recover(dataDir, sessionId).ok).toBe(false);
    }
    expect(existsSync(path.join(dataDir, 'settings.json'))).toBe(true);
    expect(readdirSync(working)).toEqual(copies);
    expect(service.call('doc/close', { discard: true }).ok).toBe(true);
  });
});
