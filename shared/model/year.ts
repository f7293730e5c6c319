/**
 * The valid year of a document or form, one answer for the start panel, the form header, the
 * service and the CLI: a four-digit year of budget performance evaluation, 2000–2100.
 */
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

/** What a year must be, for messages: “年度应为…”, “--year 应为…”. */
export const YEAR_RULE = `${YEAR_MIN}–${YEAR_MAX} 之间的四位年度，例如 2024`;

export function validYear(year: unknown): year is number {
  return typeof year === 'number' && Number.isInteger(year) && year >= YEAR_MIN && year <= YEAR_MAX;
}
