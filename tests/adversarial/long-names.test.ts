/**
 * Long form names (80, 120, 200 Chinese characters, emoji mixed in) through folder exports: the
 * Excel export (one workbook per form) and `ziping export-json`. Every file is written, its name
 * (and its temp name) fits the file system's 255 bytes of UTF-8, names stay distinct and keep
 * what tells forms apart, and the files read back. A folder export that fails half-way leaves
 * no folder and no file; files of the user in an existing folder stay.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocument } from '../../electron/services/excel/export';
import {
  FILE_NAME_MAX_BYTES,
  NAME_MAX_BYTES,
  distinctFileNames,
  numberedFileNames,
  shortenUtf8,
} from '../../electron/services/file-names';
import { formToJson } from '../../shared/model/interchange';
import type { ZipingDocument } from '../../shared/model/types';
import { writeDocumentFile } from '../support/document-file';
import { layoutDocument, layoutForm, readWorkbook } from '../support/excel';
import { ziping } from '../support/cli-in-process';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('ziping-long-names-');
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const SEED = '晋城市生态环境局城区分局大气污染防治专项资金洒水降尘作业车辆购置及运行维护';

/** `n` Chinese characters. */
function chinese(n: number): string {
  return SEED.repeat(Math.ceil(n / SEED.length)).slice(0, n);
}

/** Names that differ only at their end, or only in emoji; one made only of characters we replace. */
const NAMES = [
  `${chinese(80)}（一期）`,
  `${chinese(80)}（二期）`,
  chinese(120),
  `${chinese(200)}（一期）`,
  `${chinese(200)}（二期）`,
  `${chinese(100)}🌏🚒👨‍👩‍👧${chinese(60)}🌧️`,
  `${chinese(100)}🌏🚒👨‍👩‍👧${chinese(60)}🌞`,
  `😀${'𠀀'.repeat(90)}/项目:*?`,
  '???',
];

function longDocument(): ZipingDocument {
  return layoutDocument(
    'shanxi',
    NAMES.map((name, i) => layoutForm('shanxi', 'project', `f${i + 1}`, name)),
  );
}

/** Every name fits with the longest temp name, is whole UTF-8 (no split surrogate) and distinct ignoring case. */
function expectSafeNames(names: readonly string[]): void {
  for (const name of names) {
    expect(bytes(name), name).toBeLessThanOrEqual(FILE_NAME_MAX_BYTES);
    expect(bytes(`.~${name}.4294967295.tmp`)).toBeLessThanOrEqual(NAME_MAX_BYTES);
    expect(Buffer.from(name, 'utf8').toString('utf8')).toBe(name);
  }
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
}

beforeAll(() => {
  process.env.ZIPING_DATA_DIR = join(tempDir(), 'data');
});

describe('file names from long form names', () => {
  it('are cut by UTF-8 bytes, never inside a character, keeping start and end', () => {
    for (const text of NAMES) {
      for (const max of [1, 3, 4, 7, 30, 100, 230]) {
        const short = shortenUtf8(text, max);
        expect(bytes(short)).toBeLessThanOrEqual(max);
        expect(Buffer.from(short, 'utf8').toString('utf8')).toBe(short);
      }
    }
    const cut = shortenUtf8(`${chinese(200)}（二期）`, 200);
    expect(cut.startsWith(chinese(40))).toBe(true);
    expect(cut.endsWith('（二期）')).toBe(true);
    expect(cut).toContain('…');
    // An emoji sequence (family) is kept whole or left out whole.
    const family = shortenUtf8(`${'甲'.repeat(60)}👨‍👩‍👧${'乙'.repeat(30)}`, 190);
    expect(family.includes('👨') === family.includes('👧')).toBe(true);
    expect(shortenUtf8('短名称', 230)).toBe('短名称');
  });

  it('stay distinct after cutting (numbered), and repeats get (2), (3)', () => {
    const names = numberedFileNames(
      NAMES.map((name) => ({ name, fallback: '项目' })),
      '.xlsx',
    );
    expectSafeNames(names);
    expect(names[0]).toMatch(/^1-晋城.*（一期）\.xlsx$/);
    expect(names[1]).toMatch(/^2-晋城.*（二期）\.xlsx$/);
    expect(names[8]).toBe('9-___.xlsx');
    const repeats = distinctFileNames([
      `${chinese(200)}.json`,
      `${chinese(200)}.JSON`,
      `${chinese(200)}.json`,
    ]);
    expectSafeNames(repeats);
    expect(repeats[1]).toMatch(/\(2\)\.JSON$/);
    expect(repeats[2]).toMatch(/\(3\)\.json$/);
  });
});

