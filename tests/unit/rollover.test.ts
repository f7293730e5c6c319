/**
 * 新建下一年度文档 (#21): every target, weight and rule is carried, every actual cleared; 上年完成情况
 * from last year's 实际完成值 where the layout prints it; `ziping rollover` writes a real document.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readDocumentSnapshot } from '../../electron/services/document-store/snapshot';
import { getLayout } from '../../shared/layouts/definitions';
import { rolloverDocument } from '../../shared/rollover/rollover';
import { scoreForm } from '../../shared/scoring/form';
import type { Form, ZipingDocument } from '../../shared/model/types';
import { SAMPLE_PATH } from '../../scripts/build-sample';
import { fixtureDocument, generatedDocument } from '../support/documents';
import { runZipingInProcess } from '../support/run-cli';
import { changjiDepartmentForm, changjiProjectForm } from '../support/xinjiang';

function rolled(doc: ZipingDocument) {
  const r = rolloverDocument(doc);
  if (!r.ok) throw new Error(r.message);
  return r;
}

/** Every declared part of every line is the same; nothing of what happened is left. */
function expectCarried(before: Form, after: Form, year: number) {
  expect(after.year).toBe(year);
  expect(after.projectName).toBe(before.projectName);
  expect(after.kind).toBe(before.kind);
  expect(after.goals).toEqual({ expected: before.goals.expected, actual: '' });
  expect(after.analysis).toEqual({});
  expect(after.funds.rows.map((r) => r.source)).toEqual(before.funds.rows.map((r) => r.source));
  expect(after.funds.weight).toBe(before.funds.weight);
  for (const row of after.funds.rows) {
    expect([row.targetDeclared, row.initialBudget, row.fullYearBudget, row.executed, row.carryover]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  }
  expect(after.funds.score).toBeNull();
  expect(after.printedTotal).toBeUndefined();
  expect(after.indicators).toHaveLength(before.indicators.length);
  after.indicators.forEach((line, i) => {
    const old = before.indicators[i] as Form['indicators'][number];
    for (const key of [
      'level1',
      'level2',
      'name',
      'targetInitial',
      'target',
      'weight',
      'ruleText',
      'basis',
    ] as const) {
      expect(line[key]).toEqual(old[key]);
    }
    expect(line.level2Weight).toEqual(old.level2Weight);
    for (const key of ['actual', 'scoreReason', 'deviationReason', 'qualitativeNote', 'evidence'] as const) {
      expect(line[key]).toBe('');
    }
    expect([line.score, line.tier, line.tierShare]).toEqual([null, null, null]);
    expect(line.printedScore).toBeUndefined();
  });
}

describe('rolloverDocument', () => {
  it('carries every target and weight of the real forms and clears every actual', () => {
    for (const layout of ['national', 'shanxi'] as const) {
      const doc = fixtureDocument(layout);
      expect(doc.forms.some((f) => f.indicators.some((l) => l.actual !== ''))).toBe(true);
      const r = rolled(doc);
      expect(r.meta).toEqual({ unit: doc.meta.unit, year: 2025, layout });
      r.forms.forEach((form, i) => expectCarried(doc.forms[i] as Form, form, 2025));
      expect(r.report.indicators).toBe(doc.forms.reduce((n, f) => n + f.indicators.length, 0));
      // Neither layout prints 上年完成情况: nothing is put there.
      expect(r.report.lastYearFilled).toBe(0);
      expect(r.forms.every((f) => f.indicators.every((l) => l.lastYear === ''))).toBe(true);
    }
  });

  it("puts last year's 实际完成值 into 上年完成情况 where the layout prints it (新疆)", () => {
    const project = changjiProjectForm('f2');
    project.indicators[0]!.lastYear = '前年的值';
    const doc: ZipingDocument = {
      meta: { ...fixtureDocument('national').meta, layout: 'xinjiang', year: 2024 },
      forms: [changjiDepartmentForm('f1'), project],
    };
    const r = rolled(doc);
    const hasColumn = (f: Form) =>
      getLayout('xinjiang').kinds[f.kind].indicatorColumns.some((c) => c.key === 'lastYear');
    r.forms.forEach((form, i) => {
      const before = doc.forms[i] as Form;
      expectCarried(before, form, 2025);
      form.indicators.forEach((line, j) => {
        const actual = (before.indicators[j] as Form['indicators'][number]).actual.trim();
        expect(line.lastYear).toBe(hasColumn(form) ? actual : '');
      });
    });
    expect(hasColumn(project)).toBe(true);
    expect(r.report.lastYearFilled).toBe(project.indicators.filter((l) => l.actual.trim() !== '').length);
  });

  it("rolls the 基础数据表: 本年决算数 becomes 上年决算数, the year's figures are cleared", () => {
    const doc = generatedDocument(1, 3, 'hunan');
    const form = doc.forms[0] as Form;
    form.basicData = {
      authorizedStaff: 166,
      actualStaff: 113,
      spending: [
        { item: '三公经费', lastYearFinal: 82.73, budget: 77, final: 35.32 },
        { item: '项目支出', lastYearFinal: 1452.99, budget: 6.62, final: null },
      ],
      building: { approvedArea: 100, actualArea: 90, budgetInvestment: 10, actualInvestment: 9 },
      savingMeasures: '严格执行八项规定',
    };
    const next = rolled(doc).forms[0]?.basicData;
    expect(next).toEqual({
      authorizedStaff: 166,
      actualStaff: null,
      spending: [
        { item: '三公经费', lastYearFinal: 35.32, budget: null, final: null },
        { item: '项目支出', lastYearFinal: null, budget: null, final: null },
      ],
      building: { approvedArea: null, actualArea: null, budgetInvestment: null, actualInvestment: null },
      savingMeasures: '',
    });
    expect(rolled(doc).report.basicDataLastYear).toBe(1);
  });

  it('a rolled form checks as an unfilled one: weights still add up, nothing printed to disagree with', () => {
    const doc = fixtureDocument('national');
    rolled(doc).forms.forEach((form, i) => {
      const codes = (f: Form) =>
        new Set(scoreForm(f, getLayout('national'), true).findings.map((x) => x.code));
      const after = codes(form);
      expect(after.has('weights-total')).toBe(codes(doc.forms[i] as Form).has('weights-total'));
      expect(after.has('printed-total-mismatch')).toBe(false);
      expect(after.has('required-empty')).toBe(true);
    });
  });

  it('refuses a year past the last valid one', () => {
    const doc = generatedDocument(1, 2);
    doc.meta.year = 2100;
    const r = rolloverDocument(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/下一年度 2101 超出了可用年度/);
  });
});

describe('ziping rollover', { timeout: 120_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ziping-rollover-'));
    vi.stubEnv('ZIPING_DATA_DIR', join(dir, 'data'));
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes the next year's document from the sample: every target kept, every actual cleared", async () => {
    const out = join(dir, '2025', '本年.ziping');
    const run = await runZipingInProcess(['rollover', SAMPLE_PATH, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const old = readDocumentSnapshot(SAMPLE_PATH);
    const made = readDocumentSnapshot(out);
    if (!old.ok || !made.ok) throw new Error('文档读取失败');
    expect(made.value.meta.year).toBe(old.value.meta.year + 1);
    expect(made.value.meta.unit).toBe(old.value.meta.unit);
    expect(made.value.forms).toHaveLength(old.value.forms.length);
    made.value.forms.forEach((form, i) =>
      expectCarried(old.value.forms[i] as Form, form, made.value.meta.year),
    );
    expect(run.stdout).toContain(`带入 ${old.value.forms.length} 张表`);
    expect(run.stdout).toContain('已清空');
  });

  it('never overwrites: an existing target, the source itself, a target that is not .ziping', async () => {
    const out = join(dir, '已有.ziping');
    expect((await runZipingInProcess(['rollover', SAMPLE_PATH, '--out', out])).code).toBe(0);
    const again = await runZipingInProcess(['rollover', SAMPLE_PATH, '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/已存在：请换一个文件名/);
    const self = await runZipingInProcess(['rollover', SAMPLE_PATH, '--out', SAMPLE_PATH]);
    expect(self.code).toBe(2);
    expect(self.stderr).toMatch(/不能是上年文档本身/);
    const xlsx = await runZipingInProcess(['rollover', SAMPLE_PATH, '--out', join(dir, 'a.xlsx')]);
    expect(xlsx.stderr).toMatch(/不是 \.ziping 文档/);
    expect(existsSync(join(dir, 'a.xlsx'))).toBe(false);
    const missing = await runZipingInProcess(['rollover', SAMPLE_PATH]);
    expect(missing.stderr).toMatch(/缺少 --out/);
  });
});
