/**
 * Form JSON as written by the editor's export (doc/exportJson: every form, an array) and by
 * `ziping export-json` (one form a file): one formatting, read back to the same forms.
 */
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportJson } from '../../electron/cli/document-commands';
import { AppService } from '../../electron/services/handlers';
import { formJsonText, parseFormJson } from '../../shared/model/interchange';
import { SAMPLE_PATH } from '../../scripts/build-sample';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('ziping-form-json-');
const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };

describe('form JSON files', () => {
  it('are written alike by the editor and the command line', async () => {
    const doc = join(tempDir(), '示例.ziping');
    copyFileSync(SAMPLE_PATH, doc);
    const service = new AppService(join(tempDir(), 'data'));
    const opened = service.call('doc/open', { path: doc, readOnly: true });
    if (!opened.ok) throw new Error(opened.error.message);
    const document = service.current?.document;
    if (!document) throw new Error('no document');
    const editorFile = join(tempDir(), '全部.json');
    expect((await service.invoke('doc/exportJson', { path: editorFile })).ok).toBe(true);
    service.current?.close({ discard: true });

    const out = join(tempDir(), 'cli');
    expect(exportJson(doc, out, quiet)).toBe(0);
    const cliTexts = readdirSync(out)
      .sort()
      .map((name) => readFileSync(join(out, name), 'utf8'));

    const editorText = readFileSync(editorFile, 'utf8');
    const { forms, meta } = document;
    expect(editorText).toBe(formJsonText(forms, meta.layout));
    expect(cliTexts).toEqual(forms.map((f) => formJsonText(f, meta.layout)));
    // One formatting: the editor's array holds the CLI's files, each indented one step more.
    const indent = (text: string) => text.trimEnd().replace(/^/gm, '  ');
    expect(editorText).toBe(`[\n${cliTexts.map(indent).join(',\n')}\n]\n`);
    for (const text of [editorText, ...cliTexts]) {
      expect(text.endsWith('}\n') || text.endsWith(']\n')).toBe(true);
      expect(text.split('\n').every((line) => /^( {2})*\S|^$/.test(line))).toBe(true);
    }
    const back = cliTexts.map((t, i) => parseFormJson(JSON.parse(t), `f${i}`));
    expect(back.map((r) => r.ok && r.value.form.indicators)).toEqual(forms.map((f) => f.indicators));
  });
});
