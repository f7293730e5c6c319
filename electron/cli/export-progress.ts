/**
 * `ziping export`'s progress on stderr (stdout keeps the report): on a terminal one line rewritten
 * in place; otherwise (a log, a pipe) plain lines, about ten per export, so logs stay short.
 */
import type { ExportProgress } from '../services/excel/export';

export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
}

const CLEAR_LINE = '\r\x1b[K';
/** Long project names would wrap, and \r only returns to the start of the last line. */
const NAME_WIDTH = 30;

const shortName = (name: string) =>
  [...name].length > NAME_WIDTH ? `${[...name].slice(0, NAME_WIDTH).join('')}…` : name;

function lineOf(p: ExportProgress): string | null {
  if (p.stage === 'form') return `导出 ${p.done + 1}/${p.total} ${shortName(p.formName)}`;
  if (p.stage === 'write') return `导出 ${p.done}/${p.total} 正在写入文件…`;
  return null;
}

export function exportProgressPrinter(stream: ProgressStream): {
  onProgress: (p: ExportProgress) => void;
  /** Clears the terminal line, so that what follows starts on a clean line. */
  end: () => void;
} {
  let shown = false;
  if (stream.isTTY === true) {
    return {
      onProgress: (p) => {
        const line = lineOf(p);
        if (line === null) return;
        stream.write(`${CLEAR_LINE}${line}`);
        shown = true;
      },
      end: () => {
        if (shown) stream.write(CLEAR_LINE);
      },
    };
  }
  return {
    onProgress: (p) => {
      const every = Math.max(1, Math.ceil(p.total / 10));
      const line = lineOf(p);
      const worth = p.stage === 'write' || p.done === 0 || (p.done + 1) % every === 0;
      if (line !== null && worth) stream.write(`${line}\n`);
    },
    end: () => {},
  };
}
