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

/** Two decimals always: 万元 amounts and scores in tables. */
export function fmt2(x: number): string {
  return round2(x).toFixed(2);
}

/** A fraction as a percentage with two decimals: 0.963860 → "96.39%". */
export function fmtPct(rate: number): string {
  return `${round2(rate * 100).toFixed(2)}%`;
}
