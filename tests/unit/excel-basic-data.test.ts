/**
 * 湖南's 基础数据表 on a sheet of its own, in real .xlsx files on disk: right after its department
 * form's sheet, named after it; 004's arrangement (one label column, six value columns) with its
 * values, merges, number formats, fonts, borders, page set-up and its own header row as print
 * titles; the form sheet without it. Round trips: untouched, edited in Excel, renamed, deleted,
 * without the hidden data; older exports with the table below the form; the folder export.
 */
import ExcelJS from 'exceljs';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDocument, type ExportProgress } from '../../electron/services/excel/export';
import { sheetFingerprint } from '../../electron/services/excel/fingerprint';
import { importReportLines } from '../../electron/services/excel/import-report';
import { uniqueSheetNames } from '../../electron/services/excel/sheet-names';
import { DRAFT_HEADER, PAGE_FOOTER } from '../../electron/services/excel/page';
import { formToJson } from '../../shared/model/interchange';
import type { Form } from '../../shared/model/types';
import {
  expectPrintSetup,
  exportOrThrow,
  imported,
  layoutDocument,
  layoutForm,
  readWorkbook,
  rowValues,
  rowWith,
} from '../support/excel';
import { hengyangBasicData } from '../support/headers';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('ziping-excel-basic-data-');

const DEPT = '衡阳市生态环境局';
const BASIC = `${DEPT}-基础数据表`;

/** 004's department form with its 基础数据表, then a project form. */
function hengyang(): Form[] {
  const dept = layoutForm('hunan', 'department', 'f1', DEPT);
  dept.basicData = hengyangBasicData();
  return [dept, layoutForm('hunan', 'project', 'f2', '大气污染防治资金')];
}

async function exportedBook(forms: Form[], name: string) {
  const file = join(tempDir(), `${name}.xlsx`);
  const report = await exportOrThrow(layoutDocument('hunan', forms), file);
  return { file, report, wb: await readWorkbook(file) };
}

const sheet = (wb: ExcelJS.Workbook, name: string) => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};

const json = (forms: readonly Form[]) => forms.map((f) => formToJson(f, 'hunan'));

