/**
 * 导入审核意见's reading: the review data of a review file (.ziping-review), of another copy of the
 * document (.ziping) or of an Excel export that carried it (.xlsx). Nothing changes here.
 */
import type { CallResult } from '../../shared/contract';
import type { ReviewItem } from '../../shared/review/types';
import { DocFailure } from './document-store/errors';
import { readReviewFrom } from './document-store/review-store';
import { readXlsxReview } from './excel/import';

export async function readReviewItems(file: string): Promise<CallResult<{ items: ReviewItem[] }>> {
  if (/\.xlsx$/i.test(file)) {
    const r = await readXlsxReview(file);
    if (!r.ok) return { ok: false, error: { code: r.error.code, message: r.error.message } };
    if (r.value.length === 0)
      return {
        ok: false,
        error: { code: 'no-review', message: '这个 Excel 文件中没有审核意见：导出时需勾选“包含审核意见”' },
      };
    return { ok: true, value: { items: r.value } };
  }
  try {
    return { ok: true, value: { items: readReviewFrom(file) } };
  } catch (e) {
    if (e instanceof DocFailure) return { ok: false, error: e.error };
    throw e;
  }
}
