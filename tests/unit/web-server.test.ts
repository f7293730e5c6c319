/**
 * Browser mode's server: loopback only, the run's token on every call, Host checked, no path
 * outside the renderer's folder, a strict CSP, and the contract's calls working over HTTP with
 * their arguments validated.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/handlers';
import { CSP, MAX_BODY, startWebServer, type WebServer } from '../../electron/web/server';
import { tooLongForCell } from '../../shared/checks/text-length';
import { SAMPLE_PATH } from '../../scripts/build-sample';

let dir: string;
let server: WebServer;
let service: AppService;

function request(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const api = (name: string, args: unknown, token = server.token) =>
  request(`/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-ziping-token': token },
    body: JSON.stringify(args),
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ziping-web-'));
  const web = join(dir, 'web');
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>自评表编辑器</title>');
  writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), '不该被读到');
  // Links placed in the folder that lead out of it (a file and a folder), and one that stays in.
  symlinkSync(join(dir, 'secret.txt'), join(web, 'link.txt'));
  symlinkSync(dir, join(web, 'outside'));
  symlinkSync(join(web, 'index.html'), join(web, 'assets', 'home.html'));
  copyFileSync(SAMPLE_PATH, join(dir, '示例.ziping'));
  service = new AppService(join(dir, 'data'));
  server = await startWebServer({ service, staticDir: web });
});

afterAll(async () => {
  await server.close();
  service.current?.close({ discard: true });
  rmSync(dir, { recursive: true, force: true });
});

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 and gives its address with a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
  });

  it('serves the renderer with a strict CSP', async () => {
    const res = await request('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('自评表编辑器');
    expect(res.headers['content-security-policy']).toBe(CSP);
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).not.toMatch(/unsafe-eval|https?:/);
    expect((await request('/assets/app.js')).headers['content-type']).toContain('javascript');
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
    ]) {
      const res = await request(path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('不该被读到');
    }
  });

  it('refuses calls without the token, or with another Host (DNS rebinding)', async () => {
    const noToken = await api('app/state', {}, 'wrong');
    expect(noToken.status).toBe(401);
    expect(JSON.parse(noToken.body).error.message).toMatch(/令牌/);
    const rebinding = await request('/api/app/state', {
      method: 'POST',
      headers: {
        host: 'evil.example:80',
        'x-ziping-token': server.token,
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(rebinding.status).toBe(403);
    expect((await request('/api/app/state')).status).toBe(405);
  });

  it('runs the contract over HTTP: open, apply (validated), save', async () => {
    const opened = JSON.parse((await api('doc/open', { path: join(dir, '示例.ziping') })).body);
    expect(opened.ok).toBe(true);
    const form = opened.value.document.forms[1];
    const ind = form.indicators[0];
    const applied = JSON.parse(
      (
        await api('doc/apply', {
          patches: [
            { op: 'setIndicator', formId: form.id, indicatorId: ind.id, field: 'actual', value: '50%' },
          ],
        })
      ).body,
    );
    expect(applied).toMatchObject({ ok: true, value: { dirty: true } });
    const wrongType = JSON.parse(
      (
        await api('doc/apply', {
          patches: [
            { op: 'setIndicator', formId: form.id, indicatorId: ind.id, field: 'weight', value: '十' },
          ],
        })
      ).body,
    );
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const unknownField = JSON.parse(
      (
        await api('doc/apply', {
          patches: [
            { op: 'setIndicator', formId: form.id, indicatorId: ind.id, field: '__proto__', value: 1 },
          ],
        })
      ).body,
    );
    expect(unknownField.ok).toBe(false);
    const unknown = await api('nope', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error.message).toContain('不认识的请求');
    expect(JSON.parse((await api('doc/save', {})).body)).toMatchObject({ ok: true, value: { dirty: false } });
    const bad = await request('/api/doc/apply', {
      method: 'POST',
      headers: { 'x-ziping-token': server.token, 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(bad.status).toBe(400);
  });

  it('serves only regular files inside the folder: no link out of it, no folder', async () => {
    for (const path of ['/link.txt', '/outside/secret.txt', '/assets', '/outside']) {
      const res = await request(path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('不该被读到');
    }
    expect((await request('/assets/home.html')).body).toContain('自评表编辑器');
  });

  it('answers a malformed address with 400, not a server error', async () => {
    for (const path of ['/%E0%A4%A', '/api/%E0%A4%A', '/assets/%ZZ.js']) {
      const res = await request(path, {
        method: path.startsWith('/api/') ? 'POST' : 'GET',
        headers: { 'x-ziping-token': server.token },
        body: path.startsWith('/api/') ? '{}' : undefined,
      });
      expect(res.status, path).toBe(400);
      expect(JSON.parse(res.body).error.message).toMatch(/地址格式不正确/);
    }
  });

  it('answers a body over the limit with 413 and a message, and keeps serving', async () => {
    const body = Buffer.alloc(70 * 2 ** 20, 0x20);
    // Streamed (chunked, size unknown in advance) and with its size declared up front.
    for (const headers of [{}, { 'content-length': String(body.length) }] as Array<Record<string, string>>) {
      const res = await request('/api/doc/apply', {
        method: 'POST',
        headers: { 'x-ziping-token': server.token, 'content-type': 'application/json', ...headers },
        body,
      });
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body)).toMatchObject({
        ok: false,
        error: { message: expect.stringMatching(/超过 32 MB.*分几次/) },
      });
    }
    expect((await api('app/state', {})).status).toBe(200);
  }, 60_000);

  it('refuses a text too long for one Excel cell with the export’s message, and a giant one by size', async () => {
    // The document the contract test opened (app/state: the open document, its status and review).
    const current = async () => JSON.parse((await api('app/state', {})).body).value.document.document;
    const doc = await current();
    const form = doc.forms[0];
    const patch = (value: string) => ({
      patches: [
        { op: 'setIndicator', formId: form.id, indicatorId: form.indicators[0].id, field: 'target', value },
      ],
    });
    const ascii = 'x'.repeat(15_000_000);
    const refused = await api('doc/apply', patch(ascii));
    // Refused by the contract's argument check: 400, with the message the editor shows.
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body)).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringContaining(tooLongForCell(ascii) ?? 'never') },
    });
    // 15 million Chinese characters are 45 MB of UTF-8: over the body limit, refused unparsed.
    const chinese = JSON.stringify(patch('字'.repeat(15_000_000)));
    expect(Buffer.byteLength(chinese)).toBeGreaterThan(MAX_BODY);
    const tooBig = await request('/api/doc/apply', {
      method: 'POST',
      headers: { 'x-ziping-token': server.token, 'content-type': 'application/json' },
      body: chinese,
    });
    expect(tooBig.status).toBe(413);
    expect((await current()).forms[0].indicators[0].target).toBe(form.indicators[0].target);
  }, 60_000);
});
