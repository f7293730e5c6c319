/** `ziping export … --out FILE.xlsx|DIR` and the Excel side of `ziping import`: reports on stdout. */
import type { ParsedForm } from '../../shared/model/interchange';
import type { LayoutId } from '../../shared/model/types';
import { exportDocument } from '../services/excel/export';
import type { ExcelError } from '../services/excel/errors';
import { importXlsx } from '../services/excel/import';
import { importReportLines } from '../services/excel/import-report';
import { readReviewFrom } from '../services/document-store/review-store';
import type { ReviewItem } from '../../shared/review/types';
import { CliError } from './errors';
import { exportProgressPrinter } from './export-progress';
import { formsNamed, loadDocument } from './load';
import type { CliIo } from './main';

export const EXCEL_FILE = /\.(xlsx|xlsm|xls)$/i;

/** The shells' code for a command stopped by Ctrl+C (128 + SIGINT). */
const EXIT_INTERRUPTED = 130;

function reportCheckErrors(error: ExcelError, io: CliIo): number {
  for (const f of error.findings ?? []) {
    const where = f.row !== undefined ? `第${f.row + 1}行 ` : '';
    io.stdout.write(`错误  ${f.form}  ${where}${f.message}  [${f.code}]\n`);
  }
  io.stderr.write(`ziping：${error.message}\n`);
  return 1;
}

function reviewOf(file: string): Map<string, ReviewItem> {
  try {
    return new Map(readReviewFrom(file).map((i) => [i.id, i]));
  } catch (e) {
    throw new CliError(e instanceof Error ? e.message : String(e));
  }
}

export async function exportExcel(
  file: string | undefined,
  options: Map<string, string>,
  flags: Set<string>,
  io: CliIo,
): Promise<number> {
  const usage = 'ziping export 文档.ziping --out 文件.xlsx|文件夹 [--form 表名] [--draft] [--review]';
  if (!file || !/\.ziping$/i.test(file)) throw new CliError(`缺少 .ziping 文档：${usage}`);
  const out = options.get('--out');
  if (!out) throw new CliError(`缺少 --out 文件.xlsx 或文件夹：${usage}`);
  const doc = loadDocument(file);
  const name = options.get('--form');
  const formIds = name === undefined ? undefined : formsNamed(doc, name).map((f) => f.id);
  const draft = flags.has('--draft');
  // The document's review data merged with its review file's, as the editor shows it.
  const review = flags.has('--review') ? reviewOf(file) : null;
  const progress = exportProgressPrinter(io.stderr);
  // Ctrl+C cancels at the next form: the export then removes what it had written (a plain exit
  // here could leave temporary files). Further Ctrl+C while it stops change nothing.
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.on('SIGINT', cancel);
  let result: Awaited<ReturnType<typeof exportDocument>>;
  try {
    result = await exportDocument(doc, out, {
      draft,
      ...(formIds ? { formIds } : {}),
      ...(review ? { review } : {}),
      onProgress: progress.onProgress,
      signal: controller.signal,
    });
  } finally {
    process.off('SIGINT', cancel);
    progress.end();
  }
  if (!result.ok) {
    if (result.error.code === 'cancelled') {
      io.stderr.write(`ziping：${result.error.message}\n`);
      return EXIT_INTERRUPTED;
    }
    if (result.error.code === 'check-errors') return reportCheckErrors(result.error, io);
    throw new CliError(result.error.message);
  }
  const r = result.value;
  const where = r.files.length === 1 ? r.files[0] : `${out}（${r.files.length} 个文件）`;
  io.stdout.write(`已导出 ${r.forms} 张表到 ${where}\n`);
  if (r.draft && r.errors > 0) io.stdout.write(`草稿：审核有 ${r.errors} 个错误未改正，每页页眉标有“草稿”\n`);
  if (r.warnings > 0)
    io.stdout.write(`审核警告 ${r.warnings} 个（不影响导出）：运行 ziping check ${file} 查看\n`);
  return 0;
}

/** Forms of an Excel file, with the report printed; the layout of the document they go into if known. */
export async function loadExcelForms(
  file: string,
  layout: LayoutId | undefined,
  io: CliIo,
): Promise<{ forms: ParsedForm[]; meta: { unit: string; year: number; layout: LayoutId } | null }> {
  const result = await importXlsx(file, layout ? { layout } : {});
  if (!result.ok) throw new CliError(result.error.message);
  for (const line of importReportLines(file, result.value.report)) io.stdout.write(`${line}\n`);
  return { forms: result.value.forms, meta: result.value.meta };
}
