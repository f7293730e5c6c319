/**
 * Crash test of the document store (issue 3): a child process (tests/support/crash-child.ts)
 * edits and saves one document in a loop and is killed with SIGKILL at a random moment, round
 * after round. Each round starts from what the previous one left: the working copy the test
 * found in recovery, or the saved file when nothing was unsaved. After every kill:
 *  - the user's file opens, passes integrity_check and is exactly the old or the new version
 *    (the last save acknowledged, or the one in flight at the kill), compared form by form
 *    with a model that replays the same edits;
 *  - listRecoverable offers the working copy whenever it holds edits the file does not; it
 *    passes integrity_check and holds every acknowledged edit (the last ack, or the one after
 *    it when the kill came between commit and ack), again compared with the model;
 *  - the next child recovers it (or opens the file) and must find exactly that state.
 * Now and then the test itself recovers the working copy, saves and closes it, as a user would.
 *
 * CRASH_SEED=<n> replays the same plan of kills (timing still varies), CRASH_ROUNDS=<n> changes
 * the number of rounds, CRASH_KEEP=1 keeps the files for a look.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentSession, listRecoverable, recover } from '../../electron/services/document-store';
import { decodeDocument } from '../../electron/services/document-store/codec';
import { workingRoot } from '../../electron/services/document-store/working-copy';
import { applyPatch } from '../../shared/model/patch';
import type { Form, ZipingDocument } from '../../shared/model/types';
import { cellValue, crashEdit, SAVE_EVERY } from '../support/crash-child';
import { generatedDocument, rng } from '../support/documents';

const ROOT = join(import.meta.dirname, '..', '..');
const CHILD_SOURCE = join(ROOT, 'tests', 'support', 'crash-child.ts');
// 100 rounds still kill in every phase (boot, open, recover, edit, save) many times over;
// CRASH_ROUNDS=1000 for a long hunt after a change to the store.
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 100);
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const KEEP = process.env.CRASH_KEEP === '1';
/** Share of rounds after which the test itself recovers, saves and closes the document. */
const TEST_SAVES = 0.2;
/** A child that has not been killed by then is killed anyway (and the round counted as such). */
const WATCHDOG_MS = 15_000;

/** The document as it must be after edits 1..value: the same patches replayed on a plain model. */
class Model {
  private readonly doc: ZipingDocument;
  constructor(
    initial: ZipingDocument,
    public value: number,
  ) {
    this.doc = structuredClone(initial);
  }
  formsAt(value: number): Form[] {
    if (value < this.value) throw new Error(`model is at edit ${this.value}, cannot go back to ${value}`);
    for (; this.value < value;) {
      this.value++;
      for (const p of crashEdit(this.value)) applyPatch(this.doc, p);
    }
    return this.doc.forms;
  }
}

function expectForms(actual: Form[], model: Model, value: number, what: string): void {
  const expected = model.formsAt(value);
  // Bodies are stored as JSON: compare as JSON (fast), and diff with toEqual only when they differ.
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    expect(actual, `${what}: forms differ from the model at edit ${value}`).toEqual(
      JSON.parse(JSON.stringify(expected)),
    );
  }
}

type Plan =
  | { kind: 'boot'; delayMs: number }
  | { kind: 'open'; fraction: number }
  | { kind: 'edit'; afterAcks: number; fraction: number }
  | { kind: 'save'; nthSave: number; fraction: number }
  | { kind: 'timed'; delayMs: number };

interface Run {
  lines: string[];
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  watchdog: boolean;
}

/** Running estimates (ms) of how long the child takes for each step, to aim the kills. */
const estimate = { boot: 100, open: 10, recover: 10, edit: 2, save: 15 };
function learn(key: keyof typeof estimate, ms: number): void {
  estimate[key] = estimate[key] * 0.8 + ms * 0.2;
}

function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // Busy wait: timers cannot aim below a millisecond.
  }
}

