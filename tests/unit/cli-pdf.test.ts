/**
 * `ziping pdf`: the forms printed by a real Chromium, read back with pdftotext. Every label and
 * value the Excel export prints must be in the PDF's text: names, targets, actual values, weights
 * and scores as shared/format prints them, the total and grade where the layout prints them,
 * goals and analysis texts (long ones too). Also the refusals: a target that is not .pdf, no Chromium.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findChromium } from '../../electron/services/pdf/find-chromium';
import { readDocumentSnapshot } from '../../electron/services/document-store/snapshot';
import { fmt2, fmtAmount, fmtNum } from '../../shared/format/numbers';
import { analysisEntries } from '../../shared/layouts/analysis-titles';
import { getLayout } from '../../shared/layouts/definitions';
import { formTitle } from '../../shared/layouts/print-labels';
import { formHtml } from '../../shared/print/form-html';
import { scoreForm } from '../../shared/scoring/form';
import type { Form, LayoutId, ZipingDocument } from '../../shared/model/types';
import { SAMPLE_PATH } from '../../scripts/build-sample';
import { fixtureDocument, generatedDocument } from '../support/documents';
import { writeDocumentFile } from '../support/document-file';
import { runZipingInProcess } from '../support/run-cli';
import { changjiDepartmentForm, changjiProjectForm } from '../support/xinjiang';

const CHROMIUM = findChromium(undefined);
const PDFTOTEXT = spawnSync('pdftotext', ['-v']).error === undefined;
const SKIP = !CHROMIUM
  ? '没有 Chromium（安装 chromium 或设 ZIPING_CHROMIUM）'
  : !PDFTOTEXT
    ? '没有 pdftotext（安装 poppler-utils）'
    : null;

/**
 * The PDF's text in the order Chromium drew it (-raw): -layout interleaves the wrapped lines of
 * neighbouring cells, so a wrapped name would not read whole. Whitespace and the page footers go,
 * as a text cut over a page has the footer drawn between its parts.
 */
function pdfText(file: string): string {
  const out = spawnSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(out.stderr);
  return squeeze(out.stdout).replace(/第\d+页/g, '');
}

/**
 * Whether `want` is in `text` whole, or (a cell cut over a page, drawn beside another cut cell:
 * the goals' 预期目标 | 实际完成情况) in at most `pieces` runs in order, each drawn contiguous.
 */
function readsWhole(text: string, want: string, pieces = 4): boolean {
  let from = 0;
  let rest = want;
  for (let p = 0; p < pieces && rest !== ''; p++) {
    // The longest prefix of what is left that is drawn in one run after the previous piece.
    let lo = 0;
    let hi = rest.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (text.indexOf(rest.slice(0, mid), from) >= 0) lo = mid;
      else hi = mid - 1;
    }
    if (lo === 0) return false;
    from = text.indexOf(rest.slice(0, lo), from) + lo;
    rest = rest.slice(lo);
  }
  return rest === '';
}

const squeeze = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** Every label and value of a form as the print shows them. */
function expectedTexts(form: Form, layout: LayoutId): string[] {
  const def = getLayout(layout);
  const kind = def.kinds[form.kind];
  const result = scoreForm(form, def);
  const out = [form.projectName];
  // 004's project form prints nothing above its name row; 000 its template title alone.
  if (!kind.untitled) out.push(kind.basicInfo ? kind.title : formTitle(form, kind));
  if (!kind.basicInfo && !kind.untitled) out.push(`（${form.year}年度）`);
  out.push(form.goals.expected, form.goals.actual);
  for (const row of form.funds.rows) {
    out.push(row.source);
    if (row.executed !== null) out.push(fmtAmount(row.executed));
  }
  form.indicators.forEach((ind, i) => {
    const line = result.indicators[i];
    out.push(ind.level1, ind.level2, ind.name, ind.target, ind.actual);
    const weight = line?.weight ?? ind.weight;
    if (weight !== null && kind.indicatorColumns.some((c) => c.key === 'weight')) out.push(fmtNum(weight));
    if (line?.final != null) out.push(fmt2(line.final));
  });
  out.push(kind.totalInPoints ? `${fmt2(result.total)}分` : fmt2(result.total));
  if (def.printsGrade && !kind.basicInfo) out.push(result.grade);
  for (const { title, text } of analysisEntries(form.analysis, kind.analysisTitles)) out.push(title, text);
  return out.map(squeeze).filter((t) => t !== '');
}