describe('the 基础数据表 sheet', () => {
  it('comes right after its form, named after it; the summary and the sheet listing count only forms', async () => {
    const forms = hengyang();
    const seen: ExportProgress[] = [];
    const file = join(tempDir(), '顺序.xlsx');
    const r = await exportDocument(layoutDocument('hunan', forms), file, {
      draft: true,
      onProgress: (p) => seen.push(p),
    });
    if (!r.ok) throw new Error(r.error.message);
    const wb = await readWorkbook(file);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['汇总', 'visible'],
      [DEPT, 'visible'],
      [BASIC, 'visible'],
      ['大气污染防治资金', 'visible'],
      ['ZipingData', 'veryHidden'],
    ]);
    expect(r.value.sheets).toEqual([DEPT, '大气污染防治资金']);
    expect(r.value.forms).toBe(2);
    const summary = sheet(wb, '汇总');
    const header = rowWith(summary, '序号');
    expect(summary.rowCount).toBe(header + 2);
    expect([2, 9].map((c) => summary.getCell(header + 1, c).value)).toEqual([DEPT, DEPT]);
    const steps = seen.filter((p) => p.stage === 'form');
    expect(steps.map((p) => [p.done, p.total, p.formName])).toEqual([
      [0, 2, DEPT],
      [1, 2, '大气污染防治资金'],
    ]);
  });

  it('names stay valid, unique and within 31 characters, ending in 基础数据表', async () => {
    const long = '衡阳市生态环境局机关及所属二级单位部门整体支出：2024年度[汇总]';
    const forms = [
      layoutForm('hunan', 'department', 'f1', long),
      layoutForm('hunan', 'department', 'f2', long),
      layoutForm('hunan', 'project', 'f3', `${DEPT}-基础数据表`),
    ];
    const { wb, report } = await exportedBook(forms, '长名');
    const names = wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name);
    expect(names).toHaveLength(6);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(report.sheets).toEqual([names[1], names[3], names[5]]);
    expect(names[2]?.endsWith('-基础数据表')).toBe(true);
    expect(names[4]?.endsWith('-基础数据表')).toBe(true);
    // Each 基础数据表 keeps the start of its form's sheet name and the part that tells the two apart.
    expect(names[2]?.startsWith((report.sheets[0] as string).slice(0, 4))).toBe(true);
    expect([names[2]?.includes('(2)'), names[4]?.includes('(2)')]).toEqual([false, true]);
    // The project called “…-基础数据表” keeps its name; nothing else takes it.
    expect(report.sheets[2]).toBe(`${DEPT}-基础数据表`);
    // The tail survives shortening and numbering.
    const tail = { name: '长'.repeat(40), tail: '-基础数据表' };
    expect(uniqueSheetNames([tail, tail, { name: 'a/b', tail: '-基础数据表' }])).toEqual([
      `${'长'.repeat(25)}-基础数据表`,
      `${'长'.repeat(22)}(2)-基础数据表`,
      'a_b-基础数据表',
    ]);
  });

  it('prints 004’s table: title, one label column and six value columns, amounts and rates formatted', async () => {
    const { wb } = await exportedBook(hengyang(), '表样');
    const ws = sheet(wb, BASIC);
    expect(ws.columns.map((c) => c.width)).toEqual([34, 14, 14, 14, 14, 14, 14]);
    expect(rowValues(ws, 1)).toEqual(['部门整体支出绩效评价基础数据表']);
    expect(ws.getCell(1, 1).font).toMatchObject({ name: '宋体', size: 18, bold: true });
    expect(ws.getCell(1, 1).border?.left).toBeUndefined();
    expect(ws.model.merges).toContain('A1:G1');

    expect(rowValues(ws, 2)).toEqual(['财政供养人员情况', '编制数', '2024年实际在职人数', '控制率']);
    expect(ws.model.merges).toEqual(expect.arrayContaining(['A2:A3', 'B2:C2', 'D2:E2', 'F2:G2']));
    expect(rowValues(ws, 3)).toEqual([166, 113, 113 / 166]);
    expect(ws.getCell('F3').numFmt).toBe('0.00%');
    expect(ws.getCell('B2').font).toMatchObject({ name: '宋体', size: 10, bold: true });

    expect(rowValues(ws, 4)).toEqual([
      '经费控制情况（万元）',
      '2023年决算数',
      '2024年预算数',
      '2024年决算数',
    ]);
    expect(rowValues(ws, 5)).toEqual(['三公经费', 82.73, 77, 35.32]);
    expect(ws.model.merges).toEqual(expect.arrayContaining(['B5:C5', 'D5:E5', 'F5:G5']));
    for (const c of ['B', 'D', 'F']) expect(ws.getCell(`${c}5`).numFmt).toBe('0.00');
    expect(ws.getCell('A5').font).toMatchObject({ name: '宋体', size: 10 });
    expect(ws.getCell('A5').font.bold).toBeFalsy();
    const items = hengyangBasicData().spending;
    expect(items.map((_, i) => ws.getCell(5 + i, 1).value)).toEqual(items.map((row) => row.item));
    const special = rowWith(ws, '大气污染防治资金');
    expect(rowValues(ws, special)).toEqual(['大气污染防治资金', 813.54, 813.54]);
    expect([ws.getCell(special, 4).value, ws.getCell(special, 6).value]).toEqual([813.54, 813.54]);
    // Typed text stays text, even when it looks like a number or a formula.
    expect(ws.getCell(special, 1).numFmt).toBe('@');

    const building = special + 1;
    expect(rowValues(ws, building)).toEqual([
      '楼堂馆所控制情况（2024年完工项目）',
      '批复规模（m²）',
      '实际规模（m²）',
      '规模控制率',
      '预算投资（万元）',
      '实际投资（万元）',
      '投资概算控制率',
    ]);
    expect(ws.model.merges).toContain(`A${building}:A${building + 1}`);
    expect(rowValues(ws, building + 1)).toEqual([0, 0]);
    expect(ws.getCell(building + 1, 2).numFmt).toBe('0.00');
    expect(ws.getCell(building + 1, 4).numFmt).toBe('0.00%');
    expect(rowValues(ws, building + 2)).toEqual(['厉行节约保障措施', '牢固树立过紧日子思想，厉行节约']);
    expect(ws.model.merges).toContain(`B${building + 2}:G${building + 2}`);
    expect(ws.rowCount).toBe(building + 2);
    for (let r = 2; r <= ws.rowCount; r++)
      for (let c = 1; c <= 7; c++) expect(ws.getCell(r, c).border?.left?.style, `${r}/${c}`).toBe('thin');
  });

  it('prints on A4 like the form, fitted to the width, its own header row repeated, page numbers', async () => {
    const { wb } = await exportedBook(hengyang(), '打印');
    const ws = sheet(wb, BASIC);
    expectPrintSetup(ws, 'landscape', '4:4');
    expect(ws.getCell('A4').value).toBe('经费控制情况（万元）');
    expect(ws.headerFooter).toMatchObject({ oddHeader: DRAFT_HEADER, oddFooter: PAGE_FOOTER });
  });

  it('the form sheet no longer carries it; it repeats no print titles', async () => {
    const { wb } = await exportedBook(hengyang(), '表单');
    const ws = sheet(wb, DEPT);
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts.filter((t) => /基础数据表|财政供养人员情况|经费控制情况|厉行节约/.test(t))).toEqual([]);
    // The indicator header is repeated by the sheet's own rows where a page begins
    // (excel-print.test.ts), not by print titles.
    expect(ws.pageSetup.printTitlesRow).toBeUndefined();
    expect(rowWith(ws, '一级指标', 2)).toBeGreaterThan(1);
  });

  it('a department form without the data gets the empty table to fill by hand; project forms get none', async () => {
    const forms = [layoutForm('hunan', 'department', 'f1', DEPT), layoutForm('hunan')];
    const { wb, file } = await exportedBook(forms, '空表');
    const ws = sheet(wb, BASIC);
    expect(rowValues(ws, 3)).toEqual([]);
    expect(rowValues(ws, 5)).toEqual(['三公经费']);
    expect(wb.worksheets.map((w) => w.name)).not.toContain('测试项目-基础数据表');
    const back = await imported(file);
    expect(json(back.forms.map((f) => f.form))).toEqual(json(forms));
  });
});

