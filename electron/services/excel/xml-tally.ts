/**
 * Counts, in one streaming pass over a part's XML, what exceljs would build from it: elements,
 * rows, cells, the cells that merges, data validations and defined names expand to (exceljs
 * makes an object for every cell of those ranges), columns and shared strings. It reads tags as
 * an XML parser does (a name ends at any whitespace, `/` or `>`; `<x:row` is a row; quoted `>`
 * does not end a tag; comments, CDATA and processing instructions are skipped), across chunk
 * boundaries, keeping no more than one tag in memory. Counting prefixed names and every part is
 * on purpose: more than exceljs reads, never less.
 */
import { zipDamaged, zipTooLarge } from './zip-entries';

export interface PartTally {
  elements: number;
  rows: number;
  cells: number;
  merges: number;
  /** Cells merges cover: exceljs makes each one (counted also where a `<c>` is written for it). */
  mergedCells: number;
  /** Cells data validations and defined names cover: exceljs keeps an entry for each. */
  rangeCells: number;
  /** Highest column a `<col max>` declares: exceljs makes every column up to it. */
  columns: number;
  strings: number;
  /** Highest row and column any row, cell or merge reaches (the readers loop over this area). */
  lastRow: number;
  lastCol: number;
}

/** Longest tag or defined-name text kept: a real one is a few hundred bytes. */
const MAX_TAG = 2 ** 20;
const LT = 0x3c;
const GT = 0x3e;
const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (all, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref] ?? all;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

const attributePatterns = new Map<string, RegExp>();
/** Values of an attribute, with or without a namespace prefix, entities decoded. */
function attributes(tag: string, name: string): string[] {
  let re = attributePatterns.get(name);
  if (!re) {
    re = new RegExp(
      `[ \\t\\r\\n](?:[^ \\t\\r\\n=:]+:)?${name}[ \\t\\r\\n]*=[ \\t\\r\\n]*("[^"]*"|'[^']*')`,
      'g',
    );
    attributePatterns.set(name, re);
  }
  return [...tag.matchAll(re)].map((m) => decodeEntities((m[1] ?? '""').slice(1, -1)));
}

/** Integers as exceljs reads them (parseInt); the largest when an attribute is given twice. */
function largest(values: string[]): number | null {
  const numbers = values.map((v) => parseInt(v, 10)).filter((n) => Number.isFinite(n));
  return numbers.length ? Math.max(...numbers) : null;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

interface Span {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Every A1 reference or range in a text (`$` optional, any case), as spans. */
function spans(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/\$?([A-Za-z]{1,3})\$?([0-9]+)(?::\$?([A-Za-z]{1,3})\$?([0-9]+))?/g)) {
    const [c1, r1] = [columnNumber(m[1] ?? ''), Number(m[2])];
    const [c2, r2] = m[3] ? [columnNumber(m[3]), Number(m[4])] : [c1, r1];
    out.push({
      top: Math.min(r1, r2),
      bottom: Math.max(r1, r2),
      left: Math.min(c1, c2),
      right: Math.max(c1, c2),
    });
  }
  return out;
}

const area = (list: Span[]) => list.reduce((n, s) => n + (s.bottom - s.top + 1) * (s.right - s.left + 1), 0);

type Mode = 'text' | 'tag' | 'bang' | 'skip';

export class XmlTally {
  readonly tally: PartTally = {
    elements: 0,
    rows: 0,
    cells: 0,
    merges: 0,
    mergedCells: 0,
    rangeCells: 0,
    columns: 0,
    strings: 0,
    lastRow: 0,
    lastCol: 0,
  };
  private mode: Mode = 'text';
  private tag: Buffer[] = [];
  private tagLength = 0;
  private quote = 0;
  private bang = '';
  /** In skip mode: the bytes that end the comment, CDATA or processing instruction. */
  private until = Buffer.alloc(0);
  private matched = 0;
  /** Text of the open defined name (null outside one). */
  private text: Buffer[] | null = null;
  private textLength = 0;
  private row = 0;
  private col = 0;

  constructor(private readonly part: string) {}

