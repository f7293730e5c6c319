/** Locators and actions the editor's end-to-end tests share. */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { App } from './harness';
import type { Form } from '../../shared/model/types';

export const grid = (page: Page): Locator => page.getByTestId('indicator-grid');

export const cell = (page: Page, row: number, col: string): Locator =>
  grid(page).locator(`.ag-row[row-index="${row}"] [col-id="${col}"]`).first();

/** Opens a cell's editor, types, and commits (Enter in a one-line editor, Tab in a text box). */
export async function typeInto(page: Page, row: number, col: string, text: string): Promise<void> {
  await cell(page, row, col).dblclick();
  const editor = page
    .locator('.ag-cell-inline-editing input, .ag-cell-inline-editing textarea, .ag-popup-editor textarea')
    .first();
  await editor.fill(text);
  const multiline = (await editor.evaluate((e) => e.tagName)) === 'TEXTAREA';
  await editor.press(multiline ? 'Tab' : 'Enter');
}

export async function numberOf(page: Page, testId: string): Promise<number> {
  return Number((await page.getByTestId(testId).innerText()).replace(/[^\d.]/g, ''));
}

/** The server's copy of a form (what the working copy holds). */
export function serverForm(app: App, formId: string): Form {
  const form = app.service.current?.document.forms.find((f) => f.id === formId);
  if (!form) throw new Error(`服务端没有表 ${formId}`);
  return form;
}

export function sampleForm(app: App, name: string): Form {
  const form = app.service.current?.document.forms.find((f) => f.projectName === name);
  if (!form) throw new Error(`示例文档中没有“${name}”`);
  return form;
}

/** Pastes text at the focused grid cell the way Ctrl+V does: a paste event with text/plain. */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

/** What Ctrl+C puts on the clipboard: a copy event's text/plain. */
export async function copyText(page: Page, kind: 'copy' | 'cut' = 'copy'): Promise<string> {
  return page.evaluate((k) => {
    const data = new DataTransfer();
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new ClipboardEvent(k, { clipboardData: data, bubbles: true, cancelable: true }));
    return data.getData('text/plain');
  }, kind);
}

/** Shows a form of the sample in the editor, once its grid has rows. */
export async function showForm(app: App, name: string): Promise<Form> {
  const form = sampleForm(app, name);
  await app.page.getByTestId(`form-item-${form.id}`).click();
  await expect.poll(() => grid(app.page).locator('.ag-row').count()).toBeGreaterThan(0);
  return form;
}

/** Opens the checks panel (folded to one line at start; F9 or 展开 opens it). */
export async function openChecks(page: Page): Promise<void> {
  const panel = page.getByTestId('checks-panel');
  await expect.poll(() => panel.count()).toBe(1);
  if ((await panel.getAttribute('data-open')) !== 'true') await page.getByTestId('checks-toggle').click();
  await expect.poll(() => panel.getAttribute('data-open')).toBe('true');
}
