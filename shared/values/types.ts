import type { Tier } from '../model/types';

/** Comparison written in a value: ≥ > ≤ < =. */
export type Op = '>=' | '>' | '<=' | '<' | '=';

/**
 * How a number is scored: higher is better, lower is better, exact (scored as higher-is-better,
 * over-achievement flagged), or a zero target (met only at 0).
 */
export type Direction = 'higher' | 'lower' | 'exact' | 'zero';

export interface NumberReading {
  kind: 'number';
  raw: string;
  op: Op;
  direction: Direction;
  value: number;
  /** Normalised unit as typed (个, 万元, %, 次/天 …); '' when none. */
  unit: string;
  /** Where the reader had to guess (e.g. "≠" read as "="): a short Chinese note. */
  note?: string;
}

export interface RangeReading {
  kind: 'range';
  raw: string;
  min: number;
  max: number;
  unit: string;
}

/** 年初指标值 of layout B often holds only the operator and unit: "≥%", "=个". */
export interface OperatorOnlyReading {
  kind: 'operatorOnly';
  raw: string;
  op: Op;
  unit: string;
}

export interface CompoundReading {
  kind: 'compound';
  raw: string;
  parts: ValueReading[];
}

export type TimeUnit = '年' | '季度' | '月' | '周' | '天';

export interface TimeReading {
  kind: 'time';
  raw: string;
  /** by = deadline (前/底/之前/以前); on = a bare date; within = a span (1个月内); every = 每月 … */
  bound: 'by' | 'on' | 'within' | 'every';
  year?: number;
  month?: number;
  day?: number;
  /** 底 / 末: the end of the month (or of the year when no month). */
  end?: boolean;
  span?: { n: number; unit: TimeUnit };
  every?: TimeUnit;
}

export interface QualitativeReading {
  kind: 'qualitative';
  raw: string;
  /** Set when the text selects a tier (达成预期指标, 部分达成…, 未达成…, 已完成 …). */
  tier?: Tier;
}

export interface EmptyReading {
  kind: 'empty';
  raw: string;
}

export type ValueReading =
  | NumberReading
  | RangeReading
  | OperatorOnlyReading
  | CompoundReading
  | TimeReading
  | QualitativeReading
  | EmptyReading;
