/**
 * Excel export, read back with exceljs from real files on disk: for every layout (A–E), the sheet
 * is checked cell by cell against the layout definition — titles, values, merges of 一级/二级 over
 * exactly their rows, number formats, fonts, borders, page set-up and print titles — and the
 * whole-document workbook, sheet names, the checks, draft marking, progress, cancel and atomic
 * writing.
 */
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocument, type ExportProgress } from '../../electron/services/excel/export';
import { AppService } from '../../electron/services/handlers';
import { gridOf } from '../../electron/services/excel/form-sheet';
import { fundsScoreRowIndex } from '../../shared/model/funds-rows';
import { levelRuns } from '../../shared/model/level-groups';
import { headerLabels, LABELS } from '../../electron/services/excel/labels';
import { printedForm } from '../../shared/model/printed-lines';
import { uniqueSheetNames } from '../../electron/services/excel/sheet-names';
import { getLayout } from '../../shared/layouts/definitions';
import { LAYOUT_IDS, type FormKind, type LayoutId, type ZipingDocument } from '../../shared/model/types';
import { shownCompletionRate } from '../../shared/scoring/completion';
import { scoreForm } from '../../shared/scoring/form';
import {
  exportOrThrow,
  expectPrintSetup,
  FORMULA_LIKE,
  layoutDocument,
  layoutForm,
  readWorkbook,
  rowValues,
  rowWith,
} from '../support/excel';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('ziping-excel-export-');

/** The format an amount prints with: two decimals at least, its own up to six (one 分) when more. */
function amountFormatOf(value: number | null): string {
  const own = value === null ? 0 : (String(value).split('.')[1] ?? '').length;
  return `0.${'0'.repeat(Math.max(2, Math.min(6, own)))}`;
}

async function exported(layout: LayoutId, kind: FormKind, draft = true) {
  const form = layoutForm(layout, kind);
  const doc = layoutDocument(layout, [form]);
  const file = join(tempDir(), `${layout}-${kind}-${draft}.xlsx`);
  await exportOrThrow(doc, file, { draft });
  const wb = await readWorkbook(file);
  const ws = wb.getWorksheet('测试项目');
  if (!ws) throw new Error('no form sheet');
  return { form, ws, wb, result: scoreForm(form, getLayout(layout)) };
}

/** A draft export cancelled as the form after the first `done` ones starts. */
function exportCancelledAt(doc: ZipingDocument, out: string, done: number) {
  const controller = new AbortController();
  return exportDocument(doc, out, {
    draft: true,
    signal: controller.signal,
    onProgress: (p) => {
      if (p.stage === 'form' && p.done === done) controller.abort();
    },
  });
}

/** Layouts in the generic arrangement; 广东's 基本情况 arrangement (000) has excel-guangdong.test.ts. */
const CASES: Array<[LayoutId, FormKind]> = [
  ...LAYOUT_IDS.map((id): [LayoutId, FormKind] => [id, 'project']),
  ['hunan', 'department'],
  ['xinjiang', 'department'],
].filter(([id, kind]) => !getLayout(id as LayoutId).kinds[kind as FormKind].basicInfo) as Array<
  [LayoutId, FormKind]
>;

