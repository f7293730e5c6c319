import type { DocStatus } from '../../../shared/contract';

/** Where a save went: the document, or (read-only, 审核模式) the review file, by its name. */
export function savedWhere(status: DocStatus): string {
  const review = status.reviewFile;
  if (status.readOnly && review !== null) {
    const name = review.split(/[\\/]/).pop() ?? review;
    return `审核意见已保存到审核文件“${name}”（${review}），原文档没有改动`;
  }
  return status.path ? `已保存到 ${status.path}` : '已保存';
}
