/**
 * Many units' overview (#22): generated documents of 30 forms × 30 indicators scanned as the app's
 * 打开文件夹（多个单位） scans them (cache in a fresh data folder, no indicator lines kept), then
 * rescanned with nothing changed. Each size runs in a process of its own, so that its peak RSS is
 * its own. The documents are generated once into the temp folder and kept for later runs
 * (`ZIPING_BENCH_UNITS=200,1000` picks the sizes; default 200, 1,000, 2,000).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanUnitsCached } from '../../electron/services/units/units-cache';
import { LAYOUT_IDS } from '../../shared/model/types';
import { writeDocumentFile } from '../../tests/support/document-file';
import { generatedDocument } from '../../tests/support/documents';
import { figureOf, type Figure } from './measure';

const FORMS = 30;
const LINES = 30;
/** Documents per subfolder: a size is its first n / FOLDER subfolders. */
const FOLDER = 200;
const BASE = path.join(os.tmpdir(), `ziping-bench-units-${FORMS}x${LINES}`);

const folderOf = (k: number) => path.join(BASE, `批次${String(k).padStart(2, '0')}`);

/** Generates the subfolders not there yet (each made under a temp name, renamed when whole). */
function generate(units: number): number {
  const started = performance.now();
  let made = 0;
  for (let k = 0; k < units / FOLDER; k++) {
    const folder = folderOf(k);
    if (existsSync(folder)) continue;
    const temp = `${folder}.tmp`;
    rmSync(temp, { recursive: true, force: true });
    mkdirSync(temp, { recursive: true });
    const data = mkdtempSync(path.join(os.tmpdir(), 'ziping-bench-data-'));
    for (let i = 0; i < FOLDER; i++) {
      const n = k * FOLDER + i;
      const doc = generatedDocument(FORMS, LINES, LAYOUT_IDS[n % LAYOUT_IDS.length], n + 1);
      doc.meta.unit = `生成单位${n + 1}`;
      writeDocumentFile(path.join(temp, `单位${n + 1}.ziping`), doc, data);
      made++;
    }
    rmSync(data, { recursive: true, force: true });
    renameSync(temp, folder);
  }
  return made === 0 ? 0 : (performance.now() - started) / made;
}

interface ChildFigures {
  units: number;
  forms: number;
  scanMs: number;
  /** CPU time of the first scan (user + system): on a shared machine, the part that is ours. */
  scanCpuMs: number;
  rescanMs: number;
  rescanReads: number;
  peakRssMb: number;
}

/** In the child: one scan and one rescan of the first `units` documents, as JSON on stdout. */
export async function unitsBenchChild(units: number): Promise<void> {
  const data = mkdtempSync(path.join(os.tmpdir(), 'ziping-bench-cache-'));
  try {
    const folders = Array.from({ length: units / FOLDER }, (_, k) => folderOf(k));
    const t0 = performance.now();
    const cpu = process.cpuUsage();
    const first = await scanUnitsCached(folders, { dataDir: data, indicators: false });
    const used = process.cpuUsage(cpu);
    const t1 = performance.now();
    const again = await scanUnitsCached(folders, { dataDir: data, indicators: false });
    const t2 = performance.now();
    const out: ChildFigures = {
      units: first.scan.units.length,
      forms: first.scan.forms.length,
      scanMs: t1 - t0,
      scanCpuMs: (used.user + used.system) / 1000,
      rescanMs: t2 - t1,
      rescanReads: again.readsFromDisk,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

export function benchUnits(): { figures: Figure[]; note: string } {
  const sizes = (process.env.ZIPING_BENCH_UNITS ?? '200,1000,2000').split(',').map(Number);
  const perDocument = generate(Math.max(...sizes));
  const figures: Figure[] = [];
  const lines: string[] = [];
  for (const units of sizes) {
    const stdout = execFileSync(
      process.execPath,
      [fileURLToPath(import.meta.url), '--units-child', String(units)],
      {
        encoding: 'utf8',
        maxBuffer: 2 ** 20,
      },
    );
    const r = JSON.parse(stdout) as ChildFigures;
    if (r.units !== units || r.rescanReads !== 0) throw new Error(`unexpected: ${stdout}`);
    const aim = units === 2000 ? '≤ 60 s, ≤ 500 MB' : undefined;
    figures.push(figureOf(`扫描 ${units} 个单位（${r.forms} 张表），首次`, [r.scanMs], aim));
    figures.push(
      figureOf(`再次扫描 ${units} 个单位，未改动`, [r.rescanMs], units === 2000 ? '≤ 3 s' : undefined),
    );
    lines.push(
      `${units} 个：首次 ${(r.scanMs / 1000).toFixed(1)} s（每个 ${(r.scanMs / units).toFixed(1)} ms；CPU ${(r.scanCpuMs / 1000).toFixed(1)} s，每个 ${(r.scanCpuMs / units).toFixed(1)} ms），峰值内存 ${r.peakRssMb.toFixed(0)} MB`,
    );
  }
  writeFileSync(path.join(BASE, 'last-run.txt'), `${lines.join('\n')}\n`);
  const load = os.loadavg()[0] ?? 0;
  lines.push(`测量结束时 1 分钟平均负载 ${load.toFixed(1)}（${os.cpus().length} 核）`);
  const generated = perDocument > 0 ? `；生成每个文档 ${perDocument.toFixed(0)} ms` : '（文档沿用已生成的）';
  return {
    figures,
    note: `每个文档 ${FORMS} 张表 × ${LINES} 个指标，在 ${BASE}${generated}；${lines.join('；')}`,
  };
}
