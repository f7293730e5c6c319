/**
 * A second process for the adversarial tests (tests/adversarial/), for what must run apart from
 * the test runner: a read that could hang (killed from outside if it does), or a user who is not
 * root (run under setpriv). Prints one JSON line with what happened.
 *
 *   node --import tsx tests/support/untrusted-child.ts open DOC.ziping DATA_DIR
 *     Every way the app reads a document (editor, snapshot, `ziping score`), each timed.
 *   node --import tsx tests/support/untrusted-child.ts review DOC.ziping DATA_DIR OUT_DIR
 *     What a reviewer does with a document they may not write: open it as the editor does, read,
 *     score, export, save a comment (into the review file, or into OUT_DIR when that fails).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentSession } from '../../electron/services/document-store';
import { readDocumentSnapshot } from '../../electron/services/document-store/snapshot';
import { readReviewFile } from '../../electron/services/document-store/review-store';
import { comment } from './review-items';
import { runZipingInProcess } from './run-cli';

const [mode, file, dataDir, outDir] = process.argv.slice(2);
if (!file || !dataDir || (mode !== 'open' && mode !== 'review')) {
  process.stderr.write('usage: untrusted-child.ts open|review DOC.ziping DATA_DIR [OUT_DIR]\n');
  process.exit(2);
}

async function timed<T>(run: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

async function openAll(doc: string, data: string): Promise<unknown> {
  await runZipingInProcess(['--help']); // Loads the command line first: the reads alone are timed.
  const session = await timed(() => {
    const r = DocumentSession.open(doc, { dataDir: data });
    if (r.ok) r.value.close({ discard: true });
    return r.ok ? null : r.error;
  });
  const snapshot = await timed(() => {
    const r = readDocumentSnapshot(doc, { dataDir: data });
    return r.ok ? null : r.error;
  });
  const score = await timed(() => runZipingInProcess(['score', doc]));
  return { session, snapshot, score };
}

async function review(doc: string, data: string, out: string): Promise<unknown> {
  const opened = DocumentSession.open(doc, { dataDir: data });
  if (!opened.ok) return { opened: opened.error };
  const s = opened.value;
  const formId = s.document.forms[0]?.id ?? null;
  const result: Record<string, unknown> = {
    uid: process.getuid?.(),
    readOnlyReason: s.readOnlyReason,
    forms: s.document.forms.length,
  };
  const score = await runZipingInProcess(['score', doc]);
  result.score = {
    code: score.code,
    forms: score.code === 0 ? (JSON.parse(score.stdout) as { forms: unknown[] }).forms.length : 0,
    stderr: score.stderr,
  };
  const xlsx = join(out, '导出.xlsx');
  const exported = await runZipingInProcess(['export', doc, '--out', xlsx, '--draft']);
  result.export = { code: exported.code, written: existsSync(xlsx), stderr: exported.stderr };
  const applied = s.applyReview([{ op: 'putReview', item: comment('c-nonroot', formId, '请补充佐证材料') }]);
  result.applied = applied.ok;
  const saved = s.save();
  result.save = saved.ok ? { ok: true, reviewFile: s.reviewFile } : { ok: false, error: saved.error };
  if (!saved.ok) {
    const elsewhere = join(out, '审核意见.ziping-review');
    const again = s.saveReviewAs(elsewhere);
    result.saveAs = again.ok ? { ok: true, reviewFile: s.reviewFile } : { ok: false, error: again.error };
  }
  const reviewFile = s.reviewFile;
  result.reviewItems =
    reviewFile && existsSync(reviewFile) ? readReviewFile(reviewFile).map((i) => i.id) : [];
  result.dirty = s.dirty;
  result.closed = s.close().ok;
  return result;
}

const result =
  mode === 'open' ? await openAll(file, dataDir) : await review(file, dataDir, outDir ?? dataDir);
process.stdout.write(`${JSON.stringify(result)}\n`);
