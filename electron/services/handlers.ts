/**
 * The contract's Node-side implementation (shared/contract.ts) over the document store. One
 * instance serves one window. Every call's arguments are parsed by the contract before its
 * handler runs (the renderer is not trusted): handlers receive them typed.
 */
import {
  isHandlerName,
  parseArgs,
  type Args,
  type CallResult,
  type DocStatus,
  type HandlerName,
  type OpenedDocument,
  type Value,
} from '../../shared/contract';
import type { Patch } from '../../shared/model/patch';
import type { ReviewPatch } from '../../shared/review/patch';
import { readReviewItems } from './review-read';
import {
  DocumentSession,
  discardRecoverable,
  listRecoverable,
  rebuildCleanCopy,
  recover,
} from './document-store';
import type { DocResult } from './document-store/errors';
import { bad, internal, noDocument } from './call-failures';
import { opened, status } from './doc-status';
import { exportXlsxJob } from './excel/export-call';
import { writeErrorMessage } from './excel/errors';
import { ExportJobs, type JobWatch } from './export-jobs';
import { readFormsFile } from './form-files';
import { writeFileAtomic } from './files';
import { formJsonText } from '../../shared/model/interchange';
import { compareOpenDocument, listHistory, savedVersions } from './history/compare-service';
import { writeComparisonXlsx } from './history/compare-xlsx';
import { readTargetsFor } from './excel/targets-reader';
import { addEntries, learnDocument, readLibrary } from './library/library-store';
import { readLibraryXlsx, writeLibraryXlsx } from './library/library-xlsx';
import { exportReport } from './report/export-report';
import { exportUnitsXlsx, scanUnitsJob } from './units/units-calls';
import { loadViewSettings, saveViewSettings } from './view-settings-store';
import { writeRolledOver } from './rollover-file';
import { learnFromDocument } from '../../shared/library/indicator-library';
import { describeRollover } from '../../shared/rollover/rollover';
import { userCalls } from './user-calls';

/** Calls that take time (files read or written in the background) answer with a promise. */
const ASYNC_NAMES = [
  'doc/exportXlsx',
  'forms/read',
  'review/read',
  'compare/exportXlsx',
  'doc/exportReport',
  'forms/readTargets',
  'library/importXlsx',
  'library/exportXlsx',
  'units/scan',
  'units/exportXlsx',
] as const;
type AsyncName = (typeof ASYNC_NAMES)[number];
type SyncName = Exclude<HandlerName, AsyncName>;
const isAsyncName = (name: HandlerName): name is AsyncName => ASYNC_NAMES.some((n) => n === name);

/** One handler per call of the contract, no more and no fewer (the compiler checks both ways). */
type Impl = { [N in SyncName]: (args: Args<N>) => CallResult<Value<N>> };
/** `watch`: what the caller of an export adds (the service host's progress listener and signal). */
type AsyncImpl = { [N in AsyncName]: (args: Args<N>, watch: JobWatch) => Promise<CallResult<Value<N>>> };

const unknownCall = (name: string) => bad(`不认识的请求：${name}`);

export class AppService {
  private session: DocumentSession | null = null;
  private readonly exports = new ExportJobs();

  /** `who`: the user and host the sessions are signed with (default: the user's name in the data folder). */
  constructor(
    private readonly dataDir: string,
    private who?: { user: string; host: string },
  ) {}

  private get sessionOptions(): { dataDir: string; who?: { user: string; host: string } } {
    return { dataDir: this.dataDir, ...(this.who ? { who: this.who } : {}) };
  }

  /**
   * Dispatches any call, the ones that take time included (what the HTTP server and IPC use).
   * `watch`: an export's steps are also reported there, and it stops when the signal aborts.
   */
  async invoke(name: string, args: unknown, watch: JobWatch = {}): Promise<CallResult<unknown>> {
    if (!isHandlerName(name)) return unknownCall(name);
    if (!isAsyncName(name)) return this.call(name, args);
    try {
      return await this.runAsync(name, args, watch);
    } catch (e) {
      return internal(e);
    }
  }

  /** Dispatches a call whose name and arguments came from outside. Never throws. */
  call(name: string, args: unknown): CallResult<unknown> {
    if (!isHandlerName(name)) return unknownCall(name);
    if (isAsyncName(name)) return bad(`请求 ${name} 需要异步调用（invoke）`);
    try {
      return this.run(name, args);
    } catch (e) {
      return internal(e);
    }
  }

