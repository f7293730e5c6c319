/**
 * Worksheet names Excel accepts: at most 31 characters, none of []:*?/\, unique ignoring case;
 * long names that share their start keep the part that tells them apart.
 */

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

const sharedStart = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

/** Characters of a name's start kept before “…” when the part that tells it apart comes later. */
const KEPT_START = 4;
/** Characters kept before the first difference, so that a number keeps its word. */
const CONTEXT = 2;

/**
 * `name` in `room` characters. Cut at its end unless another name cut there would read the same
 * (“某某县2024年农村人居环境整治…” ×14): then the start they share is elided (“…”) so that the part
 * where they differ is kept.
 */
function shortened(name: string, others: readonly string[], room: number): string {
  if (name.length <= room) return name;
  const cut = name.slice(0, room).toLowerCase();
  // Names the same all through (or up to this one's end) have nothing to tell apart: “(2)” does.
  const shared = Math.max(
    0,
    ...others
      .filter((o) => o.slice(0, room).toLowerCase() === cut)
      .map((o) => sharedStart(name, o))
      .filter((n) => n < name.length),
  );
  if (shared === 0) return name.slice(0, room);
  // From a little before the first difference: “第1标段” and “第10标段” differ after “第1”.
  const from = Math.max(0, shared - CONTEXT);
  const distinct = name.slice(from);
  const start = Math.min(from, Math.max(KEPT_START, room - 1 - distinct.length));
  return `${name.slice(0, start)}…${distinct}`.slice(0, room);
}

export function uniqueSheetNames(
  wanted: ReadonlyArray<string | SheetNameWish>,
  reserved: readonly string[] = [],
): string[] {
  const taken = new Set(reserved.map((n) => n.toLowerCase()));
  const wishes = wanted.map((wish, i) => {
    const { name: raw, tail: rawTail } = typeof wish === 'string' ? { name: wish, tail: '' } : wish;
    return { clean: cleaned(raw) || `表${i + 1}`, tail: cleaned(rawTail).slice(0, MAX - 4) };
  });
  const all = wishes.map((w) => w.clean);
  return wishes.map(({ clean, tail }) => {
    const fit = (suffix: string) =>
      `${shortened(clean, all, MAX - suffix.length - tail.length)}${suffix}${tail}`;
    let name = fit('');
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = fit(`(${n})`);
    taken.add(name.toLowerCase());
    return name;
  });
}