describe.each(CASES)('layout %s, %s form: the sheet read back cell by cell', (layoutId, kind) => {
  const layout = getLayout(layoutId);
  const def = layout.kinds[kind];
  const grid = gridOf(def);
  const lastCol = grid.widths.length;
  let got: Awaited<ReturnType<typeof exported>>;
  beforeAll(async () => {
    got = await exported(layoutId, kind);
  });

  it('title, year line and 金额单位 span the form in the official fonts', () => {
    const { ws } = got;
    grid.widths.forEach((w, i) => expect(ws.getColumn(i + 1).width).toBeCloseTo(w, 1));
    // 004's project form: nothing above its name row.
    if (def.untitled) {
      expect(rowValues(ws, 1)).toEqual([headerLabels(layoutId, kind).name, '测试项目']);
      expect(() => rowWith(ws, LABELS.unitLine)).toThrow();
      return;
    }
    expect(ws.getCell('A1').value).toBe(kind === 'project' ? `测试项目${def.title}` : def.title);
    expect(ws.getCell('A1').font).toMatchObject({ name: '宋体', size: 18, bold: true });
    expect(ws.getCell('A2').value).toBe('（2024年度）');
    expect(ws.getCell('A3').value).toBe('金额单位：万元');
    expect(ws.getCell('A3').font).toMatchObject({ name: '仿宋', size: 12 });
    for (const r of [1, 2, 3]) expect(ws.model.merges).toContain(`A${r}:${ws.getColumn(lastCol).letter}${r}`);
  });

  it('header fields carry the layout labels and codes with names', () => {
    const { ws } = got;
    const labels = headerLabels(layoutId, kind);
    const nameRow = rowWith(ws, labels.name);
    expect(ws.getCell(nameRow, 2).value).toBe('测试项目');
    // 004's 自评表: 预算部门名称 alone, no 主管部门/实施单位 row.
    if (def.nameOnly) {
      expect(() => rowWith(ws, labels.department)).toThrow();
      expect(() => rowWith(ws, labels.unit, 7)).toThrow();
      expect(ws.getCell(nameRow + 1, 1).value).toBe(def.fundsColumns[0]?.title);
      return;
    }
    const deptRow = rowWith(ws, labels.department);
    expect(ws.getCell(deptRow, 2).value).toBe('218-晋城市生态环境局');
    const values = rowValues(ws, deptRow);
    expect(values).toContain(labels.unit);
    expect(values).toContain('218005-晋城市生态环境局城区分局');
  });

  it('funds block: titles from the layout, amounts as numbers with two decimals, rate as a percentage', () => {
    const { ws, form, result } = got;
    const block = def.fundsColumns[0]?.title as string;
    const header = rowWith(ws, block);
    // 002: 年初预算数 over 目标申报数 | 预算编制数, a second header row; the others down both.
    const parent = def.fundsParent;
    const under = def.fundsColumns.filter((c) => parent?.keys.includes(c.key)).map((c) => c.title);
    const sourceTitle = def.fundsSourceTitle ?? '资金来源';
    const own = def.fundsColumns.slice(1).filter((c) => !parent?.keys.includes(c.key));
    const titles = rowValues(ws, header).filter((v) => typeof v === 'string' && v !== '');
    expect(titles).toEqual(
      [block, sourceTitle, ...(parent ? [parent.title] : []), ...own.map((c) => c.title)].filter(
        (t) => t !== '',
      ),
    );
    const titleRows = parent ? 2 : 1;
    if (parent) expect(rowValues(ws, header + 1).filter((v) => v !== null)).toEqual(under);
    const colOf = (title: string) => {
      for (let c = 2; c <= lastCol; c++)
        for (let r = header; r < header + titleRows; r++) if (ws.getCell(r, c).value === title) return c;
      throw new Error(title);
    };
    const total = header + titleRows;
    // 004's grouped lines are side by side under the total (excel-layouts.test.ts), not table rows.
    const rows = def.fundsGroupsSideBySide ? form.funds.rows.filter((r) => !r.group) : form.funds.rows;
    rows.forEach((row, i) => {
      expect(ws.getCell(total + i, 2).value).toBe(row.source);
      for (const key of [
        'targetDeclared',
        'initialBudget',
        'fullYearBudget',
        'executed',
        'carryover',
      ] as const) {
        const title = def.fundsColumns.find((c) => c.key === key)?.title;
        if (title === undefined) continue;
        const cell = ws.getCell(total + i, colOf(title));
        expect([cell.value, cell.numFmt]).toEqual([row[key], amountFormatOf(row[key])]);
      }
    });
    const rate = def.fundsColumns.find((c) => c.key === 'rate');
    // The rate on the first row, or on the total where the layout prints it there (004: last).
    const scoreRow = form.funds.rows[fundsScoreRowIndex(form.funds, def)];
    const scored = scoreRow ? Math.max(0, rows.indexOf(scoreRow)) : 0;
    if (rate) {
      const cell = ws.getCell(total + scored, colOf(rate.title));
      expect(cell.value).toBeCloseTo(result.execution.rate as number, 10);
      expect(cell.numFmt).toBe('0.00%');
      // 002: every source row its own rate; elsewhere “—”.
      rows.forEach((row, i) => {
        if (i === scored) return;
        const value = ws.getCell(total + i, colOf(rate.title)).value;
        if (def.fundsRowScores)
          expect(value).toBeCloseTo((row.executed ?? 0) / (row.fullYearBudget ?? 1), 10);
        // 004's project form leaves them blank.
        else expect(value).toBe(def.fundsDash === '' ? null : (def.fundsDash ?? '—'));
      });
    }
    // the block label is merged down over the header and every funds row (004: and the pairs)
    const pairRows = def.fundsGroupsSideBySide ? 1 + 4 : 0;
    expect(ws.model.merges).toContain(`A${header}:A${total + rows.length - 1 + pairRows}`);
  });

  it('goals: 预期目标 and 实际完成情况 side by side, long text wrapped in a row tall enough', () => {
    const { ws, form } = got;
    const r = rowWith(ws, '年度总体目标');
    expect(ws.getCell(r, 2).value).toBe('预期目标');
    expect(ws.getCell(r + 1, 2).value).toBe(form.goals.expected);
    expect(ws.getCell(r + 1, 2).alignment).toMatchObject({ wrapText: true });
    expect(ws.getRow(r + 1).height).toBeGreaterThan(30);
  });

  it('indicator table: titles in order, values by column, 一级/二级 merged over exactly their rows', () => {
    // As printed: 004's project form with a blank row for each 二级 of its tree the form lacks.
    const { ws, form, result } = printedForm(got, def);
    const header = rowWith(ws, def.indicatorCaption ?? '绩效指标');
    def.indicatorColumns.forEach((c, i) => expect(ws.getCell(header, i + 2).value).toBe(c.title));
    const first = header + 1;
    const col = (key: string) => def.indicatorColumns.findIndex((c) => c.key === key) + 2;
    // The lines' rows: the header printed again where a page begins is passed over.
    const rowOf: number[] = [];
    for (let r = first; rowOf.length < form.indicators.length; r++)
      if (ws.getCell(r, 2).value !== def.indicatorColumns[0]?.title) rowOf.push(r);
    // Every column of every line: typed text as text, numbers with their formats.
    form.indicators.forEach((ind, i) => {
      const row = rowOf[i] as number;
      const line = result.indicators[i];
      def.indicatorColumns.forEach((c, ci) => {
        const cell = ws.getCell(row, ci + 2);
        switch (c.key) {
          case 'score':
            expect([cell.value, cell.numFmt]).toEqual([line?.final ?? null, '0.00']);
            break;
          case 'weight':
            expect(cell.value).toBe(line?.weight ?? ind.weight);
            break;
          case 'completionRate':
            expect([cell.value, cell.numFmt]).toEqual([line ? shownCompletionRate(line) : null, '0.00%']);
            break;
          case 'level1Weight':
          case 'level2Weight':
            expect(cell.value).toBe(ind[c.key]);
            break;
          default:
            expect([cell.value, cell.numFmt]).toEqual([ind[c.key] === '' ? null : ind[c.key], '@']);
        }
      });
    });
    const letter = (c: number) => ws.getColumn(c).letter;
    for (const level of [1, 2] as const) {
      const c = col(level === 1 ? 'level1' : 'level2');
      const runs = levelRuns(form.indicators, level);
      const tree = [Object.keys(def.levels).length, Object.values(def.levels).flat().length];
      expect(runs.length).toBe(def.printsEveryLevel ? tree[level - 1] : level === 1 ? 2 : 3);
      // A run is cut where a page begins (the rows are not consecutive there), its label on both sides.
      const pieces = runs.flatMap(([from, to]) => {
        const out: Array<[number, number]> = [[from, from]];
        for (let i = from + 1; i <= to; i++) {
          const last = out[out.length - 1] as [number, number];
          if (rowOf[i] === (rowOf[i - 1] as number) + 1) last[1] = i;
          else out.push([i, i]);
        }
        return out;
      });
      for (const [from, to] of pieces) {
        const [top, bottom] = [rowOf[from] as number, rowOf[to] as number];
        const range = `${letter(c)}${top}:${letter(c)}${bottom}`;
        if (to > from) expect(ws.model.merges).toContain(range);
        expect(ws.getCell(top, c).value).toBe(form.indicators[from]?.[level === 1 ? 'level1' : 'level2']);
        for (let r = top; r <= bottom; r++) {
          expect(ws.getCell(r, c).master.address).toBe(`${letter(c)}${top}`);
          expect(ws.getCell(r, c).border?.left?.style).toBe('thin');
        }
      }
    }
    if (layoutId === 'guangdong') {
      expect(ws.model.merges).toContain(
        `${letter(col('level1Weight'))}${first}:${letter(col('level1Weight'))}${first + 2}`,
      );
    }
    expect(ws.getCell(first, col('name')).font).toMatchObject({ name: '宋体', size: 10 });
    expect(ws.getCell(header, 2).font).toMatchObject({ name: '宋体', size: 10, bold: true });
  });

  it('typed text that looks like a formula stays text', () => {
    const { ws } = got;
    const seen: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string' && FORMULA_LIKE.includes(cell.value)) {
          expect(cell.type).toBe(ExcelJS.ValueType.String);
          expect(cell.numFmt).toBe('@');
          seen.push(cell.value);
        }
      }),
    );
    const printed = def.indicatorColumns.map((c) => c.key);
    const expected = [
      FORMULA_LIKE[0],
      FORMULA_LIKE[1],
      ...(printed.includes('deviationReason') ? [FORMULA_LIKE[2]] : []),
      ...(printed.includes('ruleText') ? [FORMULA_LIKE[3]] : []),
    ];
    expect(new Set(seen)).toEqual(new Set(expected));
  });

  it('total row: 总分 with the weights sum and the total; 等级 where the layout prints it', () => {
    const { ws, result } = got;
    const r = rowWith(ws, '总分');
    const col = (key: string) => def.indicatorColumns.findIndex((c) => c.key === key) + 2;
    expect(ws.getCell(r, col('score')).value).toBe(result.total);
    const values = rowValues(ws, r);
    if (layout.gradeAlone) {
      // 002: 总分 … 74.58 | 中 — the grade alone, no sum of the weights.
      expect(values).toEqual(['总分', result.total, result.grade]);
      return;
    }
    expect(ws.getCell(r, col('weight')).value).toBe(result.weightTotal);
    if (layout.printsGrade) expect(values).toContain(`等级：${result.grade}`);
    else expect(values.join('')).not.toContain('等级');
  });

  it('analysis texts and 备注 follow the table', () => {
    const { ws, form } = got;
    const captions = def.analysisCaptions ?? [];
    // A title sits right of the captions that group it (002: 项目绩效分析, 自评结果分析).
    const colOf = (t: number) => 1 + captions.filter((c) => c.from <= t && t < c.from + c.count).length;
    const rowOf = (t: number) => rowWith(ws, def.analysisTitles[t] as string, colOf(t));
    def.analysisTitles.forEach((title, t) => {
      expect(rowValues(ws, rowOf(t))).toContain(form.analysis[title]);
    });
    // Each caption down its column from its first title's row to its last's.
    for (const [depth, c] of captions.entries()) {
      const first = rowOf(c.from);
      expect(ws.getCell(first, depth + 1).value).toBe(c.caption);
      const last = ws.getCell(rowOf(c.from + c.count - 1), depth + 1);
      expect(last.master.address).toBe(ws.getCell(first, depth + 1).address);
      expect(ws.getCell(rowOf(c.from + c.count - 1) + 1, depth + 1).master.address).not.toBe(
        ws.getCell(first, depth + 1).address,
      );
    }
    for (const note of layout.notes) expect(rowWith(ws, note)).toBeGreaterThan(rowWith(ws, '总分'));
  });

  it('prints on A4 in the official orientation, one page wide, no rows repeated by the print titles, page numbers', () => {
    const { ws } = got;
    // The table's header is repeated by its own rows where a page begins (excel-print.test.ts).
    expectPrintSetup(ws, layout.orientation, undefined);
    expect(ws.headerFooter.oddFooter).toContain('&N');
    expect(ws.headerFooter.oddHeader).toContain('草稿');
  });
});

