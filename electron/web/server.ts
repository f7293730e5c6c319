/**
 * Browser mode: the built renderer and the contract over HTTP, on 127.0.0.1 only, guarded by a
 * random per-run token (header `x-ziping-token`) and a Host check against DNS rebinding. This is
 * how the product runs where Electron cannot start, and what the end-to-end tests drive.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import type { AppService } from '../services/handlers';
import { resolveStaticFile, staticFileHeaders } from './static-files';

export { CSP } from './static-files';

/** Patches carry whole forms on import: generous, but bounded. */
const MAX_BODY = 64 * 1024 * 1024;

export interface WebServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export async function startWebServer(options: {
  service: AppService;
  staticDir: string;
  port?: number;
}): Promise<WebServer> {
  const token = randomBytes(24).toString('hex');
  const tokenBuf = Buffer.from(token);
  const root = path.resolve(options.staticDir);
  let port = 0;

  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('服务器内部错误');
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('拒绝访问');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST')
        return send(res, 405, { ok: false, error: { code: 'bad-request', message: '只接受 POST' } });
      const given = Buffer.from(String(req.headers['x-ziping-token'] ?? ''));
      if (given.length !== tokenBuf.length || !timingSafeEqual(given, tokenBuf)) {
        return send(res, 401, {
          ok: false,
          error: { code: 'forbidden', message: '访问令牌不正确：请使用启动时显示的地址打开' },
        });
      }
      let body: unknown;
      try {
        body = JSON.parse(await readBody(req));
      } catch (e) {
        const tooBig = e instanceof Error && e.message === 'too-big';
        return send(res, tooBig ? 413 : 400, {
          ok: false,
          error: { code: 'bad-request', message: tooBig ? '请求过大' : '请求内容不是有效的 JSON' },
        });
      }
      const name = decodeURIComponent(url.pathname.slice('/api/'.length));
      return send(res, 200, await options.service.invoke(name, body));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405);
      res.end();
      return;
    }
    const file = resolveStaticFile(root, url.pathname);
    if (file === null) {
      res.writeHead(404);
      res.end();
      return;
    }
    try {
      const data = await readFile(file);
      res.writeHead(200, staticFileHeaders(file));
      res.end(req.method === 'HEAD' ? undefined : data);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('找不到');
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function send(res: http.ServerResponse, status: number, value: unknown): void {
  const data = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(data);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('too-big'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
