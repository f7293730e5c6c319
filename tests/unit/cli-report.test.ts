/**
 * `ziping report DOC.ziping --out 自评报告.docx`, through the command's main() in this process: the
 * .docx holds the official page and styles; LibreOffice Writer opens it (converted to PDF headless)
 * and its text holds every project's name, score and grade and no number the document does not
 * hold or give; bad targets are refused in Chinese and leave nothing behind.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SAMPLE_PATH } from '../../scripts/build-sample';
import { readDocumentSnapshot } from '../../electron/services/document-store/snapshot';
import { readZipEntries, zipEntryData } from '../../electron/services/excel/zip-entries';
import { fmt2 } from '../../shared/format/numbers';
import type { ZipingDocument } from '../../shared/model/types';
import { buildReportOutline } from '../../shared/report/report-outline';
import { ziping } from '../support/cli-in-process';
import { deadPid } from '../support/race-workers';
import { writeDocumentFile } from '../support/document-file';
import { generatedReportDocument, numbersOfDocument, strayNumbers } from '../support/report';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('ziping-report-');
beforeAll(() => vi.stubEnv('ZIPING_DATA_DIR', join(tempDir(), 'data')));
afterAll(() => vi.unstubAllEnvs());

function oneChineseLine(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/[\u4e00-\u9fff]/);
  return lines[0] as string;
}

function docxPart(file: string, part: string): string {
  const buf = readFileSync(file);
  const entry = readZipEntries(buf, 100).find((e) => e.name === part);
  if (!entry) throw new Error(`${part} missing`);
  const data = zipEntryData(buf, entry);
  return (entry.method === 8 ? inflateRawSync(data) : data).toString('utf8');
}

function sample(): ZipingDocument {
  const read = readDocumentSnapshot(SAMPLE_PATH);
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

describe('ziping report: the file', () => {
  it('writes a Word file of the sample, with nothing else left in the folder', async () => {
    const dir = join(tempDir(), 'ok');
    mkdirSync(dir);
    const out = join(dir, '自评报告.docx');
    // The temp file of an export killed while writing: removed by the next one.
    writeFileSync(join(dir, `.~自评报告.docx.${await deadPid()}.tmp`), 'half');
    const run = await ziping('report', SAMPLE_PATH, '--out', out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`已生成自评报告 ${out}（项目 24 个）`);
    expect(run.stdout).toMatch(/有 \d+ 处文档中没有的内容.*【请填写：……】/);
    expect(readdirSync(dir)).toEqual(['自评报告.docx']);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('has A4 with the official margins, — N — page numbers, repeated headers and yellow placeholders', async () => {
    const out = join(tempDir(), '版式.docx');
    expect((await ziping('report', SAMPLE_PATH, '--out', out)).code).toBe(0);
    const body = docxPart(out, 'word/document.xml');
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // 37 / 35 / 28 / 26 mm in twips.
    expect(body).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(body).toContain('<w:tblHeader/>');
    expect(body).toMatch(/<w:highlight w:val="yellow"\/>.*?【请填写：/s);
    expect(body).toContain('w:eastAsia="方正小标宋简体"');
    expect(body).toContain('w:eastAsia="仿宋_GB2312"');
    expect(body).toContain('w:eastAsia="黑体"');
    expect(body).toContain('w:eastAsia="楷体_GB2312"');
    const footer = readZipEntries(readFileSync(out), 100).find((e) => e.name.startsWith('word/footer'));
    if (!footer) throw new Error('no footer');
    const footerXml = docxPart(out, footer.name);
    expect(footerXml).toMatch(/— <\/w:t>.*PAGE.*<w:t xml:space="preserve"> —/s);
    const fonts = docxPart(out, 'word/fontTable.xml');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
  });
});

describe('ziping report: refused in Chinese, nothing written', () => {
  it('without --out, or without a .ziping document', async () => {
    const noOut = await ziping('report', SAMPLE_PATH);
    expect(noOut.code).toBe(2);
    expect(oneChineseLine(noOut.stderr)).toContain('缺少 --out 自评报告.docx');
    const noDoc = await ziping('report', 'x.json', '--out', join(tempDir(), 'a.docx'));
    expect(noDoc.code).toBe(2);
    expect(oneChineseLine(noDoc.stderr)).toContain('缺少 .ziping 文档');
  });

  it('a target that is not .docx', async () => {
    const out = join(tempDir(), '报告.doc');
    const run = await ziping('report', SAMPLE_PATH, '--out', out);
    expect(run.code).toBe(2);
    expect(oneChineseLine(run.stderr)).toBe(
      'ziping：自评报告须保存为 Word 文件（.docx）：“报告.doc”不是，请改用以 .docx 结尾的文件名',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('a folder that does not exist, and a folder named like the file', async () => {
    const missing = join(tempDir(), '没有这个文件夹', '报告.docx');
    const run = await ziping('report', SAMPLE_PATH, '--out', missing);
    expect(run.code).toBe(2);
    expect(oneChineseLine(run.stderr)).toContain(`自评报告未保存：找不到 ${missing} 所在的文件夹`);
    const folder = join(tempDir(), 'dir', '报告.docx');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'keep.txt'), 'x');
    const onFolder = await ziping('report', SAMPLE_PATH, '--out', folder);
    expect(onFolder.code).toBe(2);
    expect(oneChineseLine(onFolder.stderr)).toContain(`${folder} 是一个文件夹：请给出报告的文件名`);
    // The folder as it was, and no temp file beside it.
    expect(readdirSync(folder)).toEqual(['keep.txt']);
    expect(readdirSync(dirname(folder))).toEqual(['报告.docx']);
  });

  it('--help lists the command', async () => {
    const run = await ziping('--help');
    expect(run.stdout).toContain('ziping report 文档.ziping --out 自评报告.docx');
  });
});

/** Why the LibreOffice tests cannot run here, or null when they can. */
function officeMissing(): string | null {
  const which = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' });
  const soffice = which.stdout.trim();
  if (!soffice) return 'soffice 不在 PATH 中（Debian/Ubuntu：apt-get install libreoffice-writer）';
  // Writer is a package of its own: soffice without it converts no .docx.
  if (!existsSync(join(dirname(realpathSync(soffice)), 'libswlo.so')))
    return '未安装 LibreOffice Writer（apt-get install libreoffice-writer）';
  if (spawnSync('pdftotext', ['-v']).error) return '没有 pdftotext（apt-get install poppler-utils）';
  return null;
}