describe('whole document', () => {
  it('one workbook: a summary of every form, one sheet per form, valid unique sheet names, data sheet hidden', async () => {
    const long = '一个名字非常非常长的项目：[2024]年度*生态/环境\\保护?业务费补充说明第二部分';
    const forms = [
      layoutForm('shanxi', 'project', 'f1', long),
      layoutForm('shanxi', 'project', 'f2', long),
      layoutForm('shanxi', 'project', 'f3', '汇总'),
    ];
    const doc = layoutDocument('shanxi', forms);
    const file = join(tempDir(), '整本.xlsx');
    const report = await exportOrThrow(doc, file);
    const wb = await readWorkbook(file);
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe('汇总');
    expect(report.sheets).toEqual(names.slice(1, 4));
    for (const name of report.sheets) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(wb.getWorksheet('ZipingData')?.state).toBe('veryHidden');

    const summary = wb.getWorksheet('汇总') as ExcelJS.Worksheet;
    const header = rowWith(summary, '序号');
    forms.forEach((form, i) => {
      const row = summary.getRow(header + 1 + i);
      const result = scoreForm(form, getLayout('shanxi'));
      expect(row.getCell(2).value).toBe(form.projectName);
      expect(row.getCell(4).value).toBe(form.funds.rows[0]?.fullYearBudget);
      expect(row.getCell(6).value).toBeCloseTo(result.execution.rate as number, 10);
      expect(row.getCell(6).numFmt).toBe('0.00%');
      expect(row.getCell(7).value).toBe(result.total);
      expect(row.getCell(8).value).toBe(result.grade);
      expect(row.getCell(9).value).toBe(report.sheets[i]);
    });
  });

  it('a folder gets one workbook per form', async () => {
    const doc = layoutDocument('national', [
      layoutForm('national', 'project', 'f1', '甲项目'),
      layoutForm('national', 'project', 'f2', '乙/项目'),
    ]);
    const out = join(tempDir(), '每表一个文件');
    await exportOrThrow(doc, out);
    expect(readdirSync(out).sort()).toEqual(['1-甲项目.xlsx', '2-乙_项目.xlsx']);
    const wb = await readWorkbook(join(out, '2-乙_项目.xlsx'));
    expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual(['乙_项目']);
  });

  it('errors of the checks stop the export with the list; a draft goes through, marked 草稿', async () => {
    const form = layoutForm('national');
    const ind = form.indicators[2];
    if (ind) ind.actual = '';
    const doc = layoutDocument('national', [form]);
    const file = join(tempDir(), '有错误.xlsx');
    const r = await exportDocument(doc, file);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('check-errors');
    expect(r.error.message).toMatch(/审核发现 \d+ 个错误，未导出/);
    expect(
      r.error.findings?.some((f) => f.code === 'required-empty' && f.row === 2 && f.form === '测试项目'),
    ).toBe(true);
    expect(existsSync(file)).toBe(false);

    const draft = await exportDocument(doc, file, { draft: true });
    expect(draft.ok && draft.value.errors).toBeGreaterThan(0);
    const ws = (await readWorkbook(file)).getWorksheet('测试项目') as ExcelJS.Worksheet;
    expect(ws.headerFooter.oddHeader).toContain('草稿');
  });

  it('a text longer than one Excel cell holds stops even a draft, naming the cell; no file is left', async () => {
    const form = layoutForm('national');
    form.unit = '因'.repeat(40_000);
    const doc = layoutDocument('national', [form]);
    const file = join(tempDir(), '超长.xlsx');
    const checked = await exportDocument(doc, file);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.error.findings?.filter((f) => f.code === 'text-too-long').map((f) => f.field)).toEqual([
      'unit',
    ]);

    const draft = await exportDocument(doc, file, { draft: true });
    expect(draft.ok).toBe(false);
    if (draft.ok) return;
    expect(draft.error.code).toBe('text-too-long');
    expect(draft.error.message).toMatch(/工作表“测试项目”的 [A-Z]+\d+ 格文字有 40,\d{3} 字.*32,767.*：请/);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(tempDir()).filter((n) => n.includes('超长'))).toEqual([]);

    form.unit = '因'.repeat(32_700);
    const fits = await exportDocument(doc, file, { draft: true });
    expect(fits.ok).toBe(true);
    const ws = (await readWorkbook(file)).getWorksheet('测试项目') as ExcelJS.Worksheet;
    const cells: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value ?? ''))));
    expect(cells.some((c) => c.endsWith('因'.repeat(32_700)))).toBe(true);
  });

  it('an indicator text longer than one cell holds prints whole over as many rows as it needs', async () => {
    const form = layoutForm('national');
    const ind = form.indicators[1] as (typeof form.indicators)[number];
    ind.deviationReason = '因'.repeat(40_000);
    const file = join(tempDir(), '超长偏差原因.xlsx');
    await exportOrThrow(layoutDocument('national', [form]), file, { draft: true });
    const ws = (await readWorkbook(file)).getWorksheet('测试项目') as ExcelJS.Worksheet;
    const col = (ws.getRow(rowWith(ws, '一级指标', 2)).values as unknown[]).indexOf('偏差原因分析及改进措施');
    let text = '';
    for (let r = 1; r <= ws.rowCount; r++) {
      const cell = ws.getCell(r, col);
      if (
        cell.type !== ExcelJS.ValueType.Merge &&
        typeof cell.value === 'string' &&
        cell.value.startsWith('因')
      )
        text += cell.value;
    }
    expect(text).toBe(ind.deviationReason);
  });

  it('a form without errors exports without 草稿', async () => {
    const form = layoutForm('national');
    const readable = form.indicators[1];
    if (readable) readable.actual = '6辆';
    const doc = layoutDocument('national', [form]);
    expect(scoreForm(form, getLayout('national')).findings.filter((f) => f.level === 'error')).toEqual([]);
    const file = join(tempDir(), '无错误.xlsx');
    const r = await exportDocument(doc, file);
    expect(r.ok).toBe(true);
    const ws = (await readWorkbook(file)).getWorksheet('测试项目') as ExcelJS.Worksheet;
    expect(ws.headerFooter.oddHeader ?? '').not.toContain('草稿');
  });

  it('clears the half-written workbooks an export killed mid-way left, and only those', async () => {
    const dir = join(tempDir(), '残留');
    mkdirSync(dir);
    // A process that has exited: its pid is free (or someone else's, then its file stays).
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const dead = `.~甲.xlsx.${gone}.tmp`;
    const mine = `.~乙.xlsx.${process.pid}.tmp`;
    const saveTemp = `.~文档.ziping.${gone}.1.tmp`;
    for (const name of [dead, mine, saveTemp, '用户的.xlsx']) writeFileSync(join(dir, name), 'x');
    await exportOrThrow(layoutDocument('national', [layoutForm('national')]), join(dir, '导出.xlsx'), {
      draft: true,
    });
    expect(readdirSync(dir).sort()).toEqual([mine, saveTemp, '导出.xlsx', '用户的.xlsx'].sort());
  });

  it('reports progress per form and can be cancelled: nothing is written', async () => {
    const doc = layoutDocument(
      'national',
      [1, 2, 3, 4].map((n) => layoutForm('national', 'project', `f${n}`, `项目${n}`)),
    );
    const seen: ExportProgress[] = [];
    const file = join(tempDir(), '进度.xlsx');
    const ok = await exportDocument(doc, file, { draft: true, onProgress: (p) => seen.push(p) });
    expect(ok.ok).toBe(true);
    const steps = seen.filter((p) => p.stage === 'form');
    expect(steps.map((p) => [p.done, p.total, p.formName])).toEqual([
      [0, 4, '项目1'],
      [1, 4, '项目2'],
      [2, 4, '项目3'],
      [3, 4, '项目4'],
    ]);
    expect(seen.at(-1)).toMatchObject({ stage: 'write', done: 4, total: 4 });

    const r = await exportCancelledAt(doc, join(tempDir(), '取消.xlsx'), 2);
    expect(r.ok || r.error).toEqual({ code: 'cancelled', message: '已取消导出，没有写入任何文件' });
    expect(readdirSync(tempDir()).filter((f) => f.includes('取消'))).toEqual([]);
  });

  it('the event loop turns between forms while an export runs', async () => {
    const doc = layoutDocument(
      'national',
      [1, 2, 3, 4, 5, 6].map((n) => layoutForm('national', 'project', `f${n}`, `项目${n}`)),
    );
    let turns = 0;
    const turnsAtSteps: number[] = [];
    const tick = () => {
      turns += 1;
      timer = setImmediate(tick);
    };
    let timer = setImmediate(tick);
    const r = await exportDocument(doc, join(tempDir(), '让出.xlsx'), {
      draft: true,
      onProgress: (p) => {
        if (p.stage === 'form') turnsAtSteps.push(turns);
      },
    });
    clearImmediate(timer);
    expect(r.ok).toBe(true);
    for (let i = 1; i < turnsAtSteps.length; i++)
      expect(turnsAtSteps[i]).toBeGreaterThan(turnsAtSteps[i - 1] as number);
  });

  it('a folder export cancelled after some forms leaves no file and no folder it made', async () => {
    const doc = layoutDocument(
      'national',
      [1, 2, 3, 4, 5].map((n) => layoutForm('national', 'project', `f${n}`, `项目${n}`)),
    );
    const parent = join(tempDir(), '文件夹取消');
    mkdirSync(parent);
    const out = join(parent, '新建', '每表一个');
    // The first three workbooks are written (under temporary names) by then.
    const r = await exportCancelledAt(doc, out, 3);
    expect(r.ok || r.error.code).toBe('cancelled');
    expect(readdirSync(parent)).toEqual([]);

    // Into a folder that exists: what was there stays, nothing is added.
    const existing = join(parent, '已有');
    mkdirSync(existing);
    writeFileSync(join(existing, '别的.txt'), '别动');
    const r2 = await exportCancelledAt(doc, existing, 4);
    expect(r2.ok || r2.error.code).toBe('cancelled');
    expect(readdirSync(existing)).toEqual(['别的.txt']);

    const done = await exportDocument(doc, existing, { draft: true });
    expect(done.ok).toBe(true);
    expect(readdirSync(existing).sort()).toEqual([
      '1-项目1.xlsx',
      '2-项目2.xlsx',
      '3-项目3.xlsx',
      '4-项目4.xlsx',
      '5-项目5.xlsx',
      '别的.txt',
    ]);
  });

  it('a file that cannot be written leaves nothing behind and says why in Chinese', async () => {
    const blocked = join(tempDir(), 'blocked');
    mkdirSync(join(blocked, '表.xlsx'), { recursive: true }); // a folder where the file should go
    const r = await exportDocument(
      layoutDocument('national', [layoutForm('national')]),
      join(blocked, '表.xlsx'),
      {
        draft: true,
      },
    );
    expect(r.ok || r.error.code).toBe('write-failed');
    expect(r.ok || r.error.message).toMatch(/无法写入|没有权限/);
    expect(readdirSync(blocked)).toEqual(['表.xlsx']);
  });

  it('sheet names: forbidden characters replaced, at most 31 characters, unique ignoring case, reserved names avoided', () => {
    expect(uniqueSheetNames(['a/b', 'A/B', '汇总', '', "'引号'"], ['汇总'])).toEqual([
      'a_b',
      'A_B(2)',
      '汇总(2)',
      '表4',
      '引号',
    ]);
    const long = uniqueSheetNames(['长'.repeat(40), '长'.repeat(40)]);
    expect(long.map((n) => n.length)).toEqual([31, 31]);
    expect(long[1]?.endsWith('(2)')).toBe(true);
  });
});

