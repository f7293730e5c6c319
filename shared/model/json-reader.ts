/** Reading JSON from outside field by field, collecting Chinese messages that name the bad key. */
import type { Extra } from './types';

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects problems instead of stopping at the first, so the user fixes them in one go. */
export class Reader {
  readonly errors: string[] = [];

  str(obj: Json, key: string, path: string): string {
    const v = obj[key];
    if (v === undefined || v === null) return '';
    if (typeof v === 'string') return v;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    this.errors.push(`${path}${key} 应为文字，实际是 ${JSON.stringify(v)}`);
    return '';
  }

  num(obj: Json, key: string, path: string): number | null {
    const v = obj[key];
    if (v === undefined || v === null || v === '') return null;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v.trim())))
      return Number(v.trim());
    this.errors.push(`${path}${key} 应为数字，实际是 ${JSON.stringify(v)}`);
    return null;
  }

  /** The objects of an array under `key`, each read by `each`; non-objects and non-arrays are named. */
  list<T>(obj: Json, key: string, path: string, each: (item: Json, itemPath: string) => T): T[] {
    const v = obj[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      this.errors.push(`${path}${key} 应为数组`);
      return [];
    }
    const out: T[] = [];
    v.forEach((item: unknown, i) => {
      if (isObject(item)) out.push(each(item, `${path}${key}[${i}].`));
      else this.errors.push(`${path}${key}[${i}] 应为对象`);
    });
    return out;
  }

  oneOf<T extends string>(
    obj: Json,
    key: string,
    path: string,
    allowed: readonly T[],
    fallback: T | null,
  ): T | null {
    const v = obj[key];
    if (v === undefined || v === null || v === '') return fallback;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    this.errors.push(`${path}${key} 应为 ${allowed.join(' / ')} 之一，实际是 ${JSON.stringify(v)}`);
    return fallback;
  }
}

export function extraOf(obj: Json, known: ReadonlySet<string>): Extra | undefined {
  const extra: Extra = {};
  let any = false;
  for (const [k, v] of Object.entries(obj)) {
    if (!known.has(k)) {
      extra[k] = v;
      any = true;
    }
  }
  return any ? extra : undefined;
}
