/**
 * The many-units calls of the contract (#22), for the document service (handlers.ts): scanning
 * folders as a job that can be watched and cancelled like an export, and the overview's workbook.
 * Neither needs an open document; both only read the units' files.
 */
import type { CallResult, UnitsOverview } from '../../../shared/contract';
import { writeErrorMessage } from '../excel/errors';
import type { ExportJobs, JobWatch } from '../export-jobs';
import { ReaderMissing } from './read-pool';
import type { UnitsScan } from './scan-units';
import { scanUnitsCached } from './units-cache';
import { writeUnitsXlsx } from './units-output';

export async function scanUnitsJob(
  args: { paths: string[]; jobId?: string },
  jobs: ExportJobs,
  watch: JobWatch,
  dataDir: string,
): Promise<CallResult<UnitsOverview>> {
  const jobId = args.jobId ?? jobs.unnamedId();
  const job = jobs.start(jobId, watch);
  if (!job) return { ok: false, error: { code: 'bad-request', message: '同一编号的任务正在进行' } };
  try {
    const { scan, readsFromDisk } = await scanUnitsCached(args.paths, {
      dataDir,
      indicators: false,
      signal: job.signal,
      onProgress: (done, total) => job.onProgress({ stage: 'scan', done, total, formName: '' }),
    });
    if (scan.units.length === 0 && scan.failed.length === 0) {
      const where = args.paths.join('、');
      return {
        ok: false,
        error: { code: 'not-found', message: `在 ${where} 中没有找到 .ziping 文档或 .xlsx 工作簿` },
      };
    }
    return { ok: true, value: { units: scan.units, forms: scan.forms, failed: scan.failed, readsFromDisk } };
  } catch (e) {
    if (job.signal.aborted)
      return { ok: false, error: { code: 'cancelled', message: '已取消读取，没有更改任何文件' } };
    return readerMissing(e);
  } finally {
    jobs.finish(jobId);
  }
}

export async function exportUnitsXlsx(
  args: { paths: string[]; path: string },
  dataDir: string,
): Promise<CallResult<{ path: string; units: number; forms: number }>> {
  // Read again through the cache: only files changed since the overview was shown are read.
  let scan: UnitsScan;
  try {
    ({ scan } = await scanUnitsCached(args.paths, { dataDir, indicators: false }));
  } catch (e) {
    return readerMissing(e);
  }
  try {
    await writeUnitsXlsx(args.path, scan, { indicators: false });
  } catch (e) {
    return {
      ok: false,
      error: { code: 'write-failed', message: `${writeErrorMessage(e, args.path)}；没有写入` },
    };
  }
  return { ok: true, value: { path: args.path, units: scan.units.length, forms: scan.forms.length } };
}

/** A broken install (the read pool's worker script missing) is said as such, not as an internal error. */
function readerMissing(e: unknown): { ok: false; error: { code: string; message: string } } {
  if (e instanceof ReaderMissing) return { ok: false, error: { code: 'reader-missing', message: e.message } };
  throw e;
}