/** Writes the workbook back, as Excel would after an edit. */
async function saved(wb: ExcelJS.Workbook, file: string): Promise<void> {
  await wb.xlsx.writeFile(file);
}

/** Drops our hidden data, so that the import reads what the sheets show. */
function dropHiddenData(wb: ExcelJS.Workbook): void {
  wb.removeWorksheet(sheet(wb, 'ZipingData').id);
}

describe('round trips', () => {
  it('untouched: identical from the hidden data; the report says the table was read, never skipped', async () => {
    const forms = hengyang();
    const { file } = await exportedBook(forms, '原样');
    const back = await imported(file);
    expect(json(back.forms.map((f) => f.form))).toEqual(json(forms));
    expect(back.report.forms.map((f) => [f.sheet, f.from])).toEqual([
      [DEPT, 'stored'],
      ['大气污染防治资金', 'stored'],
    ]);
    expect(back.report.basicData).toEqual([{ sheet: BASIC, form: DEPT, from: 'stored', empty: false }]);
    expect(back.report.skipped.map((s) => s.sheet)).toEqual(['汇总']);
    expect(back.report.problems).toEqual([]);
    const lines = importReportLines(file, back.report);
    expect(lines).toContain(`  基础数据表（工作表“${BASIC}”）：并入“${DEPT}”：本软件导出、未改动，原样读入`);
    expect(lines.join('\n')).not.toContain(`跳过工作表“${BASIC}”`);
  });

  it('edited in Excel: the table is read from its cells, the rest from the hidden data', async () => {
    const forms = hengyang();
    const { file, wb } = await exportedBook(forms, '改过');
    const ws = sheet(wb, BASIC);
    ws.getCell('B3').value = 170;
    ws.getCell(rowWith(ws, '三公经费'), 6).value = 36.5;
    ws.getCell(rowWith(ws, '厉行节约保障措施'), 2).value = '严控一般性支出';
    await saved(wb, file);
    const back = await imported(file);
    const dept = forms[0] as Form;
    const data = structuredClone(dept.basicData) as NonNullable<Form['basicData']>;
    data.authorizedStaff = 170;
    (data.spending[0] as { final: number | null }).final = 36.5;
    data.savingMeasures = '严控一般性支出';
    expect(json(back.forms.map((f) => f.form))).toEqual(
      json([{ ...dept, basicData: data }, forms[1] as Form]),
    );
    expect(back.report.forms.map((f) => f.from)).toEqual(['stored', 'stored']);
    expect(back.report.basicData).toEqual([{ sheet: BASIC, form: DEPT, from: 'cells', empty: false }]);
    expect(back.report.skipped.map((s) => s.sheet)).toEqual(['汇总']);
    expect(back.report.problems).toEqual([]);
  });

  it('form sheet edited, table untouched: the table comes from the hidden data', async () => {
    const forms = hengyang();
    const { file, wb } = await exportedBook(forms, '改表');
    const ws = sheet(wb, DEPT);
    const name = rowWith(ws, '预算部门名称');
    ws.getCell(name, 2).value = '衡阳市生态环境局（改）';
    await saved(wb, file);
    const back = await imported(file);
    expect(back.report.forms.map((f) => f.from)).toEqual(['cells', 'stored']);
    expect(back.forms[0]?.form.projectName).toBe('衡阳市生态环境局（改）');
    expect(back.forms[0]?.form.basicData).toEqual(forms[0]?.basicData);
    expect(back.report.basicData).toEqual([
      { sheet: BASIC, form: '衡阳市生态环境局（改）', from: 'stored', empty: false },
    ]);
  });

  it('both edited, the table emptied: the form keeps no table', async () => {
    const forms = hengyang();
    const { file, wb } = await exportedBook(forms, '清空');
    const ws = sheet(wb, BASIC);
    const form = sheet(wb, DEPT);
    form.getCell(rowWith(form, '预算部门名称'), 2).value = '衡阳市生态环境局（改）';
    const data = forms[0]?.basicData as NonNullable<Form['basicData']>;
    ws.getCell('B3').value = null;
    ws.getCell('D3').value = null;
    ws.getCell('F3').value = null;
    data.spending.forEach((row, i) => {
      ws.getCell(5 + i, 1).value = i < 16 ? row.item : null;
      for (const c of [2, 4, 6]) ws.getCell(5 + i, c).value = null;
    });
    const building = rowWith(ws, '楼堂馆所控制情况（2024年完工项目）');
    for (let c = 2; c <= 7; c++) ws.getCell(building + 1, c).value = null;
    ws.getCell(building + 2, 2).value = null;
    await saved(wb, file);
    const back = await imported(file);
    expect(back.report.forms.map((f) => f.from)).toEqual(['cells', 'stored']);
    expect(back.forms[0]?.form.basicData).toBeUndefined();
    expect(back.report.basicData).toEqual([
      { sheet: BASIC, form: '衡阳市生态环境局（改）', from: 'cells', empty: true },
    ]);
  });

  it('renamed and untouched: found by what it shows; deleted: the data stays, and the report says so', async () => {
    const forms = hengyang();
    const { file, wb } = await exportedBook(forms, '改名');
    sheet(wb, BASIC).name = '基础数据';
    await saved(wb, file);
    const renamed = await imported(file);
    expect(json(renamed.forms.map((f) => f.form))).toEqual(json(forms));
    expect(renamed.report.basicData).toEqual([
      { sheet: '基础数据', form: DEPT, from: 'stored', empty: false },
    ]);

    wb.removeWorksheet(sheet(wb, '基础数据').id);
    await saved(wb, file);
    const gone = await imported(file);
    expect(json(gone.forms.map((f) => f.form))).toEqual(json(forms));
    expect(gone.report.problems).toEqual([
      {
        sheet: BASIC,
        reason: '导出时有这张基础数据表，现在找不到它的工作表（已删除？）：基础数据按导出时的保留',
      },
    ]);
  });

  it('without the hidden data: every sheet read from its cells, the table joins its form', async () => {
    const forms = [
      layoutForm('hunan', 'department', 'f1', '甲局'),
      ...hengyang().map((f, i) => ({ ...f, id: `f${i + 2}` })),
    ];
    const { file, wb } = await exportedBook(forms, '无隐藏');
    dropHiddenData(wb);
    await saved(wb, file);
    const back = await imported(file);
    expect(back.report.forms.every((f) => f.from === 'cells')).toBe(true);
    expect(back.forms.map((f) => f.form.basicData)).toEqual([undefined, forms[1]?.basicData, undefined]);
    expect(back.report.basicData).toEqual([
      { sheet: '甲局-基础数据表', form: '', from: 'cells', empty: true },
      { sheet: BASIC, form: DEPT, from: 'cells', empty: false },
    ]);
    // The summary is not a form; nothing else is skipped.
    expect(back.report.skipped.map((s) => s.sheet)).toEqual(['汇总']);
    expect(back.report.problems.filter((p) => p.sheet.endsWith('基础数据表'))).toEqual([]);
  });

  it('a long 厉行节约保障措施 goes on over several rows beside its merged label, and reads back whole', async () => {
    const forms = hengyang();
    const dept = forms[0] as Form;
    const long = Array.from(
      { length: 120 },
      (_, i) => `${i + 1}. 严控一般性支出，压减会议费、差旅费和公务接待费。`,
    ).join('\n');
    (dept.basicData as NonNullable<Form['basicData']>).savingMeasures = long;
    const { file, wb } = await exportedBook(forms, '长文字');
    const ws = sheet(wb, BASIC);
    const first = rowWith(ws, '厉行节约保障措施');
    expect(ws.getCell(first, 1).value).toBe('厉行节约保障措施');
    // The label's merge runs down beside every piece of the text.
    let rows = 1;
    while (ws.getCell(first + rows, 1).master.address === `A${first}`) rows++;
    expect(rows).toBeGreaterThan(1);
    // Those rows go over pages: the label stands at the top of the first, not centred pages away.
    expect(ws.getCell(first, 1).alignment?.vertical).toBe('top');
    const pieces = Array.from({ length: rows }, (_, k) => String(ws.getCell(first + k, 2).value ?? ''));
    expect(pieces.join('')).toBe(long);
    // Every row within Excel's largest row height.
    for (let k = 0; k < rows; k++) expect(ws.getRow(first + k).height ?? 0).toBeLessThanOrEqual(409);

    dropHiddenData(wb);
    await saved(wb, file);
    const back = await imported(file);
    expect(back.forms[0]?.form.basicData?.savingMeasures).toBe(long);
    expect(back.report.problems.filter((p) => p.sheet === BASIC)).toEqual([]);
  });
});

