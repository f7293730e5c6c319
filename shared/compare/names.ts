/** What a comparison's statuses and line changes are called (the compare view and its Excel). */
import type { FormComparison, LineChange } from './compare';

export const FORM_STATUS_NAMES: Record<FormComparison['status'], string> = {
  added: '新增的表',
  removed: '删除的表',
  changed: '有修改',
  unchanged: '未修改',
};

const LINE_KINDS: Record<LineChange['kind'], string> = { added: '新增', removed: '删除', moved: '移动' };

/** 新增指标行, 删除资金行, 移动指标行 … */
export function lineChangeName(l: Pick<LineChange, 'kind' | 'section'>): string {
  return `${LINE_KINDS[l.kind]}${l.section === 'indicator' ? '指标行' : '资金行'}`;
}
