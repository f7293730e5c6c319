/**
 * The built renderer as static files, shared by browser mode (HTTP) and the desktop shell (the
 * app:// protocol): which file a URL path names (never one outside the folder, also not through a
 * symbolic link, and only a regular file), and the headers every file is served with, the
 * Content-Security-Policy first.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** The renderer's Content-Security-Policy: nothing remote, no inline scripts, no eval. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

/**
 * The file a URL path names inside `root` ('/' is index.html), or null when the path is malformed
 * or leaves the folder (`..`, encoded or not, absolute paths, a drive letter).
 */
export function resolveStaticFile(root: string, urlPath: string): string | null {
  let rel: string;
  try {
    rel = urlPath === '/' ? 'index.html' : decodeURIComponent(urlPath).replace(/^\/+/, '');
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, rel);
  return file.startsWith(base + path.sep) ? file : null;
}

/**
 * The bytes and headers of the file a URL path names, or null (404) when there is none: the path
 * is resolved (resolveStaticFile), then its real path (symbolic links followed) must still be
 * inside the folder's real path and be a regular file, so that a link placed in the folder
 * cannot serve what lies outside it.
 */
export async function readStaticFile(
  root: string,
  urlPath: string,
): Promise<{ data: Buffer; headers: Record<string, string> } | null> {
  const file = resolveStaticFile(root, urlPath);
  if (file === null) return null;
  try {
    const [realRoot, real] = await Promise.all([realpath(root), realpath(file)]);
    if (!real.startsWith(realRoot + path.sep) || !(await stat(real)).isFile()) return null;
    return { data: await readFile(real), headers: staticFileHeaders(file) };
  } catch {
    return null;
  }
}

export function staticFileHeaders(file: string): Record<string, string> {
  return {
    'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
}
