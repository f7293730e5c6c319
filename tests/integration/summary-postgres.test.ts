/**
 * Province scale (#22): the CSV output of `ziping summary` for 200 generated units loads unchanged
 * into a real PostgreSQL with the schema and `\copy` lines of docs/summary-schema.md, and the
 * ready queries of docs/summary-queries.sql give the CLI's own figures (its --json output).
 *
 * Needs Debian's `postgresql` package (.ci/run installs it; ZIPING_REQUIRE_POSTGRES=1 there makes
 * a missing server a failure, not a skip).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UnitsScan } from '../../electron/services/units/scan-units';
import { LAYOUT_IDS, type ZipingDocument } from '../../shared/model/types';
import type { FormRow } from '../../shared/units/unit-summary';
import { writeDocumentFile } from '../support/document-file';
import { fixtureDocument, generatedDocument } from '../support/documents';
import { postgresBin, startPostgres, type Postgres } from '../support/postgres';
import { ROOT, runZipingInProcess } from '../support/run-cli';
import { useTempDir } from '../support/temp-dir';

const UNITS = 200;
const bin = postgresBin();
if (!bin && process.env.ZIPING_REQUIRE_POSTGRES === '1')
  throw new Error(
    'CI 要求运行 PostgreSQL 测试，但没有找到 /usr/lib/postgresql/*/bin/initdb：请安装 postgresql',
  );
const skip = bin === null ? '（跳过：本机没有 PostgreSQL；sudo apt-get install -y postgresql）' : '';

const tmp = useTempDir('ziping-summary-pg-');

/** The units: every layout, executions from none to over budget, some real transcribed forms. */
function unitDocument(i: number): ZipingDocument {
  const doc =
    i % 40 === 0
      ? fixtureDocument(i % 80 === 0 ? 'national' : 'shanxi')
      : generatedDocument(1 + (i % 4), 4, LAYOUT_IDS[i % LAYOUT_IDS.length], i);
  doc.meta.unit = `单位${String(i).padStart(3, '0')}`;
  doc.forms.forEach((form, f) => {
    const total = form.funds.rows[0];
    if (!total || total.fullYearBudget === null) return;
    if ((i + f) % 7 === 0) total.executed = Math.round(total.fullYearBudget * 105) / 100;
    if ((i + f) % 9 === 0) total.executed = Math.round(total.fullYearBudget * 40) / 100;
  });
  return doc;
}

/** psql --csv output as rows of fields (RFC 4180 quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  const field = /("([^"]|"")*"|[^,\n]*)(,|\n|$)/g;
  let row: string[] = [];
  for (const m of text.matchAll(field)) {
    const raw = m[1] ?? '';
    row.push(raw.startsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw);
    if (m[3] !== ',') {
      rows.push(row);
      row = [];
      if (m.index + m[0].length >= text.length) break;
    }
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

const docsFile = (name: string) => readFileSync(join(ROOT, 'docs', name), 'utf8');
const sqlBlocks = (md: string) => [...md.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
/** The queries of docs/summary-queries.sql, comments dropped. */
const readyQueries = () =>
  docsFile('summary-queries.sql')
    .split('\n')
    .filter((l) => !l.startsWith('--'))
    .join('\n')
    .split(/;\s*$/m)
    .map((q) => q.trim())
    .filter((q) => q !== '');

const GRADES = ['优', '良', '中', '差'] as const;
const round2 = (x: number) => Math.round(x * 100) / 100;

function rateBand(rate: number | null): string {
  if (rate === null) return '无执行率';
  if (rate >= 1) return '100% 及以上';
  if (rate >= 0.9) return '90%–100%';
  if (rate >= 0.6) return '60%–90%';
  return '60% 以下';
}

