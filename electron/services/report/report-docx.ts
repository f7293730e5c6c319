/**
 * The report's outline (shared/report/report-outline.ts) as a Word document, written with `docx`:
 * official style (docx-style.ts), placeholders highlighted yellow, tables spanning the text width
 * with their header row repeated on every page and rows never split across pages.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import type {
  OutlineBlock,
  OutlineColumn,
  OutlineHeading,
  OutlineParagraph,
  OutlineTable,
  ReportOutline,
  Run,
} from '../../../shared/report/outline-types';
import { placeholderText } from '../../../shared/report/outline-types';
import { columnWidths } from './column-widths';
import {
  BODY_LINE,
  FIRST_LINE_INDENT,
  FONTS,
  fontTableXml,
  PAGE,
  runFont,
  SIZE,
  TEXT_WIDTH,
  type FontFace,
} from './docx-style';

const bodyLines = { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function textRun(run: Run, face: FontFace = FONTS.body, size: number = SIZE.body): TextRun {
  const base: IRunOptions = { font: runFont(face), size };
  if ('placeholder' in run)
    return new TextRun({ ...base, text: placeholderText(run.placeholder), highlight: 'yellow' });
  return new TextRun({ ...base, text: run.text, bold: run.bold ?? false });
}

function paragraph(block: OutlineParagraph): Paragraph {
  const right = block.align === 'right';
  return new Paragraph({
    alignment: right ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
    indent: right ? { right: FIRST_LINE_INDENT * 2 } : { firstLine: FIRST_LINE_INDENT },
    spacing: bodyLines,
    children: block.runs.map((r) => textRun(r)),
  });
}

const HEADING_FACE: Record<OutlineHeading['level'], FontFace> = {
  1: FONTS.heading1,
  2: FONTS.heading2,
  3: FONTS.body,
};

function heading(block: OutlineHeading): Paragraph {
  return new Paragraph({
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: bodyLines,
    keepNext: true,
    children: [
      new TextRun({
        text: block.text,
        font: runFont(HEADING_FACE[block.level]),
        size: SIZE.body,
        bold: block.level === 3,
      }),
    ],
  });
}

const CELL_ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
};

function cell(
  text: string,
  width: number,
  align: OutlineColumn['align'],
  face: FontFace,
  bold = false,
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 57, right: 57, top: 20, bottom: 20 },
    children: text.split('\n').map(
      (line) =>
        new Paragraph({
          alignment: CELL_ALIGN[align],
          children: [new TextRun({ text: line, font: runFont(face), size: SIZE.table, bold })],
        }),
    ),
  });
}

function table(block: OutlineTable): Array<Paragraph | Table> {
  const widths = columnWidths(block, TEXT_WIDTH);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((c, i) => cell(c.title, widths[i] ?? 0, 'center', FONTS.heading1)),
  });
  const row = (cells: string[], bold = false) =>
    new TableRow({
      cantSplit: true,
      children: block.columns.map((c, i) => cell(cells[i] ?? '', widths[i] ?? 0, c.align, FONTS.body, bold)),
    });
  const caption = new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: 120, after: 60 },
    children: [new TextRun({ text: block.caption, font: runFont(FONTS.heading1), size: SIZE.caption })],
  });
  const body = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: [header, ...block.rows.map((r) => row(r)), ...(block.total ? [row(block.total, true)] : [])],
  });
  // An empty line after the table, so that the next paragraph does not touch its border.
  return [caption, body, new Paragraph({ spacing: { after: 0 }, children: [] })];
}

function blockParts(block: OutlineBlock): Array<Paragraph | Table> {
  if (block.kind === 'heading') return [heading(block)];
  if (block.kind === 'paragraph') return [paragraph(block)];
  return table(block);
}

function titleParts(outline: ReportOutline): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 0, line: 720, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text: outline.title, font: runFont(FONTS.title), size: SIZE.title })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...bodyLines, after: BODY_LINE },
      children: [new TextRun({ text: outline.unitLine, font: runFont(FONTS.heading2), size: SIZE.body })],
    }),
  ];
}

/** — 1 — centred at the foot of every page. */
function pageNumberFooter(): Footer {
  const face = { font: runFont(FONTS.pageNumber), size: SIZE.pageNumber };
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ ...face, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

export function reportDocument(outline: ReportOutline): Document {
  return new Document({
    creator: 'Ziping 自评表编辑器',
    title: outline.title,
    styles: {
      default: { document: { run: { font: runFont(FONTS.body), size: SIZE.body } } },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.top,
              bottom: PAGE.bottom,
              left: PAGE.left,
              right: PAGE.right,
              footer: PAGE.footer,
            },
          },
        },
        footers: { default: pageNumberFooter() },
        children: [...titleParts(outline), ...outline.blocks.flatMap(blockParts)],
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function reportDocxBytes(outline: ReportOutline): Promise<Buffer> {
  return Packer.toBuffer(reportDocument(outline), false, [
    { path: 'word/fontTable.xml', data: fontTableXml() },
  ]);
}
