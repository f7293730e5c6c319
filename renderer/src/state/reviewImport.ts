/**
 * 导入审核意见: a reviewer's review file (or their copy of the document) read on the Node side;
 * the items newer than the ones here are merged as one undoable step.
 */
import type { ReviewPatch } from '../../../shared/review/patch';
import type { ReviewItem } from '../../../shared/review/types';
import { invoke } from '../api/client';
import type { DocumentStore } from './documentStore';

const KIND_NAMES: Record<ReviewItem['kind'], string> = {
  comment: '批注',
  audit: '核查分数',
  status: '审核状态',
};

export async function importReview(store: DocumentStore, paths: string[]): Promise<void> {
  for (const path of paths) {
    store.setMessage(`正在读取 ${path}…`);
    const r = await invoke('review/read', { path });
    if (!r.ok) {
      store.setMessage(r.error.message, 'error');
      continue;
    }
    store.carryReview(r.value.items);
    const patches: ReviewPatch[] = [];
    const counts = new Map<string, number>();
    for (const item of r.value.items) {
      const here = store.review.items.get(item.id);
      if (here && here.updatedAt >= item.updatedAt) continue;
      patches.push({ op: 'putReview', item });
      const what = item.deleted ? '撤销的意见' : KIND_NAMES[item.kind];
      counts.set(what, (counts.get(what) ?? 0) + 1);
    }
    if (patches.length === 0) {
      store.setMessage(`“${path}”中没有比本文档更新的审核意见`);
      continue;
    }
    if (!store.applyReview(patches)) continue;
    const what = [...counts].map(([k, n]) => `${k} ${n} 条`).join('，');
    const skipped = r.value.items.length - patches.length;
    store.setMessage(
      `已导入审核意见：${what}${skipped > 0 ? `；${skipped} 条本文档已有相同或更新的版本` : ''}（可撤销）`,
    );
  }
}
