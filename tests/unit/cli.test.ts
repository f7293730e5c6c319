/**
 * The `ziping` command: output shape of interchange.md, totals of every real transcribed form, and
 * exit codes 0 / 1 / 2 with one-line Chinese errors — through its main() in this process, and a
 * few runs of the real bin/ziping.mjs, one after another, for what only a process shows.
 */
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBundle } from '../../scripts/cli-bundle.mjs';
import type { FormReport, ReportFinding } from '../../shared/report/score-report';
import { ROOT, runZiping, runZipingInProcess, type Run } from '../support/run-cli';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'forms');
const CHINESE = /[\u4e00-\u9fff]/;

function ziping(...args: string[]): Promise<Run> {
  return runZipingInProcess(args);
}

/** The report shape of interchange.md, as the command prints it. */
interface ScoreOutput {
  forms: FormReport[];
}

interface FixtureForm {
  printedTotal?: number | null;
  printedGrade?: string | null;
  funds: { printedScore?: number | null };
  indicators: Array<{ printedScore?: number | null }>;
}

/** Forms whose printed total is not the sum of their printed scores (NOTES-002.md). */
const WRONG_ARITHMETIC = new Set(['002-02.json', '002-04.json', '002-08.json', '002-13.json', '002-16.json']);

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A valid national project form, written as interchange JSON by hand. */
const CLEAN_FORM = {
  format: 'ziping-form',
  version: 1,
  layout: 'national',
  kind: 'project',
  year: 2024,
  projectName: '道路洒水降尘服务',
  funds: {
    weight: 10,
    rows: [
      { source: '年度资金总额', initialBudget: 100, fullYearBudget: 100, executed: 100 },
      { source: '其中：当年财政拨款', initialBudget: 100, fullYearBudget: 100, executed: 100 },
    ],
    score: null,
    scoreReason: '',
    deviationReason: '',
  },
  indicators: [
    {
      level1: '产出指标',
      level2: '数量指标',
      name: '配置作业车辆',
      target: '≥10台',
      actual: '10台',
      weight: 25,
    },
    {
      level1: '产出指标',
      level2: '质量指标',
      name: '扬尘治理达标率',
      target: '≥95%',
      actual: '100%',
      weight: 15,
    },
    {
      level1: '产出指标',
      level2: '时效指标',
      name: '合同签订时间',
      target: '10月底前',
      actual: '9月',
      weight: 10,
    },
    {
      level1: '效益指标',
      level2: '社会效益指标',
      name: '环境空气质量',
      target: '持续改善',
      actual: '持续改善',
      weight: 30,
    },
    {
      level1: '满意度指标',
      level2: '服务对象满意度指标',
      name: '群众满意度',
      target: '≥90%',
      actual: '95%',
      weight: 10,
    },
  ],
};

let dir = '';
const tmp = (name: string) => join(dir, name);
const write = (name: string, content: string) => {
  writeFileSync(tmp(name), content, 'utf8');
  return tmp(name);
};
const writeJson = (name: string, value: unknown) => write(name, JSON.stringify(value, null, 2));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ziping-cli-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Exit 2 with exactly one line on stderr, in Chinese, and nothing on stdout. */
function expectUsageError(run: Run): string {
  const seen = JSON.stringify(run);
  expect(run.code, seen).toBe(2);
  expect(run.stdout, seen).toBe('');
  expect(run.stderr.endsWith('\n')).toBe(true);
  const lines = run.stderr.split('\n').slice(0, -1);
  expect(lines, seen).toHaveLength(1);
  const line = lines[0] as string;
  expect(line, seen).toMatch(CHINESE);
  return line;
}

