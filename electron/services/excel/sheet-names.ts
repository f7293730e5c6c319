/** Worksheet names Excel accepts: at most 31 characters, none of []:*?/\, unique ignoring case. */

const MAX = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;

export function uniqueSheetNames(wanted: readonly string[], reserved: readonly string[] = []): string[] {
  const taken = new Set(reserved.map((n) => n.toLowerCase()));
  return wanted.map((raw, i) => {
    const clean =
      [...raw]
        .map((ch) => ((ch.codePointAt(0) ?? 0) < 0x20 ? '_' : ch))
        .join('')
        .replace(FORBIDDEN, '_')
        .replace(/^'+|'+$/g, '')
        .trim() || `表${i + 1}`;
    let name = clean.slice(0, MAX);
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = `(${n})`;
      name = `${clean.slice(0, MAX - suffix.length)}${suffix}`;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}
