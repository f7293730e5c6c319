/**
 * Comments on the form's other places: Shift+F2 (Excel's key for a comment) in a funds cell or a
 * header, goals or analysis box opens the composer on it (the indicator table handles its own
 * cells), and boxes with an unresolved comment are marked like Excel's commented cells.
 */
import { useEffect, type RefObject } from 'react';
import type { FindingSection } from '../../../shared/checks/types';
import type { Form } from '../../../shared/model/types';
import type { ReviewAnchor } from '../../../shared/review/types';
import { findingPlace } from '../layout/fieldNames';
import { fundsOrder } from '../grid/fundsOrder';
import type { DocumentStore } from '../state/documentStore';
import type { ReviewUi } from '../state/reviewUi';

/** A text box's anchor from its focus key (`header:projectName`, `goals:expected`, `analysis:标题`). */
function boxAnchor(key: string): ReviewAnchor {
  const at = key.indexOf(':');
  return { section: key.slice(0, at) as FindingSection, field: key.slice(at + 1) };
}

/** The anchor of the cell or box an event happened in; a funds cell's row as the model's (`toModel`). */
function anchorAt(target: Element, toModel: (gridRow: number) => number): ReviewAnchor {
  const fundsCell = target.closest('.funds-grid .ag-cell');
  if (fundsCell) {
    const shown = Number(fundsCell.closest('[row-index]')?.getAttribute('row-index'));
    const row = Number.isInteger(shown) ? toModel(shown) : shown;
    const field = fundsCell.getAttribute('col-id') ?? undefined;
    return { section: 'funds', ...(Number.isInteger(row) ? { row } : {}), ...(field ? { field } : {}) };
  }
  const box = target.closest('[data-focus-key]');
  const key = box?.getAttribute('data-focus-key');
  return key ? boxAnchor(key) : {};
}

export function useFormComments(
  root: RefObject<HTMLDivElement | null>,
  form: Form,
  store: DocumentStore,
  reviewUi: ReviewUi,
): void {
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.shiftKey && e.key === 'F2') || e.ctrlKey || e.altKey || !(e.target instanceof Element)) return;
      e.preventDefault();
      // The funds grid shows its rows in the layout's order (grid/fundsOrder.ts).
      const order = fundsOrder(form, store.layout.kinds[form.kind]);
      const anchor = anchorAt(e.target, order.toModel);
      const label = anchor.section
        ? findingPlace({ formId: form.id, section: anchor.section, ...anchor }, form, store.layout)
        : '本表';
      reviewUi.askComment({ formId: form.id, anchor, label });
    };
    el.addEventListener('keydown', onKey);
    return () => el.removeEventListener('keydown', onKey);
  }, [root, form, store, reviewUi]);

  // Marks on the text boxes (the grids mark their own cells).
  useEffect(() => {
    for (const box of root.current?.querySelectorAll<HTMLElement>('[data-focus-key]') ?? []) {
      const key = box.getAttribute('data-focus-key') ?? '';
      box.classList.toggle('field-commented', store.review.hasOpenComment(form.id, boxAnchor(key)));
    }
  });
}
