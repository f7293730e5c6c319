/**
 * The contract's Node-side implementation (shared/contract.ts) over the document store. One
 * instance serves one window. Every argument is validated here: the renderer is not trusted.
 */
import type {
  CallError,
  CallResult,
  DocStatus,
  HandlerArgs,
  HandlerName,
  HandlerValue,
  OpenedDocument,
} from '../../shared/contract';
import { checkPatch } from '../../shared/model/validate';
import { checkReviewPatch } from '../../shared/review/validate';
import { DocFailure } from './document-store/errors';
import { readReviewFrom } from './document-store/review-store';
import { LAYOUT_IDS, type LayoutId } from '../../shared/model/types';
import { validYear } from '../../shared/model/year';
import {
  DocumentSession,
  discardRecoverable,
  listRecoverable,
  rebuildCleanCopy,
  recover,
} from './document-store';
import type { DocResult } from './document-store/errors';
import { readXlsxReview } from './excel/import';
import { exportDocument } from './excel/export';
import { writeErrorMessage } from './excel/errors';
import { ExportJobs, isJobId, type JobWatch } from './export-jobs';
import { readFormsFile } from './form-files';
import { writeFileAtomic } from './files';
import { formJsonText } from '../../shared/model/interchange';
import type { CompareAgainst } from '../../shared/contract';
import { checkCellRef } from '../../shared/history/check-cell';
import { compareOpenDocument, listHistory, savedVersions } from './history/compare-service';
import { writeComparisonXlsx } from './history/compare-xlsx';

/** Calls that take time (files written in the background) answer with a promise. */
type AsyncName = 'doc/exportXlsx' | 'forms/read' | 'review/read' | 'compare/exportXlsx';
type Impl = { [K in Exclude<HandlerName, AsyncName>]: (args: HandlerArgs<K>) => CallResult<HandlerValue<K>> };
type AsyncImpl = {
  [K in AsyncName]: (args: HandlerArgs<K>, watch: JobWatch) => Promise<CallResult<HandlerValue<K>>>;
};

