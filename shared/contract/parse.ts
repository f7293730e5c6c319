/**
 * Small parsers for what comes from outside (the renderer, a browser, a test): each takes an
 * unknown value and gives either the typed value or a Chinese message naming the bad field
 * (“参数 path 应为文本”). The contract's argument parsers are built from these; no library is
 * needed for a few dozen flat argument objects.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** `field` is the path of the value in the arguments ('path', 'against.path', 'formIds[2]'). */
export interface Parser<T> {
  (raw: unknown, field: string): Parsed<T>;
}

/** A parser whose field may be left out: `obj` makes its key optional. */
export interface OptionalParser<T> extends Parser<T | undefined> {
  readonly optional: true;
}

export type ParsedOf<P> = P extends Parser<infer T> ? T : never;

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** The field in a message: “参数 path”, or “请求参数” for the arguments as a whole. */
export const named = (field: string): string => (field === '' ? '请求参数' : `参数 ${field}`);

/** A message about a field: “参数 path 应为文本”. */
export const about = (field: string, text: string): string =>
  field === '' ? `请求参数${text}` : `参数 ${field} ${text}`;

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function str(options: { min?: number; max?: number } = {}): Parser<string> {
  const { min = 0, max = Infinity } = options;
  return (raw, field) => {
    if (typeof raw !== 'string') return fail(about(field, '应为文本'));
    if (raw.length < min)
      return fail(min === 1 ? about(field, `不能为空`) : about(field, `至少 ${min} 个字符`));
    if (raw.length > max) return fail(about(field, `不能超过 ${max} 个字符`));
    return ok(raw);
  };
}

export const num: Parser<number> = (raw, field) =>
  typeof raw === 'number' && Number.isFinite(raw) ? ok(raw) : fail(about(field, `应为数字`));

export function int(options: { min?: number } = {}): Parser<number> {
  const { min } = options;
  return (raw, field) => {
    if (typeof raw !== 'number' || !Number.isInteger(raw)) return fail(about(field, `应为整数`));
    if (min !== undefined && raw < min) return fail(about(field, `应为不小于 ${min} 的整数`));
    return ok(raw);
  };
}

export const bool: Parser<boolean> = (raw, field) =>
  typeof raw === 'boolean' ? ok(raw) : fail(about(field, `应为是或否（true 或 false）`));

/** One of a few fixed texts (a union of literals). */
export function literal<const T extends readonly string[]>(...values: T): Parser<T[number]> {
  const isOne = (v: unknown): v is T[number] => values.some((x) => x === v);
  return (raw, field) => (isOne(raw) ? ok(raw) : fail(about(field, `应为 ${values.join('、')} 之一`)));
}

export function optional<T>(parser: Parser<T>): OptionalParser<T> {
  const parse: Parser<T | undefined> = (raw, field) =>
    raw === undefined ? ok(undefined) : parser(raw, field);
  return Object.assign(parse, { optional: true as const });
}

export function nullable<T>(parser: Parser<T>): Parser<T | null> {
  return (raw, field) => (raw === null ? ok(null) : parser(raw, field));
}

export function arrayOf<T>(item: Parser<T>, options: { max?: number } = {}): Parser<T[]> {
  const { max = Infinity } = options;
  return (raw, field) => {
    if (!Array.isArray(raw)) return fail(about(field, `应为列表`));
    if (raw.length > max) return fail(about(field, `最多 ${max} 项`));
    const out: T[] = [];
    for (const [i, v] of raw.entries()) {
      const r = item(v, `${field}[${i}]`);
      if (!r.ok) return r;
      out.push(r.value);
    }
    return ok(out);
  };
}

type Shape = Record<string, Parser<unknown>>;
type OptionalKeys<S extends Shape> = {
  [K in keyof S]: S[K] extends OptionalParser<unknown> ? K : never;
}[keyof S];
type Flat<T> = { [K in keyof T]: T[K] };
export type ObjOf<S extends Shape> = Flat<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: ParsedOf<S[K]> } & {
    [K in OptionalKeys<S>]?: ParsedOf<S[K]>;
  }
>;

/**
 * An object with these fields, each parsed; the value holds only them (other keys sent are
 * dropped), and an optional field left out stays out.
 */
export function obj<S extends Shape>(shape: S): Parser<ObjOf<S>> {
  return (raw, field) => {
    if (!isRecord(raw)) return fail(about(field, `应为对象`));
    const out: Record<string, unknown> = {};
    for (const [key, parse] of Object.entries(shape)) {
      const r = parse(Object.hasOwn(raw, key) ? raw[key] : undefined, field === '' ? key : `${field}.${key}`);
      if (!r.ok) return r;
      if (r.value !== undefined) out[key] = r.value;
    }
    // Built key by key from the shape's own parsers just above: it is an ObjOf<S>.
    return ok(out as ObjOf<S>);
  };
}

/** Arguments with no fields (any extra keys are dropped). */
export const none: Parser<Record<string, never>> = (raw, field) =>
  isRecord(raw) ? ok({}) : fail(about(field, `应为对象`));

/** A parsed value that must also pass a test; `message` says what it should be. */
export function refine<T>(
  parser: Parser<T>,
  test: (value: T) => boolean,
  message: (field: string) => string,
): Parser<T> {
  return (raw, field) => {
    const r = parser(raw, field);
    return !r.ok || test(r.value) ? r : fail(message(field));
  };
}

/**
 * A parser from a domain check that already exists: a type guard, and the function that says
 * what is wrong (its message is used as is).
 */
export function checked<T>(is: (v: unknown) => v is T, problem: (v: unknown) => string | null): Parser<T> {
  return (raw, field) => (is(raw) ? ok(raw) : fail(problem(raw) ?? about(field, `不正确`)));
}
