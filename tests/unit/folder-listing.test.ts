/**
 * The folder browser's listing (browser mode, issue #19) on real temp folders: folders first,
 * only the kinds asked for, names/sizes/times and never contents, one level only, Chinese
 * errors; a folder the user may not read, as a user who is not root.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFolder, makeFolder, userPlaces } from '../../electron/services/folder-listing';
import { useTempDir } from '../support/temp-dir';
import { asUser, isRoot, skipReason } from '../support/non-root';

const temp = useTempDir('ziping-listing-');

function tree(): string {
  const root = mkdtempSync(join(temp(), 'tree-'));
  mkdirSync(join(root, '2024年'));
  mkdirSync(join(root, '10月'));
  mkdirSync(join(root, '2月'));
  mkdirSync(join(root, '2024年', '深处'));
  writeFileSync(join(root, '2024年', '深处', '里面.ziping'), 'x');
  writeFileSync(join(root, '自评.ziping'), '12345');
  writeFileSync(join(root, '汇总.XLSX'), 'abc');
  writeFileSync(join(root, '说明.txt'), 'not listed');
  writeFileSync(join(root, '.隐藏.ziping'), 'hidden');
  utimesSync(join(root, '自评.ziping'), new Date('2024-03-01T08:00:00Z'), new Date('2024-03-01T08:00:00Z'));
  return root;
}

describe('listFolder', () => {
  it('lists sub-folders first (numbers in order), then the files of the kinds asked, with size and time', () => {
    const root = tree();
    const listing = listFolder(root, ['.ziping', '.xlsx']);
    expect(listing.folder).toBe(root);
    expect(listing.parent).toBe(dirname(root));
    expect(listing.entries.map((e) => [e.name, e.type])).toEqual([
      ['2月', 'folder'],
      ['10月', 'folder'],
      ['2024年', 'folder'],
      ['汇总.XLSX', 'file'],
      ['自评.ziping', 'file'],
    ]);
    const doc = listing.entries.find((e) => e.name === '自评.ziping');
    expect(doc).toMatchObject({ path: join(root, '自评.ziping'), size: 5 });
    expect(doc?.modified).toBe(Date.parse('2024-03-01T08:00:00Z'));
    // Names, types, sizes and times only: nothing of a file's contents is in the answer.
    expect(JSON.stringify(listing)).not.toContain('12345');
    // One level: the file inside 2024年/深处 is not listed.
    expect(JSON.stringify(listing)).not.toContain('里面');
  });

  it('lists folders only when no kind is asked, and follows a link only as far as to say what it is', () => {
    const root = tree();
    symlinkSync(join(root, '2024年'), join(root, '链接'));
    symlinkSync(join(root, '没有了'), join(root, '断开的链接.ziping'));
    const listing = listFolder(root, []);
    expect(listing.entries.map((e) => e.name)).toEqual(['2月', '10月', '2024年', '链接']);
  });

  it('answers the top of the file system with no parent, and a relative path or a file with a Chinese reason', () => {
    expect(listFolder('/', []).parent).toBeNull();
    expect(() => listFolder('相对/路径', [])).toThrow('不是完整路径');
    const root = tree();
    expect(() => listFolder(join(root, '自评.ziping'), [])).toThrow(
      `“${join(root, '自评.ziping')}”不是文件夹`,
    );
    expect(() => listFolder(join(root, '不存在'), [])).toThrow('找不到文件夹');
  });
});

describe('makeFolder', () => {
  it('makes a folder inside the one shown; refuses names with path characters and ones that exist', () => {
    const root = tree();
    const made = makeFolder(root, ' 新建文件夹 ');
    expect(made).toBe(join(root, '新建文件夹'));
    expect(listFolder(root, []).entries.map((e) => e.name)).toContain('新建文件夹');
    expect(() => makeFolder(root, '新建文件夹')).toThrow('已经存在');
    for (const name of ['', '..', 'a/b', 'a\\b', '问?号'])
      expect(() => makeFolder(root, name)).toThrow('文件夹名称不能为空');
    expect(() => listFolder(join(root, 'a'), [])).toThrow('找不到文件夹');
  });
});

describe('userPlaces', () => {
  it('names the home folder and the 桌面 and 文档 folders that exist, in Chinese', () => {
    const home = mkdtempSync(join(temp(), 'home-'));
    mkdirSync(join(home, '桌面'));
    mkdirSync(join(home, 'Documents'));
    expect(userPlaces(home, 'linux')).toEqual([
      { label: '主文件夹', path: home },
      { label: '桌面', path: join(home, '桌面') },
      { label: '文档', path: join(home, 'Documents') },
      { label: '根目录', path: '/' },
    ]);
  });
});

// ------------------------------------------------------------ a folder the user may not read

describe.skipIf(asUser === null)(
  `a folder the user may not read, as a user who is not root${skipReason}`,
  () => {
    // The runner's temp folder may not be reachable by the unprivileged user: one of its own.
    const base = asUser === null ? '' : mkdtempSync(join(tmpdir(), 'ziping-listing-nonroot-'));
    afterAll(() => {
      if (base) rmSync(base, { recursive: true, force: true });
    });

    function listAs(folder: string): { uid: number; names?: string[]; error?: string } {
      const command = [
        ...(asUser ?? []),
        process.execPath,
        '--import',
        'tsx',
        join('tests', 'support', 'list-folder-child.ts'),
        folder,
      ];
      const run = spawnSync(command[0] as string, command.slice(1), { encoding: 'utf8', timeout: 120_000 });
      expect(run.status, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as { uid: number; names?: string[]; error?: string };
    }

    it('answers a Chinese sentence for the closed folder and still lists the open one beside it', () => {
      chmodSync(base, 0o755);
      const closed = join(base, '别人的文件夹');
      const open = join(base, '公开');
      mkdirSync(closed, { mode: 0o700 });
      mkdirSync(open, { mode: 0o755 });
      writeFileSync(join(closed, '机密.ziping'), 'x');
      writeFileSync(join(open, '公开.ziping'), 'x');
      // Not root: the runner owns the folder, so it closes it to itself too.
      if (!isRoot) chmodSync(closed, 0o000);
      try {
        const refused = listAs(closed);
        expect(refused.uid).not.toBe(0);
        expect(refused.error).toBe(`没有权限读取文件夹“${closed}”：请另选文件夹，或请管理员开放权限`);
        expect(listAs(open).names).toEqual(['公开.ziping']);
        // The parent lists the closed folder by name (it can be seen, just not opened).
        expect(listAs(base).names).toEqual(['别人的文件夹', '公开']);
      } finally {
        chmodSync(closed, 0o700);
      }
    });
  },
);
