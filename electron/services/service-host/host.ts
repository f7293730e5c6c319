/**
 * The document service's side of the channel: runs inside the worker thread or utility process
 * and answers each call with AppService.invoke, so that SQLite's fsyncs and Excel exports never
 * run on the window's (or the web server's) thread. The session and its owner file live here.
 */
import type { CallResult, DocStatus } from '../../../shared/contract';
import { status } from '../doc-status';
import { AppService } from '../handlers';
import { isToHost, type FromHost, type HostInit, type Port } from './protocol';

export function serveDocuments(
  port: Port,
  makeService = (init: HostInit) => new AppService(init.dataDir, init.who),
): void {
  let service: AppService | null = null;
  const running = new Map<number, AbortController>();
  const send = (message: FromHost) => port.postMessage(message);

  port.on('message', (message) => {
    if (!isToHost(message)) return;
    switch (message.type) {
      case 'init':
        service ??= makeService(message.init);
        send({ type: 'ready' });
        return;
      case 'cancel':
        running.get(message.id)?.abort();
        return;
      case 'cancelExports':
        service?.cancelExports();
        return;
      case 'call':
        void answer(message.id, message.name, message.args);
        return;
    }
  });

  async function answer(id: number, name: string, args: unknown): Promise<void> {
    const s = service;
    if (!s) {
      send({ type: 'result', id, result: notStarted(), status: null });
      return;
    }
    const controller = new AbortController();
    running.set(id, controller);
    let result: CallResult<unknown>;
    try {
      result = await s.invoke(name, args, {
        signal: controller.signal,
        onProgress: (progress) => send({ type: 'progress', id, progress }),
      });
    } finally {
      running.delete(id);
    }
    const current: DocStatus | null = s.current ? status(s.current) : null;
    try {
      send({ type: 'result', id, result, status: current });
    } catch (e) {
      // A value that cannot be copied across is a bug of ours, not the user's: said, not lost.
      const detail = e instanceof Error ? e.message : String(e);
      send({
        type: 'result',
        id,
        result: {
          ok: false,
          error: { code: 'internal', message: `内部错误：${detail}（已输入的内容没有丢失）` },
        },
        status: current,
      });
    }
  }
}

function notStarted(): CallResult<never> {
  return {
    ok: false,
    error: { code: 'internal', message: '内部错误：文档服务尚未启动（已输入的内容没有丢失）' },
  };
}
