/**
 * The contract's calls for the unit's deliverables and the next year (#20, #21), over a real copy
 * of the sample: 自评报告, next year's document, forms from a 申报表, the indicator library learnt on
 * save and exchanged as xlsx.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/handlers';
import type { Args, CallResult, HandlerName, Value } from '../../shared/contract';
import { readDocumentSnapshot } from '../../electron/services/document-store/snapshot';
import { libraryKey } from '../../shared/library/indicator-library';
import { SAMPLE_PATH } from '../../scripts/build-sample';
import { nationalTemplate } from '../support/targets-workbooks';

describe('report, rollover, targets and library calls', { timeout: 120_000 }, () => {
  let dir: string;
  let service: AppService;
  const docPath = () => join(dir, '示例.ziping');
  /** The service's answer typed as the contract says (invoke answers `unknown` to outside callers). */
  const call = <N extends HandlerName>(name: N, args: Args<N>, on = service) =>
    on.invoke(name, args) as Promise<CallResult<Value<N>>>;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ziping-tools-'));
    copyFileSync(SAMPLE_PATH, docPath());
    service = new AppService(join(dir, 'data'));
    const r = service.call('doc/open', { path: docPath() });
    if (!r.ok) throw new Error(r.error.message);
  });
  afterEach(() => {
    service.current?.close({ discard: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('doc/exportReport writes the .docx of the open document, with its gaps counted', async () => {
    const out = join(dir, '自评报告.docx');
    const r = await call('doc/exportReport', { path: out });
    if (!r.ok) throw new Error(r.error.message);
    const projects = service.current?.document.forms.filter((f) => f.kind === 'project').length;
    expect(r.value).toMatchObject({ path: out, projects });
    expect(statSync(out).size).toBeGreaterThan(5000);
    const wrong = await call('doc/exportReport', { path: join(dir, '报告.doc') });
    expect(wrong.ok === false && wrong.error.code).toBe('bad-request');
  });

  it("doc/rollover writes next year's document from the open one as it is now, never over a file", async () => {
    const doc = service.current?.document;
    if (!doc) throw new Error('no document');
    // An edit not yet saved is carried too: the document as the user sees it.
    const first = doc.forms[0];
    const line = first?.indicators[0];
    if (!first || !line) throw new Error('empty sample');
    const edited = service.call('doc/apply', {
      patches: [
        { op: 'setIndicator', formId: first.id, indicatorId: line.id, field: 'target', value: '≥99%' },
      ],
    });
    expect(edited.ok).toBe(true);
    const out = join(dir, '下一年.ziping');
    const r = await call('doc/rollover', { path: out });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.year).toBe(doc.meta.year + 1);
    expect(r.value.lines.join('\n')).toContain(`带入 ${doc.forms.length} 张表`);
    const made = readDocumentSnapshot(out);
    if (!made.ok) throw new Error(made.error.message);
    expect(made.value.forms[0]?.indicators[0]?.target).toBe('≥99%');
    expect(made.value.forms.every((f) => f.indicators.every((l) => l.actual === ''))).toBe(true);
    // The open document is untouched and still open.
    expect(service.current?.path).toBe(docPath());
    const again = await call('doc/rollover', { path: out });
    expect(again.ok === false && again.error.code).toBe('exists');
    const over = await call('doc/rollover', { path: docPath() });
    expect(over.ok === false && over.error.message).toMatch(/已存在/);
  });

  it("forms/readTargets reads a 申报表 as new forms of the document's layout, for the editor to add", async () => {
    const file = await nationalTemplate(dir);
    const r = await call('forms/readTargets', { path: file });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.forms.length).toBeGreaterThan(0);
    expect(r.value.forms.every((f) => f.indicators.every((l) => l.actual === ''))).toBe(true);
    expect(r.value.report.length).toBeGreaterThan(0);
    // Nothing changed in the document: adding them is the editor's undoable step.
    expect(service.current?.dirty).toBe(false);
  });

  it("a save teaches the library the document's indicators; it goes out and back as xlsx", async () => {
    const before = await call('library/get', {});
    expect(before.ok && before.value.library.entries).toEqual([]);
    const saved = service.call('doc/save', {});
    expect(saved.ok).toBe(true);
    const after = await call('library/get', {});
    if (!after.ok) throw new Error(after.error.message);
    const names = new Set(
      service.current?.document.forms.flatMap((f) => f.indicators.map((l) => libraryKey(l.name))),
    );
    names.delete('');
    expect(new Set(after.value.library.entries.map((e) => libraryKey(e.name)))).toEqual(names);

    const file = join(dir, '指标库.xlsx');
    const out = await call('library/exportXlsx', { path: file });
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value.entries).toBe(names.size);
    // Another user (another data folder) takes it in.
    const other = new AppService(join(dir, 'data-other'));
    const read = await call('library/importXlsx', { path: file }, other);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.read).toBe(names.size);
    expect(read.value.skipped).toEqual([]);
    expect(read.value.library.entries).toHaveLength(names.size);
    const missing = await call('library/importXlsx', { path: join(dir, '没有.xlsx') }, other);
    expect(missing.ok === false && missing.error.message).toMatch(/找不到文件/);
    expect(existsSync(join(dir, 'data-other', 'indicator-library.json'))).toBe(true);
  });
});
