/** `ziping pdf 文档.ziping --out 表.pdf [--form 表名] [--chromium 路径]`: the forms as a PDF. */
import { getLayout } from '../../shared/layouts/definitions';
import { printHtml } from '../../shared/print/document-html';
import { findChromium, NO_CHROMIUM } from '../services/pdf/find-chromium';
import { printHtmlToPdf } from '../services/pdf/print-pdf';
import { CliError } from './errors';
import { formsNamed, loadDocument } from './load';
import type { CliIo } from './main';

const USAGE = 'ziping pdf 文档.ziping --out 表.pdf [--form 表名] [--chromium 浏览器路径]';

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
  const forms = name === undefined ? doc.forms : formsNamed(doc, name);
  if (forms.length === 0) throw new CliError(`文档中没有表，无法生成 PDF：${file}`);
  const title = name ?? `${doc.meta.unit}${doc.meta.year}年度绩效自评表`;
  await printHtmlToPdf(printHtml(forms, getLayout(doc.meta.layout), title), out, chromium);
  io.stdout.write(`已生成 PDF ${out}（${forms.length} 张表）\n`);
  return 0;
}
