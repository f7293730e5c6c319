/**
 * 查找与替换 (shared/search): what is searched, in which order, where each hit is shown, and that
 * replacing all is one list of patches whose inverse puts the document back, skipping (and
 * counting) cells that may not be written.
 */
import { describe, expect, it } from 'vitest';
import { getLayout } from '../../shared/layouts/definitions';
import { newForm, newIndicator } from '../../shared/model/factory';
import { applyPatches } from '../../shared/model/patch';
import type { ZipingDocument } from '../../shared/model/types';
import {
  findMatches,
  matchCountText,
  replaceAll,
  replaceMatch,
  stepMatch,
} from '../../shared/search/find-replace';
import { documentTextCells } from '../../shared/search/text-cells';
import { fixtureDocument } from '../support/documents';

const EXACT = { matchCase: false };

function smallDocument(): ZipingDocument {
  const a = newForm('a', 'national', 'project', 2024, '污水处理项目');
  a.unit = '环保局';
  a.goals.expected = '完成污水处理，污水处理率达标';
  a.indicators = [
    newIndicator('a1', { level1: '产出指标', level2: '数量指标', name: '污水处理量', actual: '10万吨' }),
    newIndicator('a2', {
      level1: '产出指标',
      level2: '数量指标',
      name: '处理厂数',
      deviationReason: '污水管网',
    }),
  ];
  a.analysis['项目实施和预算执行情况'] = '全年污水处理正常';
  const b = newForm('b', 'national', 'project', 2024, '绿化项目');
  b.indicators = [newIndicator('b1', { level1: '效益指标', name: '绿化面积Abc', deviationReason: 'abc' })];
  const now = '2025-01-01T00:00:00.000Z';
  return {
    meta: {
      unit: '环保局',
      year: 2024,
      layout: 'national',
      createdAt: now,
      createdBy: '测试',
      modifiedAt: now,
      modifiedBy: '测试',
    },
    forms: [a, b],
  };
}

describe('find', () => {
  it('finds every occurrence across forms in reading order, each at the cell the form shows it in', () => {
    const doc = smallDocument();
    const cells = documentTextCells(doc);
    const hits = findMatches(cells, '污水', EXACT).map((m) => cells[m.cell]?.location);
    expect(hits).toEqual([
      { formId: 'a', section: 'header', field: 'projectName' },
      { formId: 'a', section: 'goals', field: 'expected' },
      { formId: 'a', section: 'goals', field: 'expected' },
      { formId: 'a', section: 'indicator', row: 0, field: 'name' },
      { formId: 'a', section: 'indicator', row: 1, field: 'deviationReason' },
      { formId: 'a', section: 'analysis', field: '项目实施和预算执行情况' },
    ]);
    const matches = findMatches(cells, '污水', EXACT);
    expect(matches[1]).toMatchObject({ start: 2, length: 2 });
    expect(matches[2]).toMatchObject({ start: 7, length: 2 });
  });

  it('a merged 一级/二级 label is one hit, not one per line it covers', () => {
    const cells = documentTextCells(smallDocument());
    const hits = findMatches(cells, '产出', EXACT);
    expect(hits).toHaveLength(1);
    expect(cells[hits[0]?.cell ?? -1]?.location).toEqual({
      formId: 'a',
      section: 'indicator',
      row: 0,
      field: 'level1',
    });
  });

  it('ignores the case of Latin letters unless asked; special characters are taken literally', () => {
    const cells = documentTextCells(smallDocument());
    expect(findMatches(cells, 'abc', EXACT)).toHaveLength(2);
    expect(findMatches(cells, 'abc', { matchCase: true })).toHaveLength(1);
    expect(findMatches(cells, '(', EXACT)).toHaveLength(0);
    expect(findMatches(cells, '', EXACT)).toHaveLength(0);
  });

  it('only searches columns the layout shows (年初指标值 is 山西’s alone)', () => {
    const doc = smallDocument();
    const line = doc.forms[0]?.indicators[0];
    if (!line) throw new Error('no line');
    line.targetInitial = '隐藏的值';
    expect(findMatches(documentTextCells(doc), '隐藏', EXACT)).toHaveLength(0);
    doc.meta.layout = 'shanxi';
    expect(findMatches(documentTextCells(doc), '隐藏', EXACT)).toHaveLength(1);
    expect(getLayout('shanxi').kinds.project.indicatorColumns.some((c) => c.key === 'targetInitial')).toBe(
      true,
    );
  });

  it('steps forwards and backwards round the hits and says where it is', () => {
    expect(stepMatch(-1, 3, 1)).toBe(0);
    expect(stepMatch(-1, 3, -1)).toBe(2);
    expect(stepMatch(2, 3, 1)).toBe(0);
    expect(stepMatch(0, 3, -1)).toBe(2);
    expect(stepMatch(0, 0, 1)).toBe(-1);
    expect(matchCountText(2, 12, 'x')).toBe('第 3 处，共 12 处');
    expect(matchCountText(-1, 0, 'x')).toBe('找不到');
  });
});

describe('replace', () => {
  it('replace all is one list of patches; applying its inverse gives the document back', () => {
    const doc = fixtureDocument('national');
    const before = structuredClone(doc);
    const cells = documentTextCells(doc);
    const count = findMatches(cells, '满意度', EXACT).length;
    expect(count).toBeGreaterThan(3);
    const r = replaceAll(cells, '满意度', '满意率', EXACT, () => true);
    expect(r).toMatchObject({ replaced: count, skipped: 0 });
    const inverse = applyPatches(doc, r.patches);
    expect(findMatches(documentTextCells(doc), '满意度', EXACT)).toHaveLength(0);
    applyPatches(doc, inverse);
    expect(doc).toEqual(before);
  });

  it('writes a merged label on every line it covers, and “$&” in the replacement as typed', () => {
    const doc = smallDocument();
    const r = replaceAll(documentTextCells(doc), '产出', '$&产', EXACT, () => true);
    expect(r.replaced).toBe(1);
    applyPatches(doc, r.patches);
    expect(doc.forms[0]?.indicators.map((i) => i.level1)).toEqual(['$&产指标', '$&产指标']);
  });

  it('cells that may not be written are skipped and counted', () => {
    const doc = smallDocument();
    const cells = documentTextCells(doc);
    const r = replaceAll(cells, '污水', '废水', EXACT, (cell) => cell.location.section !== 'goals');
    expect(r).toMatchObject({ replaced: 4, skipped: 2 });
    applyPatches(doc, r.patches);
    expect(doc.forms[0]?.goals.expected).toBe('完成污水处理，污水处理率达标');
    expect(doc.forms[0]?.projectName).toBe('废水处理项目');
    expect(doc.forms[0]?.analysis['项目实施和预算执行情况']).toBe('全年废水处理正常');
  });

  it('replaces one occurrence where it stands', () => {
    const doc = smallDocument();
    const cells = documentTextCells(doc);
    const second = findMatches(cells, '污水', EXACT)[2];
    if (!second) throw new Error('no match');
    const patches = replaceMatch(cells, second, '废水');
    if (!patches) throw new Error('no patches');
    applyPatches(doc, patches);
    expect(doc.forms[0]?.goals.expected).toBe('完成污水处理，废水处理率达标');
  });
});