const bad = (message: string): { ok: false; error: CallError } => ({
  ok: false,
  error: { code: 'bad-request', message },
});
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export class AppService {
  private session: DocumentSession | null = null;
  private readonly exports = new ExportJobs();

  /** `who`: the user and host the sessions are signed with (default: the OS user). */
  constructor(
    private readonly dataDir: string,
    private readonly who?: { user: string; host: string },
  ) {}

  private get sessionOptions(): { dataDir: string; who?: { user: string; host: string } } {
    return { dataDir: this.dataDir, ...(this.who ? { who: this.who } : {}) };
  }

  /**
   * Dispatches any call, the ones that take time included (what the HTTP server and IPC use).
   * `watch`: an export's steps are also reported there, and it stops when the signal aborts.
   */
  async invoke(name: string, args: unknown, watch: JobWatch = {}): Promise<CallResult<unknown>> {
    if (!Object.hasOwn(this.asyncImpl, name)) return this.call(name, args);
    if (!isObject(args)) return bad('请求参数应为对象');
    try {
      const impl = this.asyncImpl[name as AsyncName] as (
        a: unknown,
        w: JobWatch,
      ) => Promise<CallResult<unknown>>;
      return await impl(args, watch);
    } catch (e) {
      return internal(e);
    }
  }

  /** Dispatches a call whose name and arguments came from outside. Never throws. */
  call(name: string, args: unknown): CallResult<unknown> {
    if (Object.hasOwn(this.asyncImpl, name)) return bad(`请求 ${name} 需要异步调用（invoke）`);
    if (!Object.hasOwn(this.impl, name)) return bad(`不认识的请求：${name}`);
    if (!isObject(args)) return bad('请求参数应为对象');
    try {
      return (this.impl[name as Exclude<HandlerName, AsyncName>] as (a: unknown) => CallResult<unknown>)(
        args,
      );
    } catch (e) {
      return internal(e);
    }
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
    'app/state': () => ({
      ok: true,
      value: {
        document: this.session ? opened(this.session) : null,
        recoverable: listRecoverable(this.dataDir),
      },
    }),
    'doc/open': (args) => {
      if (typeof args.path !== 'string' || args.path === '') return bad('缺少要打开的文件');
      return this.replaceWith(
        DocumentSession.open(args.path, {
          ...this.sessionOptions,
          readOnly: args.readOnly === true,
          review: args.review === true,
        }),
      );
    },
    'doc/new': (args) => {
      if (args.path !== null && typeof args.path !== 'string') return bad('文件路径不正确');
      if (
        typeof args.unit !== 'string' ||
        !validYear(args.year) ||
        !LAYOUT_IDS.includes(args.layout as LayoutId)
      ) {
        return bad('新建文档需要单位、年度和样式');
      }
      return this.replaceWith(
        DocumentSession.create(
          args.path,
          { unit: args.unit, year: args.year, layout: args.layout },
          this.sessionOptions,
        ),
      );
    },
    'doc/apply': (args) => this.applyChecked(args.patches, checkPatch, (s, p) => s.apply(p), '缺少修改内容'),
    'review/apply': (args) =>
      this.applyChecked(args.patches, checkReviewPatch, (s, p) => s.applyReview(p), '缺少审核修改内容'),
    'doc/save': () => {
      const s = this.session;
      if (!s) return noDocument();
      const r = s.save();
      return r.ok ? { ok: true, value: status(s) } : r;
    },
    'doc/saveAs': (args) => {
      const s = this.session;
      if (!s) return noDocument();
      if (typeof args.path !== 'string' || args.path === '') return bad('缺少保存位置');
      const r = s.saveAs(args.path);
      return r.ok ? { ok: true, value: status(s) } : r;
    },
    'review/saveAs': (args) => {
      const s = this.session;
      if (!s) return noDocument();
      if (typeof args.path !== 'string' || !/\.ziping-review$/i.test(args.path))
        return bad('审核文件的保存位置应为 .ziping-review 文件');
      const r = s.saveReviewAs(args.path);
      return r.ok ? { ok: true, value: status(s) } : r;
    },
    'doc/rebuildCleanCopy': (args) => {
      if (typeof args.from !== 'string' || args.from === '') return bad('缺少要重建的文档');
      if (typeof args.to !== 'string' || !/\.ziping$/i.test(args.to))
        return bad('干净副本的保存位置应为 .ziping 文件');
      const r = rebuildCleanCopy(args.from, args.to);
      return r.ok ? { ok: true, value: { path: args.to, rows: r.value.rows } } : r;
    },
    'doc/exportJson': (args) => {
      const s = this.session;
      if (!s) return noDocument();
      if (typeof args.path !== 'string' || !/\.json$/i.test(args.path)) return bad('导出位置应为 .json 文件');
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
      const r = s.close({ discard: args.discard === true });
      if (!r.ok) return r;
      this.session = null;
      return { ok: true, value: null };
    },
    'recovery/recover': (args) => {
      if (typeof args.sessionId !== 'string') return bad('缺少要恢复的文档');
      return this.replaceWith(recover(this.dataDir, args.sessionId, this.sessionOptions));
    },
    'recovery/discard': (args) => {
      if (typeof args.sessionId !== 'string') return bad('缺少要丢弃的文档');
      discardRecoverable(this.dataDir, args.sessionId);
      return { ok: true, value: null };
    },
    'export/progress': (args) =>
      isJobId(args.jobId) ? { ok: true, value: this.exports.progress(args.jobId) } : badJobId(),
    'export/cancel': (args) =>
      isJobId(args.jobId) ? { ok: true, value: { cancelled: this.exports.cancel(args.jobId) } } : badJobId(),
    // ---- History and comparison (issue #7)
    'history/list': (args) => {
      const s = this.session;
      if (!s) return noDocument();
      if (args.formId !== undefined && (typeof args.formId !== 'string' || args.formId === ''))
        return bad('formId 应为表格编号');
      const cell = args.cell === undefined ? undefined : checkCellRef(args.cell);
      if (cell === null) return bad('要查看修改记录的单元格不正确');
      return listHistory(s, {
        ...(args.formId !== undefined ? { formId: args.formId } : {}),
        ...(cell ? { cell } : {}),
      });
    },
    'history/versions': () => {
      const s = this.session;
      return s ? savedVersions(s) : noDocument();
    },
    'compare/file': (args) => {
      const s = this.session;
      if (!s) return noDocument();
      const against = checkAgainst({ kind: 'file', path: args.path });
      return typeof against === 'string' ? bad(against) : compareOpenDocument(s, against, this.dataDir);
    },
    'compare/version': (args) => {
      const s = this.session;
      if (!s) return noDocument();
      const against = checkAgainst({ kind: 'version', saveSeq: args.saveSeq });
      return typeof against === 'string' ? bad(against) : compareOpenDocument(s, against, this.dataDir);
    },
  };

  private readonly asyncImpl: AsyncImpl = {
    'review/read': async (args) => {
      if (typeof args.path !== 'string' || args.path === '') return bad('缺少审核文件');
      if (/\.xlsx$/i.test(args.path)) {
        const r = await readXlsxReview(args.path);
        if (!r.ok) return { ok: false, error: { code: r.error.code, message: r.error.message } };
        if (r.value.length === 0)
          return {
            ok: false,
            error: {
              code: 'no-review',
              message: '这个 Excel 文件中没有审核意见：导出时需勾选“包含审核意见”',
            },
          };
        return { ok: true, value: { items: r.value } };
      }
      try {
        return { ok: true, value: { items: readReviewFrom(args.path) } };
      } catch (e) {
        if (e instanceof DocFailure) return { ok: false, error: e.error };
        throw e;
      }
    },
    'compare/exportXlsx': async (args) => {
      const s = this.session;
      if (!s) return noDocument();
      if (typeof args.path !== 'string' || !/\.xlsx$/i.test(args.path)) return bad('导出位置应为 .xlsx 文件');
      const against = checkAgainst(args.against);
      if (typeof against === 'string') return bad(against);
      const compared = compareOpenDocument(s, against, this.dataDir);
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
      if (typeof args.path !== 'string' || args.path === '') return bad('缺少要导入的文件');
      const { layout, year } = s.document.meta;
      return readFormsFile(args.path, { layout, year });
    },
    'doc/exportXlsx': async (args, watch) => {
      const s = this.session;
      if (!s) return noDocument();
      if (typeof args.path !== 'string' || args.path === '') return bad('缺少导出位置');
      if (args.draft !== undefined && typeof args.draft !== 'boolean') return bad('draft 应为是或否');
      if (args.review !== undefined && typeof args.review !== 'boolean') return bad('review 应为是或否');
      const ids = args.formIds;
      if (ids !== undefined && !(Array.isArray(ids) && ids.every((id) => typeof id === 'string')))
        return bad('formIds 应为表格编号的列表');
      if (args.jobId !== undefined && !isJobId(args.jobId)) return badJobId();
      // Every export is a job, named or not, so that closing the window stops it (cancelExports).
      const jobId = args.jobId ?? this.exports.unnamedId();
      const job = this.exports.start(jobId, watch);
      if (!job) return bad('同一编号的导出正在进行');
      // The export yields between forms, and edits applied meanwhile change the document in place:
      // it exports the document as it was when asked.
      const snapshot = structuredClone(s.document);
      try {
        const r = await exportDocument(snapshot, args.path, {
          draft: args.draft === true,
          ...(ids ? { formIds: ids } : {}),
          ...job,
          ...(args.review === true ? { review: new Map(s.review) } : {}),
        });
        if (!r.ok) return { ok: false, error: { code: r.error.code, message: r.error.message } };
        const { files, forms, draft, errors, warnings } = r.value;
        return { ok: true, value: { files, forms, draft, errors, warnings } };
      } finally {
        this.exports.finish(jobId);
      }
    },
  };

  /** A list of changes from outside: every one checked before any is applied. */
  private applyChecked<P>(
    patches: P[],
    check: (p: unknown) => string | null,
    apply: (s: DocumentSession, patches: P[]) => DocResult<unknown>,
    missing: string,
  ): CallResult<DocStatus> {
    const s = this.session;
    if (!s) return noDocument();
    if (!Array.isArray(patches)) return bad(missing);
    for (const p of patches) {
      const problem = check(p);
      if (problem) return bad(problem);
    }
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

function internal(e: unknown): { ok: false; error: CallError } {
  const detail = e instanceof Error ? e.message : String(e);
  return {
    ok: false,
    error: { code: 'internal', message: `内部错误：${detail.split('\n')[0]}（已输入的内容没有丢失）` },
  };
}

function badJobId(): { ok: false; error: CallError } {
  return bad('jobId 应为 1–64 个字母、数字、“-”或“_”');
}

/** What to compare with, checked; a Chinese reason when it is not usable. */
function checkAgainst(v: unknown): CompareAgainst | string {
  if (!isObject(v)) return '缺少比较对象';
  if (v.kind === 'file') {
    if (typeof v.path !== 'string' || v.path.trim() === '') return '缺少要比较的文件';
    if (!/\.ziping$/i.test(v.path.trim())) return '只能与自评表文档（.ziping）比较';
    return { kind: 'file', path: v.path.trim() };
  }
  if (v.kind === 'version') {
    if (!Number.isInteger(v.saveSeq) || Number(v.saveSeq) < 1) return '要比较的版本不正确';
    return { kind: 'version', saveSeq: Number(v.saveSeq) };
  }
  return '比较对象应为文件或已保存的版本';
}

function noDocument(): { ok: false; error: CallError } {
  return { ok: false, error: { code: 'no-document', message: '没有打开的文档：请先打开或新建文档' } };
}

export function status(s: DocumentSession): DocStatus {
  return {
    path: s.path,
    readOnly: s.readOnly,
    readOnlyNotice: s.readOnlyNotice(),
    dirty: s.dirty,
    meta: { ...s.document.meta },
    user: s.user,
    reviewing: s.reviewing,
    reviewFile: s.reviewFile,
    reviewNotice: s.reviewFileProblem,
  };
}

function opened(s: DocumentSession): OpenedDocument {
  return { status: status(s), document: s.document, review: [...s.review.values()] };
}
