/**
 * Native dialogs as data: their Chinese titles, buttons and file filters, built by pure functions
 * so they are tested under Node. main.ts hands them to Electron's dialog module. The file dialogs
 * of documents, imports and exports are one request: choose-dialog.ts.
 */
import type { MessageBoxOptions, SaveDialogOptions } from 'electron';

export function pdfDialog(suggestedName: string): SaveDialogOptions {
  return {
    title: '导出 PDF',
    defaultPath: withExtension(suggestedName || '自评表', 'pdf'),
    filters: [{ name: 'PDF 文件 (*.pdf)', extensions: ['pdf'] }],
    properties: ['showOverwriteConfirmation'],
  };
}

/** A path the user picked in a save dialog gets the extension when it was left off. */
export function withExtension(file: string, extension: string): string {
  return file.toLowerCase().endsWith(`.${extension}`) ? file : `${file}.${extension}`;
}

export type SaveChoice = 'save' | 'discard' | 'cancel';
const SAVE_CHOICES: readonly SaveChoice[] = ['save', 'discard', 'cancel'];

/** "保存更改？" when a window with unsaved edits is closed. Button order matches SAVE_CHOICES. */
export function saveChangesDialog(documentName: string): MessageBoxOptions {
  return {
    type: 'warning',
    title: '自评表编辑器',
    message: `是否保存对“${documentName}”的更改？`,
    detail: '如果不保存，这些修改将会丢失。',
    buttons: ['保存', '不保存', '取消'],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
  };
}

export function saveChoice(response: number): SaveChoice {
  return SAVE_CHOICES[response] ?? 'cancel';
}

export function aboutDialog(version: string, electronVersion: string): MessageBoxOptions {
  return {
    type: 'info',
    title: '关于自评表编辑器',
    message: `自评表编辑器 ${version}`,
    detail: `预算绩效自评表的离线编辑器：填写、计算、审核和导出。\nElectron ${electronVersion}`,
    buttons: ['确定'],
    noLink: true,
  };
}

/** A document refused for objects that are not ours, whose data is intact: 重建干净副本 or not. */
export function cleanCopyDialog(message: string): MessageBoxOptions {
  return {
    type: 'warning',
    title: '自评表编辑器',
    message,
    detail: '重建的副本只含表格数据，另存为一个新文件；原文件不会改动。',
    buttons: ['重建干净副本…', '取消'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
}

export function errorDialog(message: string): MessageBoxOptions {
  return { type: 'error', title: '自评表编辑器', message, buttons: ['确定'], noLink: true };
}
