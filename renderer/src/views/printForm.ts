/**
 * 打印: the chosen forms' print view (shared/print, the same HTML the PDF export prints) in a
 * hidden frame, printed with the browser's print dialog (where 另存为 PDF is one of the printers).
 * The frame stays until the next print, so that what was printed can be looked at (tests read it).
 */
import type { LayoutDef } from '../../../shared/layouts/types';
import type { Form } from '../../../shared/model/types';
import { printHtml } from '../../../shared/print/document-html';

const FRAME_ID = 'ziping-print-view';

export function printForms(forms: readonly Form[], layout: LayoutDef, title: string): void {
  document.getElementById(FRAME_ID)?.remove();
  const frame = document.createElement('iframe');
  frame.id = FRAME_ID;
  frame.dataset['testid'] = 'print-view';
  frame.setAttribute('aria-hidden', 'true');
  frame.style.cssText = 'position:fixed;width:0;height:0;border:0;right:0;bottom:0;visibility:hidden';
  frame.addEventListener('load', () => frame.contentWindow?.print(), { once: true });
  frame.srcdoc = printHtml(forms, layout, title);
  document.body.appendChild(frame);
}