/** Copies a sheet's cells (values, styles, merges) below row `below` of another: the older exports. */
function copyBelow(from: ExcelJS.Worksheet, to: ExcelJS.Worksheet, below: number): void {
  from.eachRow((row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const target = to.getCell(below + r, c);
      target.value = cell.value;
      target.style = cell.style;
    });
  });
  for (const range of from.model.merges) {
    const [a, b] = range.split(':').map((ref) => from.getCell(ref as string)) as [ExcelJS.Cell, ExcelJS.Cell];
    to.mergeCells(below + Number(a.row), Number(a.col), below + Number(b.row), Number(b.col));
  }
}

/** Makes our export look like an older one: the table below the form, hidden data to match. */
function asOlderExport(wb: ExcelJS.Workbook): void {
  const form = sheet(wb, DEPT);
  copyBelow(sheet(wb, BASIC), form, form.rowCount);
  wb.removeWorksheet(sheet(wb, BASIC).id);
  const data = sheet(wb, 'ZipingData');
  for (let r = data.rowCount; r >= 2; r--) {
    const row = data.getRow(r);
    if (row.getCell(1).value === '@basicData') data.spliceRows(r, 1);
    else if (row.getCell(1).value === DEPT) row.getCell(2).value = sheetFingerprint(form);
  }
}

