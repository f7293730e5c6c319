/** `ziping pdf 文档.ziping --out 表.pdf [--form 表名] [--chromium 路径]`: the forms as a PDF. */
import { getLayout } from '../../shared/layouts/definitions';
import { printHtml } from '../../shared/print/document-html';
import { printTitle } from '../../shared/print/print-title';
import { findChromium, NO_CHROMIUM } from '../services/pdf/find-chromium';
import { PrintPdfError, printHtmlToPdf } from '../services/pdf/print-pdf';
import { CliError } from './errors';
import { formsChosen, formsNamed, loadDocument } from './load';
import type { CliIo } from './main';

const USAGE =
  'ziping pdf 文档.ziping --out 表.pdf [--form 表名 | --forms 表名或序号,…] [--chromium 浏览器路径]';

export async function writePdf(
  file: string | undefined,
  options: ReadonlyMap<string, string>,
  io: CliIo,
): Promise<number> {
  if (!file || !/\.ziping$/i.test(file)) throw new CliError(`缺少 .ziping 文档：${USAGE}`);
  const out = options.get('--out');
  if (!out) throw new CliError(`缺少 --out 表.pdf：${USAGE}`);
  if (!/\.pdf$/i.test(out)) throw new CliError(`--out 须是 .pdf 文件：${out}（${USAGE}）`);
  const chromium = findChromium(options.get('--chromium'));
  if (!chromium) throw new CliError(NO_CHROMIUM);
  const doc = loadDocument(file);
  const name = options.get('--form');
  const list = options.get('--forms');
  if (name !== undefined && list !== undefined) throw new CliError(`--form 和 --forms 只能用一个：${USAGE}`);
  const forms =
    name !== undefined ? formsNamed(doc, name) : list !== undefined ? formsChosen(doc, list) : doc.forms;
  if (forms.length === 0) throw new CliError(`文档中没有表，无法生成 PDF：${file}`);
  const title = printTitle(forms, doc.meta);
  try {
    await printHtmlToPdf(printHtml(forms, getLayout(doc.meta.layout), title), out, chromium);
  } catch (e) {
    throw e instanceof PrintPdfError ? new CliError(e.message) : e;
  }
  io.stdout.write(`已生成 PDF ${out}（${forms.length} 张表）\n`);
  return 0;
}
