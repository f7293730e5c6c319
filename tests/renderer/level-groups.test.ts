/**
 * The merged 一级/二级 cells are one rule: the grid's row spans and the exported sheet's merges
 * come from the same level groups, so names that differ only by spaces merge alike on both.
 */
import type { SpanRowsParams } from 'ag-grid-community';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indicatorColumns } from '../../renderer/src/grid/indicatorColumns';
import { mergedRows } from '../../renderer/src/grid/indicatorEdits';
import { getLayout } from '../../shared/layouts/definitions';
import { levelRunAt, levelRuns, type LevelRun } from '../../shared/model/level-groups';
import type { Indicator } from '../../shared/model/types';
import { exportOrThrow, layoutDocument, layoutForm, readWorkbook, rowWith } from '../support/excel';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('ziping-level-groups-');

/** 产出指标 typed three ways, 数量指标 twice with a trailing space, a blank pair that never merges. */
const NAMES: Array<[string, string]> = [
  ['产出指标', '数量指标'],
  [' 产出指标', '数量指标 '],
  ['产出指标　', '质量指标'],
  ['', ''],
  ['', ''],
  ['效益指标', '社会效益指标'],
  ['效益指标 ', ' 社会效益指标'],
];
const EXPECTED: Record<1 | 2, LevelRun[]> = {
  1: [
    [0, 2],
    [3, 3],
    [4, 4],
    [5, 6],
  ],
  2: [
    [0, 1],
    [2, 2],
    [3, 3],
    [4, 4],
    [5, 6],
  ],
};

function spacedForm() {
  const form = layoutForm('national');
  const model = form.indicators[0] as Indicator;
  form.indicators = NAMES.map(([level1, level2], i) => ({
    ...model,
    id: `i${i + 1}`,
    name: `指标${i + 1}`,
    level1,
    level2,
  }));
  return form;
}

/** Runs as the grid draws them: neighbours joined where the column's spanRows says so. */
function screenRuns(rows: readonly Indicator[], colId: 'level1' | 'level2'): LevelRun[] {
  const kind = getLayout('national').kinds.project;
  const col = indicatorColumns(kind).find((c) => c.colId === colId || c.field === colId);
  const spanRows = col?.spanRows;
  if (typeof spanRows !== 'function') throw new Error(`${colId} does not span rows`);
  const runs: LevelRun[] = [];
  rows.forEach((row, i) => {
    const prev = rows[i - 1];
    const last = runs[runs.length - 1];
    const joined =
      prev !== undefined &&
      last !== undefined &&
      spanRows({
        valueA: prev[colId],
        valueB: row[colId],
        nodeA: { data: prev },
        nodeB: { data: row },
      } as unknown as SpanRowsParams<Indicator>);
    if (joined && last) last[1] = i;
    else runs.push([i, i]);
  });
  return runs;
}

describe('merged 一级/二级 groups', () => {
  it('compare trimmed names; blank names never merge', () => {
    const form = spacedForm();
    expect(levelRuns(form.indicators, 1)).toEqual(EXPECTED[1]);
    expect(levelRuns(form.indicators, 2)).toEqual(EXPECTED[2]);
  });

  it("a line's run, found from the line, is the run that holds it", () => {
    const pool = ['', ' ', '产出指标', '产出指标 ', '效益指标'];
    let seed = 7;
    const pick = () => pool[(seed = (seed * 48271) % 2147483647) % pool.length] ?? '';
    for (let round = 0; round < 50; round++) {
      const lines = Array.from({ length: 1 + (round % 12) }, () => ({ level1: pick(), level2: pick() }));
      for (const level of [1, 2] as const)
        for (const [from, to] of levelRuns(lines, level))
          for (let i = from; i <= to; i++)
            expect(levelRunAt(lines, i, level)).toEqual(
              Array.from({ length: to - from + 1 }, (_, k) => from + k),
            );
    }
  });

  it('are the same on screen, in the grid edits and in the exported sheet', async () => {
    const form = spacedForm();
    const file = join(tempDir(), 'levels.xlsx');
    await exportOrThrow(layoutDocument('national', [form]), file);
    const ws = (await readWorkbook(file)).getWorksheet('测试项目');
    if (!ws) throw new Error('no form sheet');
    const cols = getLayout('national').kinds.project.indicatorColumns;
    const colOf = (key: string) => cols.findIndex((c) => c.key === key) + 2;
    const first = rowWith(ws, '指标1', colOf('name'));
    for (const level of [1, 2] as const) {
      const key = level === 1 ? 'level1' : 'level2';
      const c = colOf(key);
      const sheetRuns: LevelRun[] = [];
      form.indicators.forEach((_, i) => {
        const master = ws.getCell(first + i, c).master;
        const last = sheetRuns[sheetRuns.length - 1];
        if (last && master.address !== ws.getCell(first + i, c).address) last[1] = i;
        else sheetRuns.push([i, i]);
      });
      expect(sheetRuns).toEqual(EXPECTED[level]);
      expect(screenRuns(form.indicators, key)).toEqual(EXPECTED[level]);
      for (const [from, to] of EXPECTED[level])
        for (let i = from; i <= to; i++)
          expect(mergedRows(form, i, key)).toEqual(Array.from({ length: to - from + 1 }, (_, k) => from + k));
    }
  });
});
