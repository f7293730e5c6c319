/**
 * 导出 PDF in the desktop app (#20), with Electron replaced at its ports: the shell call asks where
 * to save and hands the print view to the platform; printHtmlToPdfFile loads the page into a
 * hidden window, prints it with printToPDF and writes the file whole, cleaning up on failure too.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfDialog } from '../../electron/main/dialogs';
import { printHtmlToPdfFile, type PdfPage } from '../../electron/main/pdf-window';
import { SettingsStore } from '../../electron/main/settings';
import { DocumentWindows } from '../../electron/main/windows';
import { FakePlatform } from '../support/fake-shell';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ziping-desktop-pdf-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in hidden window: keeps the page it was given, prints `pdf` or fails with `failure`. */
class FakePdfPage implements PdfPage {
  loaded: string[] = [];
  pageHtml = '';
  options: unknown = null;
  destroyed = false;
  constructor(private readonly failure: Error | null = null) {}
  async loadFile(file: string): Promise<void> {
    this.loaded.push(file);
    this.pageHtml = readFileSync(file, 'utf8');
  }
  readonly webContents = {
    printToPDF: async (options: { preferCSSPageSize: boolean; printBackground: boolean }) => {
      this.options = options;
      if (this.failure) throw this.failure;
      return new TextEncoder().encode('%PDF-1.7 fake');
    },
  };
  destroy(): void {
    this.destroyed = true;
  }
}

describe('printHtmlToPdfFile (Electron printToPDF behind a port)', () => {
  it('prints the page with its own page size and writes the PDF; the temp page and window go', async () => {
    const page = new FakePdfPage();
    const target = path.join(dir, '表.pdf');
    await printHtmlToPdfFile('<!doctype html><h1>项目甲</h1>', target, () => page);
    expect(page.pageHtml).toBe('<!doctype html><h1>项目甲</h1>');
    expect(page.options).toEqual({ preferCSSPageSize: true, printBackground: true });
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7 fake');
    expect(page.destroyed).toBe(true);
    expect(existsSync(page.loaded[0] ?? '')).toBe(false);
  });

  it('writes nothing when printing fails, and still closes the window and removes the page', async () => {
    const page = new FakePdfPage(new Error('渲染进程崩溃'));
    const target = path.join(dir, '失败.pdf');
    await expect(printHtmlToPdfFile('<p>x</p>', target, () => page)).rejects.toThrow('渲染进程崩溃');
    expect(existsSync(target)).toBe(false);
    expect(page.destroyed).toBe(true);
    expect(existsSync(page.loaded[0] ?? '')).toBe(false);
  });

  it('saves under the name asked for, as .pdf', () => {
    expect(pdfDialog('甲项目')).toMatchObject({ title: '导出 PDF', defaultPath: '甲项目.pdf' });
  });
});

describe("the shell call 'print/savePdf'", () => {
  it('asks where to save, prints there, and answers the path; cancelled: null; failed: a Chinese error', async () => {
    const platform = new FakePlatform();
    const windows = new DocumentWindows(
      platform,
      path.join(dir, 'data'),
      new SettingsStore(path.join(dir, 'data')),
    );
    try {
      await windows.openFromCommandLine([], dir);
      const args = { html: '<p>表</p>', suggestedName: '甲单位自评表' };
      platform.saveAnswers.push(path.join(dir, '甲.pdf'));
      expect(await windows.shell['print/savePdf'](1, args)).toEqual({
        ok: true,
        value: path.join(dir, '甲.pdf'),
      });
      expect(platform.printed).toEqual([{ html: '<p>表</p>', target: path.join(dir, '甲.pdf') }]);
      expect(platform.asked).toContain('pdf:甲单位自评表');

      expect(await windows.shell['print/savePdf'](1, args)).toEqual({ ok: true, value: null });
      expect(platform.printed).toHaveLength(1);

      platform.saveAnswers.push(path.join(dir, '乙.pdf'));
      platform.pdfFailure = new Error('打印失败');
      const failed = await windows.shell['print/savePdf'](1, args);
      expect(failed).toEqual({
        ok: false,
        error: { code: 'pdf-failed', message: '未能生成 PDF：打印失败（文件没有写入）' },
      });
    } finally {
      for (const w of platform.windows) await windows.closed(w.id);
    }
  });
});
