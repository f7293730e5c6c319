/**
 * 'doc/exportXlsx' for the document service (handlers.ts): the open document written to Excel as
 * a job that can be watched and cancelled, and that stops when its window closes.
 */
import type { Args, CallResult, Value } from '../../../shared/contract';
import { bad, noDocument } from '../call-failures';
import type { DocumentSession } from '../document-store';
import type { ExportJobs, JobWatch } from '../export-jobs';
import { exportDocument } from './export';

export async function exportXlsxJob(
  s: DocumentSession | null,
  args: Args<'doc/exportXlsx'>,
  exports: ExportJobs,
  watch: JobWatch,
): Promise<CallResult<Value<'doc/exportXlsx'>>> {
  if (!s) return noDocument();
  const ids = args.formIds;
  // Every export is a job, named or not, so that closing the window stops it (cancelExports).
  const jobId = args.jobId ?? exports.unnamedId();
  const job = exports.start(jobId, watch);
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
    exports.finish(jobId);
  }
}