  private run<N extends SyncName>(name: N, raw: unknown): CallResult<Value<N>> {
    const parsed = parseArgs(name, raw);
    if (!parsed.ok) return bad(parsed.message);
    const handler: Impl[N] = this.impl[name];
    return handler(parsed.value);
  }

  private async runAsync<N extends AsyncName>(
    name: N,
    raw: unknown,
    watch: JobWatch,
  ): Promise<CallResult<Value<N>>> {
    const parsed = parseArgs(name, raw);
    if (!parsed.ok) return bad(parsed.message);
    const handler: AsyncImpl[N] = this.asyncImpl[name];
    return handler(parsed.value, watch);
  }

  /** The calls this service answers: one per name of the contract (its test checks both ways at run time too). */
  handledNames(): string[] {
    return [...Object.keys(this.impl), ...Object.keys(this.asyncImpl)];
  }

  /** Stops the exports still running: their window is closing. They leave no file. */
  cancelExports(): void {
    this.exports.cancelAll();
  }

  /** The document open in this window, for the shell (title, close prompt). */
  get current(): DocumentSession | null {
    return this.session;
  }

  private readonly impl: Impl = {
    ...userCalls({
      dataDir: () => this.dataDir,
      session: () => this.session,
      status,
      signAs: (user) => {
        if (this.who) this.who = { ...this.who, user };
      },
    }),
    'app/state': () => ({
      ok: true,
      value: {
        document: this.session ? opened(this.session) : null,
        recoverable: listRecoverable(this.dataDir),
      },
    }),
    'doc/open': (args) =>
      this.replaceWith(
        DocumentSession.open(args.path, {
          ...this.sessionOptions,
          readOnly: args.readOnly === true,
          review: args.review === true,
        }),
      ),
    'doc/new': ({ path, unit, year, layout }) =>
      this.replaceWith(DocumentSession.create(path, { unit, year, layout }, this.sessionOptions)),
    'doc/apply': (args) => this.applyPatches(args.patches, (s, p) => s.apply(p)),
    'review/apply': (args) => this.applyPatches(args.patches, (s, p) => s.applyReview(p)),
    'doc/save': () => {
      const s = this.session;
      if (!s) return noDocument();
      const r = s.save();
      return r.ok ? { ok: true, value: this.saved(s) } : r;
    },
    'doc/saveAs': (args) => {
      const s = this.session;
      if (!s) return noDocument();
      const r = s.saveAs(args.path);
      return r.ok ? { ok: true, value: this.saved(s) } : r;
    },
    'review/saveAs': (args) => {
      const s = this.session;
      if (!s) return noDocument();
      const r = s.saveReviewAs(args.path);
      return r.ok ? { ok: true, value: status(s) } : r;
    },
    'doc/rebuildCleanCopy': (args) => {
      const r = rebuildCleanCopy(args.from, args.to);
      return r.ok ? { ok: true, value: { path: args.to, rows: r.value.rows } } : r;
    },
    'doc/exportJson': (args) => {
      const s = this.session;
      if (!s) return noDocument();
      const { forms, meta } = s.document;
      try {
        writeFileAtomic(args.path, formJsonText(forms, meta.layout));
      } catch (e) {
        return { ok: false, error: { code: 'write-failed', message: writeErrorMessage(e, args.path) } };
      }
      return { ok: true, value: { forms: forms.length, path: args.path } };
    },
    'doc/close': (args) => {
      const s = this.session;
      if (!s) return { ok: true, value: null };
      const r = s.close({ discard: args.discard });
      if (!r.ok) return r;
      this.session = null;
      return { ok: true, value: null };
    },
    'recovery/recover': (args) =>
      this.replaceWith(recover(this.dataDir, args.sessionId, this.sessionOptions)),
    'recovery/discard': (args) => {
      discardRecoverable(this.dataDir, args.sessionId);
      return { ok: true, value: null };
    },
    'export/progress': (args) => ({ ok: true, value: this.exports.progress(args.jobId) }),
    'export/cancel': (args) => ({ ok: true, value: { cancelled: this.exports.cancel(args.jobId) } }),
    // ---- History and comparison (issue #7)
    'history/list': (args) => {
      const s = this.session;
      return s ? listHistory(s, args) : noDocument();
    },
    'history/versions': () => {
      const s = this.session;
      return s ? savedVersions(s) : noDocument();
    },
    'compare/file': (args) => {
      const s = this.session;
      return s ? compareOpenDocument(s, { kind: 'file', path: args.path }, this.dataDir) : noDocument();
    },
    'doc/rollover': (args) => {
      const s = this.session;
      if (!s) return noDocument();
      const r = writeRolledOver(s.document, args.path, this.sessionOptions);
      if (!r.ok) return r;
      const { path, report } = r.value;
      return { ok: true, value: { path, year: report.year, lines: describeRollover(report) } };
    },
    'view/get': () => ({ ok: true, value: loadViewSettings(this.dataDir) }),
    'view/set': (args) => ({ ok: true, value: saveViewSettings(this.dataDir, args.change) }),
    'library/get': () => {
      const { library, notice } = readLibrary(this.dataDir);
      return { ok: true, value: { library, notice: notice ?? null } };
    },
    'compare/version': (args) => {
      const s = this.session;
      return s
        ? compareOpenDocument(s, { kind: 'version', saveSeq: args.saveSeq }, this.dataDir)
        : noDocument();
    },
  };