function runChild(
  childFile: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  plan: Plan,
  mode: 'open' | 'recover',
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childFile, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const started = performance.now();
    const lines: string[] = [];
    let partial = '';
    let stderr = '';
    let killed = false;
    let watchdog = false;
    let acks = 0;
    let saves = 0;
    const at: Record<string, number> = {};
    const kill = () => {
      if (killed) return;
      killed = true;
      child.kill('SIGKILL');
    };
    /** Kills after `ms`: spinning for short delays so they land inside a step, not after it. */
    const killAfter = (ms: number) => {
      if (killed) return;
      if (ms < 25) {
        spin(ms);
        kill();
      } else setTimeout(kill, ms);
    };
    const timer = setTimeout(() => {
      watchdog = !killed;
      kill();
    }, WATCHDOG_MS);
    if (plan.kind === 'boot' || plan.kind === 'timed') setTimeout(kill, plan.delayMs);

    const onLine = (line: string) => {
      lines.push(line);
      const now = performance.now();
      const [word] = line.split(' ');
      if (word === 'opening') {
        learn('boot', now - started);
        at.opening = now;
        if (plan.kind === 'open') killAfter(plan.fraction * estimate[mode]);
      } else if (word === 'ready') {
        if (at.opening !== undefined) learn(mode, now - at.opening);
      } else if (word === 'ack') {
        acks++;
        if (at.ack !== undefined && at.saved === undefined) learn('edit', now - at.ack);
        at.ack = now;
        delete at.saved;
        if (plan.kind === 'edit' && acks === plan.afterAcks) killAfter(plan.fraction * estimate.edit);
      } else if (word === 'saving') {
        saves++;
        at.saving = now;
        if (plan.kind === 'save' && saves === plan.nthSave) killAfter(plan.fraction * estimate.save);
      } else if (word === 'saved') {
        if (at.saving !== undefined) learn('save', now - at.saving);
        at.saved = now;
      }
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) onLine(line);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (partial) lines.push(partial);
      resolve({ lines, stderr, code, signal, watchdog });
    });
  });
}

function choosePlan(r: () => number, mode: 'open' | 'recover'): Plan {
  // Rounds that open the saved file are rarer: more of them are aimed at the open.
  const x = mode === 'open' ? r() * 1.25 - 0.25 : r();
  // Kills aimed a little past the step's usual length too, so some land just after it.
  if (x < 0) return { kind: 'open', fraction: r() * 1.1 };
  if (x < 0.08) return { kind: 'boot', delayMs: r() * estimate.boot };
  if (x < 0.2) return { kind: 'open', fraction: r() * 1.1 };
  if (x < 0.5) return { kind: 'edit', afterAcks: 1 + Math.floor(r() * 40), fraction: r() * 1.2 };
  if (x < 0.85) return { kind: 'save', nthSave: 1 + Math.floor(r() * 3), fraction: r() * 1.1 };
  return { kind: 'timed', delayMs: r() * 400 };
}

function integrity(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

/** The document in an SQLite file, read directly (no session), with its integrity check. */
function readRaw(file: string): { check: string; doc: ZipingDocument } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = String(db.pragma('integrity_check', { simple: true }));
    return { check, doc: decodeDocument(db, file) };
  } finally {
    db.close();
  }
}

const TEMP_FILE = /^\.~.*\.tmp/;
// Temp and set-aside files of an owner lock taken or broken when the kill came (file-lock.ts).
const OWNER_TEMP = /^~\$.*\.(tmp|aside)$/;

