/**
 * `npm run bench -- electron`: the Electron main bundle (dist-electron/main.cjs, built afresh) loaded
 * under Node as the loader loads it, each start a process of its own: plainly required, through
 * V8's code cache at the first start (compiled, cache written) and at the starts after (#23).
 * Plain and cached starts alternate, so a change of machine load hits both alike.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { figureOf, type Figure } from './measure';

const ROOT = process.cwd();
const CHILD = path.join(ROOT, '.bench', 'main-bundle-child.cjs');
const BUNDLE = path.join(ROOT, 'dist-electron', 'main.cjs');

interface Start {
  ms: number;
  cpuMs: number;
  cache: string;
}

function start(mode: 'plain' | 'cache', cacheDir: string, dataDir: string): Start {
  const out = execFileSync(process.execPath, [CHILD, BUNDLE, cacheDir, mode], {
    encoding: 'utf8',
    env: { ...process.env, ZIPING_DATA_DIR: dataDir },
  });
  return JSON.parse(out) as Start;
}

export function benchMainBundle(): { figures: Figure[]; note: string } {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-electron.ts'], { stdio: 'ignore' });
  const rounds = Number(process.env.ZIPING_BENCH_LOADS ?? 15);
  const base = mkdtempSync(path.join(os.tmpdir(), 'ziping-bench-main-'));
  const data = path.join(base, 'data');
  try {
    const first: Start[] = [];
    const cached: Start[] = [];
    const plain: Start[] = [];
    for (let i = 0; i < rounds; i++) {
      // A fresh cache folder for each first start; the starts after use the last one made.
      const cacheDir = path.join(base, `cache-${i}`);
      first.push(start('cache', cacheDir, data));
      plain.push(start('plain', cacheDir, data));
      cached.push(start('cache', cacheDir, data));
    }
    const outcomes = new Set([
      ...first.map((s) => `首次 ${s.cache}`),
      ...cached.map((s) => `其后 ${s.cache}`),
    ]);
    const rows: [string, Start[], 'ms' | 'cpuMs'][] = [
      ['不用缓存（require），墙钟', plain, 'ms'],
      ['首次（编译并写缓存），墙钟', first, 'ms'],
      ['用缓存，墙钟', cached, 'ms'],
      ['不用缓存，CPU', plain, 'cpuMs'],
      ['用缓存，CPU', cached, 'cpuMs'],
    ];
    const figures = rows.map(([name, starts, key]) =>
      figureOf(
        `main.cjs 加载，${name}`,
        starts.map((s) => s[key]),
      ),
    );
    const load = os.loadavg()[0] ?? 0;
    return {
      figures,
      note: `main.cjs ${(statSync(BUNDLE).size / 1024).toFixed(1)} KB；缓存：${[...outcomes].join('、')}；1 分钟平均负载 ${load.toFixed(1)}（${os.cpus().length} 核）`,
    };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}
