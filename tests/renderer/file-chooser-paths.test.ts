/** What the file chooser's 文件名 box means (renderer/src/state/chooserPaths.ts), on both kinds of path. */
import { describe, expect, it } from 'vitest';
import { chosenPath, folderOf, isFullPath, joinPath } from '../../renderer/src/state/chooserPaths';

describe('file chooser paths', () => {
  it('a name goes into the folder shown, with the first kind added when it has none of them', () => {
    expect(chosenPath('/home/张三/文档', '2024年自评', ['.ziping'])).toBe(
      '/home/张三/文档/2024年自评.ziping',
    );
    expect(chosenPath('/home/张三/文档', ' 汇总.XLSX ', ['.xlsx', '.json'])).toBe(
      '/home/张三/文档/汇总.XLSX',
    );
    expect(chosenPath('/', '每张表一个文件', [])).toBe('/每张表一个文件');
    expect(chosenPath('C:\\Users\\张三', '自评', ['.ziping'])).toBe('C:\\Users\\张三\\自评.ziping');
  });

  it('a full path typed is taken as it is (with the kind added)', () => {
    expect(chosenPath('/tmp', '/srv/共享/审核', ['.ziping-review'])).toBe('/srv/共享/审核.ziping-review');
    expect(chosenPath('/tmp', 'D:\\资料\\表.xlsx', ['.xlsx'])).toBe('D:\\资料\\表.xlsx');
    expect(isFullPath('相对/路径')).toBe(false);
  });

  it('the folder of a path, the top kept as such', () => {
    expect(folderOf('/home/张三/a.ziping')).toBe('/home/张三');
    expect(folderOf('/a.ziping')).toBe('/');
    expect(folderOf('C:\\a.ziping')).toBe('C:\\');
    expect(folderOf('a.ziping')).toBe('');
    expect(joinPath('/', 'a')).toBe('/a');
  });
});
