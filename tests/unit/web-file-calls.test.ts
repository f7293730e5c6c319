/**
 * Browser mode's file calls over real HTTP (issue #19): the folder browser's listing, places and
 * recent documents, 新建文件夹, and an export handed to the browser as a download. Refused
 * arguments answer 400 with a Chinese message; a download is only ever a file just exported.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/handlers';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { SAMPLE_PATH } from '../../scripts/build-sample';
import type { FilePlaces, FolderListingInfo } from '../../shared/contract/files';

let dir: string;
let server: WebServer;
let service: AppService;

function post(
  name: string,
  args: unknown,
  token = server.token,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: `/api/${name}`,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-ziping-token': token },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(args));
  });
}

async function call<T = Record<string, never>>(
  name: string,
  args: unknown,
): Promise<{
  status: number;
  json: { ok: boolean; value: T; error?: { code: string; message: string } };
}> {
  const res = await post(name, args);
  return { status: res.status, json: JSON.parse(res.body.toString('utf8')) };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ziping-web-files-'));
  mkdirSync(join(dir, 'web'));
  writeFileSync(join(dir, 'web', 'index.html'), '<!doctype html>');
  mkdirSync(join(dir, '材料'));
  copyFileSync(SAMPLE_PATH, join(dir, '材料', '示例.ziping'));
  writeFileSync(join(dir, '材料', '备注.txt'), '不列出');
  service = new AppService(join(dir, 'data'));
  server = await startWebServer({ service, staticDir: join(dir, 'web') });
});

afterAll(async () => {
  await server.close();
  service.current?.close({ discard: true });
  rmSync(dir, { recursive: true, force: true });
});

describe('browser-mode file calls', () => {
  it('refuses bad arguments with 400 and a Chinese message, before touching the disk', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['files/list', {}, /缺少要列出的文件夹/],
      ['files/list', { folder: dir }, /kinds.*应为列表/],
      ['files/list', { folder: dir, kinds: ['.exe'] }, /应为 \.ziping、\.xlsx/],
      ['files/list', { folder: 42, kinds: [] }, /缺少要列出的文件夹/],
      ['files/list', { folder: `${dir}\0x`, kinds: [] }, /不是有效的文件路径/],
      ['files/makeFolder', { parent: dir }, /name/],
      ['files/downloadTarget', {}, /name/],
      ['files/download', { path: '' }, /缺少要下载的文件/],
      ['files/places', [], /应为对象/],
    ];
    for (const [name, args, message] of cases) {
      const r = await call(name, args);
      expect(r.status, `${name} ${JSON.stringify(args)}`).toBe(400);
      expect(r.json.error?.message).toMatch(message);
    }
    expect((await post('files/list', { folder: dir, kinds: [] }, 'wrong')).status).toBe(401);
    expect((await call('files/nothing', {})).status).toBe(404);
  });

  it('lists one folder (folders first, only the kinds asked), says why a folder cannot be read, makes folders', async () => {
    const top = await call<FolderListingInfo>('files/list', { folder: dir, kinds: ['.ziping'] });
    expect(top.status).toBe(200);
    // zh-CN order (Chinese names before Latin ones); the data folder may not exist yet.
    const names = top.json.value.entries.map((e) => e.name);
    expect(names.filter((n) => n !== 'data')).toEqual(['材料', 'web']);
    const inside = await call<FolderListingInfo>('files/list', {
      folder: join(dir, '材料'),
      kinds: ['.ziping'],
    });
    expect(inside.json.value).toMatchObject({ folder: join(dir, '材料'), parent: dir });
    expect(inside.json.value.entries).toEqual([
      expect.objectContaining({ name: '示例.ziping', type: 'file', path: join(dir, '材料', '示例.ziping') }),
    ]);
    const missing = await call('files/list', { folder: join(dir, '没有'), kinds: [] });
    expect(missing.json).toEqual({
      ok: false,
      error: {
        code: 'folder',
        message: `找不到文件夹“${join(dir, '没有')}”：它可能已被移动或删除，请另选文件夹`,
      },
    });
    const made = await call<{ path: string }>('files/makeFolder', { parent: dir, name: '新文件夹' });
    expect(made.json.value).toEqual({ path: join(dir, '新文件夹') });
    expect(existsSync(join(dir, '新文件夹'))).toBe(true);
    expect((await call('files/makeFolder', { parent: dir, name: '../上面' })).json.error?.message).toMatch(
      /文件夹名称不能为空/,
    );
  });

  it('lists a document opened or saved through the server as recent', async () => {
    const file = join(dir, '材料', '示例.ziping');
    expect((await call('doc/open', { path: file })).json.ok).toBe(true);
    const places = await call<FilePlaces>('files/places', {});
    expect(places.json.value.recent[0]).toBe(file);
    expect(places.json.value.places[0]).toMatchObject({ label: '主文件夹' });
  });

  it('hands an export to the browser as a download (the workbook reads back), then removes it', async () => {
    const target = await call<{ path: string }>('files/downloadTarget', { name: '../示例 导出.xlsx' });
    const path = target.json.value.path;
    expect(path.endsWith('/示例 导出.xlsx')).toBe(true);
    const exported = await call('doc/exportXlsx', { path, draft: true });
    expect(exported.json.ok).toBe(true);
    const res = await post('files/download', { path });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('示例 导出.xlsx')}`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(res.body).buffer);
    expect(workbook.worksheets.length).toBeGreaterThan(1);
    expect(existsSync(dirname(path))).toBe(false);
    // Gone once downloaded; a file elsewhere is never sent.
    expect((await call('files/download', { path })).json.error?.code).toBe('not-found');
    for (const other of [join(dir, '材料', '示例.ziping'), join(dirname(dirname(path)), '..', 'x.xlsx')]) {
      const refused = await post('files/download', { path: other });
      expect(refused.status).toBe(400);
      expect(JSON.parse(refused.body.toString('utf8')).error.message).toBe('只能下载刚导出的文件');
    }
  });
});