describe('ziping score', { timeout: 60_000 }, () => {
  it('prints the interchange.md report of 002-01 and exits 0', async () => {
    const run = await ziping('score', join(FIXTURES, '002-01.json'));
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as ScoreOutput;
    expect(out.forms).toHaveLength(1);
    const form = out.forms[0];
    if (!form) throw new Error('no form');
    expect(form.projectName).toBe('城区分局背街小巷洒水降尘服务费');
    expect(form.total).toBe(92.5);
    expect(form.grade).toBe('优');
    expect(form.execution).toEqual({ rate: 1, weight: 10, score: 10 });
    expect(form.indicators).toHaveLength(9);
    for (const line of form.indicators) {
      expect(Object.keys(line).sort()).toEqual([
        'explanation',
        'final',
        'manual',
        'name',
        'suggested',
        'weight',
      ]);
      expect(typeof line.name).toBe('string');
      expect(typeof line.final).toBe('number');
      expect(typeof line.manual).toBe('boolean');
      expect(line.explanation).toMatch(CHINESE);
    }
    // the scoring.md example: =8次/天 → =10次/天, suggested full, scored 7.5 by hand
    expect(form.indicators[0]).toMatchObject({
      name: '作业频次',
      weight: 10,
      suggested: 10,
      final: 7.5,
      manual: true,
    });
    expect(form.indicators[0]?.explanation).toContain('10');
    expect(form.indicators[1]).toMatchObject({
      name: '扬尘治理重点区域',
      weight: 10,
      final: 10,
      manual: false,
    });
    expect(form.findings).toEqual([]);
  });

  it('--pretty prints the same report indented', async () => {
    const [plain, pretty] = await Promise.all([
      ziping('score', join(FIXTURES, '002-01.json')),
      ziping('score', join(FIXTURES, '002-01.json'), '--pretty'),
    ]);
    expect(pretty.code).toBe(0);
    expect(pretty.stdout).toContain('\n  "forms"');
    expect(JSON.parse(pretty.stdout)).toEqual(JSON.parse(plain.stdout));
  });

  it('reports findings with 1-based rows (002-06: budget 0 on the first funds row)', async () => {
    const run = await ziping('score', join(FIXTURES, '002-06.json'));
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as ScoreOutput;
    const form = out.forms[0];
    expect(form?.execution).toEqual({ rate: null, weight: 10, score: 0 });
    expect(form?.findings).toContainEqual({
      level: 'error',
      code: 'budget-missing',
      section: 'funds',
      row: 1,
      field: 'fullYearBudget',
      message: expect.stringMatching(CHINESE) as unknown as string,
    });
  });

  it('names the first indicator as row 1', async () => {
    const form = structuredClone(CLEAN_FORM);
    const first = form.indicators[0];
    if (!first) throw new Error('no indicator');
    first.actual = '';
    const run = await ziping('score', writeJson('row1.json', form));
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as ScoreOutput;
    expect(out.forms[0]?.findings).toContainEqual(
      expect.objectContaining({
        level: 'error',
        code: 'required-empty',
        section: 'indicator',
        row: 1,
        field: 'actual',
      }),
    );
  });

  it('gives every real form the printed total and grade, or printed-total-mismatch where the arithmetic is wrong', async () => {
    const names = readdirSync(FIXTURES)
      .filter((n) => n.endsWith('.json'))
      .sort();
    expect(names.length).toBeGreaterThanOrEqual(25);
    const runs = await Promise.all(names.map((n) => ziping('score', join(FIXTURES, n))));
    const checked = { right: 0, wrong: 0, unprinted: 0 };
    names.forEach((name, i) => {
      const run = runs[i] as Run;
      expect(run.code, `${name}: ${run.stderr}`).toBe(0);
      const out = JSON.parse(run.stdout) as ScoreOutput;
      expect(out.forms, name).toHaveLength(1);
      const form = out.forms[0];
      if (!form) throw new Error(name);
      const src = JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as FixtureForm;
      const codes = form.findings.map((f) => f.code);
      if (WRONG_ARITHMETIC.has(name)) {
        checked.wrong++;
        expect(form.total, name).not.toBe(src.printedTotal);
        expect(codes, name).toContain('printed-total-mismatch');
      } else if (src.printedTotal != null) {
        checked.right++;
        expect(form.total, name).toBe(src.printedTotal);
        expect(codes, name).not.toContain('printed-total-mismatch');
        if (src.printedGrade != null) expect(form.grade, name).toBe(src.printedGrade);
      } else {
        checked.unprinted++;
        const sum =
          src.indicators.reduce((s, x) => s + (x.printedScore ?? 0), 0) + (src.funds.printedScore ?? 0);
        expect(form.total, name).toBe(round2(sum));
      }
    });
    expect(checked).toEqual({ right: 18, wrong: 5, unprinted: 2 });
  }, 120_000);

  it('totals the forms without a printed total (004-01, 004-08) as Σ printed scores', async () => {
    const [a, b] = await Promise.all([
      ziping('score', join(FIXTURES, '004-01.json')),
      ziping('score', join(FIXTURES, '004-08.json')),
    ]);
    expect((JSON.parse(a.stdout) as ScoreOutput).forms[0]?.total).toBe(96);
    expect((JSON.parse(b.stdout) as ScoreOutput).forms[0]?.total).toBe(97);
  });
});