describe.skipIf(SKIP !== null)(`ziping pdf ${SKIP ?? ''}`, () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ziping-pdf-'));
    vi.stubEnv('ZIPING_DATA_DIR', join(dir, 'data'));
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  async function printed(file: string, ...more: string[]): Promise<string> {
    const out = join(dir, `${Math.random().toString(16).slice(2)}.pdf`);
    const run = await runZipingInProcess(['pdf', file, '--out', out, ...more]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    return pdfText(out);
  }

  function expectAll(text: string, doc: ZipingDocument): void {
    for (const form of doc.forms)
      for (const want of expectedTexts(form, doc.meta.layout))
        expect(readsWhole(text, want), `${form.projectName}：${want.slice(0, 60)}`).toBe(true);
  }

  it('prints every label and value of every form of the sample', async () => {
    const snapshot = readDocumentSnapshot(SAMPLE_PATH);
    if (!snapshot.ok) throw new Error(snapshot.error.message);
    expectAll(await printed(SAMPLE_PATH), snapshot.value);
  }, 120_000);

  const xinjiang = generatedDocument(0, 0, 'xinjiang');
  const docs: Array<[string, ZipingDocument]> = [
    ['national', fixtureDocument('national')],
    ['shanxi', fixtureDocument('shanxi')],
    ['xinjiang', { meta: xinjiang.meta, forms: [changjiDepartmentForm(), changjiProjectForm()] }],
    ['hunan', generatedDocument(2, 8, 'hunan')],
    ['guangdong', generatedDocument(2, 8, 'guangdong')],
  ];
  it.each(docs)(
    'prints every label and value of a %s document',
    async (layout, doc) => {
      const file = join(dir, `${layout}.ziping`);
      writeDocumentFile(file, doc, join(dir, 'data'));
      expectAll(await printed(file), doc);
    },
    120_000,
  );

  it('prints a long analysis text whole over pages, and HTML in a name as text', async () => {
    const doc = generatedDocument(1, 30, 'national');
    const form = doc.forms[0] as Form;
    form.projectName = '<script>alert(1)</script>项目';
    const long = Array.from({ length: 400 }, (_, i) => `第${i + 1}句说明资金使用情况。`).join('');
    form.analysis = { ...form.analysis, 主要经验及做法: long };
    const file = join(dir, 'long.ziping');
    writeDocumentFile(file, doc, join(dir, 'data'));
    const text = await printed(file, '--form', form.projectName);
    expect(text).toContain(squeeze(long));
    expect(text).toContain('<script>alert(1)</script>项目');
    expectAll(text, doc);
  }, 120_000);

  it('prints only the forms --forms chooses, by 序号 or name, in the document order', async () => {
    const doc = generatedDocument(3, 4, 'national');
    doc.forms.forEach((f, i) => (f.projectName = `选择测试项目${i + 1}号`));
    const file = join(dir, 'chosen.ziping');
    writeDocumentFile(file, doc, join(dir, 'data'));
    const text = await printed(file, '--forms', '3，选择测试项目1号');
    const [first, , third] = doc.forms as [Form, Form, Form];
    expectAll(text, { meta: doc.meta, forms: [first, third] });
    expect(text).not.toContain('选择测试项目2号');
    expect(text.indexOf('选择测试项目1号')).toBeLessThan(text.indexOf('选择测试项目3号'));
    const beyond = await runZipingInProcess([
      'pdf',
      file,
      '--out',
      join(dir, 'beyond.pdf'),
      '--forms',
      '1,9',
    ]);
    expect(beyond.code).toBe(2);
    expect(beyond.stderr).toMatch(/没有第 9 张表：文档共有 3 张表/);
    const unknown = await runZipingInProcess([
      'pdf',
      file,
      '--out',
      join(dir, 'beyond.pdf'),
      '--forms',
      '某某',
    ]);
    expect(unknown.stderr).toMatch(/文档中没有名为“某某”的表/);
    expect(existsSync(join(dir, 'beyond.pdf'))).toBe(false);
  }, 120_000);

  it('refuses a target that is not .pdf and a missing Chromium, writing nothing', async () => {
    const out = join(dir, 'refused');
    const notPdf = await runZipingInProcess(['pdf', SAMPLE_PATH, '--out', `${out}.xlsx`]);
    expect(notPdf.code).toBe(2);
    expect(notPdf.stderr).toMatch(/--out 须是 \.pdf 文件/);
    const none = await runZipingInProcess([
      'pdf',
      SAMPLE_PATH,
      '--out',
      `${out}.pdf`,
      '--chromium',
      '/nonexistent',
    ]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^ziping：找不到 Chromium 浏览器.*--chromium/);
    expect(existsSync(`${out}.pdf`) || existsSync(`${out}.xlsx`)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes('refused'))).toEqual([]);
  });
});

