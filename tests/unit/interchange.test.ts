import { describe, expect, it } from 'vitest';
import { formToJson, parseFormJson } from '../../shared/model/interchange';
import { fixtureFiles, readFixture } from '../support/documents';

describe('interchange JSON', () => {
  it.each(fixtureFiles())('%s comes back identical (JSON in → model → JSON out)', (file) => {
    const { layout, form, json } = readFixture(file);
    expect(formToJson(form, layout)).toEqual(json);
  });

  it('keeps unknown keys at every level', () => {
    const input = {
      format: 'ziping-form',
      version: 1,
      layout: 'national',
      kind: 'project',
      year: 2024,
      projectName: 'x',
      custom: { a: 1 },
      funds: {
        weight: 10,
        rows: [{ source: '年度资金总额', fullYearBudget: 1, executed: 1, note: '行备注' }],
        extraFunds: true,
      },
      goals: { expected: 'e', actual: 'a', 目标备注: 'g' },
      indicators: [{ name: 'n', weight: 90, target: '1个', actual: '1个', 自定义: 5 }],
    };
    const parsed = parseFormJson(input, 'f1');
    if (!parsed.ok) throw new Error(parsed.error.join());
    const out = formToJson(parsed.value.form, parsed.value.layout) as Record<string, never>;
    expect(out.custom).toEqual({ a: 1 });
    expect(out.funds).toMatchObject({ extraFunds: true, rows: [{ note: '行备注' }] });
    expect(out.goals).toMatchObject({ 目标备注: 'g' });
    expect(out.indicators).toMatchObject([{ 自定义: 5 }]);
  });

  it('names every bad key in Chinese', () => {
    const parsed = parseFormJson({ layout: 'mars', indicators: [{ weight: '十' }, { tier: '很好' }] }, 'f1');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toEqual([
      expect.stringContaining('layout 应为 national'),
      'indicators[0].weight 应为数字，实际是 "十"',
      expect.stringContaining('indicators[1].tier 应为 达成 / 部分达成 / 未达成'),
    ]);
  });

  it('refuses other formats and newer versions', () => {
    expect(parseFormJson({ format: 'other' }, 'f1')).toMatchObject({ ok: false });
    const newer = parseFormJson({ format: 'ziping-form', version: 2 }, 'f1');
    expect(newer.ok).toBe(false);
    if (!newer.ok) expect(newer.error[0]).toContain('请升级');
  });

  it('accepts numbers written as text, as spreadsheets export them', () => {
    const parsed = parseFormJson({ indicators: [{ weight: ' 10 ' }] }, 'f1');
    expect(parsed.ok && parsed.value.form.indicators[0]?.weight).toBe(10);
  });
});
