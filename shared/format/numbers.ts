/** Number formatting and two-decimal rounding shared by scoring, checks and the UI. */

export type RoundingMode = 'halfUp' | 'truncate';

// Scores like 9.445 are stored as 9.444999…; the nudge makes half-up and truncation decide
// on the decimal the user sees, not on the binary approximation.
const NUDGE = 1e-9;

export function round2(x: number, mode: RoundingMode = 'halfUp'): number {
  const sign = x < 0 ? -1 : 1;
  const n = Math.abs(x) * 100;
  const cut = mode === 'truncate' ? Math.floor(n + NUDGE) : Math.floor(n + 0.5 + NUDGE);
  return (sign * cut) / 100 || 0;
}

/** Up to two decimals, no trailing zeros: 9.4 → "9.4", 10 → "10". */
export function fmtNum(x: number): string {
  return String(round2(x));
}

/** Two decimals always: scores in tables (amounts keep their typed decimals: fmtAmount). */
export function fmt2(x: number): string {
  return round2(x).toFixed(2);
}

/** A fraction as a percentage with two decimals: 0.963860 → "96.39%". */
export function fmtPct(rate: number): string {
  return `${round2(rate * 100).toFixed(2)}%`;
}

/** Most decimals an amount keeps: 0.000001 万元 is one 分 (fen), the smallest sum there is. */
export const AMOUNT_MAX_DECIMALS = 6;

/** Decimals of an amount as typed (9.233 → 3, 9.2 → 1, 9 → 0), at most AMOUNT_MAX_DECIMALS. */
export function decimalsOf(x: number): number {
  if (!Number.isFinite(x)) return 0;
  const text = String(Number(x.toFixed(AMOUNT_MAX_DECIMALS)));
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * 万元 amounts: at least two decimals, but never fewer than typed (9.233 → "9.233", 9.2 → "9.20"):
 * two decimals are the print's minimum, not a cut of what the user entered.
 */
export function fmtAmount(x: number): string {
  return x.toFixed(Math.max(2, decimalsOf(x)));
}
