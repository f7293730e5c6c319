/**
 * The document service in a real worker_threads Worker behind ServiceClient (what browser mode
 * runs): a copy of the sample .ziping opened, patched, saved and read back; an export's progress
 * events and its cancel by signal; a host that dies mid-export answers with the Chinese crash
 * error, comes back, and offers the unsaved edit for recovery.
 */
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportJobProgress, OpenedDocument, RecoverableDocument } from '../../shared/contract';
import { AppService } from '../../electron/services/handlers';
import { ServiceClient, type HostProcess } from '../../electron/services/service-host/client';
import { HOST_CRASHED } from '../../electron/services/service-host/protocol';
import { workerHost } from '../../electron/services/service-host/worker-launcher';
import { SAMPLE_PATH } from '../../scripts/build-sample';
import { generatedDocument } from '../support/documents';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('ziping-service-host-');
const FORMS = 40;
let clients: ServiceClient[] = [];
let launched: HostProcess[] = [];

afterEach(async () => {
  for (const c of clients) await c.close();
  clients = [];
  launched = [];
});

function startClient(name: string, onRestart?: () => void): ServiceClient {
  const launch = workerHost();
  const client = new ServiceClient(
    () => {
      const host = launch();
      launched.push(host);
      return host;
    },
    { dataDir: join(tempDir(), name, 'data') },
    onRestart,
  );
  clients.push(client);
  return client;
}

async function value<T>(
  promise: Promise<{ ok: true; value: unknown } | { ok: false; error: { message: string } }>,
) {
  const r = await promise;
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

/** A new document of FORMS generated forms, open in the client. */
async function generated(client: ServiceClient): Promise<void> {
  await value(client.invoke('doc/new', { path: null, unit: '测试单位', year: 2024, layout: 'national' }));
  const patches = generatedDocument(FORMS, 30).forms.map((form, index) => ({
    op: 'insertForm',
    index,
    form,
  }));
  await value(client.invoke('doc/apply', { patches }));
}

describe('the document service in a worker thread', { timeout: 60_000 }, () => {
  it('opens a real .ziping, applies a patch, saves it into the file', async () => {
    const file = join(tempDir(), '示例.ziping');
    copyFileSync(SAMPLE_PATH, file);
    const client = startClient('save');
    const opened = await value<OpenedDocument>(client.invoke('doc/open', { path: file }));
    expect(client.current?.path).toBe(file);
    expect(opened.document.forms.length).toBeGreaterThan(0);

    await value(
      client.invoke('doc/apply', { patches: [{ op: 'setMeta', field: 'unit', value: '改过的单位' }] }),
    );
    expect(client.current?.dirty).toBe(true);
    const refused = await client.invoke('doc/apply', { patches: [{ op: 'noSuchOp' }] });
    expect(refused.ok === false && refused.error.code).toBe('bad-request');
    await value(client.invoke('doc/save', {}));
    expect(client.current?.dirty).toBe(false);
    await value(client.invoke('doc/close', { discard: false }));
    expect(client.current).toBeNull();

    const check = new AppService(join(tempDir(), 'save', 'check'));
    const reread = check.call('doc/open', { path: file, readOnly: true });
    expect(reread.ok && (reread.value as OpenedDocument).document.meta.unit).toBe('改过的单位');
    check.current?.close();
  });

  it('reports an export step by step and stops it when its signal aborts', async () => {
    const client = startClient('export');
    await generated(client);
    const file = join(tempDir(), 'export', '全部.xlsx');
    const seen: ExportJobProgress[] = [];
    const done = await value<{ forms: number; files: string[] }>(
      client.invoke('doc/exportXlsx', { path: file, draft: true }, { onProgress: (p) => seen.push(p) }),
    );
    expect(done.forms).toBe(FORMS);
    expect(existsSync(file)).toBe(true);
    expect(new Set(seen.filter((p) => p.stage === 'form').map((p) => p.done)).size).toBe(FORMS);
    expect(seen.at(-1)).toMatchObject({ stage: 'write', done: FORMS, total: FORMS });

    const folder = join(tempDir(), 'export', '取消');
    const stop = new AbortController();
    const cancelled = await client.invoke(
      'doc/exportXlsx',
      { path: folder, draft: true },
      {
        signal: stop.signal,
        onProgress: (p) => {
          if (p.done >= 5) stop.abort();
        },
      },
    );
    expect(cancelled).toEqual({
      ok: false,
      error: { code: 'cancelled', message: '已取消导出，没有写入任何文件' },
    });
    expect(existsSync(folder)).toBe(false);
  });

  it('a host that dies answers with the crash error, restarts, and offers the unsaved edit', async () => {
    let restarts = 0;
    const client = startClient('crash', () => restarts++);
    await generated(client);
    const running = client.invoke(
      'doc/exportXlsx',
      { path: join(tempDir(), 'crash', '半途.xlsx'), draft: true },
      {
        onProgress: (p) => {
          if (p.done === 3) void launched[0]?.stop();
        },
      },
    );
    expect(await running).toEqual({ ok: false, error: HOST_CRASHED });
    expect(HOST_CRASHED.message).toMatch(/^文档服务意外退出，正在重新启动/);
    expect(restarts).toBe(1);
    expect(launched).toHaveLength(2);
    expect(client.current).toBeNull();

    const state = await value<{ document: unknown; recoverable: RecoverableDocument[] }>(
      client.invoke('app/state', {}),
    );
    expect(state.document).toBeNull();
    expect(state.recoverable).toHaveLength(1);
    const lost = state.recoverable[0];
    expect(lost).toMatchObject({ unit: '测试单位', year: 2024 });
    const back = await value<OpenedDocument>(
      client.invoke('recovery/recover', { sessionId: lost?.sessionId }),
    );
    expect(back.document.forms).toHaveLength(FORMS);
    expect(readdirSync(join(tempDir(), 'crash')).filter((f) => f.endsWith('.xlsx'))).toEqual([]);
  });
});
