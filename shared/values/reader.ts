/**
 * The value reader (scoring.md §2): reads a target or actual value as typed on a form.
 * It never throws and never changes what was typed: every reading carries `raw`, and text it
 * cannot read as a number or a time is a qualitative reading.
 */
import type { Tier } from '../model/types';
import { normalizeValueText } from './normalize';
import type { Op, TimeReading, TimeUnit, ValueReading } from './types';

/** Operator words, longest first so that 大于等于 wins over 大于. */
const PREFIX_OPS: ReadonlyArray<[string, Op]> = [
  ['大于或等于', '>='],
  ['小于或等于', '<='],
  ['大于等于', '>='],
  ['高于等于', '>='],
  ['小于等于', '<='],
  ['低于等于', '<='],
  ['不少于', '>='],
  ['不低于', '>='],
  ['不小于', '>='],
  ['不超过', '<='],
  ['不高于', '<='],
  ['不大于', '<='],
  ['不多于', '<='],
  ['控制在', '<='],
  ['至少', '>='],
  ['达到', '>='],
  ['大于', '>'],
  ['高于', '>'],
  ['超过', '>'],
  ['多于', '>'],
  ['小于', '<'],
  ['低于', '<'],
  ['少于', '<'],
  ['>=', '>='],
  ['<=', '<='],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
];

const SUFFIX_OPS: ReadonlyArray<[string, Op]> = [
  ['及以上', '>='],
  ['以上', '>='],
  ['及以下', '<='],
  ['以下', '<='],
  ['以内', '<='],
  ['之内', '<='],
  ['内', '<='],
];

/** Words before a number that do not change its meaning: 完成12台, 累计5次. */
const NEUTRAL_PREFIXES = ['完成', '实现', '累计', '共计', '全年', '年均', '平均', '约', '共', '达', '各'];

const NUMBER = String.raw`\d+(?:\.\d+)?`;
const RANGE = new RegExp(`^(${NUMBER})[-~至到](${NUMBER})(.*)$`);
const LEADING_NUMBER = new RegExp(`^(${NUMBER})(.*)$`);
const UNIT_MAX = 12;
const NE_NOTE = '符号“≠”按“=”读取';

/**
 * Readings are pure functions of the text and documents repeat the same values endlessly
 * (达成预期指标, ≥90%), so they are memoised. Callers must treat readings as read-only.
 */
const cache = new Map<string, ValueReading>();
const CACHE_MAX = 50_000;

/** For benchmarks of a cold start. */
export function clearReadingCache(): void {
  cache.clear();
}

export function readValue(raw: string | null | undefined): ValueReading {
  const text = typeof raw === 'string' ? raw : raw == null ? '' : String(raw);
  const hit = cache.get(text);
  if (hit) return hit;
  let reading: ValueReading;
  try {
    reading = readNormalized(text, normalizeValueText(text));
  } catch {
    // The reader must never throw; anything unexpected stays as typed.
    reading = { kind: 'qualitative', raw: text };
  }
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(text, reading);
  return reading;
}

function readNormalized(raw: string, s: string): ValueReading {
  if (s === '' || /^[-/\\—]+$/.test(s)) return { kind: 'empty', raw };

  const parts = s.split(';').filter((p) => p !== '');
  if (parts.length > 1) {
    return { kind: 'compound', raw, parts: parts.map((p) => readNormalized(p, p)) };
  }
  if (parts.length === 1 && parts[0] !== s) return readNormalized(raw, parts[0] ?? '');

  return readTime(raw, s) ?? readNumber(raw, s) ?? readQualitative(raw, s);
}

// ---------------------------------------------------------------- numbers

function takePrefixOp(s: string): { op: Op | null; rest: string; ne: boolean } {
  if (s.startsWith('≠')) return { op: '=', rest: s.slice(1), ne: true };
  for (const [word, op] of PREFIX_OPS) {
    if (s.startsWith(word)) return { op, rest: s.slice(word.length), ne: false };
  }
  return { op: null, rest: s, ne: false };
}

function takeSuffixOp(s: string): { op: Op | null; rest: string } {
  for (const [word, op] of SUFFIX_OPS) {
    if (s.endsWith(word) && s.length > word.length) return { op, rest: s.slice(0, -word.length) };
  }
  return { op: null, rest: s };
}

function stripNeutral(s: string): string {
  for (const word of NEUTRAL_PREFIXES) {
    if (s.startsWith(word) && /^\d/.test(s.slice(word.length))) return s.slice(word.length);
  }
  return s;
}

function isUnit(unit: string): boolean {
  // Digits inside Latin units are part of them: m3/d, m2, km2.
  return unit.length <= UNIT_MAX && !/[\d<>=≠;~]/.test(unit.replace(/[A-Za-z]\d+/g, 'x'));
}

const SYMBOL_OP = /^(?:>=|<=|>|<|=|≠)/;

