/**
 * The editor's speed in real Chromium (Debian's, through playwright-core) against the real
 * browser-mode server: from a committed edit (Enter) to the repainted total on a 60-line form,
 * and from a click in the sidebar to the other form painted, in a 1,000-form document.
 * Times are taken inside the page (performance.now), to the frame after the DOM changed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { DocumentSession } from '../../electron/services/document-store/session';
import { AppService } from '../../electron/services/handlers';
import { writeUserProfile } from '../../electron/services/user-settings';
import { buildRenderer, RENDERER_OUT } from '../../electron/web/build-renderer';
import { startWebServer } from '../../electron/web/server';
import type { Patch } from '../../shared/model/patch';
import { generatedDocument } from '../../tests/support/documents';
import { launchChromium } from '../../tests/support/chromium';
import { figureOf, type Figure } from './measure';
import { BENCH_USER, benchSample, benchSlowEdits } from './ui-slow';
import { arm, PROBES, settled, timeEdits, timeSwitches } from './ui-probes';

// ZIPING_BENCH_EDITS / ZIPING_BENCH_SWITCHES: fewer (or no) rounds of one phase, for A/B runs.
const EDITS = Number(process.env['ZIPING_BENCH_EDITS'] ?? 40);
const SWITCHES = Number(process.env['ZIPING_BENCH_SWITCHES'] ?? 40);
const SUMMARIES = Number(process.env['ZIPING_BENCH_SUMMARIES'] ?? 10);
// ZIPING_BENCH_SLOW=0: without the runs at 1366×768 with a slowed CPU (scripts/bench/ui-slow.ts).
const SLOW = process.env['ZIPING_BENCH_SLOW'] !== '0';

/** ZIPING_BENCH_PROFILE=1: a CPU profile of each phase, and its heaviest functions printed. */
async function startProfile(page: Page): Promise<CDPSession | null> {
  if (!process.env['ZIPING_BENCH_PROFILE']) return null;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return cdp;
}

async function stopProfile(cdp: CDPSession | null, name: string): Promise<void> {
  if (!cdp) return;
  const { profile } = await cdp.send('Profiler.stop');
  const keep = process.env['ZIPING_BENCH_PROFILE_FILE'];
  if (keep) writeFileSync(`${keep}-${name}.cpuprofile`, JSON.stringify(profile));
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    if (!f) return;
    const key = `${f.functionName || '(匿名)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log(`\n### CPU 剖析：${name}`);
  for (const [k, ms] of top) console.log(`${ms.toFixed(1).padStart(8)} ms  ${k}`);
}

/** ZIPING_BENCH_TRACE: where the main thread's time went (by event); ZIPING_BENCH_TRACE_FILE keeps the trace. */
function summariseTrace(buffer: Buffer): void {
  const saveTo = process.env['ZIPING_BENCH_TRACE_FILE'];
  if (saveTo) writeFileSync(saveTo, buffer);
  const trace = JSON.parse(buffer.toString('utf8')) as {
    traceEvents: { name: string; ph: string; dur?: number; tid: number }[];
  };
  const totals = new Map<string, number>();
  for (const e of trace.traceEvents) {
    if (e.ph !== 'X' || !e.dur) continue;
    totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000);
  }
  console.log('\n### 主线程事件（编辑阶段，总毫秒）');
  for (const [k, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 20))
    console.log(`${ms.toFixed(1).padStart(9)} ms  ${k}`);
}

/**
 * 汇总 opened from the sidebar until its first row and its four charts are drawn, then closed
 * by choosing a form; the first opening (loading the charts' chunk) is not counted.
 */
async function openSummaries(page: Page, formId: string): Promise<[number[], number[]]> {
  const times: number[] = [];
  const chartTimes: number[] = [];
  for (let i = 0; i <= SUMMARIES && SUMMARIES > 0; i++) {
    await arm(
      page,
      `() => document.querySelectorAll('[data-testid="summary-grid"] .ag-row[row-index="0"]').length > 0`,
    );
    await page.getByTestId('open-summary').click();
    const [painted] = await settled(page);
    // The charts come after the table's frame: timed in the page when all four are there.
    const charts = await page.waitForFunction(() => {
      const w = globalThis as unknown as {
        __startAt: number;
        document: { querySelectorAll(s: string): { length: number } };
      };
      return (
        w.document.querySelectorAll('[data-testid^="summary-chart-"] canvas').length >= 4 &&
        performance.now() - w.__startAt
      );
    });
    if (i > 0) {
      times.push(painted);
      chartTimes.push(Number(await charts.jsonValue()));
    }
    // The list draws the items in view only: the switches before left it scrolled down.
    await page.locator('.form-list').evaluate((list) => list.scrollTo(0, 0));
    await page.getByTestId(`form-item-${formId}`).click();
    await page.getByTestId('form-view').waitFor();
  }
  return [times, chartTimes];
}

