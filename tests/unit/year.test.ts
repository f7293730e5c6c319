/** The valid year, one answer everywhere: the rule itself, the service's doc/new and `ziping new`. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newDocument } from '../../electron/cli/document-commands';
import { AppService } from '../../electron/services/handlers';
import { validYear, YEAR_MAX, YEAR_MIN, YEAR_RULE } from '../../shared/model/year';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('ziping-year-');
const GOOD = [YEAR_MIN, 2024, YEAR_MAX];
const BAD: unknown[] = [YEAR_MIN - 1, YEAR_MAX + 1, 1900, 2200, 24, 2024.5, Number.NaN, '2024', null];
const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };

describe('validYear', () => {
  it('takes the years of 2000–2100 and nothing else', () => {
    expect(GOOD.map(validYear)).toEqual(GOOD.map(() => true));
    expect(BAD.map(validYear)).toEqual(BAD.map(() => false));
    expect(YEAR_RULE).toContain(`${YEAR_MIN}–${YEAR_MAX}`);
  });
});

describe('the same answer in the service and the command line', () => {
  it('doc/new refuses a year out of the rule and creates one in it', () => {
    const refusing = new AppService(join(tempDir(), 'data'));
    for (const year of BAD) {
      const r = refusing.call('doc/new', { path: null, unit: '单位', year, layout: 'national' });
      expect(r.ok, String(year)).toBe(false);
    }
    // A new document is unsaved: each one in a service of its own.
    for (const year of GOOD) {
      const service = new AppService(join(tempDir(), `data-${year}`));
      const r = service.call('doc/new', { path: null, unit: '单位', year, layout: 'national' });
      expect(r.ok, String(year)).toBe(true);
      expect(service.current?.document.meta.year).toBe(year);
      service.current?.close({ discard: true });
    }
  });

  it('ziping new refuses a year out of the rule, saying the rule, and creates one in it', () => {
    for (const year of ['1999', '2101', '24', '二〇二四']) {
      const file = join(tempDir(), `bad-${year}.ziping`);
      const options = new Map([
        ['--unit', '单位'],
        ['--year', year],
      ]);
      expect(() => newDocument(file, options, quiet)).toThrow(`--year 应为${YEAR_RULE}，实际是“${year}”`);
      expect(existsSync(file)).toBe(false);
    }
    for (const year of GOOD) {
      const file = join(tempDir(), `good-${year}.ziping`);
      const options = new Map([
        ['--unit', '单位'],
        ['--year', String(year)],
      ]);
      expect(newDocument(file, options, quiet)).toBe(0);
      expect(existsSync(file)).toBe(true);
    }
  });
});