describe("the contract's 'doc/exportXlsx'", () => {
  it('exports the open document, validates its arguments, and refuses errors unless a draft', async () => {
    const service = new AppService(join(tempDir(), 'data'));
    expect(service.call('doc/new', { path: null, unit: '单位', year: 2024, layout: 'national' }).ok).toBe(
      true,
    );
    const form = layoutForm('national');
    expect(service.call('doc/apply', { patches: [{ op: 'insertForm', index: 0, form }] }).ok).toBe(true);

    const file = join(tempDir(), '界面导出.xlsx');
    const ok = await service.invoke('doc/exportXlsx', { path: file, draft: true });
    expect(ok).toEqual({
      ok: true,
      value: {
        files: [file],
        forms: 1,
        draft: true,
        errors: expect.any(Number),
        warnings: expect.any(Number),
      },
    });
    expect((await readWorkbook(file)).getWorksheet('测试项目')).toBeDefined();

    const refused = await service.invoke('doc/exportXlsx', { path: join(tempDir(), '不导出.xlsx') });
    expect(refused.ok || refused.error.code).toBe('check-errors');
    for (const args of [{}, { path: 3 }, { path: file, draft: 'yes' }, { path: file, formIds: [1] }]) {
      const r = await service.invoke('doc/exportXlsx', args);
      expect(r.ok || r.error.code).toBe('bad-request');
    }
    // a call that takes time is not answered synchronously
    expect(service.call('doc/exportXlsx', { path: file }).ok).toBe(false);
    service.call('doc/close', { discard: true });
  });
});