describe('older exports', () => {
  it('with the table below the form on the same sheet: untouched, edited, without the hidden data', async () => {
    const forms = hengyang();
    const { file, wb } = await exportedBook(forms, '旧版');
    asOlderExport(wb);
    await saved(wb, file);
    const untouched = await imported(file);
    expect(json(untouched.forms.map((f) => f.form))).toEqual(json(forms));
    expect(untouched.report.forms.map((f) => f.from)).toEqual(['stored', 'stored']);

    const form = sheet(wb, DEPT);
    form.getCell(rowWith(form, '财政供养人员情况') + 1, 2).value = 170;
    await saved(wb, file);
    const edited = await imported(file);
    expect(edited.report.forms.map((f) => f.from)).toEqual(['cells', 'stored']);
    expect(edited.forms[0]?.form.basicData).toEqual({ ...forms[0]?.basicData, authorizedStaff: 170 });

    dropHiddenData(wb);
    await saved(wb, file);
    const back = await imported(file);
    expect(back.forms[0]?.form.basicData).toEqual({ ...forms[0]?.basicData, authorizedStaff: 170 });
    expect(back.report.basicData).toEqual([]);
    expect(back.report.skipped.map((s) => s.sheet)).toEqual(['汇总']);
    expect(back.report.problems.filter((p) => p.cell)).toEqual([]);
  });
});

describe('whole document to a folder', () => {
  it('the department form’s file holds its 基础数据表 sheet, and reads back whole', async () => {
    const forms = hengyang();
    const out = join(tempDir(), '每表一个文件');
    const report = await exportOrThrow(layoutDocument('hunan', forms), out);
    expect(report.sheets).toEqual([DEPT, '大气污染防治资金']);
    expect(readdirSync(out).sort()).toEqual([`1-${DEPT}.xlsx`, '2-大气污染防治资金.xlsx']);
    const first = await readWorkbook(join(out, `1-${DEPT}.xlsx`));
    expect(first.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual([DEPT, BASIC]);
    expect(sheet(first, BASIC).pageSetup.printTitlesRow).toBe('4:4');
    const second = await readWorkbook(join(out, '2-大气污染防治资金.xlsx'));
    expect(second.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual([
      '大气污染防治资金',
    ]);
    const back = await imported(join(out, `1-${DEPT}.xlsx`));
    expect(json(back.forms.map((f) => f.form))).toEqual(json([forms[0] as Form]));
    expect(back.report.basicData).toEqual([{ sheet: BASIC, form: DEPT, from: 'stored', empty: false }]);
  });
});
