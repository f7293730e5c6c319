/** `ziping rollover 上年.ziping --out 本年.ziping`: the next year's document from last year's. */
import path from 'node:path';
import { getLayout } from '../../shared/layouts/definitions';
import { describeRollover, type RolloverReport } from '../../shared/rollover/rollover';
import { writeRolledOver } from '../services/rollover-file';
import { requireZiping } from './document-commands';
import { CliError } from './errors';
import { loadDocument } from './load';
import type { CliIo } from './main';

const USAGE = 'ziping rollover 上年文档.ziping --out 本年文档.ziping';

export function rolloverCommand(file: string | undefined, out: string | undefined, io: CliIo): number {
  const source = requireZiping(file, USAGE);
  if (!out) throw new CliError(`缺少 --out 新文档：${USAGE}`);
  const target = requireZiping(out, USAGE);
  if (path.resolve(target) === path.resolve(source)) throw new CliError(`新文档不能是上年文档本身：${USAGE}`);
  const written = writeRolledOver(loadDocument(source), target);
  if (!written.ok) throw new CliError(written.error.message);
  const { unit, layout, report } = written.value;
  io.stdout.write(rolloverSummary(target, unit, getLayout(layout).name, report));
  return 0;
}

function rolloverSummary(target: string, unit: string, layoutName: string, r: RolloverReport): string {
  const head = `已新建 ${target}（${unit}，${r.year} 年度，${layoutName}），由 ${r.fromYear} 年度文档结转：`;
  return `${[head, ...describeRollover(r).map((l) => `  ${l}`)].join('\n')}\n`;
}
