/** The failures every handler of the contract may answer with (handlers.ts and the calls it delegates to). */
import type { CallError } from '../../shared/contract';

export const bad = (message: string): { ok: false; error: CallError } => ({
  ok: false,
  error: { code: 'bad-request', message },
});

export function internal(e: unknown): { ok: false; error: CallError } {
  const detail = e instanceof Error ? e.message : String(e);
  return {
    ok: false,
    error: { code: 'internal', message: `内部错误：${detail.split('\n')[0]}（已输入的内容没有丢失）` },
  };
}

export function noDocument(): { ok: false; error: CallError } {
  return { ok: false, error: { code: 'no-document', message: '没有打开的文档：请先打开或新建文档' } };
}
