/** Worksheet names Excel accepts: at most 31 characters, none of []:*?/\, unique ignoring case. */

const MAX = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;

/** A name whose `tail` (“-基础数据表”) must survive: the name is shortened before it instead. */
export interface SheetNameWish {
  name: string;
  tail: string;
}

const cleaned = (raw: string) =>
  [...raw]
    .map((ch) => ((ch.codePointAt(0) ?? 0) < 0x20 ? '_' : ch))
    .join('')
    .replace(FORBIDDEN, '_')
    .replace(/^'+|'+$/g, '')
    .trim();

export function uniqueSheetNames(
  wanted: ReadonlyArray<string | SheetNameWish>,
  reserved: readonly string[] = [],
): string[] {
  const taken = new Set(reserved.map((n) => n.toLowerCase()));
  return wanted.map((wish, i) => {
    const { name: raw, tail: rawTail } = typeof wish === 'string' ? { name: wish, tail: '' } : wish;
    const tail = cleaned(rawTail).slice(0, MAX - 4);
    const clean = cleaned(raw) || `表${i + 1}`;
    const fit = (suffix: string) => `${clean.slice(0, MAX - suffix.length - tail.length)}${suffix}${tail}`;
    let name = fit('');
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = fit(`(${n})`);
    taken.add(name.toLowerCase());
    return name;
  });
}