describe('Excel folder export with long names', { timeout: 180_000 }, () => {
  it('writes every workbook under a safe, distinct name, and each reads back', async () => {
    const doc = longDocument();
    const out = join(tempDir(), '导出', '每表一个');
    const r = await exportDocument(doc, out, { draft: true });
    if (!r.ok) throw new Error(r.error.message);
    const names = readdirSync(out).sort((a, b) => Number.parseInt(a) - Number.parseInt(b));
    expect(names).toHaveLength(NAMES.length);
    expectSafeNames(names);
    expect(r.value.files.sort()).toEqual(names.map((n) => join(out, n)).sort());
    // Nothing else beside the folder: no temp folder, no temp file.
    expect(readdirSync(join(tempDir(), '导出'))).toEqual(['每表一个']);
    for (const [i, name] of names.entries()) {
      const wb = await readWorkbook(join(out, name));
      const texts = JSON.stringify(wb.worksheets.map((ws) => ws.getSheetValues()));
      expect(texts, name).toContain(JSON.stringify(NAMES[i]).slice(1, -1));
    }
  });

  it('a single workbook with a 248-byte name is written (its temp name is shortened)', async () => {
    const file = join(tempDir(), `${'汉'.repeat(81)}.xlsx`);
    expect(bytes(`${'汉'.repeat(81)}.xlsx`)).toBe(248);
    const r = await exportDocument(layoutDocument('shanxi', [layoutForm('shanxi')]), file, { draft: true });
    if (!r.ok) throw new Error(r.error.message);
    expect(existsSync(file)).toBe(true);
    expect((await readWorkbook(file)).worksheets.length).toBeGreaterThan(0);
  });

  it('a form failing half-way (a text over the Excel cell limit) leaves no folder and no file', async () => {
    const doc = longDocument();
    const third = doc.forms[2];
    if (!third) throw new Error('no third form');
    third.unit = '长'.repeat(40_000);
    const parent = join(tempDir(), '中途失败');
    mkdirSync(parent);
    const seen: number[] = [];
    const r = await exportDocument(doc, join(parent, '新建', '每表一个'), {
      draft: true,
      onProgress: (p) => {
        if (p.stage === 'form') seen.push(p.done);
      },
    });
    expect(r.ok || r.error.code).toBe('text-too-long');
    expect(seen).toEqual([0, 1, 2]); // two workbooks were built and written before it failed
    expect(readdirSync(parent)).toEqual([]);

    // Into a folder that exists: the user's files stay, nothing is added.
    const existing = join(parent, '已有');
    mkdirSync(existing);
    writeFileSync(join(existing, '别的.txt'), '别动');
    const r2 = await exportDocument(doc, existing, { draft: true });
    expect(r2.ok || r2.error.code).toBe('text-too-long');
    expect(readdirSync(parent)).toEqual(['已有']);
    expect(readdirSync(existing)).toEqual(['别的.txt']);
  });

  it('the temp folders of killed exports are removed by the next export there; a live one stays', async () => {
    const parent = join(tempDir(), '残留');
    mkdirSync(parent);
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const dead = `.每表一个.tmp-${gone}-0badc0de`;
    const live = `.每表一个.tmp-${process.pid}-12345678`;
    for (const folder of [dead, live]) {
      mkdirSync(join(parent, folder));
      writeFileSync(join(parent, folder, '1-半截.xlsx'), 'x');
    }
    const r = await exportDocument(
      layoutDocument('shanxi', [layoutForm('shanxi')]),
      join(parent, '每表一个'),
      {
        draft: true,
      },
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(readdirSync(parent).sort()).toEqual([live, '每表一个'].sort());
    expect(readdirSync(join(parent, '每表一个'))).toEqual(['1-测试项目.xlsx']);
  });
});

describe('ziping export-json with long names', { timeout: 180_000 }, () => {
  it('writes every form under a safe, distinct name and each reads back as the form', async () => {
    const doc = longDocument();
    const file = join(tempDir(), '长名称.ziping');
    writeDocumentFile(file, doc, join(tempDir(), 'data'));
    const out = join(tempDir(), 'json');
    const run = await ziping('export-json', file, '--out', out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`已导出 ${NAMES.length} 张表`);
    const names = readdirSync(out).sort((a, b) => Number.parseInt(a) - Number.parseInt(b));
    expect(names).toHaveLength(NAMES.length);
    expectSafeNames(names);
    names.forEach((name, i) => {
      const back = JSON.parse(readFileSync(join(out, name), 'utf8')) as { projectName: string };
      expect(back).toEqual(JSON.parse(JSON.stringify(formToJson(doc.forms[i]!, 'shanxi'))));
      expect(back.projectName).toBe(NAMES[i]);
    });
    expect(readdirSync(tempDir()).filter((n) => n.includes('.tmp'))).toEqual([]);
  });

  it('into a folder that exists: the user’s files stay, files of the same name are replaced', async () => {
    const file = join(tempDir(), '两张.ziping');
    writeDocumentFile(
      file,
      layoutDocument('shanxi', [
        layoutForm('shanxi', 'project', 'f1', '甲'),
        layoutForm('shanxi', 'project', 'f2', '乙'),
      ]),
      join(tempDir(), 'data'),
    );
    const out = join(tempDir(), '已有json');
    mkdirSync(out);
    writeFileSync(join(out, '说明.txt'), '用户的');
    writeFileSync(join(out, '1-甲.json'), '旧的');
    const run = await ziping('export-json', file, '--out', out);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['1-甲.json', '2-乙.json', '说明.txt']);
    expect(readFileSync(join(out, '说明.txt'), 'utf8')).toBe('用户的');
    expect(JSON.parse(readFileSync(join(out, '1-甲.json'), 'utf8'))).toMatchObject({ projectName: '甲' });
  });

  it('a target that is a file is refused with a message, and nothing is written', async () => {
    const file = join(tempDir(), '长名称.ziping');
    const target = join(tempDir(), '是文件');
    writeFileSync(target, '用户的');
    const run = await ziping('export-json', file, '--out', target);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/已存在，且不是文件夹.*没有导出任何文件/);
    expect(readFileSync(target, 'utf8')).toBe('用户的');
    expect(readdirSync(tempDir()).filter((n) => n.includes('.tmp'))).toEqual([]);
  });
});
