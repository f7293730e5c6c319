/**
 * 导出 PDF in the desktop app: the print view's HTML loaded into a hidden window of its own (no
 * script, sandboxed) and printed by Electron's printToPDF with the page's own A4 size; the PDF is
 * written whole, then renamed onto the file the user chose. Electron is behind the PdfPage port, so
 * this runs under Node in tests.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../services/files';

/** What this needs of a hidden BrowserWindow. */
export interface PdfPage {
  loadFile(file: string): Promise<void>;
  readonly webContents: {
    printToPDF(options: { preferCSSPageSize: boolean; printBackground: boolean }): Promise<Uint8Array>;
  };
  destroy(): void;
}

/** Prints `html` to `target`; the window and the temp page are gone afterwards, whatever happened. */
export async function printHtmlToPdfFile(html: string, target: string, open: () => PdfPage): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ziping-print-'));
  const page = open();
  try {
    const file = path.join(dir, '打印.html');
    writeFileSync(file, html, 'utf8');
    await page.loadFile(file);
    const pdf = await page.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
    writeFileAtomic(target, pdf);
  } finally {
    page.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
