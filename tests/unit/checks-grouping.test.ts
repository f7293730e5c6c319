/**
 * The checks panel's groups (shared/checks/grouping.ts): findings of one kind become one line with
 * a count; totals problems come first, then errors, then warnings; the summary names the first error.
 */
import { describe, expect, it } from 'vitest';
import { checksSummary, groupFindings } from '../../shared/checks/grouping';
import type { Finding } from '../../shared/checks/types';
import { fixtureDocument } from '../support/documents';
import { getLayout } from '../../shared/layouts/definitions';
import { scoreForm } from '../../shared/scoring/form';

const f = (code: Finding['code'], level: Finding['level'], row: number, field = 'actual'): Finding => ({
  code,
  level,
  formId: 'a',
  section: code === 'weights-total' ? 'total' : 'indicator',
  row,
  field,
  message: `${code} ${row}`,
});

describe('groupFindings', () => {
  it('groups by kind with every finding kept; totals first, then errors, then warnings', () => {
    const findings = [
      f('unit-mismatch', 'warning', 0),
      f('deviation-reason-missing', 'error', 1, 'deviationReason'),
      f('required-empty', 'error', 2, 'actual'),
      f('deviation-reason-missing', 'error', 3, 'deviationReason'),
      f('required-empty', 'error', 4, 'target'),
      f('weights-total', 'error', 0, 'weight'),
    ];
    const groups = groupFindings(findings);
    expect(groups.map((g) => [g.title, g.findings.length])).toEqual([
      ['分值合计不是 100：请调整各指标分值', 1],
      ['得分低于分值：请填写偏差原因', 2],
      ['实际完成值未填写：请填写', 1],
      ['指标值未填写：请填写', 1],
      ['完成值与指标值单位不同：请核对', 1],
    ]);
    expect(groups.flatMap((g) => g.findings)).toHaveLength(findings.length);
    expect(checksSummary(groups)).toEqual({ errors: 5, warnings: 1, first: findings[5] });
  });

  it('a real document: each kind once, counts adding up to the findings', () => {
    const doc = fixtureDocument('national');
    const layout = getLayout('national');
    const findings = doc.forms.flatMap((form) => scoreForm(form, layout).findings);
    const groups = groupFindings(findings);
    expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
    expect(groups.reduce((n, g) => n + g.findings.length, 0)).toBe(findings.length);
    const levels = groups.map((g) => g.level);
    // Past the totals groups, no error group follows a warning group.
    const rest = groups.filter(
      (g) => !g.findings.some((x) => x.section === 'total' && x.code !== 'level1-split'),
    );
    const firstWarning = rest.findIndex((g) => g.level === 'warning');
    if (firstWarning >= 0) expect(rest.slice(firstWarning).every((g) => g.level === 'warning')).toBe(true);
    expect(levels.length).toBeGreaterThan(0);
  });

  it('nothing found: an empty summary', () => {
    expect(checksSummary(groupFindings([]))).toEqual({ errors: 0, warnings: 0, first: null });
  });
});