function readNumber(raw: string, s: string): ValueReading | null {
  const prefix = takePrefixOp(s);
  const body = stripNeutral(prefix.rest);
  const suffix = takeSuffixOp(body);
  const op = prefix.op ?? suffix.op;
  const core = suffix.rest;

  const range = RANGE.exec(core);
  if (range && !prefix.op) {
    const unit = range[3] ?? '';
    if (!isUnit(unit)) return null;
    return { kind: 'range', raw, min: Number(range[1]), max: Number(range[2]), unit };
  }

  const m = LEADING_NUMBER.exec(core);
  if (!m) {
    // 年初指标值 of layout B: a symbol and a unit only ("≥%", "=个"); words like 不超过 need a number.
    if (prefix.op && SYMBOL_OP.test(s) && isUnit(core) && core.length <= 4) {
      return { kind: 'operatorOnly', raw, op: prefix.op, unit: core };
    }
    return null;
  }
  const value = Number(m[1]);
  const unit = m[2] ?? '';
  if (!Number.isFinite(value) || !isUnit(unit)) return null;

  const finalOp: Op = op ?? '=';
  const direction =
    value === 0 && finalOp !== '>=' && finalOp !== '>'
      ? 'zero'
      : finalOp === '>=' || finalOp === '>'
        ? 'higher'
        : finalOp === '<=' || finalOp === '<'
          ? 'lower'
          : 'exact';
  const reading: ValueReading = { kind: 'number', raw, op: finalOp, direction, value, unit };
  if (prefix.ne) reading.note = NE_NOTE;
  return reading;
}

// ---------------------------------------------------------------- time

const TIME_UNITS: Record<string, TimeUnit> = {
  年: '年',
  季度: '季度',
  季: '季度',
  月: '月',
  周: '周',
  星期: '周',
  天: '天',
  日: '天',
  工作日: '天',
};

const EVERY = /^每(年|季度|季|月|周|星期|天|日|工作日)(?:底|末|初)?(?:前)?$/;
const WITHIN = /^(\d+)个?(年|季度|季|月|周|星期|天|日|工作日)(?:内|以内|之内)$/;
const SPAN_YEARS = /^(\d{1,2})年$/;
const DATE =
  /^(?:(\d{4})年?)?(?:(\d{1,2})月)?(?:(\d{1,2})[日号])?(份)?(底|末|初|上旬|中旬|下旬)?(前|之前|以前|前完成|完成|内|以内)?$/;
const DOTTED_DATE = /^(\d{4})[./-](\d{1,2})(?:[./-](\d{1,2}))?(前|之前|以前)?$/;
const YEAR_END = /^(?:本|当)?年(?:度)?(底|末)(前|之前)?$|^(?:本|当)年(?:度)?(?:内)?$/;

function readTime(raw: string, s: string): TimeReading | null {
  const every = EVERY.exec(s);
  if (every) return { kind: 'time', raw, bound: 'every', every: TIME_UNITS[every[1] ?? '月'] ?? '月' };

  const within = WITHIN.exec(s);
  if (within) {
    return {
      kind: 'time',
      raw,
      bound: 'within',
      span: { n: Number(within[1]), unit: TIME_UNITS[within[2] ?? '月'] ?? '月' },
    };
  }
  const years = SPAN_YEARS.exec(s);
  if (years) return { kind: 'time', raw, bound: 'within', span: { n: Number(years[1]), unit: '年' } };

  if (YEAR_END.test(s)) return { kind: 'time', raw, bound: 'by', end: true };

  const dotted = DOTTED_DATE.exec(s);
  if (dotted) {
    return dateReading(raw, Number(dotted[1]), Number(dotted[2]), dotted[3] ? Number(dotted[3]) : undefined, {
      deadline: Boolean(dotted[4]),
      end: false,
    });
  }

  const d = DATE.exec(s);
  if (!d) return null;
  const [, y, mo, day, , part, tail] = d;
  // A bare four-digit number is a number, not a year; a year needs 年.
  if (!mo && !(y && s.includes('年'))) return null;
  if (!y && !mo) return null;
  const end = part === '底' || part === '末';
  return dateReading(
    raw,
    y ? Number(y) : undefined,
    mo ? Number(mo) : undefined,
    day ? Number(day) : undefined,
    {
      deadline: Boolean(tail) || end,
      end,
    },
  );
}

function dateReading(
  raw: string,
  year: number | undefined,
  month: number | undefined,
  day: number | undefined,
  how: { deadline: boolean; end: boolean },
): TimeReading | null {
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (day !== undefined && (day < 1 || day > 31)) return null;
  if (year !== undefined && (year < 1900 || year > 2200)) return null;
  const r: TimeReading = { kind: 'time', raw, bound: how.deadline ? 'by' : 'on' };
  if (year !== undefined) r.year = year;
  if (month !== undefined) r.month = month;
  if (day !== undefined) r.day = day;
  if (how.end) r.end = true;
  return r;
}

// ---------------------------------------------------------------- qualitative

/**
 * The tier a phrase selects. PDF extracts cut the fixed phrases, so distinctive parts are
 * enough: "预期指标且未" is the tail of 未达成预期指标且效果较差, "如期指标并具" of 部分达成….
 */
export function tierOfPhrase(text: string): Tier | undefined {
  const s = normalizeValueText(text);
  if (s === '') return undefined;
  if (/未达成|未达到|未完成|没有完成|尚未完成|效果较差|指标且/.test(s)) return '未达成';
  if (/部分达成|部分完成|部分达到|基本完成|基本达成|并具有?一定效果|指标并具|并具/.test(s)) return '部分达成';
  if (/达成|达到|完成|已完|如期|按时完成|按期完成/.test(s)) return '达成';
  return undefined;
}

function readQualitative(raw: string, s: string): ValueReading {
  const tier = tierOfPhrase(s);
  return tier ? { kind: 'qualitative', raw, tier } : { kind: 'qualitative', raw };
}