describe('ziping check', { timeout: 60_000 }, () => {
  it('exits 1 when the form has errors (002-13: wrong total and grade)', async () => {
    const run = await ziping('check', join(FIXTURES, '002-13.json'));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('printed-total-mismatch');
    expect(run.stdout).toContain('grade-mismatch');
    expect(run.stdout).toMatch(/共 2 个错误/);
  });

  it('exits 0 on a clean form', async () => {
    const run = await ziping('check', writeJson('clean.json', CLEAN_FORM));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('共 0 个错误，0 个警告');
  });

  it('exits 0 when there are only warnings', async () => {
    const form = structuredClone(CLEAN_FORM);
    const first = form.indicators[0];
    if (!first) throw new Error('no indicator');
    first.actual = '13台'; // overshoot ≥ 1.2 × target with full marks kept
    const run = await ziping('check', '--json', writeJson('warn.json', form));
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { findings: ReportFinding[]; errors: number; warnings: number };
    expect(out.errors).toBe(0);
    expect(out.warnings).toBe(1);
    expect(out.findings[0]).toMatchObject({
      level: 'warning',
      code: 'overshoot-full',
      row: 1,
      field: 'actual',
    });
  });

  it('--json prints parseable JSON with the findings and counts', async () => {
    const [bad, clean] = await Promise.all([
      ziping('check', '--json', join(FIXTURES, '002-06.json')),
      ziping('check', writeJson('clean-json.json', CLEAN_FORM), '--json'),
    ]);
    expect(bad.code).toBe(1);
    const out = JSON.parse(bad.stdout) as { findings: ReportFinding[]; errors: number; warnings: number };
    expect(out.errors).toBeGreaterThan(0);
    expect(out.errors + out.warnings).toBe(out.findings.length);
    expect(out.findings).toContainEqual(
      expect.objectContaining({ level: 'error', code: 'budget-missing', section: 'funds', row: 1 }),
    );
    for (const f of out.findings) expect(f.message).toMatch(CHINESE);
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toEqual({ findings: [], errors: 0, warnings: 0 });
  });
});

