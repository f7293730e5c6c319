/**
 * `ziping export` of a long document: progress on stderr (plain lines when stderr is not a
 * terminal, one rewritten line when it is), the report alone on stdout — through main() in this
 * process — and Ctrl+C (SIGINT) mid-export to the real command as a child process: exit 130, a
 * Chinese message, no workbook and no temporary file.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportProgressPrinter } from '../../electron/cli/export-progress';
import { generatedDocument } from '../support/documents';
import { writeDocumentFile } from '../support/document-file';
import { ROOT, runZipingInProcess } from '../support/run-cli';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('ziping-cli-cancel-');
const FORMS = 200;
let doc: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  const data = join(tempDir(), 'data');
  env = { ZIPING_DATA_DIR: data };
  vi.stubEnv('ZIPING_DATA_DIR', data);
  doc = join(tempDir(), '二百张.ziping');
  writeDocumentFile(doc, generatedDocument(FORMS, 30), data);
});
afterAll(() => vi.unstubAllEnvs());

describe('ziping export: progress and Ctrl+C', { timeout: 120_000 }, () => {
  it('prints about ten progress lines on stderr and the report alone on stdout', async () => {
    const out = join(tempDir(), '全部.xlsx');
    const run = await runZipingInProcess(['export', doc, '--out', out, '--draft']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^已导出 200 张表到 /);
    const lines = run.stderr.split('\n').filter((l) => l !== '');
    expect(lines[0]).toMatch(/^导出 1\/200 \S/);
    expect(lines[1]).toMatch(/^导出 20\/200 \S/);
    expect(lines.at(-1)).toBe('导出 200/200 正在写入文件…');
    expect(lines.length).toBeLessThanOrEqual(12);
    expect(existsSync(out)).toBe(true);
  });

  it('SIGINT mid-export: exit 130, the message, no file left', async () => {
    const folder = join(tempDir(), '取消');
    const out = join(folder, '取消.xlsx');
    mkdirSync(folder);
    const child = spawn(process.execPath, ['bin/ziping.mjs', 'export', doc, '--out', out, '--draft'], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    let stderr = '';
    let stdout = '';
    let interrupted = false;
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
      // Well into the forms: the export is running, not starting or writing.
      if (!interrupted && /^导出 20\/200 /m.test(stderr)) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(interrupted, stderr).toBe(true);
    expect(code, stderr).toBe(130);
    expect(stderr.trimEnd().split('\n').at(-1)).toBe('ziping：已取消导出，没有写入任何文件');
    expect(stderr).not.toContain('正在写入文件');
    expect(stdout).toBe('');
    expect(readdirSync(folder)).toEqual([]);
  });

  it('on a terminal, one line rewritten in place and cleared at the end', () => {
    let written = '';
    const printer = exportProgressPrinter({ isTTY: true, write: (s: string) => (written += s) });
    printer.onProgress({ stage: 'check', done: 0, total: 2, formName: '' });
    printer.onProgress({ stage: 'form', done: 0, total: 2, formName: '一' });
    printer.onProgress({ stage: 'form', done: 1, total: 2, formName: '很'.repeat(40) });
    printer.onProgress({ stage: 'write', done: 2, total: 2, formName: '' });
    printer.end();
    expect(written).toBe(
      `\r\x1b[K导出 1/2 一\r\x1b[K导出 2/2 ${'很'.repeat(30)}…\r\x1b[K导出 2/2 正在写入文件…\r\x1b[K`,
    );
    expect(written).not.toContain('\n');
  });
});
