/**
 * `ziping import-targets` into a real document (#21), in this process: the round trip 申报表 →
 * forms → filled by patches → `ziping export` → scores read back from the xlsx; forms already in
 * the document left as they are; refusals.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DocumentSession } from '../../electron/services/document-store';
import { readDocumentSnapshot } from '../../electron/services/document-store/snapshot';
import { NO_DECLARATION } from '../../electron/services/excel/targets-reader';
import { getLayout } from '../../shared/layouts/definitions';
import type { Form } from '../../shared/model/types';
import type { Patch } from '../../shared/model/patch';
import { ziping } from '../support/cli-in-process';
import { readWorkbook, rowWith } from '../support/excel';
import { useTempDir } from '../support/temp-dir';
import * as W from '../support/targets-workbooks';

const dir = useTempDir('ziping-targets-cli-');

beforeAll(() => vi.stubEnv('ZIPING_DATA_DIR', join(dir(), 'data')));
afterAll(() => vi.unstubAllEnvs());

/** Every line's 实际完成值 as a unit reports it at year end; the total row executed in full. */
function fillPatches(form: Form, actuals: ReadonlyMap<string, string>): Patch[] {
  const patches: Patch[] = form.indicators.map((i) => ({
    op: 'setIndicator',
    formId: form.id,
    indicatorId: i.id,
    field: 'actual',
    value: actuals.get(i.name) ?? '',
  }));
  const short = form.indicators.find((i) => i.name === '维修道路长度');
  if (short)
    patches.push({
      op: 'setIndicator',
      formId: form.id,
      indicatorId: short.id,
      field: 'deviationReason',
      value: '受雨季影响，3公里顺延至次年一季度完成',
    });
  const total = form.funds.rows[0];
  patches.push({
    op: 'setFundsRow',
    formId: form.id,
    row: 0,
    field: 'executed',
    value: total?.fullYearBudget ?? null,
  });
  return patches;
}

const MET = new Map([
  ['新建集中供水工程', '3处'],
  ['改造供水管网长度', '126公里'],
  ['工程验收合格率', '100%'],
  ['工程完工时间', '2025年10月28日'],
  ['单处工程平均造价', '380万元'],
  ['巩固提升受益人口', '3.6万人'],
  ['供水水质达标率', '97%'],
  ['受益群众满意度', '96%'],
  ['维修道路长度', '9公里'],
  ['维修合格率', '99%'],
  ['道路通行能力', '达成预期指标'],
  ['市民满意度', '90%'],
]);

describe('ziping import-targets', { timeout: 120_000 }, () => {
  it('申报表 → forms → filled → exported: the scores read back from the xlsx are the declared ones', async () => {
    const doc = join(dir(), '某县.ziping');
    const made = await ziping('new', doc, '--unit', '某县水利局', '--year', '2025', '--layout', 'national');
    expect(made.code, made.stderr).toBe(0);
    for (const make of [W.nationalTemplate, W.weightedWorkbook]) {
      const run = await ziping('import-targets', await make(dir()), '--into', doc);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('已新增 1 张表');
    }
    const opened = DocumentSession.open(doc, { dataDir: join(dir(), 'data') });
    if (!opened.ok) throw new Error(opened.error.message);
    const session = opened.value;
    try {
      const forms = session.document.forms;
      expect(forms.map((f) => f.projectName)).toEqual(['农村饮水安全巩固提升工程', '城区道路维修']);
      const applied = session.apply(forms.flatMap((f) => fillPatches(f, MET)));
      expect(applied.ok ? '' : applied.error.message).toBe('');
      expect(session.save().ok).toBe(true);
    } finally {
      session.close({ discard: true });
    }
    const out = join(dir(), '自评表.xlsx');
    const exported = await ziping('export', doc, '--out', out);
    expect(exported.code, exported.stderr + exported.stdout).toBe(0);

    const wb = await readWorkbook(out);
    const def = getLayout('national').kinds.project;
    const col = (key: string) => def.indicatorColumns.findIndex((c) => c.key === key) + 2;
    const scoreOf = (sheet: string, text: string) => {
      const ws = wb.getWorksheet(sheet);
      if (!ws) throw new Error(`no sheet ${sheet}`);
      return ws.getCell(rowWith(ws, text, text === '总分' ? 1 : col('name')), col('score')).value;
    };
    // Every declared target met: every line its proposed weight, the execution 10 — 100.
    expect(scoreOf('农村饮水安全巩固提升工程', '总分')).toBe(100);
    expect(scoreOf('农村饮水安全巩固提升工程', '巩固提升受益人口')).toBe(15);
    // 9 of the 12 declared 公里: 30 × 9/12 = 22.5 of its declared 30; all else met.
    expect(scoreOf('城区道路维修', '维修道路长度')).toBe(22.5);
    expect(scoreOf('城区道路维修', '市民满意度')).toBe(10);
    expect(scoreOf('城区道路维修', '总分')).toBe(92.5);
  });

  it('leaves forms already in the document as they are, and needs the document to exist', async () => {
    const doc = join(dir(), '已有.ziping');
    expect((await ziping('new', doc, '--unit', '某市教育局', '--year', '2025')).code).toBe(0);
    const file = await W.variantWorkbook(dir());
    const first = await ziping('import-targets', file, '--into', doc);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('从 ');
    expect(first.stdout).toContain('已新增 3 张表');
    const stored = readDocumentSnapshot(doc);
    if (!stored.ok) throw new Error(stored.error.message);
    const meal = stored.value.forms.find((f) => f.projectName === '义务教育学生营养改善计划');
    // The ★ mark is kept with the line in the saved document, out of its name.
    expect(meal?.indicators.filter((i) => i.extra?.keyIndicator === true).map((i) => i.name)).toEqual([
      '受益学生人数',
      '学生营养知识知晓率',
    ]);
    const again = await ziping('import-targets', file, '--into', doc);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(
      '文档中已有 “义务教育学生营养改善计划”、“校园安全提升工程”、“乡村教师培训”，未改动',
    );
    expect(again.stdout).toContain('已新增 0 张表');

    const missing = await ziping('import-targets', file, '--into', join(dir(), '没有.ziping'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('找不到文档');
    expect(missing.stderr).toContain('ziping new');
    const json = await ziping('import-targets', join(dir(), '表.json'), '--into', doc);
    expect(json.stderr).toContain('不是 Excel 文件');
    const none = join(dir(), '空.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['备注']);
    await wb.xlsx.writeFile(none);
    const refused = await ziping('import-targets', none, '--into', doc);
    expect([refused.code, refused.stderr]).toEqual([2, `ziping：${NO_DECLARATION}\n`]);
  });
});