describe('the print view', () => {
  it('escapes every typed text: a name with <script> prints as text', () => {
    const doc = generatedDocument(1, 2, 'national');
    const form = { ...(doc.forms[0] as Form), projectName: '<script>alert("x")</script>&项目' };
    form.analysis = { 其他: '<b>粗</b>' };
    const layout = getLayout('national');
    const html = formHtml({ form, layout, result: scoreForm(form, layout) });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;项目');
    expect(html).toContain('&lt;b&gt;粗&lt;/b&gt;');
  });
});

/** A stand-in browser: a shell script that records its arguments and does what `body` says. */
function fakeChromium(dir: string, body: string): string {
  const file = join(dir, 'fake-chromium.sh');
  writeFileSync(file, `#!/bin/sh\nprintf '%s\\n' "$@" > "${join(dir, 'args.txt')}"\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

describe('ziping pdf runs the browser itself (no playwright)', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ziping-fake-chromium-'));
    vi.stubEnv('ZIPING_DATA_DIR', join(dir, 'data'));
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });
  const argOf = (args: string[], name: string) =>
    args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);

  it('prints headless into a temp profile, offline, without header and footer, and keeps the PDF', async () => {
    const out = join(dir, '表.pdf');
    const browser = fakeChromium(
      dir,
      'for a; do case "$a" in --print-to-pdf=*) printf "%%PDF-1.4 fake" > "${a#--print-to-pdf=}";; esac; done',
    );
    const run = await runZipingInProcess(['pdf', SAMPLE_PATH, '--out', out, '--chromium', browser]);
    expect(run.stderr).toBe('');
    expect(readFileSync(out, 'latin1')).toBe('%PDF-1.4 fake');
    const args = readFileSync(join(dir, 'args.txt'), 'utf8').trim().split('\n');
    for (const flag of [
      '--headless',
      '--no-sandbox',
      '--no-pdf-header-footer',
      '--disable-background-networking',
    ])
      expect(args).toContain(flag);
    const profile = argOf(args, '--user-data-dir') ?? '';
    const page = args.at(-1) ?? '';
    expect(page).toMatch(/^file:\/\/.*\.html$/);
    expect(profile.startsWith(tmpdir())).toBe(true);
    // The temp folder with the page, the profile and Chromium's PDF is gone.
    expect(existsSync(profile) || existsSync(fileURLToPath(page))).toBe(false);
  });

  it('says why when the browser fails or writes no PDF, and writes nothing', async () => {
    const out = join(dir, '失败.pdf');
    const failing = fakeChromium(dir, 'echo "crashed: no display" >&2; exit 3');
    const failed = await runZipingInProcess(['pdf', SAMPLE_PATH, '--out', out, '--chromium', failing]);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/^ziping：浏览器生成 PDF 失败（退出码 3）：crashed: no display/);
    const silent = fakeChromium(dir, 'exit 0');
    const none = await runZipingInProcess(['pdf', SAMPLE_PATH, '--out', out, '--chromium', silent]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^ziping：浏览器没有写出 PDF/);
    expect(existsSync(out)).toBe(false);
  });
});
