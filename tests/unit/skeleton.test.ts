/** A new form starts with its layout's indicator tree, never a blank page (#21). */
import { describe, expect, it } from 'vitest';
import { getLayout } from '../../shared/layouts/definitions';
import { newBlankForm, skeletonIndicators } from '../../shared/model/skeleton';
import { FORM_KINDS, LAYOUT_IDS } from '../../shared/model/types';
import { scoreForm } from '../../shared/scoring/form';

describe('skeletonIndicators', () => {
  it("every layout and kind: lines under the layout's own 一级/二级 names, ids unique", () => {
    for (const layout of LAYOUT_IDS) {
      for (const kind of FORM_KINDS) {
        const lines = skeletonIndicators(layout, kind);
        const levels = getLayout(layout).kinds[kind].levels;
        expect(lines.length, `${layout} ${kind}`).toBeGreaterThan(0);
        expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length);
        for (const line of lines) {
          expect(Object.keys(levels)).toContain(line.level1);
          // 广东's 决策 lines carry the 二级 names of its printed form.
          if (line.level1 !== '决策') expect(levels[line.level1]).toContain(line.level2);
        }
      }
    }
  });

  it('project forms: the default split, so the weights add up to 100 with the execution weight', () => {
    for (const layout of LAYOUT_IDS) {
      const form = newBlankForm('f1', layout, 'project', 2025, '新项目');
      const result = scoreForm(form, getLayout(layout), true);
      expect(result.weightTotal, layout).toBeCloseTo(100, 6);
      const codes = new Set(result.findings.map((f) => f.code));
      expect(codes.has('weights-total'), layout).toBe(false);
      expect(codes.has('level1-split'), layout).toBe(false);
    }
  });

  it('national: 产出 50 over its four 二级, 效益 30 over four, 满意度 10; 成本指标 only under 产出', () => {
    const lines = skeletonIndicators('national', 'project');
    const sum = (level1: string) =>
      lines.filter((l) => l.level1 === level1).reduce((s, l) => s + (l.weight ?? 0), 0);
    expect([sum('产出指标'), sum('效益指标'), sum('满意度指标')]).toEqual([50, 30, 10]);
    expect(lines.some((l) => l.level1 === '成本指标')).toBe(false);
    expect(lines.filter((l) => l.level2 === '成本指标')).toHaveLength(1);
  });

  it("湖南 project: 成本指标 a 一级 of its own after 满意度指标, sharing 产出指标's 50 (004)", () => {
    const lines = skeletonIndicators('hunan', 'project');
    const levels = getLayout('hunan').kinds.project.levels;
    expect(lines.map((l) => [l.level1, l.level2])).toEqual(
      Object.entries(levels).flatMap(([l1, l2s]) => l2s.map((l2) => [l1, l2])),
    );
    expect([...new Set(lines.map((l) => l.level1))]).toEqual([
      '产出指标',
      '效益指标',
      '满意度指标',
      '成本指标',
    ]);
    expect(lines.filter((l) => l.level1 === '成本指标').map((l) => l.level2)).toEqual([
      '经济成本指标',
      '社会成本指标',
      '生态环境成本指标',
    ]);
    const sum = (names: string[]) =>
      Math.round(
        lines.filter((l) => names.includes(l.level1)).reduce((s, l) => s + (l.weight ?? 0), 0) * 100,
      ) / 100;
    expect([sum(['产出指标', '成本指标']), sum(['效益指标']), sum(['满意度指标'])]).toEqual([50, 30, 10]);
  });

  it('广东: 决策 20 printed as 资金管理 12 → 资金支出率 and 事项管理 8 → 监管有效性, weights on the levels', () => {
    const lines = skeletonIndicators('guangdong', 'project');
    expect(
      lines.slice(0, 2).map((l) => [l.level1, l.level1Weight, l.level2, l.level2Weight, l.name]),
    ).toEqual([
      ['决策', 20, '资金管理', 12, '资金支出率'],
      ['决策', 20, '事项管理', 8, '监管有效性'],
    ]);
    expect(lines.every((l) => l.weight === null)).toBe(true);
  });

  it('新疆 单位整体: its own 一级 (履职效能, 管理效率 …), weights left for the unit to set', () => {
    const lines = skeletonIndicators('xinjiang', 'department');
    expect(lines.map((l) => l.level1)).toContain('履职效能');
    expect(lines.map((l) => l.level1)).toContain('管理效率');
    expect(lines.every((l) => l.weight === null)).toBe(true);
  });
});
