/** The contract's exchange calls over a real copy of the sample: JSON export, forms read for import. */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/handlers';
import { formToJson, parseFormJson } from '../../shared/model/interchange';
import { SAMPLE_PATH } from '../../scripts/build-sample';

describe('doc/exportJson and forms/read', () => {
  let dir: string;
  let service: AppService;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ziping-exchange-'));
    copyFileSync(SAMPLE_PATH, join(dir, '示例.ziping'));
    service = new AppService(join(dir, 'data'));
    const r = service.call('doc/open', { path: join(dir, '示例.ziping') });
    if (!r.ok) throw new Error(r.error.message);
  });
  afterEach(() => {
    service.current?.close({ discard: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes every form as interchange JSON that reads back to the same forms', async () => {
    const doc = service.current?.document;
    if (!doc) throw new Error('no document');
    const out = join(dir, '全部.json');
    const r = await service.invoke('doc/exportJson', { path: out });
    expect(r).toEqual({ ok: true, value: { forms: doc.forms.length, path: out } });
    const items = JSON.parse(readFileSync(out, 'utf8')) as unknown[];
    expect(items).toEqual(doc.forms.map((f) => formToJson(f, doc.meta.layout)));
    const read = await service.invoke('forms/read', { path: out });
    if (!read.ok) throw new Error(read.error.message);
    const forms = (read.value as { forms: unknown[] }).forms;
    expect(forms.length).toBe(doc.forms.length);
    const back = parseFormJson(items[0], 'x');
    expect(back.ok && back.value.form.indicators).toEqual(doc.forms[0]?.indicators);
  });

  it('refuses bad arguments and unreadable files with Chinese messages', async () => {
    for (const [name, args] of [
      ['doc/exportJson', { path: join(dir, 'x.txt') }],
      ['doc/exportJson', { path: 5 }],
      ['forms/read', { path: '' }],
    ] as const) {
      const r = await service.invoke(name, args);
      expect(r.ok === false && r.error.code, name).toBe('bad-request');
    }
    writeFileSync(join(dir, '坏.json'), '{');
    for (const path of [join(dir, '坏.json'), join(dir, '没有.xlsx'), join(dir, '表.txt')]) {
      const r = await service.invoke('forms/read', { path });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const missing = await service.invoke('forms/read', { path: join(dir, '没有.json') });
    expect(missing.ok === false && missing.error.message).toMatch(/^找不到文件 .*没有\.json：请检查路径$/);
    const bad = await service.invoke('forms/read', { path: join(dir, '坏.json') });
    expect(bad.ok === false && bad.error.message).toMatch(/不是有效的 JSON/);
  });
});
