/**
 * The bundled sample (samples/示例.ziping, `npm run sample`) is a clean example (issue #19): every
 * form passes the checks and exports without 草稿, except the one form named as showing the
 * typical mistakes, which is then the only one with findings and stops a full export.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocumentSnapshot } from '../../electron/services/document-store/snapshot';
import { exportDocument } from '../../electron/services/excel/export';
import { getLayout } from '../../shared/layouts/definitions';
import { scoreForm } from '../../shared/scoring/form';
import { SAMPLE_PATH } from '../../scripts/build-sample';
import { MISTAKES_MARK } from '../../scripts/sample-forms';

const dir = mkdtempSync(join(tmpdir(), 'ziping-sample-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sample() {
  const r = readDocumentSnapshot(SAMPLE_PATH, { dataDir: join(dir, 'data') });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('the sample document', () => {
  it('has one form of typical mistakes; every other form has no finding at all', () => {
    const doc = sample();
    const layout = getLayout(doc.meta.layout);
    const mistakes = doc.forms.filter((f) => f.projectName.includes(MISTAKES_MARK));
    expect(mistakes).toHaveLength(1);
    const [shown] = mistakes;
    if (!shown) throw new Error('no mistakes form');
    for (const form of doc.forms) {
      const findings = scoreForm(form, layout).findings;
      if (form.projectName.includes(MISTAKES_MARK)) continue;
      expect(findings.map((f) => `${form.projectName}：${f.message}`)).toEqual([]);
    }
    const codes = new Set(scoreForm(shown, layout).findings.map((f) => f.code));
    expect([...codes].sort()).toEqual(['level1-split', 'required-empty']);
  });

  it('exports without 草稿 but for the mistakes form, which stops a full export', async () => {
    const doc = sample();
    const clean = doc.forms.filter((f) => !f.projectName.includes(MISTAKES_MARK));
    const file = join(dir, '示例.xlsx');
    const r = await exportDocument(doc, file, { formIds: clean.map((f) => f.id) });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({ draft: false, errors: 0, warnings: 0, forms: clean.length });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheets = book.worksheets.filter((ws) => ws.state === 'visible');
    expect(sheets.length).toBeGreaterThan(clean.length);
    for (const ws of sheets) expect(ws.headerFooter.oddHeader ?? '').not.toContain('草稿');

    const all = await exportDocument(doc, join(dir, '全部.xlsx'));
    expect(all.ok).toBe(false);
    if (all.ok) return;
    expect(all.error.message).toContain(MISTAKES_MARK);
  });
});
