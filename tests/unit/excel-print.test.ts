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
import { gridOf } from '../../electron/services/excel/form-sheet';
import { pageCapacity } from '../../electron/services/excel/page-breaks';
import { FORM_KINDS, INDICATOR_TEXT_FIELDS, LAYOUT_IDS, type Form } from '../../shared/model/types';
import {
  exportOrThrow,
  imported,
  layoutDocument,
  layoutForm,
  longForm,
  readWorkbook,
  rowBreaksOf,
  rowWith,
  withoutHiddenData,
} from '../support/excel';
import { clippedCells, overflowingCells } from '../support/print-measure';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('ziping-excel-print-');

/** The column of `text` among the analysis label columns (002's captions push titles right). */
function titleColumn(ws: ExcelJS.Worksheet, r: number, text: string): number {
  const col = [1, 2, 3].find((c) => ws.getCell(r, c).value === text);
  if (col === undefined) throw new Error(`no “${text}” in row ${r}`);
  return col;
}

/** The row of an analysis title, whichever label column it stands in. */
function titleRow(ws: ExcelJS.Worksheet, text: string): number {
  for (let r = 1; r <= ws.rowCount; r++)
    if (
      [1, 2, 3].some((c) => ws.getCell(r, c).value === text && ws.getCell(r, c).master === ws.getCell(r, c))
    )
      return r;
  throw new Error(`no row with “${text}” in ${ws.name}`);
}

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
    const first = titleRow(ws, '项目实施和预算执行情况');
    expect(ws.getCell(first, 4).value).toBe('按计划实施。');
    const benefit = titleRow(ws, '效益情况及分析');
    expect(ws.getCell(benefit, 4).value).toBe('效益明显。');
    // No extra row after the official ones.
    const last = titleRow(ws, titles.at(-1) as string);
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
      const r = titleRow(ws, t);
      ws.getCell(r, titleColumn(ws, r, t)).value = `${'一二三四五六七'[i]}、${t}：`;
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

/** Whether row r holds bold titles only (cells merged down from above do not count). */
function titlesOnly(ws: ExcelJS.Worksheet, r: number): boolean {
  const own: ExcelJS.Cell[] = [];
  ws.getRow(r).eachCell((cell) => {
    if (cell.type !== ExcelJS.ValueType.Merge && cell.value !== null && cell.value !== '') own.push(cell);
  });
  return own.length > 0 && own.every((cell) => cell.font?.bold === true);
}

describe('nothing is cut off in print', () => {
  for (const layout of LAYOUT_IDS)
    for (const kind of FORM_KINDS)
      it(`${layout} ${kind}: every text cell's rows, on every sheet, are tall enough for its wrapped lines; read back whole`, async () => {
        const form = longForm(layout, 24, kind);
        const file = join(tempDir(), `long-${layout}-${kind}.xlsx`);
        await exportOrThrow(layoutDocument(layout, [form]), file);
        const wb = await readWorkbook(file);
        const sheets = wb.worksheets.filter((ws) => ws.name.startsWith('测试项目'));
        // The form, and the 基础数据表 where the kind carries one (湖南's department form).
        expect(sheets).toHaveLength(form.basicData ? 2 : 1);
        // No page ends with a block's titles alone (预期目标 | 实际完成情况 over goals on the next page).
        const form0 = sheets[0] as ExcelJS.Worksheet;
        for (const br of rowBreaksOf(file, form0)) expect(titlesOnly(form0, br), `row ${br}`).toBe(false);
        for (const ws of sheets) {
          expect(clippedCells(ws)).toEqual([]);
          expect(overflowingCells(ws)).toEqual([]);
          ws.eachRow((row) => expect(row.height ?? 0).toBeLessThanOrEqual(409));
        }
        // From the cells alone (no hidden data), every text comes back whole.
        await withoutHiddenData(wb, file);
        const back = await imported(file);
        const read = back.forms[0]?.form as Form;
        const keys: readonly string[] = getLayout(layout).kinds[kind].indicatorColumns.map((c) => c.key);
        const printed = INDICATOR_TEXT_FIELDS.filter((k) => keys.includes(k));
        const texts = (f: Form) => f.indicators.map((i) => printed.map((k) => i[k]));
        expect(texts(read)).toEqual(texts(form));
        expect(read.goals).toEqual(form.goals);
        expect(read.analysis).toEqual(form.analysis);
        expect(read.header).toEqual(form.header);
        expect(read.basicData).toEqual(form.basicData);
        expect(back.report.problems.filter((p) => p.reason.includes('未读入'))).toEqual([]);
      }, 120_000);
});

