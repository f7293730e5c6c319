/**
 * Excel holds at most 32,767 characters in one cell; with a longer text the file is not one
 * Excel and WPS open as written (the text is cut or the file "repaired"). Texts that the export writes into one cell are checked here, so the user
 * sees the cell in 审核 long before exporting (long goals and analysis texts are spread over
 * several rows by the export and need no check).
 */
import { EXCEL_CELL_TEXT_LIMIT, tooLongForCell } from '../model/cell-limit';
import { HEADER_TEXT_KEYS, INDICATOR_TEXT_FIELDS, type Form, type Indicator } from '../model/types';
import type { FindingLocation } from './types';

export { EXCEL_CELL_TEXT_LIMIT, tooLongForCell };

const FORM_TEXT_FIELDS = ['projectName', 'department', 'departmentCode', 'unit', 'unitCode'] as const;

/** The longest of a line's texts is over the limit: named reads, cheaper than a keyed loop. */
function anyLongField(ind: Indicator): boolean {
  return (
    Math.max(
      ind.level1.length,
      ind.level2.length,
      ind.name.length,
      ind.targetInitial.length,
      ind.target.length,
      ind.actual.length,
      ind.scoreReason.length,
      ind.deviationReason.length,
      ind.qualitativeNote.length,
      ind.ruleText.length,
      ind.basis.length,
      ind.lastYear.length,
      ind.evidence.length,
    ) > EXCEL_CELL_TEXT_LIMIT
  );
}

/** The single-cell texts of a form that are too long, with where they are and why. */
export function overlongTexts(form: Form): Array<{ where: Omit<FindingLocation, 'formId'>; why: string }> {
  // Runs for every form on every full scoring (30,000 lines): plain loops, nothing allocated
  // unless a text is too long.
  const found: Array<{ where: Omit<FindingLocation, 'formId'>; why: string }> = [];
  for (const field of FORM_TEXT_FIELDS) {
    const why = tooLongForCell(form[field]);
    if (why) found.push({ where: { section: 'header', field }, why });
  }
  const header = form.header;
  if (header) {
    for (const field of HEADER_TEXT_KEYS) {
      const why = tooLongForCell(header[field] ?? '');
      if (why) found.push({ where: { section: 'header', field }, why });
    }
  }
  const indicators = form.indicators;
  for (let row = 0; row < indicators.length; row++) {
    const ind = indicators[row] as Indicator;
    if (!anyLongField(ind)) continue;
    for (const field of INDICATOR_TEXT_FIELDS) {
      const why = tooLongForCell(ind[field]);
      if (why) found.push({ where: { section: 'indicator', row, field }, why });
    }
  }
  return found;
}
