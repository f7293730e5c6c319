/** Browser mode's file chooser in end-to-end tests: waiting for it, and choosing a path in it. */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export const chooser = (page: Page): Locator => page.getByTestId('file-chooser');

/** Shows `folder` in the open chooser (typed as a full path into its 文件名 box, as in a system dialog). */
export async function goToFolder(page: Page, folder: string): Promise<void> {
  await expect.poll(() => chooser(page).count()).toBe(1);
  // Typed once the first folder is listed (else that listing would come after and win).
  await expect.poll(() => page.getByTestId('file-chooser-folder').innerText()).not.toBe('正在读取…');
  await page.getByTestId('file-chooser-name').fill(folder);
  await page.getByTestId('file-chooser-name').press('Enter');
  // Going there clears the typed path from the box; the folder label alone may already have
  // shown this folder before Enter (then a name typed next would be reset when the listing lands).
  await expect.poll(() => page.getByTestId('file-chooser-name').inputValue()).not.toBe(folder);
  await expect.poll(() => page.getByTestId('file-chooser-folder').innerText()).toBe(folder);
}

/** Takes `path` in the open chooser: its folder shown, then its name, as a user picks one. */
export async function choosePath(page: Page, path: string): Promise<void> {
  const cut = path.lastIndexOf('/');
  await goToFolder(page, path.slice(0, cut) || '/');
  await page.getByTestId('file-chooser-name').fill(path.slice(cut + 1));
  await page.getByTestId('file-chooser-confirm').click();
  await expect.poll(() => chooser(page).count()).toBe(0);
}

/**
 * In the open 导出 Excel popover: a path ending in .xlsx is 一个文件, any other a folder of
 * 每张表一个文件; chosen with 选择位置….
 */
export async function chooseExportTarget(page: Page, target: string): Promise<void> {
  await page.getByTestId(target.endsWith('.xlsx') ? 'export-one-file' : 'export-per-form').check();
  await page.getByTestId('export-choose').click();
  await choosePath(page, target);
  await expect.poll(() => page.getByTestId('export-target').innerText()).toBe(target);
}
