/**
 * History and comparison through the contract, over a real copy of the sample on disk: saved
 * versions after save/edit/save, the open document against a saved version and against another
 * file (never written), the comparison exported to .xlsx and read back with exceljs, a cell's
 * history and restoring from it, and bad arguments refused with Chinese messages.
 */
import ExcelJS from 'exceljs';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/handlers';
import type { CompareResult, SavedVersion } from '../../shared/contract';
import type { CellRef } from '../../shared/history/cells';
import { restorePatch, type HistoryListing } from '../../shared/history/entries';
import { applyPatch } from '../../shared/model/patch';
import type { Form } from '../../shared/model/types';
import { SAMPLE_PATH } from '../../scripts/build-sample';

let dir: string;
let file: string;
let service: AppService;

function call<T>(name: string, args: unknown): T {
  const r = service.call(name, args);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

function openForm(): Form {
  const form = service.current?.document.forms.find((f) => f.indicators.length > 1);
  if (!form) throw new Error('sample without indicators');
  return form;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ziping-history-calls-'));
  file = join(dir, '示例.ziping');
  copyFileSync(SAMPLE_PATH, file);
  service = new AppService(join(dir, 'data'));
  call('doc/open', { path: file });
});
afterEach(() => {
  service.current?.close({ discard: true });
  rmSync(dir, { recursive: true, force: true });
});

/** save, edit the first line's 实际完成值, save, edit the funds total's 全年执行数. */
function saveEditSaveEdit(form: Form) {
  const line = form.indicators[0];
  if (!line) throw new Error('no line');
  const actualBefore = line.actual;
  const executedBefore = form.funds.rows[0]?.executed ?? null;
  call('doc/save', {});
  call('doc/apply', {
    patches: [{ op: 'setIndicator', formId: form.id, indicatorId: line.id, field: 'actual', value: '12%' }],
  });
  call('doc/save', {});
  call('doc/apply', {
    patches: [{ op: 'setFundsRow', formId: form.id, row: 0, field: 'executed', value: 123.456 }],
  });
  return { line, actualBefore, executedBefore };
}

