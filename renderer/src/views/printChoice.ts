/** Which forms 打印 / 导出 PDF takes: the one on screen, those ticked in the dialog, or all. */
import type { Form } from '../../../shared/model/types';

export type PrintScope = 'current' | 'chosen' | 'all';

/** The forms in the document's order; none when the choice names none. */
export function formsToPrint(
  forms: readonly Form[],
  scope: PrintScope,
  currentId: string | null,
  chosen: ReadonlySet<string>,
): Form[] {
  if (scope === 'all') return [...forms];
  if (scope === 'current') return forms.filter((f) => f.id === currentId);
  return forms.filter((f) => chosen.has(f.id));
}
