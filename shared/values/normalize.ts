/**
 * Text normalisation for values typed or imported from forms: full-width to half-width,
 * the many ways of writing ≥/≤, no spaces, no thousands separators. The raw text is always
 * kept by the caller; this is only what the reader looks at.
 */

const SYMBOLS: ReadonlyArray<[RegExp, string]> = [
  [/[≧≥]/g, '>='],
  [/[≦≤]/g, '<='],
  [/＞/g, '>'],
  [/＜/g, '<'],
  [/﹥/g, '>'],
  [/﹤/g, '<'],
  [/[＝﹦]/g, '='],
  [/[％﹪]/g, '%'],
  [/[；]/g, ';'],
  [/[～〜]/g, '~'],
  [/[—–－]/g, '-'],
  [/[／]/g, '/'],
];

/** Full-width ASCII (U+FF01–U+FF5E) to half-width; ideographic space to space. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000 || code === 0xa0) out += ' ';
    else out += ch;
  }
  return out;
}

export function normalizeValueText(text: string): string {
  let s = text;
  for (const [re, to] of SYMBOLS) s = s.replace(re, to);
  s = toHalfWidth(s);
  s = s.replace(/\s+/g, '');
  // Two-character operators as some people type them: "> =", "=>", "=<".
  s = s.replace(/=>/g, '>=').replace(/=</g, '<=');
  s = s.replace(/>==/g, '>=').replace(/<==/g, '<=');
  // Thousands separators between digits: 1,200 / 1，200.
  s = s.replace(/(\d)[,，](?=\d{3}(?!\d))/g, '$1');
  s = s.replace(/。$/, '');
  return s;
}