  feed(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.mode === 'text') {
        const lt = chunk.indexOf(LT, i);
        this.keepText(chunk.subarray(i, lt < 0 ? chunk.length : lt));
        if (lt < 0) return;
        this.mode = 'tag';
        this.tag = [];
        this.tagLength = 0;
        this.quote = 0;
        i = lt + 1;
      } else if (this.mode === 'tag') {
        i = this.readTag(chunk, i);
      } else if (this.mode === 'bang') {
        i = this.readBang(chunk, i);
      } else {
        i = this.skip(chunk, i);
      }
    }
  }

  private keepText(bytes: Buffer): void {
    if (this.text === null || bytes.length === 0) return;
    this.textLength += bytes.length;
    if (this.textLength > MAX_TAG) throw zipTooLarge(`部件 ${this.part} 中名称定义过长`);
    this.text.push(bytes);
  }

  private readTag(chunk: Buffer, from: number): number {
    if (this.tagLength === 0) {
      // Comments, CDATA, declarations and processing instructions are told by their first bytes.
      if (chunk[from] === 0x3f) return this.startSkip('?>', from + 1);
      if (chunk[from] === 0x21) {
        this.mode = 'bang';
        this.bang = '';
        return from;
      }
    }
    let i = from;
    for (; i < chunk.length; i++) {
      const b = chunk[i] ?? 0;
      if (this.quote) {
        if (b === this.quote) this.quote = 0;
      } else if (b === 0x22 || b === 0x27) {
        this.quote = b;
      } else if (b === GT) {
        break;
      }
    }
    this.tagLength += i - from;
    if (this.tagLength > MAX_TAG) throw zipTooLarge(`部件 ${this.part} 中有过长的元素`);
    this.tag.push(chunk.subarray(from, i));
    if (i === chunk.length) return i;
    this.mode = 'text';
    this.closeTag(this.tag.length === 1 ? (this.tag[0] ?? Buffer.alloc(0)) : Buffer.concat(this.tag));
    return i + 1;
  }

  /** After `<!`: a comment or CDATA; anything else is a declaration (a DTD), which no Office file has. */
  private readBang(chunk: Buffer, from: number): number {
    for (let i = from; i < chunk.length; i++) {
      this.bang += String.fromCharCode(chunk[i] ?? 0);
      if (this.bang === '!--') return this.startSkip('-->', i + 1);
      if (this.bang === '![CDATA[') return this.startSkip(']]>', i + 1);
      if (!'!--'.startsWith(this.bang) && !'![CDATA['.startsWith(this.bang))
        // A DTD could declare entities that expand into anything.
        throw zipDamaged(`部件 ${this.part} 含有 DTD 声明，不是 Excel 写的`);
    }
    return chunk.length;
  }

  private startSkip(until: string, at: number): number {
    this.mode = 'skip';
    this.until = Buffer.from(until, 'latin1');
    this.matched = 0;
    return at;
  }

  private skip(chunk: Buffer, from: number): number {
    const end = this.until;
    for (let i = from; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === end[this.matched]) this.matched++;
      else if (this.matched === 2 && end[0] === end[1] && b === end[1]) this.matched = 2;
      else this.matched = b === end[0] ? 1 : 0;
      if (this.matched === end.length) {
        // CDATA is text: a defined name may be written as one.
        this.keepText(chunk.subarray(from, i + 1));
        this.mode = 'text';
        return i + 1;
      }
    }
    this.keepText(chunk.subarray(from));
    return chunk.length;
  }

  private closeTag(tag: Buffer): void {
    let nameEnd = 0;
    while (nameEnd < tag.length && !isSpace(tag[nameEnd] ?? 0) && tag[nameEnd] !== 0x2f) nameEnd++;
    const closing = tag[0] === 0x2f;
    const qualified = tag.toString('latin1', closing ? 1 : 0, closing ? tag.length : nameEnd).trim();
    const name = qualified.slice(qualified.lastIndexOf(':') + 1);
    if (closing) {
      if (name === 'definedName') this.endDefinedName();
      return;
    }
    const t = this.tally;
    t.elements++;
    switch (name) {
      case 'row': {
        t.rows++;
        this.row = largest(attributes(tag.toString('latin1'), 'r')) ?? this.row + 1;
        this.col = 0;
        this.reach(this.row, 0);
        break;
      }
      case 'c': {
        t.cells++;
        const ref = spans(attributes(tag.toString('latin1'), 'r').join(' '));
        this.col = ref.length ? Math.max(...ref.map((s) => s.right)) : this.col + 1;
        this.reach(ref.length ? Math.max(...ref.map((s) => s.bottom)) : this.row, this.col);
        break;
      }
      case 'mergeCell': {
        t.merges++;
        const ref = spans(attributes(tag.toString('latin1'), 'ref').join(' '));
        t.mergedCells += area(ref);
        for (const s of ref) this.reach(s.bottom, s.right);
        break;
      }
      case 'dataValidation':
        t.rangeCells += area(spans(attributes(tag.toString('latin1'), 'sqref').join(' ')));
        break;
      case 'col':
        t.columns = Math.max(t.columns, largest(attributes(tag.toString('latin1'), 'max')) ?? 0);
        break;
      case 'si':
        t.strings++;
        break;
      case 'definedName':
        if (tag[tag.length - 1] !== 0x2f) {
          this.text = [];
          this.textLength = 0;
        }
        break;
    }
  }

  private endDefinedName(): void {
    if (this.text === null) return;
    this.tally.rangeCells += area(spans(decodeEntities(Buffer.concat(this.text).toString('latin1'))));
    this.text = null;
  }

  private reach(row: number, col: number): void {
    this.tally.lastRow = Math.max(this.tally.lastRow, row);
    this.tally.lastCol = Math.max(this.tally.lastCol, col);
  }
}
