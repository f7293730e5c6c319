/**
 * The forms' print view (shared/print) printed to PDF by a headless Chromium run directly (no
 * playwright: a packaged CLI has only the browser): the HTML goes to a temp file, Chromium prints it
 * with the page's own A4 size into the temp folder, and the PDF is written whole beside the target
 * and renamed onto it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { stageFile } from '../files';

/** Why no PDF was written, in Chinese for the user (the CLI prints it as is). */
export class PrintPdfError extends Error {}

/** A long document takes a while on a busy machine; a hung browser must not hang the command. */
const PRINT_TIMEOUT_MS = 5 * 60_000;

/**
 * No sandbox (runs as root in CI), a profile of its own (a running browser of the user's must not
 * take the job over), nothing fetched: this machine may be offline and the page has no links out.
 */
export function chromiumPrintArgs(page: string, pdf: string, profile: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--metrics-recording-only',
    `--user-data-dir=${profile}`,
    `--print-to-pdf=${pdf}`,
    '--no-pdf-header-footer',
    pathToFileURL(page).href,
  ];
}

/** Runs the browser to its end; rejects with a Chinese message when it fails or hangs. */
function runChromium(executable: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-2000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), PRINT_TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new PrintPdfError(`无法启动浏览器 ${executable}：${err.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else {
        const why = signal ? `被终止（${signal}）` : `退出码 ${code ?? '?'}`;
        const last = stderr.trim().split('\n').slice(-3).join(' ');
        reject(new PrintPdfError(`浏览器生成 PDF 失败（${why}）：${last || '没有输出'}`));
      }
    });
  });
}

/** The PDF Chromium wrote, or a message when it wrote none (it may exit 0 without printing). */
function readPdf(file: string): Buffer {
  let pdf: Buffer;
  try {
    pdf = readFileSync(file);
  } catch {
    throw new PrintPdfError(
      '浏览器没有写出 PDF：请确认它支持 --headless 和 --print-to-pdf（Chromium、Chrome 或 Edge）',
    );
  }
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new PrintPdfError('浏览器写出的文件不是 PDF');
  return pdf;
}

/** Prints `html` to a PDF at `out` with the Chromium at `executablePath`; nothing is left on failure. */
export async function printHtmlToPdf(html: string, out: string, executablePath: string): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ziping-print-'));
  try {
    const page = path.join(dir, '打印.html');
    const pdf = path.join(dir, '打印.pdf');
    writeFileSync(page, html, 'utf8');
    await runChromium(executablePath, chromiumPrintArgs(page, pdf, path.join(dir, 'profile')));
    stageFile(out, readPdf(pdf)).commit();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
