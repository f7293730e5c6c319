/**
 * `ziping summary` (#22): many units' documents, folders searched recursively, only read (no owner
 * file, nothing written beside them; read-only folders and hostile files: tests/adversarial/
 * summary-folder.test.ts), bad files listed with their reason;
 * the numbers are each form's own scoring; xlsx, CSV and JSON carry the same rows.
 */
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getLayout } from '../../shared/layouts/definitions';
import { scoreForm } from '../../shared/scoring/form';
import type { UnitsScan } from '../../electron/services/units/scan-units';
import { postgresSchema } from '../../shared/units/units-tables';
import { generatedDocument } from '../support/documents';
import { writeDocumentFile } from '../support/document-file';
import { ROOT, runZipingInProcess } from '../support/run-cli';

describe('ziping summary', { timeout: 120_000 }, () => {
  let dir: string;
  let units: string;
  const docs = [
    { path: ['甲局.ziping'], unit: '甲局', forms: 3, seed: 1 },
    { path: ['县级', '乙局.ziping'], unit: '乙局', forms: 2, seed: 2 },
    { path: ['县级', '更深', '丙局.ziping'], unit: '丙局', forms: 4, seed: 3 },
  ];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ziping-summary-'));
    vi.stubEnv('ZIPING_DATA_DIR', join(dir, 'data'));
    units = join(dir, '各单位');
    for (const d of docs) {
      const file = join(units, ...d.path);
      mkdirSync(join(file, '..'), { recursive: true });
      const doc = generatedDocument(d.forms, 4, 'national', d.seed);
      doc.meta.unit = d.unit;
      writeDocumentFile(file, doc, join(dir, 'data'));
    }
    writeFileSync(join(units, '县级', '坏的.ziping'), 'not a database');
    writeFileSync(join(units, '说明.txt'), '不是文档');
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  const listing = () => readdirSync(units, { recursive: true }).map(String).sort();

  it('reads every unit under the folder, numbers as each form scores, bad files listed; nothing written there', async () => {
    const before = listing();
    const run = await runZipingInProcess(['summary', units, '--json']);
    expect(run.code).toBe(0);
    const scan = JSON.parse(run.stdout) as UnitsScan;
    // Depth first, names in pinyin order (更深 before 乙局): the same order on every run.
    expect(scan.units.map((u) => u.unit)).toEqual(['甲局', '丙局', '乙局']);
    expect(scan.forms).toHaveLength(9);
    expect(scan.indicators).toHaveLength(9 * 4);
    expect(scan.failed.map((f) => f.file)).toEqual([join(units, '县级', '坏的.ziping')]);
    expect(scan.failed[0]?.reason).toMatch(/[\u4e00-\u9fa5]/);
    expect(run.stderr).toContain('未读入');
    for (const d of docs) {
      const doc = generatedDocument(d.forms, 4, 'national', d.seed);
      const rows = scan.forms.filter((f) => f.unit === d.unit);
      const unit = scan.units.find((u) => u.unit === d.unit);
      doc.forms.forEach((form, i) => {
        const result = scoreForm(form, getLayout('national'), true);
        expect(rows[i]?.score).toBe(result.total);
        expect(rows[i]?.grade).toBe(result.grade);
      });
      const budgets = doc.forms.map((f) => f.funds.rows[0]?.fullYearBudget ?? 0);
      expect(unit?.projectBudget).toBeCloseTo(
        budgets.reduce((a, b) => a + b, 0),
        6,
      );
      expect((unit?.优 ?? 0) + (unit?.良 ?? 0) + (unit?.中 ?? 0) + (unit?.差 ?? 0)).toBe(d.forms);
    }
    expect(listing()).toEqual(before);
  });

  it('writes the same rows to a workbook and to CSV files', async () => {
    const xlsx = join(dir, '汇总.xlsx');
    const run = await runZipingInProcess(['summary', units, '--out', xlsx]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('已汇总 3 个单位、9 张表');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['单位', '表格', '指标', '未读入']);
    expect(wb.getWorksheet('表格')?.rowCount).toBe(1 + 9);
    expect(wb.getWorksheet('单位')?.getRow(2).getCell(1).text).toBe('甲局');

    const csvDir = join(dir, 'csv');
    expect((await runZipingInProcess(['summary', units, '--out', csvDir, '--format', 'csv'])).code).toBe(0);
    expect(readdirSync(csvDir).sort()).toEqual(['failed.csv', 'forms.csv', 'indicators.csv', 'units.csv']);
    const forms = readFileSync(join(csvDir, 'forms.csv'), 'utf8');
    expect(forms.startsWith('\uFEFF单位,表编号,类型,名称')).toBe(true);
    expect(forms.trim().split('\r\n')).toHaveLength(1 + 9);
  });

  it('writes the same rows to a SQLite file, tables and columns as docs/summary-schema.md prints them', async () => {
    const file = join(dir, '汇总.sqlite');
    const run = await runZipingInProcess(['summary', units, '--out', file]);
    expect(run.code).toBe(0);
    const scan = JSON.parse((await runZipingInProcess(['summary', units, '--json'])).stdout) as UnitsScan;
    const schema = postgresSchema();
    const db = new Database(file, { readonly: true });
    try {
      const count = (table: string) =>
        (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      expect([count('units'), count('forms'), count('indicators'), count('failed')]).toEqual([3, 9, 36, 1]);
      const forms = db.prepare('SELECT file, form_id, score, grade, budget FROM forms ORDER BY rowid').all();
      expect(forms).toEqual(
        scan.forms.map((f) => ({
          file: f.file,
          form_id: f.formId,
          score: f.score,
          grade: f.grade,
          budget: f.budget,
        })),
      );
      const unit = db.prepare('SELECT * FROM units WHERE unit = ?').get('乙局') as Record<string, unknown>;
      const fromJson = scan.units.find((u) => u.unit === '乙局');
      expect(unit['project_budget']).toBe(fromJson?.projectBudget);
      expect(unit['projects_excellent']).toBe(fromJson?.优);
      // The indicators join to their forms through (file, form_id).
      const orphans = db
        .prepare(
          'SELECT count(*) AS n FROM indicators i LEFT JOIN forms f USING (file, form_id) WHERE f.file IS NULL',
        )
        .get() as { n: number };
      expect(orphans.n).toBe(0);
      // Every table and column, in order, as the PostgreSQL schema in the docs.
      for (const table of ['units', 'forms', 'indicators', 'failed']) {
        const names = (db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name);
        const block =
          new RegExp(`CREATE TABLE ${table} \\(\\n([\\s\\S]*?)\\n  PRIMARY KEY`).exec(schema)?.[1] ?? '';
        expect(names).toEqual(block.split('\n').map((l) => l.trim().split(' ')[0]));
      }
    } finally {
      db.close();
    }
    expect(readFileSync(join(ROOT, 'docs', 'summary-schema.md'), 'utf8')).toContain(
      `\`\`\`sql\n${schema}\n\`\`\``,
    );
    expect(
      (await runZipingInProcess(['summary', units, '--out', join(dir, 'x.xlsx'), '--format', 'sqlite']))
        .stderr,
    ).toMatch(/--format sqlite 的 --out 应以 \.sqlite 结尾/);
  });

  it('says what is wrong with the command', async () => {
    expect((await runZipingInProcess(['summary'])).stderr).toMatch(/缺少要汇总的文件夹或文档/);
    expect((await runZipingInProcess(['summary', units])).stderr).toMatch(/缺少 --out 或 --json/);
    expect((await runZipingInProcess(['summary', units, '--out', join(dir, 'x.txt')])).stderr).toMatch(
      /--out 应为 \.xlsx 或 \.sqlite 文件/,
    );
    const empty = join(dir, '空文件夹');
    mkdirSync(empty);
    expect((await runZipingInProcess(['summary', empty, '--json'])).stderr).toMatch(/没有找到 \.ziping 文档/);
  });
});
