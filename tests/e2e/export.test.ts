/**
 * 导出 Excel from the editor, in real Chromium against the real server: check errors stop it with
 * their list (go to the first, or export a draft), a clean form exports at once; the files are
 * real workbooks read back with exceljs. A long export shows its progress and can be cancelled
 * (取消 or Esc), leaving no file; a quick one never shows the progress dialog.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { getLayout } from '../../shared/layouts/definitions';
import { formToJson } from '../../shared/model/interchange';
import { scoreForm } from '../../shared/scoring/form';
import { generatedDocument } from '../support/documents';
import { writeDocumentFile } from '../support/document-file';
import { chooseExportTarget, choosePath } from './chooser';
import { openApp, useAppPerTest, useSharedBrowser, type App } from './harness';

const browser = useSharedBrowser();

describe('export from the editor', { timeout: 120_000 }, () => {
  const current = useAppPerTest(browser);

  it('refuses past check errors: 去改正 shows the first, 导出草稿 writes a draft', async () => {
    const app = current();
    const { page } = app;
    await page.getByTestId('export-xlsx').click();
    const target = join(app.dir, '全部.xlsx');
    await chooseExportTarget(page, target);
    await page.getByTestId('export-confirm').click();
    const dialog = page.getByTestId('dialog');
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await dialog.innerText()).toMatch(/发现 \d+ 个错误/);

    await page.getByTestId('dialog-fix').click();
    expect(existsSync(target)).toBe(false);
    await expect.poll(() => page.locator('.ag-cell-focus').count()).toBeGreaterThan(0);

    await page.getByTestId('export-xlsx').click();
    await chooseExportTarget(page, target);
    await page.getByTestId('export-confirm').click();
    await page.getByTestId('dialog-draft').click();
    // A whole-document export takes seconds on a loaded machine, beyond expect.poll's default 1 s.
    await expect
      .poll(() => page.getByTestId('status').innerText(), { timeout: 30_000 })
      .toMatch(/已导出 \d+ 张表（草稿）/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(target);
    const doc = app.service.current?.document;
    if (!doc) throw new Error('no document');
    // The summary, a sheet per form, and a 基础数据表 sheet per 湖南 department form.
    const layout = getLayout(doc.meta.layout);
    const tables = doc.forms.filter((f) => layout.kinds[f.kind].basicData).length;
    expect(book.worksheets.filter((w) => w.state === 'visible').length).toBe(doc.forms.length + 1 + tables);
    const sheet = book.worksheets.find((w) => w.state === 'visible' && w.name !== book.worksheets[0]?.name);
    expect(sheet?.headerFooter.oddHeader ?? '').toMatch(/草稿/);
  });

  it('a form without errors exports at once, alone when asked', async () => {
    const app = current();
    const { page } = app;
    const doc = app.service.current?.document;
    if (!doc) throw new Error('no document');
    const layout = getLayout(doc.meta.layout);
    const clean = doc.forms.find((f) => scoreForm(f, layout).findings.every((x) => x.level !== 'error'));
    if (!clean) throw new Error('示例文档中没有无错误的表');
    await page.getByTestId(`form-item-${clean.id}`).click();
    await page.getByTestId('export-xlsx').click();
    const target = join(app.dir, '一张.xlsx');
    await chooseExportTarget(page, target);
    await page.getByTestId('export-current').check();
    await page.getByTestId('export-confirm').click();
    await expect.poll(() => page.getByTestId('status').innerText()).toMatch(/已导出 1 张表：/);
    expect(await page.getByTestId('dialog').count()).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(target);
    const visible = book.worksheets.filter((w) => w.state === 'visible');
    expect(visible.length).toBe(layout.kinds[clean.kind].basicData ? 3 : 2);
    expect(visible[1]?.headerFooter.oddHeader ?? '').not.toMatch(/草稿/);
  });
});

describe('a long export from the editor', { timeout: 180_000 }, () => {
  // Long enough that the forms are still being laid out when the dialog shows, on a fast machine too.
  const FORMS = 400;
  let source: string;
  let app: App;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ziping-e2e-long-'));
    source = join(dir, '四百张.ziping');
    writeDocumentFile(source, generatedDocument(FORMS, 30), join(dir, 'data'));
    app = await openApp(browser(), source);
    return async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    };
  }, 120_000);

  /** Starts an export of every form (the generated forms have check errors: as a draft). */
  async function startExport(target: string, onlyCurrent = false): Promise<void> {
    const { page } = app;
    await page.getByTestId('export-xlsx').click();
    await chooseExportTarget(page, target);
    if (onlyCurrent) await page.getByTestId('export-current').check();
    await page.getByTestId('export-confirm').click();
    await page.getByTestId('dialog-draft').click();
  }

  const progressText = () => app.page.getByTestId('export-progress-text').innerText();

  it('shows which form of how many with a bar; 取消 and Esc stop it and nothing is written', async () => {
    const { page } = app;
    const target = join(app.dir, '全部.xlsx');
    await startExport(target);
    await expect
      .poll(progressText, { timeout: 30_000 })
      .toMatch(new RegExp(`^正在导出 第 \\d+/${FORMS} 张表：生成项目\\d+$`));
    const bar = page.getByTestId('export-progress').locator('progress');
    expect(await bar.getAttribute('max')).toBe(String(FORMS));
    await page.getByTestId('export-cancel').click();
    await expect.poll(() => page.getByTestId('export-progress').count(), { timeout: 30_000 }).toBe(0);
    expect(await page.getByTestId('status').innerText()).toContain('已取消导出，没有写入任何文件');
    expect(readdirSync(app.dir).filter((f) => f.includes('全部'))).toEqual([]);
    // The popover stays open with its place, to try again.
    expect(await page.getByTestId('export-target').innerText()).toBe(target);

    // Esc cancels too (a folder export this time: one file per form, none left).
    const folder = join(app.dir, '每表一个');
    await chooseExportTarget(page, folder);
    await page.getByTestId('export-confirm').click();
    await page.getByTestId('dialog-draft').click();
    await expect.poll(progressText, { timeout: 30_000 }).toMatch(/^正在导出 第 \d+/);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('export-progress').count(), { timeout: 30_000 }).toBe(0);
    expect(await page.getByTestId('status').innerText()).toContain('已取消导出');
    expect(existsSync(folder)).toBe(false);
  });

  it('a quick export does not flash the dialog: it shows only after 300 ms', async () => {
    const { page } = app;
    // Page-side times (performance.now). `started` is the click on 草稿 in the checks dialog,
    // taken in a capture listener before any handler runs: the export (and its 300 ms timer)
    // can only start after it, so shown − started ≥ 300 must hold however late React renders.
    await page.evaluate(() => {
      const times: ExportTimes = { started: null, shown: null, done: null };
      (window as Window & { exportTimes?: ExportTimes }).exportTimes = times;
      document.addEventListener(
        'click',
        (event) => {
          const target = event.target instanceof Element ? event.target : null;
          if (times.started === null && target?.closest('[data-testid="dialog-draft"]'))
            times.started = performance.now();
        },
        true,
      );
      new MutationObserver(() => {
        const now = performance.now();
        if (times.shown === null && document.querySelector('[data-testid="export-progress"]'))
          times.shown = now;
        const status = document.querySelector('[data-testid="status"]')?.textContent ?? '';
        if (times.done === null && status.includes('已导出')) times.done = now;
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    // The popover left open by the cancelled exports above: close it, startExport opens it anew.
    if ((await page.getByTestId('export-panel').count()) > 0) await page.getByTestId('export-xlsx').click();
    const target = join(app.dir, '一张.xlsx');
    await startExport(target, true);
    await expect
      .poll(() => page.getByTestId('status').innerText(), { timeout: 30_000 })
      .toMatch(/已导出 1 张表（草稿）/);
    expect(existsSync(target)).toBe(true);
    const times = await page.evaluate(() => (window as Window & { exportTimes?: ExportTimes }).exportTimes);
    const { started, shown, done } = times ?? { started: null, shown: null, done: null };
    if (started === null || done === null) throw new Error(`没有记下导出的时间：${JSON.stringify(times)}`);
    // One form takes a few milliseconds; on a loaded machine it may not, so the rule is checked
    // as such: never within the first 300 ms after the click, and not at all when the export was
    // over sooner (done − started bounds the export's own time from above).
    if (shown !== null) expect(shown - started).toBeGreaterThanOrEqual(SHOW_AFTER_MS);
    if (done - started < SHOW_AFTER_MS) expect(shown).toBeNull();
  });
});

/** SHOW_AFTER_MS of renderer/src/state/exportWatch.ts (which cannot load in Node: it needs window). */
const SHOW_AFTER_MS = 300;

interface ExportTimes {
  started: number | null;
  shown: number | null;
  done: number | null;
}

describe('import into the editor', { timeout: 120_000 }, () => {
  const current = useAppPerTest(browser);

  it('imports a form JSON as a new form and an Excel export over its own form, each one undo step', async () => {
    const app = current();
    const { page } = app;
    const doc = app.service.current?.document;
    if (!doc) throw new Error('no document');
    const source = doc.forms.find((f) => f.kind === 'project');
    if (!source) throw new Error('no project form');
    const before = doc.forms.length;

    // A form JSON with a new name: added at the end.
    const json = join(app.dir, '新表.json');
    writeFileSync(
      json,
      JSON.stringify(formToJson({ ...source, projectName: '导入的新项目' }, doc.meta.layout)),
    );
    await page.getByTestId('import-forms').click();
    await choosePath(page, json);
    await expect.poll(() => page.getByTestId('dialog').innerText()).toMatch(/新增 1 张/);
    await page.getByTestId('dialog-ok').click();
    await expect.poll(() => app.service.current?.document.forms.length).toBe(before + 1);
    expect(app.service.current?.document.forms.at(-1)?.projectName).toBe('导入的新项目');

    // Our own Excel export of a form comes back over the form of the same name.
    const xlsx = join(app.dir, '一张.xlsx');
    const exported = await app.service.invoke('doc/exportXlsx', {
      path: xlsx,
      draft: true,
      formIds: [source.id],
    });
    expect(exported.ok).toBe(true);
    await page.getByTestId('import-forms').click();
    await choosePath(page, xlsx);
    await expect.poll(() => page.getByTestId('dialog').innerText()).toMatch(/替换同名的 1 张/);
    await page.getByTestId('dialog-ok').click();
    const count = () =>
      app.service.current?.document.forms.filter((f) => f.projectName === source.projectName).length;
    await expect.poll(count).toBe(1);

    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    // Two undos reach the server in turn: on a loaded machine that takes longer than the default 1 s.
    await expect.poll(() => app.service.current?.document.forms.length, { timeout: 10_000 }).toBe(before);
    expect(app.service.current?.document.forms.map((f) => f.id)).toEqual(doc.forms.map((f) => f.id));
  });

  it('a file that is not a workbook is refused with a Chinese message, nothing changed', async () => {
    const app = current();
    const { page } = app;
    const bad = join(app.dir, '坏.xlsx');
    writeFileSync(bad, 'not a zip');
    const before = app.service.current?.document.forms.length;
    await page.getByTestId('import-forms').click();
    await choosePath(page, bad);
    // Wait for the error itself: “正在读取 …” is Chinese too and comes first.
    await expect.poll(() => page.getByTestId('status').getAttribute('class')).toMatch(/error/);
    expect(await page.getByTestId('status').innerText()).toMatch(/[\u4e00-\u9fa5]/);
    expect(app.service.current?.document.forms.length).toBe(before);
  });
});
