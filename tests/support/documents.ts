/** Documents for tests and benchmarks: real transcribed forms, and generated ones of any size. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newForm, newIndicator } from '../../shared/model/factory';
import { parseFormJson } from '../../shared/model/interchange';
import type { Form, Indicator, LayoutId, ZipingDocument } from '../../shared/model/types';

export const FIXTURE_DIR = join(import.meta.dirname, '../fixtures/forms');

export function fixtureFiles(): string[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

export function readFixture(file: string, id = 'f1'): { layout: LayoutId; form: Form; json: unknown } {
  const json: unknown = JSON.parse(readFileSync(join(FIXTURE_DIR, file), 'utf8'));
  const parsed = parseFormJson(json, id);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error.join('; ')}`);
  return { ...parsed.value, json };
}

function meta(layout: LayoutId, unit: string, year: number): ZipingDocument['meta'] {
  const now = '2025-01-01T00:00:00.000Z';
  return { unit, year, layout, createdAt: now, createdBy: '测试', modifiedAt: now, modifiedBy: '测试' };
}

/** The transcribed real forms of one layout as one document. */
export function fixtureDocument(layout: 'shanxi' | 'national'): ZipingDocument {
  const forms = fixtureFiles()
    .map((file, i) => readFixture(file, `f${i + 1}`))
    .filter((f) => f.layout === layout)
    .map((f) => f.form);
  return { meta: meta(layout, '测试单位', 2024), forms };
}

/** Small deterministic PRNG so generated documents are the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS: Array<(r: () => number) => Partial<Indicator>> = [
  (r) => ({
    level2: '数量指标',
    target: `≥${10 + Math.floor(r() * 90)}个`,
    actual: `${Math.floor(r() * 120)}个`,
  }),
  (r) => ({ level2: '质量指标', target: '≥90%', actual: `${(80 + r() * 20).toFixed(1)}%` }),
  (r) => ({
    level2: '时效指标',
    target: `${1 + Math.floor(r() * 11)}月底前`,
    actual: `${1 + Math.floor(r() * 12)}月`,
  }),
  (r) => ({
    level2: '成本指标',
    target: `≤${(20 + r() * 100).toFixed(2)}万元`,
    actual: `${(20 + r() * 110).toFixed(2)}万元`,
  }),
  () => ({ level2: '社会效益指标', target: '保障', actual: '达成预期指标' }),
  () => ({ level2: '生态效益指标', target: '持续改善', actual: '部分达成预期指标并具有一定效果' }),
  () => ({ level2: '服务对象满意度指标', target: '≥85%', actual: '≥90%' }),
];

/**
 * A document of `forms` project forms with `lines` indicators each, weights adding to 100.
 * Layout E forms carry level-2 weights and split them equally.
 */
export function generatedDocument(
  forms: number,
  lines: number,
  layout: LayoutId = 'national',
  seed = 42,
): ZipingDocument {
  const r = rng(seed);
  const out: Form[] = [];
  for (let f = 1; f <= forms; f++) {
    const form = newForm(`f${f}`, layout, 'project', 2024, `生成项目${f}`);
    const total = form.funds.rows[0];
    if (total) {
      total.fullYearBudget = Math.round(50 + r() * 500);
      total.executed = Math.round((total.fullYearBudget ?? 0) * (0.8 + r() * 0.2) * 100) / 100;
    }
    const indicatorWeight = layout === 'guangdong' ? 100 : 90;
    for (let i = 1; i <= lines; i++) {
      const kind = KINDS[Math.floor(r() * KINDS.length)] as (typeof KINDS)[number];
      const fields = kind(r);
      const level1 = layout === 'guangdong' ? (i % 2 === 0 ? '产出' : '效益') : '产出指标';
      const ind: Indicator = newIndicator(`i${i}`, { level1, name: `指标${i}`, ...fields });
      if (layout === 'guangdong') {
        ind.level2 = `${level1}${fields.level2 ?? ''}`;
        ind.level2Weight = 10;
      } else {
        ind.weight = Math.round((indicatorWeight / lines) * 100) / 100;
      }
      form.indicators.push(ind);
    }
    out.push(form);
  }
  return { meta: meta(layout, '生成单位', 2024), forms: out };
}
