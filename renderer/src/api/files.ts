/**
 * Browser mode's file calls (shared/contract/files.ts): the in-app folder browser and downloads.
 * The desktop app has native dialogs instead (client.ts `shell`).
 */
import type { CallResult } from '../../../shared/contract';
import type { FileArgs, FileCallName, FileValue } from '../../../shared/contract/files';

const token = new URLSearchParams(window.location.search).get('token') ?? '';
const OFFLINE = { code: 'offline', message: '无法连接到自评表编辑器服务：请确认它仍在运行' };

function post(name: FileCallName, args: unknown): Promise<Response> {
  return fetch(`/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-ziping-token': token },
    body: JSON.stringify(args),
  });
}

export async function fileCall<N extends Exclude<FileCallName, 'files/download'>>(
  name: N,
  args: FileArgs<N>,
): Promise<CallResult<FileValue<N>>> {
  try {
    return (await (await post(name, args)).json()) as CallResult<FileValue<N>>;
  } catch {
    return { ok: false, error: OFFLINE };
  }
}

/** The last part of a path (either separator). */
export const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/**
 * Hands a file the server just exported (to a 'files/downloadTarget' place) to the browser as a
 * download under its own name; the server removes its copy once sent.
 */
export async function downloadExported(path: string): Promise<CallResult<string>> {
  try {
    const res = await post('files/download', { path });
    if (!res.ok) return (await res.json()) as CallResult<string>;
    const url = URL.createObjectURL(await res.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = baseName(path);
    document.body.append(link);
    link.click();
    link.remove();
    // The browser has taken the blob once the click's task is over.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return { ok: true, value: `已下载“${baseName(path)}”（在浏览器的下载文件夹中）` };
  } catch {
    return { ok: false, error: OFFLINE };
  }
}
