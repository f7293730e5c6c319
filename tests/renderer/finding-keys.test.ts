/** Keys of the checks list: they follow a finding, not its place, and are worked out once per list. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/checks/types';
import { findingKeys } from '../../renderer/src/views/findingKeys';
import { Recalculator } from '../../shared/scoring/recalculator';
import { generatedDocument } from '../support/documents';

const f = (row: number, code: Finding['code'] = 'deviation-reason-missing'): Finding => ({
  formId: 'f1',
  section: 'indicator',
  row,
  field: 'deviationReason',
  code,
  level: 'error',
  message: '…',
});

describe('findingKeys', () => {
  it('keeps the keys of the other findings when one comes above them', () => {
    const before = [f(3), f(7)];
    const after = [f(1), f(3), f(7)];
    expect(findingKeys(after).slice(1)).toEqual(findingKeys(before));
  });

  it('tells apart findings at the same place with the same code', () => {
    const keys = findingKeys([f(2), f(2), f(2)]);
    expect(new Set(keys).size).toBe(3);
  });

  it('gives every finding of a document its own key, form by form', () => {
    const doc = generatedDocument(20, 30, 'national');
    const lists = new Recalculator(doc).results().map((r) => r.findings);
    const keys = lists.flatMap((l) => findingKeys(l));
    expect(keys.length).toBeGreaterThan(20);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('works a list out once: the same array gives the same keys back', () => {
    const list = [f(1), f(2)];
    expect(findingKeys(list)).toBe(findingKeys(list));
    expect(findingKeys([...list])).not.toBe(findingKeys(list));
    expect(findingKeys([...list])).toEqual(findingKeys(list));
  });
});