describe('history and comparison calls', () => {
  it('lists saved versions and compares the open document with each', () => {
    const form = openForm();
    // The sample itself was saved once when it was built.
    const before = call<SavedVersion[]>('history/versions', {}).length;
    const { line, actualBefore, executedBefore } = saveEditSaveEdit(form);
    const versions = call<SavedVersion[]>('history/versions', {});
    expect(versions).toHaveLength(before + 2);
    const [second, first] = versions as [SavedVersion, SavedVersion];
    expect(second.seq).toBeGreaterThan(first.seq);
    expect(second.changeSeq).toBe(first.changeSeq + 1);
    expect(second.path).toBe(file);

    const vsFirst = call<CompareResult>('compare/version', { saveSeq: first.seq });
    expect(vsFirst.before).toMatch(/保存的版本$/);
    expect(vsFirst.after).toBe('当前文档');
    const changed = vsFirst.comparison.forms.filter((f) => f.status !== 'unchanged');
    expect(changed.map((f) => f.formId)).toEqual([form.id]);
    expect(changed[0]?.cells.map((c) => [c.what, c.old, c.new])).toEqual([
      ['全年执行数', executedBefore, 123.456],
      ['实际完成值', actualBefore, '12%'],
    ]);
    expect(changed[0]?.cells[1]?.place).toBe(`绩效指标 第1行（${line.name}）`);
    expect(changed[0]?.before?.total).not.toBe(changed[0]?.after?.total);

    const vsSecond = call<CompareResult>('compare/version', { saveSeq: second.seq });
    expect(vsSecond.comparison.forms.flatMap((f) => f.cells).map((c) => c.what)).toEqual(['全年执行数']);
  });

  it('compares with another .ziping file without writing it or leaving anything beside it', () => {
    const other = join(dir, 'other', '原件.ziping');
    mkdirSync(join(dir, 'other'));
    copyFileSync(SAMPLE_PATH, other);
    const bytes = readFileSync(other);
    const mtime = statSync(other).mtimeMs;
    const form = openForm();
    saveEditSaveEdit(form);

    const r = call<CompareResult>('compare/file', { path: other });
    expect(r.before).toBe('文件“原件.ziping”');
    expect(r.comparison.forms.flatMap((f) => f.cells).map((c) => c.what)).toEqual([
      '全年执行数',
      '实际完成值',
    ]);
    expect(readFileSync(other).equals(bytes)).toBe(true);
    expect(statSync(other).mtimeMs).toBe(mtime);
    expect(readdirSync(join(dir, 'other'))).toEqual(['原件.ziping']);

    // The user's own file holds the second save: only the edit after it differs.
    const own = call<CompareResult>('compare/file', { path: file });
    expect(own.comparison.forms.flatMap((f) => f.cells).map((c) => c.what)).toEqual(['全年执行数']);
  });

  it('exports the comparison to .xlsx: 修改明细 and 表格, numbers with two decimals', async () => {
    const form = openForm();
    const { actualBefore, executedBefore } = saveEditSaveEdit(form);
    const first = call<SavedVersion[]>('history/versions', {})[1];
    const out = join(dir, '比较.xlsx');
    const r = await service.invoke('compare/exportXlsx', {
      against: { kind: 'version', saveSeq: first?.seq },
      path: out,
    });
    expect(r).toEqual({ ok: true, value: { path: out, rows: 2 } });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['修改明细', '表格']);
    const details = wb.getWorksheet('修改明细');
    if (!details) throw new Error('no sheet');
    const values = (row: number) =>
      [1, 2, 3, 4, 5].map((c) => {
        const v = details.getCell(row, c).value;
        return v === null ? null : v;
      });
    expect(values(1).slice(0, 3)).toEqual(['表', '位置', '项目']);
    expect(String(values(1)[3])).toMatch(/^原值（.*保存的版本）$/);
    expect(values(1)[4]).toBe('新值（当前文档）');
    expect(values(2)).toEqual([
      form.projectName,
      '资金 第1行（年度资金总额）',
      '全年执行数',
      executedBefore,
      123.456,
    ]);
    expect(details.getCell(2, 5).numFmt).toBe('0.00');
    expect(values(3).slice(2)).toEqual(['实际完成值', actualBefore || null, '12%']);

    const forms = wb.getWorksheet('表格');
    if (!forms) throw new Error('no sheet');
    expect([1, 2, 3, 4, 5, 6].map((c) => forms.getCell(1, c).value)).toEqual([
      '表',
      '状态',
      '原总分',
      '新总分',
      '原等级',
      '新等级',
    ]);
    const doc = service.current?.document;
    expect(forms.rowCount).toBe((doc?.forms.length ?? 0) + 1);
    const row = (doc?.forms.findIndex((f) => f.id === form.id) ?? 0) + 2;
    expect(forms.getCell(row, 2).value).toBe('有修改');
    expect(typeof forms.getCell(row, 3).value).toBe('number');
    expect(forms.getCell(row, 4).numFmt).toBe('0.00');
    expect(forms.getCell(row, 5).value).toMatch(/^[优良中差]$/);
  });

  it("lists a form's and a cell's history, newest first; restoring is one undoable change", () => {
    const form = openForm();
    const line = form.indicators[1];
    if (!line) throw new Error('no line');
    const original = line.actual;
    const cell: CellRef = { section: 'indicator', formId: form.id, indicatorId: line.id, field: 'actual' };
    for (const value of ['1%', '2%', '3%'])
      call('doc/apply', {
        patches: [{ op: 'setIndicator', formId: form.id, indicatorId: line.id, field: 'actual', value }],
      });
    call('doc/apply', {
      patches: [{ op: 'moveIndicator', formId: form.id, indicatorId: line.id, toIndex: 0 }],
    });

    const all = call<HistoryListing>('history/list', { formId: form.id });
    expect(all.complete).toBe(true);
    expect(all.entries[0]).toMatchObject({ kind: 'structure', what: '移动指标行：第2行 → 第1行' });
    const own = call<HistoryListing>('history/list', { cell });
    expect(own.entries.map((e) => [e.old, e.new])).toEqual([
      ['2%', '3%'],
      ['1%', '2%'],
      [original, '1%'],
    ]);
    // Named by the line's place at the time of the change: it was line 2 then.
    expect(own.entries[0]?.place).toBe(`绩效指标 第2行（${line.name}）`);
    expect(own.entries[0]?.what).toBe('实际完成值');

    const oldest = own.entries[2];
    const doc = service.current?.document;
    if (!oldest || !doc) throw new Error('no entry');
    const patch = restorePatch(oldest, doc);
    call('doc/apply', { patches: [patch] });
    expect(service.current?.document.forms.find((f) => f.id === form.id)?.indicators[0]?.actual).toBe(
      original,
    );
    const after = call<HistoryListing>('history/list', { cell });
    expect(after.entries[0]).toMatchObject({ old: '3%', new: original });
  });

  it('a log that no longer fits the document (changed behind its back) is said so, not thrown', () => {
    const form = openForm();
    saveEditSaveEdit(form);
    const first = call<SavedVersion[]>('history/versions', {})[1];
    // The first line disappears without being logged, as if another program had edited the file.
    const session = service.current;
    const line = form.indicators[0];
    if (!session || !line) throw new Error('no session');
    applyPatch(session.document, { op: 'deleteIndicator', formId: form.id, indicatorId: line.id });

    const listed = call<HistoryListing>('history/list', { formId: form.id });
    expect(listed.complete).toBe(false);
    expect(listed.entries[0]?.what).toBe('全年执行数');
    const r = service.call('compare/version', { saveSeq: first?.seq });
    expect(r.ok === false && r.error.code).toBe('history-mismatch');
    if (!r.ok) expect(r.error.message).toMatch(/无法还原这个版本/);
  });

  it('refuses bad arguments with Chinese messages', async () => {
    const bad = [
      ['history/list', { formId: 5 }],
      ['history/list', { cell: { section: 'indicator', formId: 'f1', indicatorId: 'i1', field: 'nope' } }],
      ['history/list', { cell: { section: 'fundsRow', formId: 'f1', row: -1, field: 'executed' } }],
      ['compare/file', { path: '' }],
      ['compare/file', { path: join(dir, '表.xlsx') }],
      ['compare/version', { saveSeq: 'x' }],
      ['compare/version', { saveSeq: 0 }],
    ] as const;
    for (const [name, args] of bad) {
      const r = service.call(name, args);
      expect(r.ok === false && r.error.code, `${name} ${JSON.stringify(args)}`).toBe('bad-request');
      if (!r.ok) expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    for (const args of [
      { path: join(dir, 'x.txt'), against: { kind: 'version', saveSeq: 1 } },
      { path: join(dir, 'x.xlsx'), against: { kind: 'other' } },
      { path: join(dir, 'x.xlsx') },
    ]) {
      const r = await service.invoke('compare/exportXlsx', args);
      expect(r.ok === false && r.error.code).toBe('bad-request');
    }
    const missing = service.call('compare/file', { path: join(dir, '没有.ziping') });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.message).toMatch(/没有\.ziping/);
    const noVersion = service.call('compare/version', { saveSeq: 999 });
    expect(noVersion.ok === false && noVersion.error.code).toBe('no-version');
  });
});
