/** A cell ref that came from outside (the renderer), checked field by field. */
import {
  FORM_FIELD_KEYS,
  FUNDS_FIELD_KEYS,
  FUNDS_ROW_FIELD_KEYS,
  GOALS_FIELD_KEYS,
  INDICATOR_FIELD_KEYS,
  META_FIELD_KEYS,
} from '../layouts/field-names';
import type { CellRef } from './cells';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function oneOf<T extends string>(list: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (list as readonly string[]).includes(v);
}

/** The ref, or null when it is not a cell of a document. */
export function checkCellRef(v: unknown): CellRef | null {
  if (!isObject(v)) return null;
  if (v.section === 'meta')
    return oneOf(META_FIELD_KEYS, v.field) ? { section: 'meta', field: v.field } : null;
  const formId = v.formId;
  if (typeof formId !== 'string' || formId === '') return null;
  switch (v.section) {
    case 'header':
      return oneOf(FORM_FIELD_KEYS, v.field) ? { section: 'header', formId, field: v.field } : null;
    case 'funds':
      return oneOf(FUNDS_FIELD_KEYS, v.field) ? { section: 'funds', formId, field: v.field } : null;
    case 'fundsRow':
      return oneOf(FUNDS_ROW_FIELD_KEYS, v.field) && Number.isInteger(v.row) && Number(v.row) >= 0
        ? { section: 'fundsRow', formId, row: Number(v.row), field: v.field }
        : null;
    case 'goals':
      return oneOf(GOALS_FIELD_KEYS, v.field) ? { section: 'goals', formId, field: v.field } : null;
    case 'indicator':
      return oneOf(INDICATOR_FIELD_KEYS, v.field) && typeof v.indicatorId === 'string'
        ? { section: 'indicator', formId, indicatorId: v.indicatorId, field: v.field }
        : null;
    case 'analysis':
      return typeof v.key === 'string' ? { section: 'analysis', formId, key: v.key } : null;
    case 'audit':
      return (v.field === 'auditScore' || v.field === 'auditOpinion') &&
        typeof v.indicatorId === 'string' &&
        v.indicatorId !== ''
        ? { section: 'audit', formId, indicatorId: v.indicatorId, field: v.field }
        : null;
    default:
      return null;
  }
}
