/**
 * The window's (or the web server's) side of the channel: the same `invoke(name, args)` as
 * AppService, answered by a host running elsewhere. Keeps the open document's status from every
 * answer (the shell's title and close prompt read it without a call), passes progress events to
 * the caller, cancels by call id, and starts a new host when the one running dies.
 */
import type { CallError, CallResult, DocStatus, ExportJobProgress } from '../../../shared/contract';
import {
  HOST_CRASHED,
  isFromHost,
  type DocumentCalls,
  type FromHost,
  type HostInit,
  type Port,
  type ToHost,
} from './protocol';

/** A running host: its port, when it is gone, and how to stop it. */
export interface HostProcess {
  port: Port;
  /** Called once when the host is gone, whether it crashed or was stopped. */
  onExit(listener: () => void): void;
  stop(): Promise<void>;
}

export type LaunchHost = () => HostProcess;

export interface CallWatch {
  onProgress?: (progress: ExportJobProgress) => void;
  signal?: AbortSignal;
}

interface Pending {
  resolve: (result: CallResult<unknown>) => void;
  onProgress?: (progress: ExportJobProgress) => void;
}

const CLOSED: CallError = { code: 'internal', message: '内部错误：文档服务已关闭（已输入的内容没有丢失）' };

export class ServiceClient implements DocumentCalls {
  private host: HostProcess;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Who waits for no call to be pending (close). */
  private idle: Array<() => void> = [];
  private status: DocStatus | null = null;
  private closed = false;
  /** Set when a host died before it was ready: starting it again would only loop. */
  private broken: CallError | null = null;

  /** `onRestart`: the host died and a new one runs (its document is offered for recovery). */
  constructor(
    private readonly launch: LaunchHost,
    private readonly init: HostInit,
    private readonly onRestart: () => void = () => {},
  ) {
    this.host = this.start();
  }

  /** The open document's status as of the last answer; null when none is open. */
  get current(): DocStatus | null {
    return this.status;
  }

  invoke(name: string, args: unknown, watch: CallWatch = {}): Promise<CallResult<unknown>> {
    const failed = this.broken ?? (this.closed ? CLOSED : null);
    if (failed) return Promise.resolve({ ok: false, error: failed });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, ...(watch.onProgress ? { onProgress: watch.onProgress } : {}) });
      this.send({ type: 'call', id, name, args });
      if (watch.signal?.aborted) this.send({ type: 'cancel', id });
      else watch.signal?.addEventListener('abort', () => this.send({ type: 'cancel', id }), { once: true });
    });
  }

  /** Stops the exports still running: their window is closing. They leave no file. */
  cancelExports(): void {
    this.send({ type: 'cancelExports' });
  }

  /**
   * Stops the host (the window is gone): its exports are cancelled and given up to `graceMs` to
   * stop and remove what they wrote; a call still waiting then is answered with an error.
   */
  async close(graceMs = 5000): Promise<void> {
    this.cancelExports();
    await this.settled(graceMs);
    this.closed = true;
    this.failPending(CLOSED);
    await this.host.stop();
  }

  private settled(graceMs: number): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, graceMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.idle.push(done);
    });
  }

  private start(): HostProcess {
    const host = this.launch();
    let ready = false;
    host.port.on('message', (message) => {
      if (!isFromHost(message) || host !== this.host) return;
      if (message.type === 'ready') ready = true;
      else this.receive(message);
    });
    host.onExit(() => {
      if (host === this.host) this.exited(ready);
    });
    const init: ToHost = { type: 'init', init: this.init };
    host.port.postMessage(init);
    return host;
  }

  private receive(message: Exclude<FromHost, { type: 'ready' }>): void {
    const call = this.pending.get(message.id);
    if (message.type === 'progress') {
      call?.onProgress?.(message.progress);
      return;
    }
    this.status = message.status;
    this.pending.delete(message.id);
    call?.resolve(message.result);
    if (this.pending.size === 0) this.wakeIdle();
  }

  private wakeIdle(): void {
    const waiting = this.idle;
    this.idle = [];
    for (const w of waiting) w();
  }

  private exited(wasReady: boolean): void {
    if (this.closed) return;
    this.status = null;
    if (!wasReady) {
      this.broken = {
        code: 'service-failed',
        message: '文档服务无法启动：请重新启动程序；若仍不行，请重新安装（已保存的文档不受影响）',
      };
      this.failPending(this.broken);
      return;
    }
    this.failPending(HOST_CRASHED);
    this.host = this.start();
    this.onRestart();
  }

  private failPending(error: CallError): void {
    const calls = [...this.pending.values()];
    this.pending.clear();
    for (const call of calls) call.resolve({ ok: false, error });
    this.wakeIdle();
  }

  private send(message: ToHost): void {
    if (!this.closed && !this.broken) this.host.port.postMessage(message);
  }
}