const missing = officeMissing();

/** The .docx as LibreOffice reads it: its PDF's text and page count. */
function renderedText(docx: string): { text: string; pages: number } {
  const dir = dirname(docx);
  const profile = `file://${join(tempDir(), 'lo-profile')}`;
  const lo = spawnSync(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx],
    { encoding: 'utf8', timeout: 240_000 },
  );
  const pdf = docx.replace(/\.docx$/, '.pdf');
  expect(existsSync(pdf), `LibreOffice 未能转换：${lo.stderr}`).toBe(true);
  const text = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).stdout;
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  return { text, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0) };
}

const flat = (s: string) => s.replace(/\s+/g, '');

function expectReportOf(doc: ZipingDocument, rendered: { text: string; pages: number }): void {
  const { text, pages } = rendered;
  const outline = buildReportOutline(doc);
  expect(pages).toBeGreaterThan(1);
  const all = flat(text);
  expect(all).toContain(flat(outline.title));
  for (const heading of ['一、部门（单位）基本情况', '三、自评结论', '六、自评结果应用'])
    expect(all).toContain(heading);
  // Each project's row: its name, and its score followed by its grade.
  for (const line of outline.projects) {
    expect(all, line.name).toContain(flat(line.name));
    expect(all, line.name).toContain(`${fmt2(line.total)}${line.grade}`);
  }
  if (outline.department)
    expect(all).toContain(`自评得分${fmt2(outline.department.total)}分，等级为“${outline.department.grade}”`);
  expect(text).toContain('【请填写：');
  for (let p = 1; p <= pages; p++) expect(all).toContain(`—${p}—`);
  expect(strayNumbers(text, numbersOfDocument(doc, pages))).toEqual([]);
}

describe.skipIf(missing !== null)(
  `the report in LibreOffice Writer${missing ? ` — skipped: ${missing}` : ''}`,
  { timeout: 600_000 },
  () => {
    it('of the sample: every project named with its score and grade, no number from nowhere', async () => {
      const out = join(tempDir(), '示例报告.docx');
      expect((await ziping('report', SAMPLE_PATH, '--out', out)).code).toBe(0);
      expectReportOf(sample(), renderedText(out));
    });

    it('of a generated document of 40 project forms and a department form', async () => {
      const doc = generatedReportDocument(40);
      const file = join(tempDir(), '生成.ziping');
      writeDocumentFile(file, doc, join(tempDir(), 'data'));
      const out = join(tempDir(), '生成报告.docx');
      const run = await ziping('report', file, '--out', out);
      expect(run.code, run.stderr).toBe(0);
      expectReportOf(doc, renderedText(out));
    });
  },
);
