/**
 * React keys for the checks list: they stay with a finding when others come or go above it (not
 * its index), so that an edit that adds or removes one finding leaves the other items' DOM alone.
 */
import type { Finding } from '../../../shared/checks/types';

// A form's findings are a new array only when that form was scored again: keys are worked out
// once per array, so the 全部表 list (≈ 17,000 findings) costs one form's keys per edit, not all.
const cache = new WeakMap<readonly Finding[], readonly string[]>();

/** Keys of one form's findings (every key carries the form's id, so forms' keys never collide). */
export function findingKeys(findings: readonly Finding[]): readonly string[] {
  const cached = cache.get(findings);
  if (cached) return cached;
  const seen = new Map<string, number>();
  const keys = findings.map((f) => {
    const base = `${f.formId}|${f.code}|${f.section}|${f.row ?? ''}|${f.field ?? ''}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}|${n}`;
  });
  cache.set(findings, keys);
  return keys;
}
