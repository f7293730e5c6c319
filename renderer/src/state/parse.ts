/** Text cells: null/undefined from a cleared cell become ''. Numbers are read by shared/values/input. */
export function textInput(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  return String(raw);
}
