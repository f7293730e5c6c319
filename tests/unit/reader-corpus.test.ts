import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readValue } from '../../shared/values/reader';

interface Entry {
  raw: string;
  role: string;
  source: string;
  synthetic?: boolean;
  expect: Record<string, unknown>;
}

const corpus = JSON.parse(
  readFileSync(new URL('../fixtures/reader-corpus.json', import.meta.url), 'utf8'),
) as Entry[];

describe('value reader on real form values', () => {
  it('has at least 150 real strings', () => {
    expect(corpus.filter((e) => !e.synthetic).length).toBeGreaterThanOrEqual(150);
  });

  it.each(corpus.map((e) => [`${e.source} ${e.raw}`, e] as const))('%s', (_, entry) => {
    const reading = readValue(entry.raw);
    expect(reading.raw).toBe(entry.raw);
    expect(reading).toMatchObject(entry.expect);
  });
});
