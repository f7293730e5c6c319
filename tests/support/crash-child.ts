/**
 * The victim of the crash test (tests/unit/crash.test.ts): opens a document, or recovers the
 * working copy a killed predecessor left, and then edits and saves in a loop until it is killed.
 *
 *   node --import tsx tests/support/crash-child.ts <docPath> <dataDir> <startSeq> [--recover=<sessionId>]
 *
 * Edit n (n = startSeq, startSeq + 1, …) is `crashEdit(n)`: it always sets `actual` of line i1 of
 * form f1 to String(n), so that cell tells which edits a file holds, and sometimes also inserts or
 * deletes lines and changes other forms in the same batch. Before the first edit the document must
 * hold edit startSeq − 1 (the test's account of what was durable); anything else is an error.
 *
 * Protocol on stdout, one line each, written synchronously so a line written is a line the test
 * reads even if the process dies right after:
 *   opening      about to call DocumentSession.open (or listRecoverable + recover)
 *   ready <n>    document open (or recovered), holding edit n
 *   ack <n>      apply(crashEdit(n)) returned ok: edit n is durable
 *   saving <n>   save() is about to start (the document holds edit n)
 *   saved <n>    save() returned ok: the user's file holds edit n
 * Any unexpected result: a line on stderr and exit code 2. Only SIGKILL ends it otherwise.
 */
import { realpathSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newIndicator } from '../../shared/model/factory';
import type { Patch } from '../../shared/model/patch';
import type { ZipingDocument } from '../../shared/model/types';
import { DocumentSession, listRecoverable, recover } from '../../electron/services/document-store';

/** The cell every edit sets: `actual` of this line holds the number of the last edit. */
export const CELL = { formId: 'f1', indicatorId: 'i1' } as const;
/** Every SAVE_EVERY-th edit is followed by a save. */
export const SAVE_EVERY = 5;

/** Edit n: one apply() call. Deterministic, so the test can replay it into its model. */
export function crashEdit(n: number): Patch[] {
  const patches: Patch[] = [];
  if (n % 7 === 0) {
    patches.push({
      op: 'insertIndicator',
      formId: 'f2',
      index: n % 5,
      indicator: newIndicator(`c${n}`, {
        level1: '产出指标',
        level2: '数量指标',
        name: `崩溃测试指标${n}`,
        target: '≥1个',
        actual: `${n % 3}个`,
        weight: 1,
      }),
    });
  }
  // The line inserted by edit n − 10 (n − 10 ≡ 0 mod 7) goes away again.
  if (n % 7 === 3 && n > 10) patches.push({ op: 'deleteIndicator', formId: 'f2', indicatorId: `c${n - 10}` });
  if (n % 3 === 1)
    patches.push({ op: 'setForm', formId: 'f3', field: 'projectName', value: `崩溃测试项目${n}` });
  if (n % 4 === 2)
    patches.push({ op: 'setGoals', formId: 'f2', field: 'actual', value: `第${n}次修改的完成情况` });
  if (n % 9 === 4) patches.push({ op: 'setFunds', formId: 'f4', field: 'scoreReason', value: `理由${n}` });
  // The marked cell last: a batch applied in part would show in the model comparison.
  patches.push({ op: 'setIndicator', ...CELL, field: 'actual', value: String(n) });
  return patches;
}

/** The value of the marked cell: the number of the last edit the document holds. */
export function cellValue(doc: ZipingDocument): number {
  const form = doc.forms.find((f) => f.id === CELL.formId);
  const line = form?.indicators.find((i) => i.id === CELL.indicatorId);
  if (!line) throw new Error(`document has no ${CELL.formId}/${CELL.indicatorId}`);
  const n = Number(line.actual);
  if (!Number.isInteger(n)) throw new Error(`${CELL.formId}/${CELL.indicatorId} actual is ${line.actual}`);
  return n;
}

function out(line: string): void {
  const buf = Buffer.from(`${line}\n`);
  let done = 0;
  while (done < buf.length) {
    try {
      done += writeSync(1, buf, done);
    } catch (e) {
      // stdout is a pipe the test drains; a full one only means wait.
      if ((e as { code?: string }).code !== 'EAGAIN') throw e;
    }
  }
}

function die(message: string): never {
  writeSync(2, `crash-child: ${message}\n`);
  process.exit(2);
}

function main(argv: string[]): never {
  const [docPath, dataDir, startArg, ...rest] = argv;
  const start = Number(startArg);
  if (!docPath || !dataDir || !Number.isInteger(start) || start < 1)
    die('usage: crash-child <docPath> <dataDir> <startSeq> [--recover=<sessionId>]');
  const recoverId = rest.find((a) => a.startsWith('--recover='))?.slice('--recover='.length);

  out('opening');
  let opened;
  if (recoverId) {
    // As the app does at start: look for unsaved work, then take it up.
    const offered = listRecoverable(dataDir);
    if (!offered.some((r) => r.sessionId === recoverId))
      die(`listRecoverable does not offer ${recoverId}: ${JSON.stringify(offered)}`);
    opened = recover(dataDir, recoverId, { dataDir });
  } else {
    opened = DocumentSession.open(docPath, { dataDir });
  }
  if (!opened.ok) die(`${recoverId ? 'recover' : 'open'}: ${opened.error.code} ${opened.error.message}`);
  const session = opened.value;
  if (session.readOnly) die(`opened read-only: ${session.readOnlyNotice()}`);
  const held = cellValue(session.document);
  if (held !== start - 1) die(`document holds edit ${held}, expected ${start - 1}`);
  out(`ready ${held}`);

  for (let n = start; ; n++) {
    const applied = session.apply(crashEdit(n));
    if (!applied.ok) die(`apply ${n}: ${applied.error.code} ${applied.error.message}`);
    out(`ack ${n}`);
    if (n % SAVE_EVERY === 0) {
      out(`saving ${n}`);
      const saved = session.save();
      if (!saved.ok) die(`save ${n}: ${saved.error.code} ${saved.error.message}`);
      out(`saved ${n}`);
    }
  }
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(path.resolve(entry)) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    die(`unexpected exception: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
}
