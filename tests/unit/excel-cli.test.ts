/**
 * `ziping export` and `ziping import FILE.xlsx`, through the command's main() in this process: the
 * checks stop an export (exit 1, the list on stdout), a draft goes through, one form or one file
 * per form; an export imported into a new document gives back the same forms (export-json equal);
 * bad files and bad usage exit 2 with one Chinese line.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SAMPLE_PATH } from '../../scripts/build-sample';
import { runZipingInProcess } from '../support/run-cli';

let dir: string;
const CHINESE = /[\u4e00-\u9fff]/;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ziping-cli-excel-'));
  vi.stubEnv('ZIPING_DATA_DIR', join(dir, 'data'));
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

/** The command's main(), in this process: its data folder is ZIPING_DATA_DIR. */
const z = (...args: string[]) => runZipingInProcess(args);

function oneChineseLine(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(CHINESE);
  return lines[0] as string;
}

function jsonFiles(folder: string): unknown[] {
  return readdirSync(folder)
    .sort()
    .map((f) => JSON.parse(readFileSync(join(folder, f), 'utf8')) as unknown);
}

describe('ziping export / import .xlsx', { timeout: 120_000 }, () => {
  const book = () => join(dir, '示例.xlsx');

  it('errors of the checks stop the export: exit 1, the list on stdout, nothing written', async () => {
    const run = await z('export', SAMPLE_PATH, '--out', book());
    expect(run.code).toBe(1);
    expect(oneChineseLine(run.stderr)).toMatch(/审核发现 \d+ 个错误，未导出/);
    expect(run.stdout).toMatch(/^错误 {2}\S+ {2}第\d+行 /m);
    expect(existsSync(book())).toBe(false);
  });

  it('--draft exports every form into one workbook', async () => {
    const run = await z('export', SAMPLE_PATH, '--out', book(), '--draft');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/已导出 25 张表到 .*示例\.xlsx/);
    expect(run.stdout).toContain('草稿');
    expect(existsSync(book())).toBe(true);
  });

  it('--form exports one form; a folder gets one file per form', async () => {
    const out = join(dir, '一张');
    const run = await z('export', SAMPLE_PATH, '--out', out, '--form', '监测委托', '--draft');
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(['1-监测委托.xlsx']);
    const missing = await z('export', SAMPLE_PATH, '--out', out, '--form', '没有这张表');
    expect(missing.code).toBe(2);
    expect(oneChineseLine(missing.stderr)).toContain('没有名为“没有这张表”的表');
  });

  it('import into a new document, then export-json: the same forms as the sample', async () => {
    const doc = join(dir, '导入.ziping');
    const run = await z('import', book(), '--into', doc);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('新建文档');
    expect(run.stdout).toContain('读入 25 张表');
    expect(run.stdout).toContain('跳过工作表“汇总”');
    expect(run.stdout).toContain('新增 25 张，替换 0 张');

    const again = await z('import', book(), '--into', doc);
    expect(again.stdout).toContain('新增 0 张，替换 25 张');

    const a = join(dir, 'json-sample');
    const b = join(dir, 'json-imported');
    expect((await z('export-json', SAMPLE_PATH, '--out', a)).code).toBe(0);
    expect((await z('export-json', doc, '--out', b)).code).toBe(0);
    expect(jsonFiles(b)).toEqual(jsonFiles(a));
  });

  it.each([
    [['import', '坏.xlsx', '--into', '文档.ziping'], '不是 .xlsx 文件'],
    [['import', '没有.xlsx', '--into', '文档.ziping'], '找不到文件'],
    [['export', SAMPLE_PATH], '--out'],
  ])('bad input %j exits 2 with one Chinese line naming %s', async (args, named) => {
    writeFileSync(join(dir, '坏.xlsx'), '这不是 Excel 文件');
    const run = await z(
      ...args.map((a) =>
        a.endsWith('.xlsx') || a.endsWith('.ziping') ? (a === SAMPLE_PATH ? a : join(dir, a)) : a,
      ),
    );
    expect(run.code).toBe(2);
    expect(oneChineseLine(run.stderr)).toContain(named);
  });
});
