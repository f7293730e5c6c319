/** The print view of a document's forms: one HTML page, each form starting on a new page. */
import type { LayoutDef } from '../layouts/types';
import type { Form } from '../model/types';
import { scoreForm } from '../scoring/form';
import { formHtml } from './form-html';
import { escapeHtml } from './html';
import { printCss } from './print-css';

export function printHtml(forms: readonly Form[], layout: LayoutDef, title: string): string {
  const body = forms.map((form) => formHtml({ form, layout, result: scoreForm(form, layout) })).join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${printCss(layout.orientation)}</style></head>
<body>
${body}
</body></html>
`;
}
