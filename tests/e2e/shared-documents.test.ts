/**
 * Shared documents that cannot be used as they are (issue 17), in real Chromium: a document with a
 * planted trigger is refused at open and offered as a clean copy, which opens with every form; a
 * review session saves its review file to a place the reviewer types (审核文件另存为), for when
 * the folder beside the document cannot be written.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReviewFile } from '../../electron/services/document-store/review-store';
import { AppService } from '../../electron/services/handlers';
import { RENDERER_OUT } from '../../electron/web/build-renderer';
import { startWebServer } from '../../electron/web/server';
import { SAMPLE_PATH } from '../../scripts/build-sample';
import { writeDocumentFile } from '../support/document-file';
import { fixtureDocument } from '../support/documents';
import { openApp, useSharedBrowser } from './harness';
import { choosePath } from './chooser';
import { writeUserProfile } from '../../electron/services/user-settings';

const browser = useSharedBrowser();

describe('shared documents that cannot be used as they are', { timeout: 180_000 }, () => {
  it('a planted trigger: refused with 重建干净副本…, the rebuilt copy opens with every form', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ziping-e2e-shared-'));
    const dataDir = join(dir, 'data');
    const original = fixtureDocument('shanxi');
    const file = join(dir, '共享.ziping');
    writeDocumentFile(file, original, dataDir);
    const db = new Database(file);
    db.exec('CREATE TRIGGER wipe AFTER INSERT ON changes BEGIN DELETE FROM forms; END;');
    db.close();

    writeUserProfile(dataDir, { name: '测试用户', unit: '' });
    const service = new AppService(dataDir);
    const server = await startWebServer({ service, staticDir: RENDERER_OUT });
    const context = await browser().newContext({ viewport: { width: 1440, height: 1600 }, locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByTestId('open-button').click();
      await choosePath(page, file);
      await expect.poll(() => page.getByTestId('app-error').innerText()).toContain('触发器/视图');
      await page.getByTestId('rebuild-button').click();
      // The default: beside the refused file, named 原名-干净副本.ziping.
      const copy = join(dir, '共享-干净副本.ziping');
      await expect.poll(() => page.getByTestId('file-chooser-folder').innerText()).toBe(dir);
      await expect
        .poll(() => page.getByTestId('file-chooser-name').inputValue())
        .toBe('共享-干净副本.ziping');
      await page.getByTestId('file-chooser-confirm').click();
      await expect
        .poll(() => page.getByTestId('rebuild-status').innerText())
        .toContain(`已重建干净副本：${copy}`);
      expect(existsSync(copy)).toBe(true);

      await page.getByTestId('rebuild-open').click();
      await expect.poll(() => page.getByTestId('doc-title').innerText()).toBe('共享-干净副本.ziping');
      for (const form of original.forms) {
        await expect.poll(() => page.getByTestId(`form-item-${form.id}`).count()).toBe(1);
      }
      expect(service.current?.document.forms.map((f) => f.id)).toEqual(original.forms.map((f) => f.id));
      // The copy has no trigger: it is ours only.
      const clean = new Database(copy, { readonly: true });
      const triggers = clean.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all();
      clean.close();
      expect(triggers).toEqual([]);
    } finally {
      await context.close();
      await server.close();
      service.current?.close({ discard: true });
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('审核文件另存为 saves the review data to the chosen file; later saves go there', async () => {
    const app = await openApp(browser(), SAMPLE_PATH, { review: true });
    try {
      const page = app.page;
      await expect.poll(() => page.getByTestId('review-panel').isVisible()).toBe(true);
      await page.getByTestId('comment-input').fill('请补充绩效目标的佐证材料');
      await page.getByTestId('comment-add').click();
      await expect.poll(() => page.getByTestId('dirty').isVisible()).toBe(true);

      const elsewhere = join(app.dir, '别处');
      mkdirSync(elsewhere);
      const target = join(elsewhere, '我的审核.ziping-review');
      await page.getByTestId('review-save-as').click();
      // The file chooser (browser mode) gives the review file's extension to a name without it.
      await choosePath(page, join(elsewhere, '我的审核'));
      await expect.poll(() => page.getByTestId('status').innerText()).toContain(`审核意见已保存到 ${target}`);
      await expect.poll(() => page.getByTestId('dirty').count()).toBe(0);
      const texts = () =>
        readReviewFile(target).flatMap((item) => (item.kind === 'comment' ? [item.text] : []));
      expect(texts()).toContain('请补充绩效目标的佐证材料');

      // The next save goes to the chosen review file too.
      await page.getByTestId('comment-input').fill('第二条批注');
      await page.getByTestId('comment-add').click();
      await page.getByTestId('save').click();
      await expect.poll(() => texts()).toContain('第二条批注');
    } finally {
      await app.close();
    }
  });
});
