/** Timing helpers for benchmark scripts (figures are printed, never asserted). */
import { performance } from 'node:perf_hooks';

export interface Figure {
  name: string;
  /** Median milliseconds. */
  median: number;
  p95: number;
  runs: number;
  aim?: string;
  /** What median and p95 count when they are not milliseconds (bytes, memory). */
  unit?: 'KB' | 'MB';
}

export function measure(name: string, runs: number, fn: (i: number) => void, aim?: string): Figure {
  for (let i = 0; i < Math.min(5, runs); i++) fn(i); // warm-up: JIT and caches
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(i);
    times.push(performance.now() - t0);
  }
  return figureOf(name, times, aim);
}

/** measure() for work that returns a promise (file writes, exceljs); one warm-up run. */
export async function measureAsync(
  name: string,
  runs: number,
  fn: (i: number) => Promise<unknown>,
  aim?: string,
): Promise<Figure> {
  await fn(-1);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  return figureOf(name, times, aim);
}

/** The figure of times already taken (median, p95). */
export function figureOf(name: string, times: number[], aim?: string): Figure {
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  const figure: Figure = { name, median: at(0.5), p95: at(0.95), runs: times.length };
  if (aim) figure.aim = aim;
  return figure;
}

function ms(x: number): string {
  return x < 1 ? `${(x * 1000).toFixed(1)} µs` : `${x.toFixed(2)} ms`;
}

export function printFigures(title: string, figures: Figure[]): void {
  console.log(`\n## ${title}\n`);
  console.log('| 测量 | 中位数 | p95 | 次数 | 目标 |');
  console.log('|---|---:|---:|---:|---|');
  for (const f of figures) {
    const show = (x: number) => (f.unit ? `${x.toFixed(1)} ${f.unit}` : ms(x));
    console.log(`| ${f.name} | ${show(f.median)} | ${show(f.p95)} | ${f.runs} | ${f.aim ?? ''} |`);
  }
}