export async function benchUi(): Promise<{ figures: Figure[]; note: string }> {
  if (!process.env['ZIPING_BENCH_RENDERER']) await buildRenderer();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ziping-bench-ui-'));
  const dataDir = path.join(dir, 'data');
  const file = path.join(dir, '千表.ziping');
  const browser = await launchChromium();
  try {
    const sample = SLOW ? await benchSample(browser) : [];
    const doc = generatedDocument(Number(process.env['ZIPING_BENCH_FORMS'] ?? 1000), 30, 'national');
    const big = generatedDocument(1, 60, 'national').forms[0];
    if (!big) throw new Error('no form');
    const first = big.indicators[0];
    if (!first) throw new Error('no line');
    // A line whose score follows its actual value: each edit moves the total.
    Object.assign(first, { target: '100', actual: '100', weight: 5, tier: null, score: null });
    doc.forms[0] = { ...big, id: 'f1', projectName: '六十行的项目' };
    const created = DocumentSession.create(
      file,
      { unit: '测试单位', year: 2024, layout: 'national' },
      { dataDir },
    );
    if (!created.ok) throw new Error(created.error.message);
    const patches: Patch[] = doc.forms.map((form, i) => ({ op: 'insertForm', index: i, form }));
    if (!created.value.apply(patches).ok || !created.value.save().ok)
      throw new Error('could not build the document');
    created.value.close();

    writeUserProfile(dataDir, BENCH_USER);
    const service = new AppService(dataDir);
    const opened = service.call('doc/open', { path: file });
    if (!opened.ok) throw new Error(opened.error.message);
    const server = await startWebServer({
      service,
      staticDir: process.env['ZIPING_BENCH_RENDERER'] ?? RENDERER_OUT,
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId('form-item-f1').click();
    await page.locator('[data-testid="indicator-grid"] .ag-row[row-index="59"]').waitFor();
    await page.evaluate(PROBES);

    const profiler = await startProfile(page);
    // ZIPING_BENCH_TRACE=edits|switches: a timeline of that phase, summed by event.
    const tracing = process.env['ZIPING_BENCH_TRACE'];
    if (tracing === 'edits') await browser.startTracing(page, { categories: ['devtools.timeline'] });
    const [editTimes, domTimes] = await timeEdits(page, EDITS);
    await stopProfile(profiler, 'edits');
    if (tracing === 'edits') summariseTrace(await browser.stopTracing());
    if (tracing === 'switches') await browser.startTracing(page, { categories: ['devtools.timeline'] });
    const switchProfiler = await startProfile(page);
    const switchTimes = await timeSwitches(page, SWITCHES > 0 ? doc.forms.slice(1, 1 + SWITCHES + 3) : []);
    await stopProfile(switchProfiler, 'switches');
    if (tracing === 'switches') summariseTrace(await browser.stopTracing());
    const summaryProfiler = await startProfile(page);
    const [summaryTimes, chartTimes] = await openSummaries(page, doc.forms[0]?.id ?? 'f1');
    await stopProfile(summaryProfiler, 'summary');
    await context.close();
    const slowEdits = SLOW ? await benchSlowEdits(browser, server.url) : [];
    await server.close();
    service.current?.close({ discard: true });
    return {
      note: `Chromium ${browser.version()}，1,000 张表的文档，视口 1440×1000（降速与示例文档的测量：1366×768）`,
      figures: [
        figureOf('提交一次修改 → 总分重绘（60 行指标的表）', editTimes, '中位数 ≤ 30 ms'),
        figureOf('　其中：提交 → 页面上的总分已更新（未计绘制）', domTimes),
        figureOf('切换表格 → 新表绘出（1,000 张表的文档）', switchTimes, '≤ 100 ms'),
        figureOf('打开汇总 → 汇总表绘出（1,000 张表的文档）', summaryTimes, '≤ 300 ms'),
        figureOf('　其后：四张图表绘出（同一次打开，含表格）', chartTimes),
        ...sample,
        ...slowEdits,
        // A phase skipped (its rounds set to 0) prints no row.
      ].filter((f) => f.runs > 0),
    };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
