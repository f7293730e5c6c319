/**
 * The app:// protocol: the built renderer's files and nothing else, each with the same headers
 * (CSP first) as browser mode. A standard, secure scheme so that ES modules, fetch and the CSP's
 * 'self' behave as on https; it reads no other folder and serves no remote content.
 */
import type { CustomScheme } from 'electron';
import { readStaticFile } from '../web/static-files';
import { APP_SCHEME, isAppUrl } from './security';

/** Registered before the app is ready (protocol.registerSchemesAsPrivileged). */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, bypassCSP: false, corsEnabled: false },
};

export function appProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    if (!isAppUrl(request.url)) return new Response(null, { status: 404 });
    const found = await readStaticFile(rendererDir, new URL(request.url).pathname);
    if (found === null) return new Response(null, { status: 404 });
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(found.data), {
      status: 200,
      headers: found.headers,
    });
  };
}
