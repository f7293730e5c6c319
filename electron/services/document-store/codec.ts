/** Rows of a .ziping file ↔ the document model. */
import type Database from 'better-sqlite3';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Patch } from '../../../shared/model/patch';
import {
  LAYOUT_IDS,
  type DocumentMeta,
  type Form,
  type Indicator,
  type LayoutId,
  type ZipingDocument,
} from '../../../shared/model/types';
import { newIndicator } from '../../../shared/model/factory';
import { isForm } from '../../../shared/model/validate';
import { failure } from './errors';

export const META_KEYS = [
  'unit',
  'year',
  'layout',
  'createdAt',
  'createdBy',
  'modifiedAt',
  'modifiedBy',
] as const;

/** Sets one meta row (key → text), adding it when missing. */
export function metaWriter(db: Database.Database): Database.Statement<[string, string]> {
  return db.prepare(
    'INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
}

/**
 * A form as stored: the model's JSON with an indicator's empty texts and nulls left out (most
 * cells of most lines are empty), which halves the file and the time to read it back.
 */
export function encodeForm(form: Form): string {
  return JSON.stringify(form, (key, value: unknown) => {
    if (key === 'indicators' && Array.isArray(value)) return value.map(compactIndicator);
    return value;
  });
}

function compactIndicator(ind: Indicator): Partial<Indicator> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(ind)) if (v !== '' && v !== null && v !== undefined) out[k] = v;
  return out as Partial<Indicator>;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function decodeDocument(db: Database.Database, file: string): ZipingDocument {
  const name = file.split(/[\\/]/).pop() ?? file;
  const damaged = (what: string) =>
    failure('damaged', `“${name}”已损坏（${what}）：请使用备份或上次保存的版本`, file);
  const rows = db.prepare('SELECT key, value FROM meta').all() as Array<{ key: string; value: string }>;
  const m = new Map(rows.map((r) => [r.key, r.value]));
  const layout = m.get('layout');
  const year = Number(m.get('year'));
  if (!layout || !(LAYOUT_IDS as readonly string[]).includes(layout) || !Number.isInteger(year))
    throw damaged('文档信息不完整');
  const meta: DocumentMeta = {
    unit: m.get('unit') ?? '',
    year,
    layout: layout as LayoutId,
    createdAt: m.get('createdAt') ?? '',
    createdBy: m.get('createdBy') ?? '',
    modifiedAt: m.get('modifiedAt') ?? '',
    modifiedBy: m.get('modifiedBy') ?? '',
  };
  const forms: Form[] = [];
  for (const row of db
    .prepare('SELECT id, body FROM forms ORDER BY position, id')
    .iterate() as IterableIterator<{ id: string; body: string }>) {
    let body: unknown;
    try {
      body = JSON.parse(row.body);
    } catch {
      throw damaged(`表 ${row.id} 的内容无法读取`);
    }
    if (isObject(body) && Array.isArray(body.indicators)) {
      body.indicators = body.indicators.map((i: unknown) =>
        isObject(i) && typeof i.id === 'string' ? newIndicator(i.id, i) : i,
      );
    }
    if (!isForm(body) || body.id !== row.id) throw damaged(`表 ${row.id} 的内容不完整`);
    forms.push(body);
  }
  return { meta, forms };
}

/** A logged change: deflated JSON, since a whole imported form is one patch. */
export function encodeChange(p: Patch | null): Buffer {
  return deflateRawSync(Buffer.from(JSON.stringify(p), 'utf8'), { level: 1 });
}

export function decodeChange(blob: Buffer): Patch | null {
  return JSON.parse(inflateRawSync(blob).toString('utf8')) as Patch | null;
}
