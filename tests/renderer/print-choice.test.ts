/** 打印 / 导出 PDF: which forms a choice takes, and the title the print view carries. */
import { describe, expect, it } from 'vitest';
import { formsToPrint } from '../../renderer/src/views/printChoice';
import { printTitle } from '../../shared/print/print-title';
import { generatedDocument } from '../support/documents';

describe('formsToPrint', () => {
  const doc = generatedDocument(4, 1);
  const ids = (forms: { id: string }[]) => forms.map((f) => f.id);

  it('takes the form on screen, the ticked ones in the document order, or all', () => {
    expect(ids(formsToPrint(doc.forms, 'current', 'f3', new Set()))).toEqual(['f3']);
    expect(ids(formsToPrint(doc.forms, 'chosen', 'f3', new Set(['f4', 'f1'])))).toEqual(['f1', 'f4']);
    expect(ids(formsToPrint(doc.forms, 'all', null, new Set()))).toEqual(['f1', 'f2', 'f3', 'f4']);
  });

  it('takes none when nothing is ticked or no form is on screen (the dialog then asks for one)', () => {
    expect(formsToPrint(doc.forms, 'chosen', 'f1', new Set())).toEqual([]);
    expect(formsToPrint(doc.forms, 'current', null, new Set(['f1']))).toEqual([]);
  });

  it('titles one form by its name and several by the document', () => {
    const [one, two] = doc.forms;
    if (!one || !two) throw new Error('forms missing');
    expect(printTitle([one], doc.meta)).toBe('生成项目1');
    expect(printTitle([one, two], doc.meta)).toBe('生成单位2024年度绩效自评表');
  });
});