describe(`summary CSV in a real PostgreSQL${skip}`, { timeout: 600_000 }, () => {
  let pg: Postgres | null = null;
  let scan: UnitsScan;
  let csv: string;

  beforeAll(async () => {
    if (!bin) return;
    const data = join(tmp(), 'data');
    vi.stubEnv('ZIPING_DATA_DIR', data);
    const units = join(tmp(), '全省');
    for (let i = 1; i <= UNITS; i++) {
      const folder = join(units, `地区${i % 10}`);
      mkdirSync(folder, { recursive: true });
      writeDocumentFile(join(folder, `单位${i}.ziping`), unitDocument(i), data);
    }
    csv = join(tmp(), 'csv');
    const out = await runZipingInProcess(['summary', units, '--out', csv, '--format', 'csv']);
    expect(out.code, out.stderr).toBe(0);
    const json = await runZipingInProcess(['summary', units, '--json']);
    scan = JSON.parse(json.stdout) as UnitsScan;
    pg = await startPostgres(bin);
    const [schema, load] = sqlBlocks(docsFile('summary-schema.md'));
    await pg.psql(['-c', schema ?? '']);
    for (const line of (load ?? '').split('\n').filter((l) => l.startsWith('\\copy'))) {
      await pg.psql(['-c', line.replace(/'(\w+\.csv)'/, (_, name: string) => `'${join(csv, name)}'`)]);
    }
  });
  afterAll(async () => {
    await pg?.stop();
    vi.unstubAllEnvs();
  });

  const query = async (sql: string) => parseCsv(await (pg as Postgres).query(sql));

  it.skipIf(bin === null)('every row of every CSV file is loaded, values unchanged', async () => {
    expect(scan.units).toHaveLength(UNITS);
    const counts = await query(
      'SELECT (SELECT count(*) FROM units), (SELECT count(*) FROM forms), (SELECT count(*) FROM indicators), (SELECT count(*) FROM failed)',
    );
    expect(counts[1]?.map(Number)).toEqual([UNITS, scan.forms.length, scan.indicators.length, 0]);
    const sums = await query('SELECT sum(score), sum(budget), sum(errors) FROM forms');
    const [score, budget, errors] = (sums[1] ?? []).map(Number);
    expect(score).toBeCloseTo(
      scan.forms.reduce((n, f) => n + f.score, 0),
      6,
    );
    expect(budget).toBeCloseTo(
      scan.forms.reduce((n, f) => n + (f.budget ?? 0), 0),
      6,
    );
    expect(errors).toBe(scan.forms.reduce((n, f) => n + f.errors, 0));
    const names = await query(
      "SELECT name, target, actual FROM indicators WHERE file LIKE '%单位40.ziping' ORDER BY form_id, line LIMIT 1",
    );
    const first = scan.indicators.find((l) => l.file.endsWith('单位40.ziping'));
    expect(names[1]).toEqual([first?.name, first?.target, first?.actual]);
  });

  it.skipIf(bin === null)('the ready queries give the CLI’s figures', async () => {
    const [byGrade, withErrors, byRate] = readyQueries();
    expect(readyQueries()).toHaveLength(3);
    const layoutOf = new Map(scan.units.map((u) => [u.file, u.layout]));

    // 1. Grade distribution per 地区样式 and kind.
    const expected1 = new Map<string, number[]>();
    for (const f of scan.forms) {
      const key = `${layoutOf.get(f.file)}|${f.kind}`;
      const counts = expected1.get(key) ?? [0, 0, 0, 0, 0];
      counts[GRADES.indexOf(f.grade)] = (counts[GRADES.indexOf(f.grade)] ?? 0) + 1;
      counts[4] = (counts[4] ?? 0) + 1;
      expected1.set(key, counts);
    }
    const rows1 = (await query(byGrade ?? '')).slice(1);
    expect(new Map(rows1.map((r) => [`${r[0]}|${r[1]}`, r.slice(2).map(Number)]))).toEqual(expected1);
    expect(new Set(rows1.map((r) => r[0])).size).toBe(LAYOUT_IDS.length);

    // 2. Units with errors, most first.
    const erring = scan.units
      .filter((u) => u.errors > 0)
      .sort((a, b) => b.errors - a.errors || (a.file < b.file ? -1 : 1));
    const formsWithErrors = (file: string) =>
      scan.forms.filter((f) => f.file === file && f.errors > 0).length;
    const rows2 = (await query(withErrors ?? '')).slice(1);
    expect(rows2).toEqual(
      erring.map((u) => [u.unit, String(u.year), String(u.errors), String(formsWithErrors(u.file)), u.file]),
    );
    expect(erring.length).toBeGreaterThan(0);

    // 3. Project forms per execution band: count, average score, budget.
    const bands = new Map<string, FormRow[]>();
    for (const f of scan.forms.filter((x) => x.kind === '项目'))
      bands.set(rateBand(f.rate), [...(bands.get(rateBand(f.rate)) ?? []), f]);
    const rows3 = (await query(byRate ?? '')).slice(1);
    expect(rows3.map((r) => r[0]).sort()).toEqual([...bands.keys()].sort());
    expect(bands.size).toBe(5);
    for (const [band, count, avg, budget] of rows3) {
      const forms = bands.get(band ?? '') ?? [];
      expect(Number(count)).toBe(forms.length);
      expect(Number(avg)).toBeCloseTo(round2(forms.reduce((n, f) => n + f.score, 0) / forms.length), 2);
      expect(Number(budget)).toBeCloseTo(round2(forms.reduce((n, f) => n + (f.budget ?? 0), 0)), 2);
    }
  });
});
