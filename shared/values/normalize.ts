/**
 * Text normalisation for values typed or imported from forms: full-width to half-width,
 * the many ways of writing ≥/≤, no spaces, no thousands separators. The raw text is always
 * kept by the caller; this is only what the reader looks at. One pass over the string:
 * it runs for every cell on every rescore.
 */

const SYMBOLS: Record<string, string> = {
  '≧': '>=',
  '≥': '>=',
  '≦': '<=',
  '≤': '<=',
  '＞': '>',
  '﹥': '>',
  '＜': '<',
  '﹤': '<',
  '＝': '=',
  '﹦': '=',
  '％': '%',
  '﹪': '%',
  '；': ';',
  '～': '~',
  '〜': '~',
  '—': '-',
  '–': '-',
  '－': '-',
  '／': '/',
  '\u3000': '',
  '\u00a0': '',
};

const SPECIAL = /[≧≥≦≤＞﹥＜﹤＝﹦％﹪；～〜—–－／\u3000\u00a0\uff01-\uff5e]|\s+/g;

function replaceSpecial(ch: string): string {
  const mapped = SYMBOLS[ch];
  if (mapped !== undefined) return mapped;
  const code = ch.codePointAt(0) ?? 0;
  // Full-width ASCII (U+FF01–U+FF5E) to half-width; whitespace runs vanish.
  return code >= 0xff01 && code <= 0xff5e ? String.fromCodePoint(code - 0xfee0) : '';
}

export function normalizeValueText(text: string): string {
  let s = text.replace(SPECIAL, replaceSpecial);
  if (s.includes('=')) {
    // Two-character operators as some people type them: "=>", "=<", ">==".
    s = s
      .replace(/=>/g, '>=')
      .replace(/=</g, '<=')
      .replace(/([<>])==/g, '$1=');
  }
  // Thousands separators between digits: 1,200 / 1，200.
  if (s.includes(',') || s.includes('，')) s = s.replace(/(\d)[,，](?=\d{3}(?!\d))/g, '$1');
  if (s.endsWith('。')) s = s.slice(0, -1);
  return s;
}
