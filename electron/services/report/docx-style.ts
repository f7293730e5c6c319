/**
 * The 自评报告's official look (GB/T 9704 habits): A4, margins 37/35/28/26 mm, 22 lines a page,
 * title 方正小标宋简体 22 pt, body 仿宋_GB2312 16 pt, headings 黑体 (一、) and 楷体_GB2312 （一）,
 * page numbers 宋体 14 pt. Fonts a machine may lack name their common stand-in in the font table
 * (w:altName), which Word uses to find a font when the named one is missing.
 */
import type { IFontAttributesProperties } from 'docx';

/** Millimetres to twips, rounded (docx's own helper cuts: A4 would come out 11905 wide, not 11906). */
const mm = (x: number) => Math.round((x * 1440) / 25.4);

export const PAGE = {
  width: mm(210),
  height: mm(297),
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
  // The page number's line 7 mm under the text, 14 pt high: its foot about 23 mm from the edge.
  footer: mm(23),
} as const;

/** Width of the text (twips): tables span it. */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

/** 225 mm of text in 22 lines: 28.9 pt a line. */
export const BODY_LINE = 578;

/** Half-points, as Word counts font sizes. */
export const SIZE = { title: 44, body: 32, table: 21, caption: 24, pageNumber: 28 } as const;

/** Two characters of the body's 16 pt. */
export const FIRST_LINE_INDENT = 640;

export interface FontFace {
  name: string;
  fallback: string;
}

export const FONTS = {
  title: { name: '方正小标宋简体', fallback: '宋体' },
  body: { name: '仿宋_GB2312', fallback: '仿宋' },
  heading1: { name: '黑体', fallback: 'SimHei' },
  heading2: { name: '楷体_GB2312', fallback: '楷体' },
  pageNumber: { name: '宋体', fallback: 'SimSun' },
} as const satisfies Record<string, FontFace>;

/** Digits and Latin letters in Times New Roman, Chinese in the face given. */
export function runFont(face: FontFace): IFontAttributesProperties {
  return { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: face.name, cs: face.name };
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * word/fontTable.xml naming every face with its stand-in: charset 86 (GB2312), so that a
 * substitute is sought among Chinese fonts.
 */
export function fontTableXml(): string {
  const faces: FontFace[] = [
    ...Object.values(FONTS),
    { name: 'Times New Roman', fallback: 'Times New Roman' },
  ];
  const entries = faces.map((f) => {
    const alt = f.fallback === f.name ? '' : `<w:altName w:val="${escapeXml(f.fallback)}"/>`;
    const charset = f.name === 'Times New Roman' ? '00' : '86';
    return `<w:font w:name="${escapeXml(f.name)}">${alt}<w:charset w:val="${charset}"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`;
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    entries.join('') +
    '</w:fonts>'
  );
}