  private readonly asyncImpl: AsyncImpl = {
    'review/read': async (args) => {
      const r = await readReviewItems(args.path);
      // What the author may now take in with 导入审核意见 (shared/review/roles.ts).
      if (r.ok) this.session?.offerReview(r.value.items);
      return r;
    },
    'compare/exportXlsx': async (args) => {
      const s = this.session;
      if (!s) return noDocument();
      const compared = compareOpenDocument(s, args.against, this.dataDir);
      if (!compared.ok) return compared;
      try {
        return { ok: true, value: await writeComparisonXlsx(compared.value, args.path) };
      } catch (e) {
        return { ok: false, error: { code: 'write-failed', message: writeErrorMessage(e, args.path) } };
      }
    },
    'forms/read': async (args) => {
      const s = this.session;
      if (!s) return noDocument();
      const { layout, year } = s.document.meta;
      return readFormsFile(args.path, { layout, year });
    },
    'doc/exportReport': async (args) => {
      const s = this.session;
      if (!s) return noDocument();
      return exportReport(structuredClone(s.document), args.path);
    },
    'forms/readTargets': async (args) => {
      const s = this.session;
      if (!s) return noDocument();
      const r = await readTargetsFor(args.path, s.document);
      return r.ok ? r : { ok: false, error: { code: r.error.code, message: r.error.message } };
    },
    'library/importXlsx': async (args) => {
      const r = await readLibraryXlsx(args.path);
      if (!r.ok) return { ok: false, error: { code: r.error.code, message: r.error.message } };
      const { library, notice } = addEntries(this.dataDir, r.value.entries);
      return {
        ok: true,
        value: { library, notice: notice ?? null, read: r.value.entries.length, skipped: r.value.skipped },
      };
    },
    'library/exportXlsx': async (args) => {
      const { library } = readLibrary(this.dataDir);
      const withOpen = this.session ? learnFromDocument(library, this.session.document) : library;
      const r = await writeLibraryXlsx(args.path, withOpen.entries);
      if (!r.ok) return { ok: false, error: { code: r.error.code, message: r.error.message } };
      return { ok: true, value: { path: args.path, entries: r.value } };
    },
    'units/scan': (args, watch) => scanUnitsJob(args, this.exports, watch, this.dataDir),
    'units/exportXlsx': (args) => exportUnitsXlsx(args, this.dataDir),
    'doc/exportXlsx': (args, watch) => exportXlsxJob(this.session, args, this.exports, watch),
  };

  /**
   * The status after a save; the saved document's indicators go into the user's library. A library
   * that cannot be written never fails the save: the document is what matters.
   */
  private saved(s: DocumentSession): DocStatus {
    try {
      learnDocument(this.dataDir, s.document);
    } catch {
      // The library is a convenience; the next save tries again.
    }
    return status(s);
  }

  /** A list of changes (every one already checked by the contract) applied to the open document. */
  private applyPatches<P extends Patch | ReviewPatch>(
    patches: P[],
    apply: (s: DocumentSession, patches: P[]) => DocResult<unknown>,
  ): CallResult<DocStatus> {
    const s = this.session;
    if (!s) return noDocument();
    const r = apply(s, patches);
    return r.ok ? { ok: true, value: status(s) } : r;
  }

  /** One document per window: the one open must be closed (saved or discarded) first. */
  private replaceWith(next: DocResult<DocumentSession>): CallResult<OpenedDocument> {
    if (!next.ok) return next;
    if (this.session) {
      const closed = this.session.close();
      if (!closed.ok) {
        next.value.close({ discard: true });
        return closed;
      }
    }
    this.session = next.value;
    return { ok: true, value: opened(next.value) };
  }
}
