/**
 * The indicator library (#21): learnt from the user's documents, a bundled starter set, suggestions
 * ranked for the line being typed, kept in the data folder, exchanged as xlsx.
 */
import ExcelJS from 'exceljs';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_LIBRARY,
  fillFromEntry,
  findEntry,
  learnFromDocument,
  libraryKey,
  suggestIndicators,
} from '../../shared/library/indicator-library';
import { STARTER_INDICATORS } from '../../shared/library/starter-set';
import {
  addEntries,
  learnDocument,
  libraryPath,
  readLibrary,
} from '../../electron/services/library/library-store';
import { readLibraryXlsx, writeLibraryXlsx } from '../../electron/services/library/library-xlsx';
import { fixtureDocument } from '../support/documents';
import { useTempDir } from '../support/temp-dir';

const dir = useTempDir('ziping-library-');

describe('indicator library', () => {
  it('learns every named line of a document once per name, counting its uses', () => {
    const doc = fixtureDocument('national');
    const lib = learnFromDocument(EMPTY_LIBRARY, doc);
    const names = doc.forms
      .flatMap((f) => f.indicators.map((l) => libraryKey(l.name)))
      .filter((n) => n !== '');
    expect(lib.entries.map((e) => libraryKey(e.name)).sort()).toEqual([...new Set(names)].sort());
    expect(lib.entries.reduce((n, e) => n + e.uses, 0)).toBe(names.length);
    // Learning the same document again counts again, adds nothing new.
    const twice = learnFromDocument(lib, doc);
    expect(twice.entries).toHaveLength(lib.entries.length);
    expect(twice.entries.reduce((n, e) => n + e.uses, 0)).toBe(2 * names.length);
  });

  it("suggests the user's own entries first, the line's 二级 first, prefixes before inner matches", () => {
    const lib = {
      version: 1 as const,
      entries: [
        {
          name: '群众满意率',
          level1: '满意度指标',
          level2: '服务对象满意度指标',
          target: '≥95%',
          ruleText: '',
          origin: 'document' as const,
          uses: 3,
        },
        {
          name: '培训满意度',
          level1: '满意度指标',
          level2: '服务对象满意度指标',
          target: '≥90%',
          ruleText: '',
          origin: 'document' as const,
          uses: 1,
        },
      ],
    };
    const found = suggestIndicators(lib, { text: '满意', level2: '服务对象满意度指标' }).map((e) => e.name);
    // Nothing starts with 满意 here, so all are inner matches; the user's come before the starter set.
    expect(found.slice(0, 2)).toEqual(['群众满意率', '培训满意度']);
    expect(found).toContain('服务对象满意度');
    const prefix = suggestIndicators(lib, { text: '群众' }).map((e) => e.name);
    expect(prefix[0]).toBe('群众满意率');
    // An empty box offers the line's own 二级 only.
    const empty = suggestIndicators(EMPTY_LIBRARY, { text: '', level1: '产出指标', level2: '时效指标' });
    expect(empty.length).toBeGreaterThan(0);
    expect(empty.every((e) => e.level2 === '时效指标')).toBe(true);
    // The name already typed whole is not offered again.
    expect(suggestIndicators(lib, { text: '群众满意率' }).map((e) => e.name)).not.toContain('群众满意率');
  });

  it('picking a name fills only the empty cells of the line', () => {
    const entry = findEntry(EMPTY_LIBRARY, '完成及时率');
    if (!entry) throw new Error('完成及时率 missing');
    expect(fillFromEntry({ level1: '', level2: '', target: '', ruleText: '' }, entry)).toEqual({
      level1: entry.level1,
      level2: entry.level2,
      target: entry.target,
      ruleText: entry.ruleText,
    });
    expect(
      fillFromEntry({ level1: '产出指标', level2: '时效指标', target: '11月底前', ruleText: ' ' }, entry),
    ).toEqual({
      ruleText: entry.ruleText,
    });
  });

  it('the starter set has the usual ones with their target form and rule', () => {
    for (const name of ['服务对象满意度', '成本控制率', '预算执行率', '完成及时率']) {
      const e = findEntry(EMPTY_LIBRARY, name);
      expect(e?.target, name).not.toBe('');
      expect(e?.ruleText, name).not.toBe('');
    }
    expect(new Set(STARTER_INDICATORS.map((e) => libraryKey(e.name))).size).toBe(STARTER_INDICATORS.length);
  });

  it('is kept in the data folder; an unreadable file is set aside, never overwritten', () => {
    const data = join(dir(), 'data1');
    expect(readLibrary(data).library.entries).toEqual([]);
    learnDocument(data, fixtureDocument('shanxi'));
    const kept = readLibrary(data);
    expect(kept.library.entries.length).toBeGreaterThan(0);
    expect(kept.notice).toBeUndefined();

    writeFileSync(libraryPath(data), '{"entries": [ broken');
    const after = readLibrary(data);
    expect(after.library.entries).toEqual([]);
    expect(after.notice).toMatch(/指标库文件无法读取，已另存为 indicator-library\.json\.unreadable-/);
    const aside = readdirSync(data).filter((f) => f.startsWith('indicator-library.json.unreadable-'));
    expect(aside).toHaveLength(1);
  });

  it('goes out as xlsx and comes back whole; a 主管部门 sheet with its own column order is read too', async () => {
    const data = join(dir(), 'data2');
    const { library } = learnDocument(data, fixtureDocument('national'));
    const file = join(dir(), '指标库.xlsx');
    const wrote = await writeLibraryXlsx(file, library.entries);
    expect(wrote).toEqual({ ok: true, value: library.entries.length });
    const back = await readLibraryXlsx(file);
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.skipped).toEqual([]);
    const strip = (e: (typeof library.entries)[number]) => ({ ...e, origin: 'imported' });
    expect(back.value.entries).toEqual(library.entries.map(strip));

    // A hand-made sheet: a title row, columns in another order, a row without a name.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('局指标库');
    ws.addRow(['某某局绩效指标库（2025）']);
    ws.addRow(['指标名称', '目标值', '一级指标', '二级指标', '赋分规则']);
    ws.addRow(['河道保洁覆盖率', '100%', '产出指标', '数量指标', '全覆盖得满分']);
    ws.addRow(['', '≥90%', '', '', '']);
    const handMade = join(dir(), '局指标库.xlsx');
    await wb.xlsx.writeFile(handMade);
    const read = await readLibraryXlsx(handMade);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.entries).toEqual([
      {
        name: '河道保洁覆盖率',
        level1: '产出指标',
        level2: '数量指标',
        target: '100%',
        ruleText: '全覆盖得满分',
        origin: 'imported',
        uses: 0,
      },
    ]);
    expect(read.value.skipped).toEqual(['局指标库 第 4 行：没有三级指标名称，未读入']);
    const merged = addEntries(data, read.value.entries).library;
    expect(findEntry(merged, '河道保洁覆盖率')?.target).toBe('100%');
  });

  it('refuses a workbook without a library header, and a target that is not xlsx', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['项目名称', '金额']);
    const file = join(dir(), '别的表.xlsx');
    await wb.xlsx.writeFile(file);
    const read = await readLibraryXlsx(file);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error.message).toMatch(/没有找到指标库/);
    const wrote = await writeLibraryXlsx(join(dir(), '指标库.csv'), []);
    expect(wrote.ok).toBe(false);
  });
});