describe('exit 2: bad usage or unreadable input, one Chinese line on stderr', { timeout: 60_000 }, () => {
  it('no arguments: exit 2', async () => {
    const run = await ziping();
    expect(run.code).toBe(2);
  });

  it('no arguments: one Chinese line on stderr', async () => {
    const run = await ziping();
    expect(run.code).toBe(2);
    const lines = run.stderr.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(CHINESE);
  });

  it('--help prints the usage and exits 0', async () => {
    const run = await ziping('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('ziping score');
    expect(run.stderr).toBe('');
  });

  it('unknown command', async () => {
    const line = expectUsageError(await ziping('frobnicate', join(FIXTURES, '002-01.json')));
    expect(line).toContain('frobnicate');
    expect(line).toContain('不认识的命令');
  });

  it('unknown option', async () => {
    const [score, check] = await Promise.all([
      ziping('score', '--bogus', join(FIXTURES, '002-01.json')),
      ziping('check', '--pretty', join(FIXTURES, '002-01.json')),
    ]);
    expect(expectUsageError(score)).toContain('--bogus');
    expect(expectUsageError(check)).toContain('--pretty');
  });

  it('no file or two files', async () => {
    const [none, two] = await Promise.all([
      ziping('score'),
      ziping('check', join(FIXTURES, '002-01.json'), join(FIXTURES, '002-03.json')),
    ]);
    expect(expectUsageError(none)).toContain('文件');
    expect(expectUsageError(two)).toContain('文件');
  });

  it('missing file', async () => {
    const path = tmp('does-not-exist.json');
    const line = expectUsageError(await ziping('score', path));
    expect(line).toContain('找不到文件');
    expect(line).toContain(path);
  });

  it('a directory', async () => {
    const named = tmp('folder.json');
    mkdirSync(named);
    const plain = tmp('folder');
    mkdirSync(plain);
    const [a, b] = await Promise.all([ziping('score', named), ziping('check', plain)]);
    expect(expectUsageError(a)).toContain('文件夹');
    expectUsageError(b);
  });

  it('invalid JSON', async () => {
    const path = write('broken.json', '{\n  "projectName": "x",\n  "indicators": [\n');
    const line = expectUsageError(await ziping('score', path));
    expect(line).toContain('不是有效的 JSON');
  });

  it('JSON that is not a form', async () => {
    const [arr, str, nul] = await Promise.all([
      ziping('score', write('array.json', '[1]')),
      ziping('check', write('string.json', '"x"')),
      ziping('score', write('null.json', 'null')),
    ]);
    for (const run of [arr, str, nul]) expect(expectUsageError(run)).toContain('不是一张表');
  });

  it('a form with a non-numeric weight names indicators[0].weight', async () => {
    const form = structuredClone(CLEAN_FORM) as unknown as { indicators: Array<Record<string, unknown>> };
    const first = form.indicators[0];
    if (!first) throw new Error('no indicator');
    first.weight = '十分';
    const line = expectUsageError(await ziping('score', writeJson('weight.json', form)));
    expect(line).toContain('indicators[0].weight');
    expect(line).toContain('数字');
  });

  it('a version or format from the future', async () => {
    const [version, format] = await Promise.all([
      ziping('score', writeJson('v2.json', { ...CLEAN_FORM, version: 2 })),
      ziping('check', writeJson('format.json', { ...CLEAN_FORM, format: 'ziping-form-2' })),
    ]);
    const v = expectUsageError(version);
    expect(v).toContain('第 2 版');
    expect(v).toContain('升级');
    expect(expectUsageError(format)).toContain('format');
  });

  it('a .txt file', async () => {
    const path = write('form.txt', JSON.stringify(CLEAN_FORM));
    const line = expectUsageError(await ziping('score', path));
    expect(line).toContain('不支持的文件类型');
  });
});

describe.sequential('the real command, bin/ziping.mjs, as a process', { timeout: 240_000 }, () => {
  it('--help, score, check and bad usage: output and exit codes as main() gives them', async () => {
    const help = await runZiping(['--help']);
    expect(help).toEqual({
      code: 0,
      stdout: expect.stringContaining('ziping score') as unknown as string,
      stderr: '',
    });
    // The command ran the bundle, built from the sources as they are now.
    expect(freshBundle(ROOT)).not.toBeNull();

    const score = await runZiping(['score', join(FIXTURES, '002-01.json')]);
    expect(score.stderr).toBe('');
    expect(score.code).toBe(0);
    expect((JSON.parse(score.stdout) as ScoreOutput).forms[0]?.total).toBe(92.5);
    expect(score).toEqual(await ziping('score', join(FIXTURES, '002-01.json')));

    const check = await runZiping(['check', join(FIXTURES, '002-13.json')]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/共 2 个错误/);

    const none = await runZiping([]);
    expect(none.code).toBe(2);
    expectUsageError(none);
  });
});
