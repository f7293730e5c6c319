/**
 * A second Ziping process for tests: opens a document and holds it until killed.
 *
 *   node --import tsx tests/support/hold-document.ts DOC.ziping DATA_DIR [--edit TEXT]
 *
 * With --edit, sets the scoreReason of the first indicator of the first form to TEXT (and does
 * not save), so that a kill leaves unsaved work behind. Prints one JSON line when it holds the
 * document — {"ready":true,"pid":…,"readOnly":…} — or {"ready":false,"error":…} and exits 1.
 */
import { DocumentSession } from '../../electron/services/document-store';

const [file, dataDir, flag, text] = process.argv.slice(2);
if (!file || !dataDir) {
  process.stderr.write('usage: hold-document.ts DOC.ziping DATA_DIR [--edit TEXT]\n');
  process.exit(2);
}

const opened = DocumentSession.open(file, { dataDir });
if (!opened.ok) {
  process.stdout.write(`${JSON.stringify({ ready: false, error: opened.error })}\n`);
  process.exit(1);
}
const session = opened.value;

if (flag === '--edit') {
  const form = session.document.forms[0];
  const indicator = form?.indicators[0];
  if (!form || !indicator) {
    process.stdout.write(`${JSON.stringify({ ready: false, error: 'no indicator to edit' })}\n`);
    process.exit(1);
  }
  const edited = session.apply([
    {
      op: 'setIndicator',
      formId: form.id,
      indicatorId: indicator.id,
      field: 'scoreReason',
      value: text ?? '子进程的修改',
    },
  ]);
  if (!edited.ok) {
    process.stdout.write(`${JSON.stringify({ ready: false, error: edited.error })}\n`);
    process.exit(1);
  }
}

process.stdout.write(
  `${JSON.stringify({ ready: true, pid: process.pid, readOnly: session.readOnly, sessionId: session.id })}\n`,
);
// Hold the document until the test kills this process.
setInterval(() => undefined, 60_000);
