/**
 * The forms' print view (shared/print) printed to PDF by a headless Chromium through
 * playwright-core: the HTML goes to a temp file, Chromium prints it with the page's own A4 size,
 * and the PDF is written whole beside the target and renamed onto it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { stageFile } from '../files';

/** No sandbox (runs as root in CI) and no background networking: this machine is offline. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Prints `html` to a PDF at `out` with the Chromium at `executablePath`; nothing is left on failure. */
export async function printHtmlToPdf(html: string, out: string, executablePath: string): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ziping-print-'));
  try {
    const page = path.join(dir, '打印.html');
    writeFileSync(page, html, 'utf8');
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    try {
      const tab = await browser.newPage();
      await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
      const pdf = await tab.pdf({ preferCSSPageSize: true, printBackground: true });
      stageFile(out, pdf).commit();
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
