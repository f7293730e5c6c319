/**
 * The document service in-process vs in its worker thread (electron/services/service-host): the
 * round trip of a one-cell `doc/apply`, and how long the caller's event loop is blocked at worst
 * (perf_hooks.monitorEventLoopDelay) while a 100-form document is saved and exported to Excel.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { CallResult } from '../../shared/contract';
import type { Patch } from '../../shared/model/patch';
import { AppService } from '../../electron/services/handlers';
import { ServiceClient } from '../../electron/services/service-host/client';
import { workerHost } from '../../electron/services/service-host/worker-launcher';
import { generatedDocument } from '../../tests/support/documents';
import { figureOf, measureAsync, type Figure } from './measure';

const FORMS = 100;

type Invoke = (name: string, args: unknown) => Promise<CallResult<unknown>>;

async function must(r: Promise<CallResult<unknown>>): Promise<unknown> {
  const done = await r;
  if (!done.ok) throw new Error(done.error.message);
  return done.value;
}

/** A FORMS-form document saved at `file`, open in the service; the cell the edits change. */
async function prepare(invoke: Invoke, file: string): Promise<Patch> {
  await must(invoke('doc/new', { path: file, unit: '测试单位', year: 2024, layout: 'national' }));
  const forms = generatedDocument(FORMS, 30, 'national').forms;
  await must(
    invoke('doc/apply', { patches: forms.map((form, index) => ({ op: 'insertForm', index, form })) }),
  );
  await must(invoke('doc/save', {}));
  const form = forms[FORMS / 2];
  const ind = form?.indicators[3];
  if (!form || !ind) throw new Error('no line');
  return { op: 'setIndicator', formId: form.id, indicatorId: ind.id, field: 'actual', value: '' };
}

/** The longest the caller's event loop was held while `work` ran, over `runs` runs (ms). */
async function longestBlock(name: string, runs: number, work: () => Promise<unknown>): Promise<Figure> {
  const worst: number[] = [];
  for (let i = 0; i < runs; i++) {
    const h = monitorEventLoopDelay({ resolution: 1 });
    h.enable();
    // A turn before and after: work that blocks at once (a synchronous save) is seen by the
    // histogram's timer only when it fires late, after the work.
    await pause();
    await work();
    await pause();
    h.disable();
    worst.push(h.max / 1e6);
  }
  return figureOf(name, worst);
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

async function benchOne(where: string, invoke: Invoke, dir: string): Promise<Figure[]> {
  const cell = await prepare(invoke, path.join(dir, `${where}.ziping`));
  let n = 0;
  const apply = () => must(invoke('doc/apply', { patches: [{ ...cell, value: `${n++ % 100}%` }] }));
  const out = path.join(dir, `${where}.xlsx`);
  return [
    await measureAsync(`往返：改一个单元格 doc/apply（${where}）`, 300, apply),
    await longestBlock(`调用方事件循环最长阻塞：保存 ${FORMS} 张表（${where}）`, 5, async () => {
      await apply();
      await must(invoke('doc/save', {}));
    }),
    await longestBlock(`调用方事件循环最长阻塞：导出 ${FORMS} 张表 Excel（${where}）`, 3, () =>
      must(invoke('doc/exportXlsx', { path: out, draft: true })),
    ),
  ];
}

/** The host's entry as `npm run bench` bundles it beside the benchmark; the sources otherwise. */
function hostEntry(): string | undefined {
  const bundled = path.join(import.meta.dirname, 'service-host.mjs');
  return existsSync(bundled) ? bundled : undefined;
}

export async function benchService(): Promise<{ figures: Figure[]; note: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ziping-bench-service-'));
  try {
    const local = new AppService(path.join(dir, 'data-local'));
    const inProcess = await benchOne('进程内', (name, args) => local.invoke(name, args), dir);
    await local.invoke('doc/close', { discard: true });

    const client = new ServiceClient(workerHost(hostEntry()), { dataDir: path.join(dir, 'data-worker') });
    const inWorker = await benchOne('工作线程', (name, args) => client.invoke(name, args), dir);
    await client.invoke('doc/close', { discard: true });
    await client.close();
    return {
      figures: [...inProcess, ...inWorker],
      note: `${FORMS} 张表 × 30 个指标；阻塞为每次运行中最长的一次（monitorEventLoopDelay，1 ms 分辨率）`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
