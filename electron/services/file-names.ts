/**
 * File names made from what users typed (form names): no characters Windows or Linux refuse,
 * short enough in bytes of UTF-8 for the file system with the longest temp name added, and
 * distinct. Every writer that names files after forms takes its names from here.
 */
import path from 'node:path';

/** The longest name ext4, APFS and most others take: 255 bytes of UTF-8 (NTFS: 255 UTF-16 units, also kept). */
export const NAME_MAX_BYTES = 255;

/**
 * The most a temp name adds to the name it stands for: `.<name>.tmp-<pid>-<8 hex>` for a folder
 * (files: `.~<name>.<pid>.tmp`, less); a pid has at most 10 digits (Windows).
 */
const TEMP_ROOM_BYTES = '.'.length + '.tmp-'.length + 10 + '-'.length + 8;

/** The longest name (extension included) given to a file or folder we create from a user's text. */
export const FILE_NAME_MAX_BYTES = NAME_MAX_BYTES - TEMP_ROOM_BYTES;

const ELLIPSIS = '…';

export const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Characters as the user sees them: an emoji with modifiers or a surrogate pair is never split. */
function graphemes(text: string): string[] {
  return Array.from(new Intl.Segmenter('zh', { granularity: 'grapheme' }).segment(text), (s) => s.segment);
}

/** The longest start (or end) of `parts` that fits in `maxBytes`. */
function fitting(parts: readonly string[], maxBytes: number): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const part of parts) {
    const n = utf8Bytes(part);
    if (used + n > maxBytes) break;
    kept.push(part);
    used += n;
  }
  return kept;
}

/**
 * `text` in at most `maxBytes` bytes of UTF-8, never cutting a character. Too long, it keeps its
 * start and its end around "…": names of one unit's forms often differ only at the end
 * (…（一期）, …（二期）).
 */
export function shortenUtf8(text: string, maxBytes: number): string {
  if (utf8Bytes(text) <= maxBytes) return text;
  const chars = graphemes(text);
  const room = maxBytes - utf8Bytes(ELLIPSIS);
  if (room <= 0) return fitting(chars, maxBytes).join('');
  const head = fitting(chars, Math.ceil((room * 2) / 3));
  const headBytes = utf8Bytes(head.join(''));
  const tail = fitting([...chars.slice(head.length)].reverse(), room - headBytes).reverse();
  return `${head.join('')}${ELLIPSIS}${tail.join('')}`;
}

/** `name` (stem and extension) in at most `maxBytes` bytes, the extension kept whole. */
export function shortenFileName(name: string, maxBytes: number = FILE_NAME_MAX_BYTES): string {
  const ext = path.extname(name);
  return `${shortenUtf8(name.slice(0, name.length - ext.length), maxBytes - utf8Bytes(ext))}${ext}`;
}

/**
 * A file name (without extension) from a form's name: no characters Windows or Linux refuse,
 * at most `maxBytes` bytes of UTF-8.
 */
export function safeFileName(name: string, fallback: string, maxBytes: number = FILE_NAME_MAX_BYTES): string {
  const cleaned = [...name]
    .map((ch) => ((ch.codePointAt(0) ?? 0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return shortenUtf8(cleaned === '' ? fallback : cleaned, maxBytes);
}

/** Names as Windows and macOS compare them (case and Unicode form ignored). */
const sameOnDisk = (name: string): string => name.normalize('NFC').toLowerCase();

/** The names cut to `maxBytes`, repeats told apart by "(2)", "(3)"… before the extension. */
export function distinctFileNames(
  names: readonly string[],
  maxBytes: number = FILE_NAME_MAX_BYTES,
): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    const ext = path.extname(name);
    const stem = name.slice(0, name.length - ext.length);
    let candidate = shortenFileName(name, maxBytes);
    for (let k = 2; seen.has(sameOnDisk(candidate)); k++) {
      const mark = `(${k})`;
      candidate = `${shortenUtf8(stem, maxBytes - utf8Bytes(mark + ext))}${mark}${ext}`;
    }
    seen.add(sameOnDisk(candidate));
    return candidate;
  });
}

/** One file per form in a folder: `01-<name>.json`, numbered in order, safe and distinct. */
export function numberedFileNames(
  items: ReadonlyArray<{ name: string; fallback: string }>,
  ext: string,
): string[] {
  const width = String(items.length).length;
  return distinctFileNames(
    items.map(({ name, fallback }, i) => {
      const prefix = `${String(i + 1).padStart(width, '0')}-`;
      return `${prefix}${safeFileName(name, fallback, FILE_NAME_MAX_BYTES - utf8Bytes(prefix + ext))}${ext}`;
    }),
  );
}