describe('crash safety of the document store', () => {
  let buildDir = '';
  let work = '';
  let childFile = '';

  beforeAll(async () => {
    // Bundled once so each round starts plain node (no TypeScript loader), resolving
    // better-sqlite3 from the project's node_modules.
    const cache = join(ROOT, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    buildDir = mkdtempSync(join(cache, 'ziping-crash-'));
    childFile = join(buildDir, 'crash-child.mjs');
    await build({
      entryPoints: [CHILD_SOURCE],
      outfile: childFile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
    });
    work = mkdtempSync(join(tmpdir(), 'ziping-crash-'));
  });

  afterAll(() => {
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
    if (work && !KEEP) rmSync(work, { recursive: true, force: true });
    else if (work) console.log(`crash test files kept in ${work}`);
  });

  it(`survives ${ROUNDS} SIGKILLs while editing and saving`, { timeout: 600_000 }, async () => {
    console.log(`crash test: seed ${SEED} (CRASH_SEED=${SEED} to replay the plan), ${ROUNDS} rounds`);
    const random = rng(SEED);
    const t0 = performance.now();
    const docDir = join(work, 'docs');
    const dataDir = join(work, 'data');
    const checkDir = join(work, 'check-data');
    mkdirSync(docDir, { recursive: true });
    const docPath = join(docDir, '崩溃测试.ziping');
    // The child needs no TLS: without NODE_EXTRA_CA_CERTS, node starts in a third of the time.
    const env: NodeJS.ProcessEnv = { ...process.env, ZIPING_DATA_DIR: dataDir };
    delete env.NODE_EXTRA_CA_CERTS;

    // The document: 24 generated forms, the marked cell at edit 0, saved and closed.
    let initial: ZipingDocument;
    {
      const created = DocumentSession.create(
        docPath,
        { unit: '崩溃测试单位', year: 2024, layout: 'national' },
        { dataDir },
      );
      if (!created.ok) throw new Error(created.error.message);
      const s = created.value;
      const forms = generatedDocument(24, 12).forms;
      const a = s.apply(forms.map((form, index) => ({ op: 'insertForm' as const, index, form })));
      expect(a.ok).toBe(true);
      const b = s.apply([
        { op: 'setIndicator', formId: 'f1', indicatorId: 'i1', field: 'actual', value: '0' },
      ]);
      expect(b.ok).toBe(true);
      expect(s.save()).toEqual({ ok: true, value: undefined });
      initial = structuredClone(s.document);
      expect(s.close()).toEqual({ ok: true, value: undefined });
    }
    const fileModel = new Model(initial, 0);
    const workModel = new Model(initial, 0);

    /** The edit the durable document holds: the next child must find exactly this. */
    let current = 0;
    /** The edit the user's file holds. */
    let fileValue = 0;
    /** Set when the last round left unsaved edits in a working copy. */
    let recoverId: string | null = null;

    const phases: Record<string, number> = {};
    const notes: string[] = [];
    let ackedTotal = 0;
    let testSaves = 0;
    const spurious: Record<string, number> = {};
    let wasSpurious = false;
    const tempFiles = new Set<string>();
    const ownerTemps = new Set<string>();
    let junkFolders = new Set<string>();

    const checkFile = (allowed: number[], what: string): number => {
      const raw = readRaw(docPath);
      expect(raw.check, `${what}: integrity_check of the saved file`).toBe('ok');
      const value = cellValue(raw.doc);
      expect(
        allowed,
        `${what}: the saved file holds edit ${value}, not the old or the new version`,
      ).toContain(value);
      expectForms(raw.doc.forms, fileModel, value, `${what}: saved file`);
      // The saved file stands alone: no journal or WAL beside it.
      for (const suffix of ['-journal', '-wal'])
        expect(existsSync(docPath + suffix), `${what}: ${suffix} beside the saved file`).toBe(false);
      // And it opens as a document (probe, quick_check, decode) — read-only, so nothing is changed.
      const opened = DocumentSession.open(docPath, { readOnly: true, dataDir: checkDir });
      if (!opened.ok) throw new Error(`${what}: the saved file does not open: ${opened.error.message}`);
      expect(cellValue(opened.value.document)).toBe(value);
      expect(opened.value.close().ok).toBe(true);
      return value;
    };

    for (let round = 1; round <= ROUNDS; round++) {
      const mode: 'open' | 'recover' = recoverId ? 'recover' : 'open';
      const plan = choosePlan(random, mode);
      const start = current + 1;
      const args = [docPath, dataDir, String(start)];
      if (recoverId) args.push(`--recover=${recoverId}`);
      const run = await runChild(childFile, args, env, plan, mode);
      const what = `round ${round} (${mode}, plan ${JSON.stringify(plan)})`;

      // It died of our SIGKILL and of nothing else.
      if (run.signal !== 'SIGKILL' || run.watchdog) {
        throw new Error(
          `${what}: child ended with code ${run.code} signal ${run.signal}${run.watchdog ? ' (watchdog)' : ''}\n${run.stderr}\n${run.lines.slice(-5).join('\n')}`,
        );
      }
      expect(run.stderr, `${what}: child stderr`).toBe('');

      // What it acknowledged.
      let ready: number | null = null;
      let lastAck = current;
      let lastSaved: number | null = null;
      let inFlight: number | null = null;
      let acks = 0;
      for (const line of run.lines) {
        const [word, arg] = line.split(' ');
        const n = Number(arg);
        if (word === 'opening') continue;
        if (word === 'ready') {
          ready = n;
          expect(n, `${what}: child opened the document at edit ${n}`).toBe(current);
        } else if (word === 'ack') {
          expect(n, `${what}: acks out of order`).toBe(lastAck + 1);
          lastAck = n;
          acks++;
        } else if (word === 'saving') {
          expect(n).toBe(lastAck);
          expect(n % SAVE_EVERY).toBe(0);
          inFlight = n;
        } else if (word === 'saved') {
          expect(n).toBe(inFlight);
          lastSaved = n;
          inFlight = null;
        } else throw new Error(`${what}: unexpected line from the child: ${line}`);
      }
      const phase =
        ready === null
          ? run.lines.includes('opening')
            ? mode
            : 'boot'
          : inFlight !== null
            ? 'save'
            : 'edit';
      phases[phase] = (phases[phase] ?? 0) + 1;

      // (b) The user's file: the old version or the new one, intact.
      const before = lastSaved ?? fileValue;
      const allowedFile = inFlight === null ? [before] : [before, inFlight];
      fileValue = checkFile(allowedFile, what);

      // (a) The working copy: offered when it holds edits the file does not, with every acked edit.
      const offered = listRecoverable(dataDir);
      expect(
        offered.length,
        `${what}: recoverable working copies ${JSON.stringify(offered)}`,
      ).toBeLessThanOrEqual(1);
      let value: number;
      const offer = offered[0];
      if (offer) {
        expect(offer.originalPath).toBe(docPath);
        expect(offer.unsavedEdits).toBeGreaterThan(0);
        const file = join(workingRoot(dataDir), offer.sessionId, 'doc.ziping');
        const raw = readRaw(file);
        expect(raw.check, `${what}: integrity_check of the working copy`).toBe('ok');
        value = cellValue(raw.doc);
        expectForms(raw.doc.forms, workModel, value, `${what}: working copy`);
        // Never offered when the file already holds all of it (a kill between the rename of a
        // save and the update of session.json used to do that).
        expect(value, `${what}: working copy offered, but the file already holds edit ${value}`).not.toBe(
          fileValue,
        );
        if (value === fileValue && !wasSpurious) {
          spurious[phase] = (spurious[phase] ?? 0) + 1;
          if (Object.values(spurious).reduce((a, b) => a + b, 0) <= 6)
            notes.push(
              `${what}: kill during ${phase}; working copy offered with ${offer.unsavedEdits} unsaved edits, but the file already holds all of it (edit ${value})`,
            );
        }
        wasSpurious = value === fileValue;
      } else {
        // Nothing offered: the file (checked above) must hold everything.
        wasSpurious = false;
        value = fileValue;
      }
      if (ready === null)
        expect(value, `${what}: killed before any edit, yet the document changed`).toBe(current);
      else
        expect(
          [lastAck, lastAck + 1],
          `${what}: ${offer ? 'the working copy' : 'no working copy offered, and the file'} holds edit ${value}, last ack was ${lastAck}`,
        ).toContain(value);
      ackedTotal += acks;

      // Leftovers beside the document: temporary save files only when the kill came mid-save.
      for (const name of readdirSync(docDir)) {
        if (TEMP_FILE.test(name) && !tempFiles.has(name)) {
          tempFiles.add(name);
          expect(phase, `${what}: ${name} left behind, but the kill was not during a save`).toBe('save');
        }
        if (OWNER_TEMP.test(name) && !ownerTemps.has(name)) {
          ownerTemps.add(name);
          notes.push(`${what}: owner temp file ${name} left behind`);
        }
      }
      const folders = existsSync(workingRoot(dataDir)) ? readdirSync(workingRoot(dataDir)) : [];
      const junk = new Set(folders.filter((f) => f !== offer?.sessionId));
      for (const f of junk) {
        if (!junkFolders.has(f) && junkFolders.size < 5)
          notes.push(
            `${what}: working folder ${f} left behind, not offered (${readdirSync(join(workingRoot(dataDir), f)).join(', ')})`,
          );
      }
      junkFolders = junk;

      // The next round starts from here; now and then the user recovers and saves it themselves.
      current = value;
      recoverId = offer ? offer.sessionId : null;
      if (offer && (random() < TEST_SAVES || round === ROUNDS)) {
        const resumed = recover(dataDir, offer.sessionId, { dataDir });
        if (!resumed.ok) throw new Error(`${what}: recover failed: ${resumed.error.message}`);
        const s = resumed.value;
        expect(s.readOnly, `${what}: recovered read-only: ${s.readOnlyNotice()}`).toBe(false);
        expect(s.dirty).toBe(true);
        expect(integrity(s.workingFile)).toBe('ok');
        expectForms(s.document.forms, workModel, value, `${what}: recovered session`);
        expect(s.save(), `${what}: save of the recovered document`).toEqual({ ok: true, value: undefined });
        expect(s.close()).toEqual({ ok: true, value: undefined });
        fileValue = checkFile([value], `${what}, saved by the test`);
        expect(listRecoverable(dataDir)).toEqual([]);
        recoverId = null;
        wasSpurious = false;
        testSaves++;
      }
    }

    // What kills left behind is cleaned up: save temp files and owner temp files of dead processes
    // by the next open, half-opened working folders once they are older than a minute.
    const last = DocumentSession.open(docPath, { dataDir });
    if (!last.ok) throw new Error(last.error.message);
    last.value.close({ discard: true });
    expect(readdirSync(docDir).filter((n) => TEMP_FILE.test(n) || OWNER_TEMP.test(n))).toEqual([]);
    const root = workingRoot(dataDir);
    const old = new Date(Date.now() - 5 * 60_000);
    for (const f of existsSync(root) ? readdirSync(root) : []) utimesSync(join(root, f), old, old);
    const stillOffered = listRecoverable(dataDir).map((r) => r.sessionId);
    expect((existsSync(root) ? readdirSync(root) : []).sort()).toEqual(stillOffered.sort());

    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    const list = (r: Record<string, number>) =>
      Object.entries(r)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'none';
    const abandoned = new Set([...tempFiles].map((f) => f.replace(/-(journal|wal|shm)$/, '')));
    const tempBytes = [...tempFiles]
      .filter((f) => existsSync(join(docDir, f)))
      .reduce((sum, f) => sum + statSync(join(docDir, f)).size, 0);
    console.log(
      `crash test: ${ROUNDS} rounds in ${seconds} s (seed ${SEED}); kills during ${list(phases)}; ` +
        `${ackedTotal} acked edits all recovered (document at edit ${current}, file at ${fileValue}); ` +
        `${testSaves} recover+save by the test; spurious recovery offers (kill during): ${list(spurious)}; ` +
        `${abandoned.size} abandoned save temp files (${tempFiles.size} with journals, ${(tempBytes / 1e6).toFixed(1)} MB) ` +
        `and ${ownerTemps.size} owner temp files left beside the document; ` +
        `${junkFolders.size} working folders left unoffered`,
    );
    for (const note of notes) console.log(`  note: ${note}`);
  });
});
