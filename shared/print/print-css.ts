/**
 * The print view's CSS: A4 in the layout's orientation, the indicator table's header again on each
 * page (table-header-group), no row cut over a page, 第 n 页 at the foot of every page.
 */
export const PRINT_FONTS = '"SimSun", "宋体", "Noto Serif CJK SC", "Noto Sans CJK SC", serif';

export function printCss(orientation: 'portrait' | 'landscape'): string {
  return `
@page { size: A4 ${orientation}; margin: 15mm 12mm 18mm 12mm;
  @bottom-center { content: "第 " counter(page) " 页"; font-family: ${PRINT_FONTS}; font-size: 9pt; } }
html, body { margin: 0; padding: 0; }
body { font-family: ${PRINT_FONTS}; font-size: 10pt; color: #000; }
.form { break-before: page; }
.form:first-child { break-before: auto; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 4pt; }
.year { text-align: center; font-size: 11pt; margin: 0 0 2pt; }
.unit { text-align: right; font-size: 10pt; margin: 0 0 4pt; }
table { width: 100%; border-collapse: collapse; margin: 0; }
table + table { margin-top: -1px; }
table.fixed { table-layout: fixed; }
td, th { border: 1px solid #000; padding: 2pt 3pt; vertical-align: middle; text-align: center;
  overflow-wrap: anywhere; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.label, th { font-weight: bold; }
.num { text-align: right; white-space: nowrap; }
.text { text-align: left; }
.long { text-align: left; vertical-align: top; white-space: pre-wrap; }
.note { font-size: 9pt; margin: 4pt 0 0; white-space: pre-wrap; }
`;
}
