/**
 * The print as the paper form has it, read back from real exports with exceljs: amounts keep the
 * decimals typed, analysis texts kept under a region's variant titles land in the official rows
 * (export, import and the shared normaliser), and long project names give sheet names that still
 * tell the forms apart.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importXlsx } from '../../electron/services/excel/import';
import { uniqueSheetNames } from '../../electron/services/excel/sheet-names';
import { fmtAmount, fmt2 } from '../../shared/format/numbers';
import { analysisEntries, officialAnalysisTitle } from '../../shared/layouts/analysis-titles';
import { getLayout } from '../../shared/layouts/definitions';
import { exportOrThrow, layoutDocument, layoutForm, readWorkbook, rowWith } from '../support/excel';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('ziping-excel-print-');

describe('amounts keep the decimals typed', () => {
  it('two decimals at least, never fewer than typed', () => {
    expect(['9.233', '9.20', '9.00', '0.123456', '1234.50']).toEqual(
      [9.233, 9.2, 9, 0.123456, 1234.5].map(fmtAmount),
    );
    expect(fmtAmount(0.1 + 0.2)).toBe('0.30'); // binary noise is not a typed decimal
    expect(fmt2(9.233)).toBe('9.23'); // scores stay at two
  });

  it('the export gives each amount a format with its own decimals', async () => {
    const form = layoutForm('national');
    const typed = [9.233, 9.2, 100, 0.123456];
    form.funds.rows.forEach((row, i) => {
      row.fullYearBudget = typed[i] ?? 1;
      row.executed = 9.23;
    });
    const file = join(tempDir(), 'amounts.xlsx');
    await exportOrThrow(layoutDocument('national', [form]), file);
    const ws = (await readWorkbook(file)).getWorksheet('测试项目') as ExcelJS.Worksheet;
    const header = rowWith(ws, '资金来源', 2);
    const titles = ws.getRow(header).values as unknown[];
    const budgetCol = titles.indexOf('全年预算数');
    const executed = titles.indexOf('全年执行数');
    const formats = typed.map((_, i) => ws.getCell(header + 1 + i, budgetCol).numFmt);
    expect(formats).toEqual(['0.000', '0.00', '0.00', '0.000000']);
    expect(ws.getCell(header + 1, budgetCol).value).toBe(9.233);
    expect(ws.getCell(header + 1, executed).numFmt).toBe('0.00');
  });
});

describe('analysis texts under variant titles', () => {
  const titles = getLayout('shanxi').kinds.project.analysisTitles;

  it('numbering, spaces, full-width punctuation and wordings name the official title', () => {
    const cases: Array<[string, string | null]> = [
      ['一、项目实施和预算执行情况：', '项目实施和预算执行情况'],
      ['（二） 产出情况', '产出情况及分析'],
      ['3. 效益情况及分析', '效益情况及分析'],
      ['(4)满意度情况及分析:', '满意度情况及分析'],
      ['五、主要经验做法。', '主要经验做法'],
      ['项目管理中存在的问题及原因分析', '项目管理中存在的主要问题及原因分析'],
      ['１．下一步改进措施及管理建议', '下一步改进措施及管理建议'],
      ['三公经费情况', null],
      ['其他说明', null],
    ];
    for (const [variant, official] of cases)
      expect([variant, officialAnalysisTitle(variant, titles)]).toEqual([variant, official]);
  });

  it('the entries keep every official row in order, variants in theirs, other texts after', () => {
    const entries = analysisEntries(
      { '一、项目实施和预算执行情况：': '甲', 产出情况: '乙', 产出情况及分析: '丙', 其他说明: '丁' },
      titles,
    );
    expect(entries.map((e) => e.title)).toEqual([...titles, '其他说明']);
    expect(entries[0]).toMatchObject({ text: '甲', keys: ['一、项目实施和预算执行情况：'] });
    expect(entries[1]).toMatchObject({ text: '丙\n乙', keys: ['产出情况及分析', '产出情况'] });
    expect(entries.at(-1)).toMatchObject({ text: '丁' });
  });

  it('are printed in the official rows and read back under the official titles', async () => {
    const form = layoutForm('shanxi');
    form.analysis = { '一、项目实施和预算执行情况：': '按计划实施。', '（三）效益情况': '效益明显。' };
    const file = join(tempDir(), 'analysis.xlsx');
    await exportOrThrow(layoutDocument('shanxi', [form]), file);
    const wb = await readWorkbook(file);
    const ws = wb.getWorksheet('测试项目') as ExcelJS.Worksheet;
    const first = rowWith(ws, '项目实施和预算执行情况');
    expect(ws.getCell(first, 4).value).toBe('按计划实施。');
    const benefit = rowWith(ws, '效益情况及分析');
    expect(ws.getCell(benefit, 4).value).toBe('效益明显。');
    // No extra row after the official ones.
    const last = rowWith(ws, titles.at(-1) as string);
    expect(ws.getCell(last + 1, 1).value ?? '').not.toMatch(/效益|项目实施/);
    // Read from the cells (the hidden data removed), the texts come back under the official titles.
    wb.removeWorksheet((wb.getWorksheet('ZipingData') as ExcelJS.Worksheet).id);
    await wb.xlsx.writeFile(file);
    const back = await importXlsx(file);
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.forms[0]?.form.analysis).toMatchObject({
      项目实施和预算执行情况: '按计划实施。',
      效益情况及分析: '效益明显。',
    });
  });

  it("a hand-filled form's numbered titles are read into the official titles", async () => {
    const form = layoutForm('shanxi');
    const file = join(tempDir(), 'numbered.xlsx');
    await exportOrThrow(layoutDocument('shanxi', [form]), file);
    const wb = await readWorkbook(file);
    const ws = wb.getWorksheet('测试项目') as ExcelJS.Worksheet;
    titles.forEach((t, i) => {
      ws.getCell(rowWith(ws, t), 1).value = `${'一二三四五六七'[i]}、${t}：`;
    });
    wb.removeWorksheet((wb.getWorksheet('ZipingData') as ExcelJS.Worksheet).id);
    await wb.xlsx.writeFile(file);
    const back = await importXlsx(file);
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.forms[0]?.form.analysis).toEqual(form.analysis);
    expect(back.value.report.problems.filter((p) => /分析标题/.test(p.reason))).toEqual([]);
  });
});

describe('sheet names of long project names', () => {
  it('keep the part that tells the forms apart, within 31 characters and unique', () => {
    const names = Array.from(
      { length: 14 },
      (_, i) => `山西省晋城市城区2024年度农村人居环境整治提升工程（二期）第${i + 1}标段项目`,
    );
    const sheets = uniqueSheetNames(names);
    expect(new Set(sheets.map((s) => s.toLowerCase())).size).toBe(14);
    sheets.forEach((s, i) => {
      expect(s.length).toBeLessThanOrEqual(31);
      expect(s).toContain(`第${i + 1}标段`);
      expect(s).not.toMatch(/\(\d+\)$/);
    });
    // A long name that no other shares is cut at its end, as before.
    expect(uniqueSheetNames(['甲'.repeat(40)])).toEqual(['甲'.repeat(31)]);
    // With a tail (“-基础数据表”) the part before it is what is shortened.
    const tailed = uniqueSheetNames(names.slice(0, 2).map((name) => ({ name, tail: '-基础数据表' })));
    expect(tailed.every((s, i) => s.endsWith('-基础数据表') && s.includes(`${i + 1}标段`))).toBe(true);
  });
});
