/** Print set-up of every sheet we write: A4, one page wide, title rows repeated, page numbers, 草稿. */
import type { Worksheet } from 'exceljs';

export const DRAFT_HEADER = '&C&"宋体,加粗"&16草稿';
export const PAGE_FOOTER = '&C第 &P 页，共 &N 页';

/** Page margins in inches; page-breaks.ts works out the page height from them. */
export const MARGINS = { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

/**
 * `titleRows` repeat on every page; null when the sheet repeats its own header rows where they
 * belong (the form sheet, see page-breaks.ts).
 */
export function setupPrint(
  ws: Worksheet,
  orientation: 'portrait' | 'landscape',
  titleRows: string | null,
  draft: boolean,
): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: MARGINS,
    ...(titleRows === null ? {} : { printTitlesRow: titleRows }),
  };
  ws.headerFooter = { oddHeader: draft ? DRAFT_HEADER : '', oddFooter: PAGE_FOOTER };
  ws.views = [{ state: 'normal', showGridLines: false }];
}
