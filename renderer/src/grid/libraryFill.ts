/**
 * A 三级指标 name typed or picked that the library knows brings its usual target, rule and levels
 * into the line's empty cells, in the same undo step as the name.
 */
import { fillFromEntry, findEntry, type IndicatorLibrary } from '../../../shared/library/indicator-library';
import type { LayoutDef } from '../../../shared/layouts/types';
import type { Form, Indicator } from '../../../shared/model/types';
import { patchesForCell, type EditOutcome } from './indicatorEdits';

export function withLibraryFill(
  form: Form,
  line: Indicator,
  name: unknown,
  named: EditOutcome,
  layout: LayoutDef,
  library: IndicatorLibrary,
): EditOutcome {
  if (!named.ok || named.patches.length === 0 || typeof name !== 'string') return named;
  const entry = findEntry(library, name);
  if (!entry) return named;
  const patches = [...named.patches];
  for (const [field, value] of Object.entries(fillFromEntry(line, entry))) {
    const filled = patchesForCell(form, line.id, field, value, layout, false);
    if (filled.ok) patches.push(...filled.patches);
  }
  return { ok: true, patches };
}