describe('pages', () => {
  it('the indicator header begins every page that carries lines, and no other; 一级/二级 labels are cut at a break and printed on both sides', async () => {
    const layout = 'national';
    const form = longForm(layout, 60);
    const file = join(tempDir(), 'pages.xlsx');
    await exportOrThrow(layoutDocument(layout, [form]), file);
    const ws = (await readWorkbook(file)).getWorksheet('测试项目') as ExcelJS.Worksheet;
    const breaks = rowBreaksOf(file, ws);
    const cols = getLayout(layout).kinds.project.indicatorColumns;
    const firstTitle = cols[0]?.title;
    const headers: number[] = [];
    for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 2).value === firstTitle) headers.push(r);
    const total = rowWith(ws, '总分');
    const pageStarts = breaks.map((b) => b + 1);
    const tablePages = pageStarts.filter((p) => p > (headers[0] as number) && p < total);
    expect(tablePages.length).toBeGreaterThan(1);
    // The header again at the top of every page within the table, nowhere else; a page that begins
    // inside one line taller than a page (its 偏差原因 goes on) goes on without it.
    const weight = cols.findIndex((c) => c.key === 'weight') + 2;
    const insideLine = (r: number) => ws.getCell(r, weight).master.address !== ws.getCell(r, weight).address;
    expect(headers.slice(1)).toEqual(tablePages.filter((p) => !insideLine(p)));
    expect(headers.length).toBeGreaterThan(2);
    expect(ws.pageSetup.printTitlesRow).toBeUndefined();
    // No page is taller than an A4 landscape page holds at the smallest scale one page wide allows.
    const starts = [1, ...pageStarts, ws.rowCount + 1];
    for (let i = 0; i + 1 < starts.length; i++) {
      let h = 0;
      for (let r = starts[i] as number; r < (starts[i + 1] as number); r++) h += ws.getRow(r).height ?? 15;
      expect(h, `page from row ${starts[i]} to ${(starts[i + 1] as number) - 1}`).toBeLessThanOrEqual(
        pageCapacity(gridOf(getLayout(layout).kinds.project).widths, getLayout(layout).orientation),
      );
    }
    // No merge of the table goes over a break (but a line's own 分值/得分 within a line taller than a
    // page); the row after each repeated header
    // names its 一级 and 二级.
    const level1 = cols.findIndex((c) => c.key === 'level1') + 2;
    const level2 = cols.findIndex((c) => c.key === 'level2') + 2;
    for (const range of ws.model.merges) {
      const [a, b] = range.split(':') as [string, string];
      const [top, bottom] = [Number(ws.getCell(a).row), Number(ws.getCell(b).row)];
      if (top < (headers[0] as number) || top >= total) continue; // the table's merges
      // Within one line taller than a page, its 分值/得分 (one value) go on over the break.
      const col = Number(ws.getCell(a).col);
      for (const br of breaks)
        if (col <= level2 || !insideLine(br + 1))
          expect(top <= br && br < bottom, `${range} over the break after ${br}`).toBe(false);
    }
    // A label merged down over a break (年度总体目标 beside goals longer than a page) prints at the
    // top of the block's first page, not centred in the whole merge pages away.
    const labelsOverBreaks = ws.model.merges
      .map((range) => range.split(':').map((ref) => ws.getCell(ref)) as [ExcelJS.Cell, ExcelJS.Cell])
      .filter(
        ([a, b]) => a.font?.bold === true && breaks.some((br) => Number(a.row) <= br && br < Number(b.row)),
      );
    expect(labelsOverBreaks.map(([a]) => a.value)).toContain('年度总体目标');
    for (const [a] of labelsOverBreaks) expect(a.alignment?.vertical, String(a.value)).toBe('top');
    for (const start of headers.slice(1)) {
      expect(ws.getCell(start + 1, level1).value).toBeTruthy();
      expect(ws.getCell(start + 1, level2).value).toBeTruthy();
      expect(ws.getCell(start + 1, level1).type).not.toBe(ExcelJS.ValueType.Merge);
      expect(ws.getCell(start, 1).value).toBe('绩效指标');
    }
  }, 120_000);
});

describe('what the paper form lacks is not printed', () => {
  it("no 打分理由 (the screen's own column), the year line reads （2024年度）", async () => {
    for (const layout of LAYOUT_IDS) {
      const forms = (['project', 'department'] as const).map((kind, i) => {
        const form = layoutForm(layout, kind, `f${i}`, `表${i}`);
        form.funds.scoreReason = '按实际执行情况调整';
        form.funds.score = 1;
        return form;
      });
      const file = join(tempDir(), `paper-${layout}.xlsx`);
      await exportOrThrow(layoutDocument(layout, forms), file);
      const wb = await readWorkbook(file);
      for (const name of ['表0', '表1']) {
        const ws = wb.getWorksheet(name) as ExcelJS.Worksheet;
        const texts: string[] = [];
        ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value ?? ''))));
        expect(texts.filter((t) => t.includes('打分理由') || t.includes('按实际执行情况调整'))).toEqual([]);
        // 广东's 000 arrangement prints no year line (its 评价年度 says the year), 004's project
        // form nothing above its name.
        const kind = getLayout(layout).kinds[name === '表0' ? 'project' : 'department'];
        if (!kind.basicInfo && !kind.untitled) expect(texts).toContain('（2024年度）');
        expect(texts.some((t) => /（\s*年度）|（0年度）/.test(t))).toBe(false);
      }
    }
  }, 120_000);
});
