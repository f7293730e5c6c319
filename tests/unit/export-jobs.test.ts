/**
 * Export jobs through the contract ('doc/exportXlsx' with a jobId, 'export/progress',
 * 'export/cancel') on a generated 64-form document, with real files: progress rises while the
 * export runs, a cancel stops it with the 'cancelled' error and leaves no file (one workbook or a
 * folder), arguments are validated, and over HTTP and IPC the polls are answered while the export
 * runs.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallResult, ExportJobProgress } from '../../shared/contract';
import { AppService } from '../../electron/services/handlers';
import { handleInvoke, type IpcTargets } from '../../electron/main/ipc';
import { APP_ENTRY_URL } from '../../electron/main/security';
import { startWebServer } from '../../electron/web/server';
import { generatedDocument } from '../support/documents';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('ziping-export-jobs-');
let service: AppService;
const FORMS = 64;
const CANCELLED = { code: 'cancelled', message: '已取消导出，没有写入任何文件' };

beforeAll(() => {
  service = new AppService(join(tempDir(), 'data'));
  const made = service.call('doc/new', { path: null, unit: '测试单位', year: 2024, layout: 'national' });
  if (!made.ok) throw new Error(made.error.message);
  const patches = generatedDocument(FORMS, 30).forms.map((form, index) => ({
    op: 'insertForm',
    index,
    form,
  }));
  const applied = service.call('doc/apply', { patches });
  if (!applied.ok) throw new Error(applied.error.message);
});
afterAll(() => service.current?.close({ discard: true }));

function progressOf(jobId: string): ExportJobProgress | null {
  const r = service.call('export/progress', { jobId });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as ExportJobProgress | null;
}

/** Polls the job on every turn of the event loop until the export's call answers. */
async function watched<T>(jobId: string, running: Promise<T>, onPoll?: (p: ExportJobProgress) => void) {
  let over = false;
  const seen: ExportJobProgress[] = [];
  void running.finally(() => (over = true));
  while (!over) {
    const p = progressOf(jobId);
    if (p) {
      seen.push(p);
      onPoll?.(p);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { result: await running, seen };
}

describe('export jobs', { timeout: 60_000 }, () => {
  it('progress rises form by form while the export runs, and is gone when it is over', async () => {
    const file = join(tempDir(), '六十四张.xlsx');
    const { result, seen } = await watched(
      'job-1',
      service.invoke('doc/exportXlsx', { path: file, draft: true, jobId: 'job-1' }),
    );
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(existsSync(file)).toBe(true);
    const steps = seen.filter((p) => p.stage === 'form');
    const distinct = new Set(steps.map((p) => p.done));
    // Polled between forms: it saw most forms' steps, not only a start and an end.
    expect(distinct.size).toBeGreaterThan(FORMS / 2);
    for (let i = 1; i < seen.length; i++)
      expect((seen[i] as ExportJobProgress).done).toBeGreaterThanOrEqual(
        (seen[i - 1] as ExportJobProgress).done,
      );
    const doc = service.current?.document;
    const twelfth = steps.find((p) => p.done === 11);
    expect(twelfth).toEqual({ stage: 'form', done: 11, total: FORMS, formName: doc?.forms[11]?.projectName });
    expect(seen.at(-1)).toMatchObject({ stage: 'write', done: FORMS, total: FORMS });
    expect(progressOf('job-1')).toBeNull();
  });

  it('a cancel stops it: the cancelled error, no workbook and no temporary file', async () => {
    const folder = join(tempDir(), '取消一本');
    mkdirSync(folder);
    const file = join(folder, '取消.xlsx');
    let cancels: unknown[] = [];
    const { result, seen } = await watched(
      'job-2',
      service.invoke('doc/exportXlsx', { path: file, draft: true, jobId: 'job-2' }),
      (p) => {
        if (p.done >= 12 && cancels.length === 0)
          cancels = [service.call('export/cancel', { jobId: 'job-2' })];
      },
    );
    expect(cancels).toEqual([{ ok: true, value: { cancelled: true } }]);
    expect(result).toEqual({ ok: false, error: CANCELLED });
    // It stopped at the next form, not at the end.
    expect(Math.max(...seen.map((p) => p.done))).toBeLessThan(FORMS);
    expect(readdirSync(folder)).toEqual([]);
    expect(service.call('export/cancel', { jobId: 'job-2' })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
  });

  it('a folder export cancelled halfway leaves no file and not the folder it made', async () => {
    const out = join(tempDir(), '每表一个');
    const { result } = await watched(
      'job-3',
      service.invoke('doc/exportXlsx', { path: out, draft: true, jobId: 'job-3' }),
      (p) => {
        if (p.done === FORMS / 2) service.call('export/cancel', { jobId: 'job-3' });
      },
    );
    expect(result).toEqual({ ok: false, error: CANCELLED });
    expect(existsSync(out)).toBe(false);
  });

  it('validates job ids; an id in use is refused; unknown jobs have no progress', async () => {
    const file = join(tempDir(), '校验.xlsx');
    for (const jobId of ['', 'a b', 'x'.repeat(65), 7, null, '../x']) {
      for (const [name, args] of [
        ['doc/exportXlsx', { path: file, draft: true, jobId }],
        ['export/progress', { jobId }],
        ['export/cancel', { jobId }],
      ] as const) {
        const r = await service.invoke(name, args);
        expect(r.ok === false && r.error.code, `${name} ${String(jobId)}`).toBe('bad-request');
      }
    }
    expect(service.call('export/progress', {})).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(service.call('export/progress', { jobId: 'nobody' })).toEqual({ ok: true, value: null });

    const first = service.invoke('doc/exportXlsx', { path: file, draft: true, jobId: 'twice' });
    const second = await service.invoke('doc/exportXlsx', { path: file, draft: true, jobId: 'twice' });
    expect(second.ok === false && second.error.code).toBe('bad-request');
    expect((await first).ok).toBe(true);
    // Without a job id an export runs as before.
    expect((await service.invoke('doc/exportXlsx', { path: file, draft: true })).ok).toBe(true);
  });

  it('over HTTP (browser mode) progress and cancel are answered while the export runs', async () => {
    const web = join(tempDir(), 'web');
    mkdirSync(web, { recursive: true });
    const server = await startWebServer({ service, staticDir: web });
    try {
      await cancelledMidway(join(tempDir(), '网页.xlsx'), async (name, args) => {
        const res = await fetch(`http://127.0.0.1:${server.port}/api/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-ziping-token': server.token },
          body: JSON.stringify(args),
        });
        return (await res.json()) as CallResult<unknown>;
      });
    } finally {
      await server.close();
    }
  });

  it('over IPC (desktop) the same: a second invoke is answered while the export is awaited', async () => {
    const unused = () =>
      Promise.resolve({ ok: false as const, error: { code: 'unused', message: '测试中不用' } });
    const targets: IpcTargets = {
      serviceFor: (id) => (id === 1 ? service : undefined),
      afterCall: () => {},
      shell: {
        'window/openDocument': unused,
        'dialog/choose': unused,
        'shell/recentDocuments': unused,
        'window/editsCommitted': unused,
        'print/savePdf': unused,
      },
    };
    const page = { sender: { id: 1 }, senderFrame: { url: APP_ENTRY_URL, parent: null } };
    await cancelledMidway(join(tempDir(), '桌面.xlsx'), (name, args) =>
      handleInvoke(targets, page, name, args),
    );
  });
});

/**
 * Through a transport: starts an export, asks for its progress until there is some (each ask must
 * be answered while the export call is still pending), cancels it, and checks nothing is written.
 */
async function cancelledMidway(
  file: string,
  call: (name: string, args: unknown) => Promise<CallResult<unknown>>,
): Promise<void> {
  const jobId = `job-${Math.random().toString(36).slice(2)}`;
  let answered = false;
  const running = call('doc/exportXlsx', { path: file, draft: true, jobId });
  void running.finally(() => (answered = true));
  let progress: unknown = null;
  while (progress === null && !answered) {
    await new Promise((resolve) => setImmediate(resolve));
    const r = await call('export/progress', { jobId });
    progress = r.ok ? r.value : null;
  }
  expect(progress).toMatchObject({ total: FORMS });
  expect(await call('export/cancel', { jobId })).toEqual({ ok: true, value: { cancelled: true } });
  expect(await running).toEqual({ ok: false, error: CANCELLED });
  expect(existsSync(file)).toBe(false);
}
