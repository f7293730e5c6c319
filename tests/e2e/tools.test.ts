/**
 * 更多… in browser mode (#20, #21): the 自评报告 written from the page, next year's document made
 * and opened, and the indicator library exported — through the real renderer and server.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readDocumentSnapshot } from '../../electron/services/document-store/snapshot';
import { choosePath } from './chooser';
import { useAppPerTest, useSharedBrowser, type App } from './harness';
import { nationalTemplate } from '../support/targets-workbooks';

const browser = useSharedBrowser();

describe('更多…', { timeout: 120_000 }, () => {
  const current = useAppPerTest(browser);
  let app: App;
  beforeEach(() => {
    app = current();
  });

  const runTool = async (tool: string, path: string) => {
    const { page } = app;
    await page.getByTestId('toolbar-tools').click();
    await page.getByTestId(`tool-${tool}`).check();
    await page.getByTestId('tool-confirm').click();
    await choosePath(page, path);
  };

  it('writes the 自评报告 and says how many gaps are left to fill', async () => {
    const out = join(app.dir, '自评报告.docx');
    await runTool('exportReport', out);
    await expect.poll(() => existsSync(out)).toBe(true);
    await expect.poll(() => app.page.getByTestId('status').textContent()).toMatch(/已生成自评报告/);
  });

  it("makes next year's document and opens it in place of this one", async () => {
    const { page } = app;
    const year = app.service.current?.document.meta.year ?? 0;
    const out = join(app.dir, '下一年度.ziping');
    await runTool('rollover', out);
    await expect
      .poll(() => page.getByTestId('dialog').textContent())
      .toContain(`已新建 ${year + 1} 年度文档`);
    expect(await page.getByTestId('dialog').textContent()).toContain('已清空');
    const made = readDocumentSnapshot(out);
    expect(made.ok && made.value.meta.year).toBe(year + 1);
    await page.getByTestId('dialog-open').click();
    await expect.poll(() => app.service.current?.path).toBe(out);
    await expect.poll(() => page.getByTestId('doc-title').textContent()).toBe('下一年度.ziping');
  });

  it('adds the forms of a 绩效目标申报表 as one undoable step and shows what was read', async () => {
    const { page } = app;
    const before = app.service.current?.document.forms.length ?? 0;
    const file = await nationalTemplate(app.dir);
    await runTool('importTargets', file);
    await expect.poll(() => page.getByTestId('dialog').textContent()).toContain('导入完成');
    expect(await page.getByTestId('dialog').textContent()).toMatch(/读入/);
    await page.getByTestId('dialog-ok').click();
    await expect.poll(() => app.service.current?.document.forms.length).toBeGreaterThan(before);
    const added = app.service.current?.document.forms.slice(before) ?? [];
    expect(added.every((f) => f.indicators.length > 0 && f.indicators.every((l) => l.actual === ''))).toBe(
      true,
    );
    await page.keyboard.press('Control+z');
    await expect.poll(() => app.service.current?.document.forms.length).toBe(before);
  });

  it("exports the indicator library with this document's lines", async () => {
    const out = join(app.dir, '指标库.xlsx');
    await runTool('exportLibrary', out);
    await expect.poll(() => existsSync(out)).toBe(true);
    await expect.poll(() => app.page.getByTestId('status').textContent()).toMatch(/已导出指标库：\d+ 条指标/);
  });
});
