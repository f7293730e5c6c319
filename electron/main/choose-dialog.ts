/**
 * The one file dialog as data (issue #19): a ChooseRequest (shared/contract/choose.ts) mapped to
 * Electron's open or save dialog options (Chinese filter names, the proposed path), and the
 * dialog's answer mapped back to paths. Pure, so it is tested under Node; main.ts shows it.
 */
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { withKind, type ChooseRequest } from '../../shared/contract/choose';
import type { FileKind } from '../../shared/contract/files';

type Filter = { name: string; extensions: string[] };

const KIND_NAMES: Record<FileKind, string> = {
  '.ziping': '自评表文档',
  '.xlsx': 'Excel 工作簿',
  '.json': '表格 JSON',
  '.ziping-review': '审核文件',
  '.docx': 'Word 文档',
};

const extensionOf = (kind: FileKind): string => kind.slice(1);

function kindFilter(kind: FileKind): Filter {
  return { name: `${KIND_NAMES[kind]} (*${kind})`, extensions: [extensionOf(kind)] };
}

/**
 * Open: all the kinds together first (what the dialog shows at first), then each alone. Save:
 * each kind, the first proposed (a name given without one of them gets it).
 */
export function chooseFilters(request: ChooseRequest): Filter[] {
  const each = request.kinds.map(kindFilter);
  if (request.mode !== 'open' || request.kinds.length < 2) return each;
  const all = {
    name: `${request.kinds.map((k) => KIND_NAMES[k]).join('或')} (${request.kinds.map((k) => `*${k}`).join(', ')})`,
    extensions: request.kinds.map(extensionOf),
  };
  return [all, ...each];
}

export type NativeDialog =
  { kind: 'open'; options: OpenDialogOptions } | { kind: 'save'; options: SaveDialogOptions };

/** The Electron dialog that answers `request`. */
export function nativeChooseDialog(request: ChooseRequest): NativeDialog {
  const common = {
    title: request.title,
    buttonLabel: request.confirm,
    ...(request.suggested === undefined ? {} : { defaultPath: request.suggested }),
  };
  if (request.mode === 'save') {
    return {
      kind: 'save',
      options: {
        ...common,
        filters: chooseFilters(request),
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      },
    };
  }
  const filters = chooseFilters(request);
  return {
    kind: 'open',
    options: {
      ...common,
      ...(filters.length > 0 ? { filters } : {}),
      properties:
        request.mode === 'folder'
          ? ['openDirectory', 'createDirectory']
          : request.multiple === true
            ? ['openFile', 'multiSelections']
            : ['openFile'],
    },
  };
}

/** What a dialog answered (Electron's OpenDialogReturnValue or SaveDialogReturnValue). */
export interface DialogAnswer {
  canceled: boolean;
  filePaths?: string[];
  filePath?: string;
}

/** The paths chosen (none when cancelled); a saved name without one of the kinds gets the first. */
export function chosenPaths(request: ChooseRequest, answer: DialogAnswer): string[] {
  if (answer.canceled) return [];
  if (request.mode !== 'save') return answer.filePaths ?? [];
  return answer.filePath ? [withKind(answer.filePath, request.kinds)] : [];
}

/** The main process's own questions (menu 打开, a new document's first save, a clean copy). */
export const OPEN_DOCUMENT: ChooseRequest = {
  mode: 'open',
  title: '打开文档',
  kinds: ['.ziping'],
  confirm: '打开',
};

export function saveDocumentRequest(suggested: string, title = '保存文档'): ChooseRequest {
  return { mode: 'save', title, kinds: ['.ziping'], suggested, confirm: '保存' };
}
