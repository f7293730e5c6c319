/**
 * Browser mode: the built renderer and the contract over HTTP, on 127.0.0.1 only, guarded by a
 * random per-run token (header `x-ziping-token`) and a Host check against DNS rebinding. This is
 * how the product runs where Electron cannot start, and what the end-to-end tests drive.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { isHandlerName, type CallResult } from '../../shared/contract';
import { isFileCallName } from '../../shared/contract/files';
import type { SettingsStore } from '../main/settings';
import type { DocumentCalls } from '../services/service-host/protocol';
import { FileCalls } from './file-calls';
import { readStaticFile } from './static-files';

export { CSP } from './static-files';

/**
 * Patches carry whole forms on import, all in one request: 1,000 generated forms of 30
 * indicators are ≈ 10 MiB of JSON, so 32 MiB leaves room for long texts; a body over it is
 * refused (413) before any of it is parsed, so one request cannot fill the server's memory.
 */
export const MAX_BODY = 32 * 2 ** 20;

class BodyTooLarge extends Error {}

export interface WebServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export async function startWebServer(options: {
  /** AppService, or (npm run web) the client of the service's worker thread. */
  service: DocumentCalls;
  staticDir: string;
  port?: number;
  /** The data folder's settings: browser mode's recent documents are kept there too. */
  settings?: SettingsStore;
}): Promise<WebServer> {
  const token = randomBytes(24).toString('hex');
  const tokenBuf = Buffer.from(token);
  const root = path.resolve(options.staticDir);
  let port = 0;
  const files = new FileCalls(options.settings ?? null);

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
    let url: URL;
    let pathname: string;
    try {
      url = new URL(req.url ?? '/', `http://${host}`);
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(res, 400, { ok: false, error: { code: 'bad-request', message: '请求地址格式不正确' } });
    }
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
      // Routes are the contract's calls: another name is no route (404), before any body is read.
      const name = pathname.slice('/api/'.length);
      if (!isHandlerName(name) && !isFileCallName(name))
        return send(res, 404, {
          ok: false,
          error: { code: 'bad-request', message: `不认识的请求：${name}` },
        });
      let body: unknown;
      try {
        body = JSON.parse(await readBody(req));
      } catch (e) {
        if (!(e instanceof BodyTooLarge))
          return send(res, 400, {
            ok: false,
            error: { code: 'bad-request', message: '请求内容不是有效的 JSON' },
          });
        // The rest of the body is read and dropped (Node does it once the answer is sent), so
        // that the client gets this answer rather than a reset connection.
        req.resume();
        return send(res, 413, {
          ok: false,
          error: {
            code: 'bad-request',
            message: `一次提交的内容超过 ${MAX_BODY / 2 ** 20} MB，未处理：请分几次进行（例如分批导入）`,
          },
        });
      }
      // The service parses the arguments; refused ones (code 'bad-request') answer 400 with its message.
      let result: CallResult<unknown>;
      if (name === 'files/download') {
        const refused = await files.download(body, res);
        if (refused === null) return;
        result = refused;
      } else if (isFileCallName(name)) result = files.invoke(name, body);
      else {
        result = await options.service.invoke(name, body);
        files.noteResult(name, result);
      }
      return send(res, !result.ok && result.error.code === 'bad-request' ? 400 : 200, result);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405);
      res.end();
      return;
    }
    const found = await readStaticFile(root, url.pathname);
    if (found === null) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('找不到');
      return;
    }
    res.writeHead(200, found.headers);
    res.end(req.method === 'HEAD' ? undefined : found.data);
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
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          files.close();
          resolve();
        }),
      ),
  };
}

function send(res: http.ServerResponse, status: number, value: unknown): void {
  const data = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(data);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY) {
      reject(new BodyTooLarge());
      return;
    }
    let chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        chunks = [];
        req.off('data', onData);
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
