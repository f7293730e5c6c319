/**
 * Browser mode's server: loopback only, the run's token on every call, Host checked, no path
 * outside the renderer's folder, a strict CSP, and the contract's calls working over HTTP with
 * their arguments validated.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppService } from '../../electron/services/handlers';
import { CSP, startWebServer, type WebServer } from '../../electron/web/server';
import { SAMPLE_PATH } from '../../scripts/build-sample';

let dir: string;
let server: WebServer;
let service: AppService;

function request(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
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
    expect(JSON.parse((await api('nope', {})).body).error.message).toContain('不认识的请求');
    expect(JSON.parse((await api('doc/save', {})).body)).toMatchObject({ ok: true, value: { dirty: false } });
    const bad = await request('/api/doc/apply', {
      method: 'POST',
      headers: { 'x-ziping-token': server.token, 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(bad.status).toBe(400);
  });
});
