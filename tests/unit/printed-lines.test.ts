/**
 * What a printed form shows beyond the model's rows (shared/model/printed-lines): 004's whole
 * indicator tree with blank rows where a form has no line, and the funds rows in the layout's order.
 */
import { describe, expect, it } from 'vitest';
import { getLayout } from '../../shared/layouts/definitions';
import { newFundsRow, newIndicator } from '../../shared/model/factory';
import { linesWithTree, printedForm, rowsInLayoutOrder } from '../../shared/model/printed-lines';
import { scoreForm } from '../../shared/scoring/form';
import { readFixture } from '../support/documents';

const hunan = getLayout('hunan');
const tree = hunan.kinds.project.levels;
const line = (level1: string, level2: string, name: string) => newIndicator(name, { level1, level2, name });
const shape = (lines: ReturnType<typeof linesWithTree>['lines']) =>
  lines.map((l) => [l.level1, l.level2, l.name].join('/'));

describe('linesWithTree', () => {
  it('puts each missing 二级 in its place of the tree; a name not of the tree stays where it is', () => {
    // 004's 环保督察工作经费: 经济效果指标 as printed, no 社会效益/可持续影响, 成本 only 经济成本.
    const lines = [
      line('产出指标', '数量指标', 'a'),
      line('产出指标', '质量指标', 'b'),
      line('产出指标', '时效指标', 'c'),
      line('效益指标', '经济效果指标', 'd'),
      line('效益指标', '生态效益指标', 'e'),
      line('满意度指标', '服务对象满意度指标', 'f'),
      line('成本指标', '经济成本指标', 'g'),
    ];
    const { lines: printed, from } = linesWithTree(lines, tree);
    expect(shape(printed)).toEqual([
      '产出指标/数量指标/a',
      '产出指标/质量指标/b',
      '产出指标/时效指标/c',
      '效益指标/经济效果指标/d',
      '效益指标/经济效益指标/',
      '效益指标/社会效益指标/',
      '效益指标/生态效益指标/e',
      '效益指标/可持续影响指标/',
      '满意度指标/服务对象满意度指标/f',
      '成本指标/经济成本指标/g',
      '成本指标/社会成本指标/',
      '成本指标/生态环境成本指标/',
    ]);
    expect(from).toEqual([0, 1, 2, 3, null, null, 4, null, 5, 6, null, null]);
  });

  it('a 一级 without lines prints as a block of blank rows where the tree has it; no lines: the whole tree', () => {
    const lines = [line('产出指标', '数量指标', 'a'), line('成本指标', '经济成本指标', 'g')];
    const printed = linesWithTree(lines, tree).lines;
    expect(printed.map((l) => [l.level1, l.level2])).toEqual(
      Object.entries(tree).flatMap(([l1, l2s]) => l2s.map((l2) => [l1, l2])),
    );
    expect(linesWithTree([], tree).lines).toHaveLength(Object.values(tree).flat().length);
  });

  it('several lines of a 二级 stay together and in order; names compare trimmed', () => {
    const lines = [line('产出指标', ' 质量指标', 'b1'), line('产出指标', '质量指标 ', 'b2')];
    const printed = shape(linesWithTree(lines, tree).lines).slice(0, 4);
    expect(printed).toEqual([
      '产出指标/数量指标/',
      '产出指标/ 质量指标/b1',
      '产出指标/质量指标 /b2',
      '产出指标/时效指标/',
    ]);
  });
});

describe('printedForm', () => {
  it('gives blank rows no result and keeps each line with its own; other layouts print the lines alone', () => {
    const form = readFixture('004-02.json').form;
    const result = scoreForm(form, hunan);
    const printed = printedForm({ form, result }, hunan.kinds.project);
    expect(printed.form.indicators).toHaveLength(Object.values(tree).flat().length);
    printed.form.indicators.forEach((ind, i) => {
      const own = form.indicators.findIndex((x) => x.id === ind.id);
      expect(printed.result.indicators[i]).toBe(own < 0 ? undefined : result.indicators[own]);
    });
    const national = getLayout('national').kinds.project;
    expect(printedForm({ form, result }, national).form.indicators).toBe(form.indicators);
  });
});

describe('rowsInLayoutOrder', () => {
  it("004's order for a form of the older shape, a row of its own after the one it follows", () => {
    const rows = ['年度资金总额', '当年财政拨款', '上年结转资金', '其他资金', '专项资金A'].map((s) =>
      newFundsRow(s),
    );
    expect(rowsInLayoutOrder(rows, hunan.kinds.project).map((r) => r.source)).toEqual([
      '当年财政拨款',
      '上年结转资金',
      '其他资金',
      '专项资金A',
      '年度资金总额',
    ]);
    // Either wording: 004's 其中：当年财政拨款 / 上年结转金额 / 其它资金 in the national order.
    const printed = ['其中：当年财政拨款', '上年结转金额', '其它资金', '年度资金总额'].map((s) =>
      newFundsRow(s),
    );
    expect(rowsInLayoutOrder(printed, getLayout('national').kinds.project).map((r) => r.source)).toEqual([
      '年度资金总额',
      '其中：当年财政拨款',
      '上年结转金额',
      '其它资金',
    ]);
  });
});
