/**
 * The one file dialog (issue #19): the request as the contract parses it (bad input refused with
 * a Chinese message), and as electron/main/choose-dialog.ts maps it to Electron's dialogs and
 * back, under plain Node.
 */
import { describe, expect, it } from 'vitest';
import { chooseRequest, withKind, type ChooseRequest } from '../../shared/contract/choose';
import {
  chosenPaths,
  nativeChooseDialog,
  OPEN_DOCUMENT,
  saveDocumentRequest,
} from '../../electron/main/choose-dialog';

const IMPORT: ChooseRequest = {
  mode: 'open',
  title: '导入表格：Excel 工作簿或表格 JSON',
  kinds: ['.xlsx', '.json'],
  confirm: '导入',
  multiple: true,
};
const EXPORT: ChooseRequest = {
  mode: 'save',
  title: '导出 Excel',
  kinds: ['.xlsx'],
  suggested: '/home/甲/某局2024年.xlsx',
  confirm: '导出',
};

describe('the request as the contract parses it', () => {
  it('takes a whole request, and drops keys it does not know', () => {
    expect(chooseRequest(IMPORT, '')).toEqual({ ok: true, value: IMPORT });
    expect(chooseRequest({ ...EXPORT, run: 'rm -rf /' }, '')).toEqual({ ok: true, value: EXPORT });
    const folder = { mode: 'folder', title: '选择文件夹', kinds: [], confirm: '打开文件夹' };
    expect(chooseRequest(folder, '')).toEqual({ ok: true, value: folder });
  });

  it('refuses bad input, saying which field and why', () => {
    const cases: [unknown, string][] = [
      [null, '请求参数应为对象'],
      [[], '请求参数应为对象'],
      [{ ...IMPORT, mode: 'delete' }, '参数 mode 应为 open、save、folder 之一'],
      [{ ...IMPORT, title: '' }, '参数 title 不能为空'],
      [{ ...IMPORT, title: '题'.repeat(101) }, '参数 title 不能超过 100 个字符'],
      [
        { ...IMPORT, kinds: ['.exe'] },
        '参数 kinds[0] 应为 .ziping、.xlsx、.json、.ziping-review、.docx 之一',
      ],
      [{ ...IMPORT, kinds: '.xlsx' }, '参数 kinds 应为列表'],
      [{ ...EXPORT, suggested: 'a\0b' }, '参数 suggested 不是有效的文件路径'],
      [{ ...EXPORT, suggested: '' }, '缺少建议的文件名'],
      [{ ...IMPORT, confirm: 7 }, '参数 confirm 应为文本'],
      [{ ...IMPORT, multiple: 'yes' }, '参数 multiple 应为是或否'],
      [{ ...IMPORT, kinds: [] }, '打开文件时应说明文件类型'],
      [{ ...EXPORT, multiple: true }, '只有打开文件时才能一次选择多个'],
    ];
    for (const [raw, message] of cases) {
      const r = chooseRequest(raw, '');
      expect(r.ok === false && r.message, JSON.stringify(raw)).toContain(message);
    }
  });

  it('adds the first kind to a name that has none of them', () => {
    expect(withKind('/a/甲', ['.xlsx'])).toBe('/a/甲.xlsx');
    expect(withKind('/a/甲.XLSX', ['.xlsx'])).toBe('/a/甲.XLSX');
    expect(withKind('/a/甲.ziping', ['.ziping-review', '.ziping'])).toBe('/a/甲.ziping');
    expect(withKind('/a/每张表一个文件', [])).toBe('/a/每张表一个文件');
  });
});

describe('the request as Electron dialogs', () => {
  it('opens files of several kinds: all of them first, then each, with Chinese names', () => {
    expect(nativeChooseDialog(IMPORT)).toEqual({
      kind: 'open',
      options: {
        title: '导入表格：Excel 工作簿或表格 JSON',
        buttonLabel: '导入',
        filters: [
          { name: 'Excel 工作簿或表格 JSON (*.xlsx, *.json)', extensions: ['xlsx', 'json'] },
          { name: 'Excel 工作簿 (*.xlsx)', extensions: ['xlsx'] },
          { name: '表格 JSON (*.json)', extensions: ['json'] },
        ],
        properties: ['openFile', 'multiSelections'],
      },
    });
    expect(nativeChooseDialog(OPEN_DOCUMENT)).toEqual({
      kind: 'open',
      options: {
        title: '打开文档',
        buttonLabel: '打开',
        filters: [{ name: '自评表文档 (*.ziping)', extensions: ['ziping'] }],
        properties: ['openFile'],
      },
    });
  });

  it('saves with the name proposed as the default path, asking before replacing a file', () => {
    expect(nativeChooseDialog(EXPORT)).toEqual({
      kind: 'save',
      options: {
        title: '导出 Excel',
        buttonLabel: '导出',
        defaultPath: '/home/甲/某局2024年.xlsx',
        filters: [{ name: 'Excel 工作簿 (*.xlsx)', extensions: ['xlsx'] }],
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      },
    });
    const review = nativeChooseDialog({ ...EXPORT, kinds: ['.ziping-review'], title: '审核文件另存为' });
    expect(review.options.filters).toEqual([
      { name: '审核文件 (*.ziping-review)', extensions: ['ziping-review'] },
    ]);
  });

  it('picks a folder (打开文件夹, 每张表一个文件) with no filter', () => {
    const units: ChooseRequest = {
      mode: 'folder',
      title: '选择各单位文档所在的文件夹',
      kinds: [],
      confirm: '打开文件夹',
    };
    expect(nativeChooseDialog(units)).toEqual({
      kind: 'open',
      options: {
        title: units.title,
        buttonLabel: '打开文件夹',
        properties: ['openDirectory', 'createDirectory'],
      },
    });
    const perForm = nativeChooseDialog({
      ...EXPORT,
      kinds: [],
      suggested: '/home/甲/某局（每张表一个文件）',
    });
    expect(perForm).toMatchObject({
      kind: 'save',
      options: { filters: [], defaultPath: '/home/甲/某局（每张表一个文件）' },
    });
  });

  it('answers the paths chosen: none when cancelled, a saved name with its kind', () => {
    expect(chosenPaths(IMPORT, { canceled: true, filePaths: ['/a.xlsx'] })).toEqual([]);
    expect(chosenPaths(IMPORT, { canceled: false, filePaths: ['/a.xlsx', '/b.json'] })).toEqual([
      '/a.xlsx',
      '/b.json',
    ]);
    expect(chosenPaths(EXPORT, { canceled: false, filePath: '/home/甲/表' })).toEqual(['/home/甲/表.xlsx']);
    expect(chosenPaths(EXPORT, { canceled: false, filePath: '' })).toEqual([]);
    const doc = saveDocumentRequest('某局2024年自评.ziping');
    expect(chosenPaths(doc, { canceled: false, filePath: '/a/新' })).toEqual(['/a/新.ziping']);
    expect(nativeChooseDialog(doc).options).toMatchObject({
      title: '保存文档',
      defaultPath: '某局2024年自评.ziping',
    });
  });
});
