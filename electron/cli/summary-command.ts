/**
 * `ziping summary 路径… --out 汇总.xlsx | 汇总.sqlite | --out 文件夹 --format csv | --json`: many units' documents
 * (folders searched recursively) in one overview; files are only read.
 */
import { writeErrorMessage } from '../services/excel/errors';
import { scanUnitsCached } from '../services/units/units-cache';
import { writeUnitsCsv, writeUnitsXlsx } from '../services/units/units-output';
import { writeUnitsSqlite } from '../services/units/units-sqlite';
import { CliError } from './errors';
import type { CliIo } from './main';

const USAGE =
  'ziping summary 文件夹或文档… --out 汇总.xlsx（或 --out 汇总.sqlite，或 --out 文件夹 --format csv，或 --json）';

/** The file outputs and the ending their --out must have. */
const FILE_FORMATS = { xlsx: /\.xlsx$/i, sqlite: /\.(sqlite|db)$/i } as const;

function formatOf(out: string | undefined, asked: string | undefined): string | undefined {
  if (asked !== undefined || out === undefined) return asked;
  return Object.entries(FILE_FORMATS).find(([, ending]) => ending.test(out))?.[0];
}

export async function summaryCommand(
  paths: string[],
  options: Map<string, string>,
  json: boolean,
  io: CliIo,
): Promise<number> {
  if (paths.length === 0) throw new CliError(`缺少要汇总的文件夹或文档：${USAGE}`);
  const out = options.get('--out');
  const format = formatOf(out, options.get('--format'));
  if (!json && !out) throw new CliError(`缺少 --out 或 --json：${USAGE}`);
  if (!json && format !== 'xlsx' && format !== 'sqlite' && format !== 'csv') {
    throw new CliError(`--out 应为 .xlsx 或 .sqlite 文件，或加 --format csv 输出到文件夹：${USAGE}`);
  }
  if ((format === 'xlsx' || format === 'sqlite') && out && !FILE_FORMATS[format].test(out))
    throw new CliError(`--format ${format} 的 --out 应以 .${format} 结尾：${USAGE}`);
  const { scan } = await scanUnitsCached(paths);
  if (scan.units.length === 0 && scan.failed.length === 0) {
    throw new CliError(`在 ${paths.join('、')} 中没有找到 .ziping 文档或 .xlsx 工作簿`);
  }
  if (json) {
    io.stdout.write(`${JSON.stringify(scan)}\n`);
  } else if (out) {
    try {
      if (format === 'csv') writeUnitsCsv(out, scan);
      else if (format === 'sqlite') writeUnitsSqlite(out, scan);
      else await writeUnitsXlsx(out, scan);
    } catch (e) {
      throw new CliError(`${writeErrorMessage(e, out)}；没有写入汇总`);
    }
    io.stdout.write(`已汇总 ${scan.units.length} 个单位、${scan.forms.length} 张表到 ${out}\n`);
  }
  for (const f of scan.failed) io.stderr.write(`未读入 ${f.file}：${f.reason}\n`);
  return 0;
}
