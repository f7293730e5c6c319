/**
 * Imports one .xlsx in a fresh process and reports how it went, for the memory bound of the
 * xlsx guard (tests/adversarial/xlsx-guard.test.ts): a process of its own, so that its peak
 * resident memory (maxRSS) is the import's and not the test runner's.
 *
 *   node --import tsx tests/support/xlsx-import-child.ts <file.xlsx>
 *
 * Prints one JSON line: { ok, code?, message?, ms, maxRssMb }.
 */
import { importXlsx } from '../../electron/services/excel/import';

const file = process.argv[2];
if (!file) throw new Error('usage: xlsx-import-child.ts <file.xlsx>');
const started = performance.now();
const result = await importXlsx(file);
const ms = Math.round(performance.now() - started);
const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(
  JSON.stringify(
    result.ok
      ? { ok: true, forms: result.value.forms.length, ms, maxRssMb }
      : { ok: false, code: result.error.code, message: result.error.message, ms, maxRssMb },
  ) + '\n',
);
