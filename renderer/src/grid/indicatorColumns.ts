/**
 * Column definitions of the indicator table, from the layout's columns (titles and widths as on
 * the official form). Values are read through the grid context: the model row for inputs, the
 * Recalculator's line result for computed cells (得分, 完成率, derived 权重). The grid never writes
 * the data itself: commits go through a valueSetter that turns them into patches (sheet/useSheet.ts).
 */
import type {
  CellClassParams,
  ColDef,
  EditableCallbackParams,
  SpanRowsParams,
  ValueFormatterParams,
  ValueGetterParams,
  ValueSetterParams,
} from 'ag-grid-community';
import { fmtNum, fmtPct } from '../../../shared/format/numbers';
import type {
  ColumnDef as LayoutColumn,
  IndicatorColumnKey,
  KindLayout,
} from '../../../shared/layouts/types';
import { TIERS, type Indicator } from '../../../shared/model/types';
import { sameLevelGroup } from '../../../shared/model/level-groups';
import type { IndicatorResult } from '../../../shared/scoring/types';
import { shownCompletionRate } from '../../../shared/scoring/completion';
import { auditOpinionLook, auditScoreLook } from './auditColumnLooks';
import { takesTier } from './takesTier';
import type { CellTitle, CellTitleParams } from './cellTitles';
import { clampLinesOf, isClamped } from './rowHeights';
import { formColumn } from './formColumn';
import type { AuditColId, IndicatorGridContext } from './indicatorContext';
import { LevelCellEditor } from './LevelCellEditor';
import { LevelLabel } from './levelLabel';
import { NameCellEditor } from './NameCellEditor';
import { lockedCell } from './roleLock';

export type IndicatorColId = IndicatorColumnKey | 'tier' | 'scoreReason' | AuditColId;

type Col = ColDef<Indicator>;

/** Columns whose text is long enough to edit in a popup text box. */
const LONG_TEXT: ReadonlySet<IndicatorColumnKey> = new Set([
  'deviationReason',
  'qualitativeNote',
  'ruleText',
  'basis',
  'lastYear',
  'evidence',
]);

const NUMBER_COLUMNS: ReadonlySet<IndicatorColId> = new Set([
  'weight',
  'score',
  'level1Weight',
  'level2Weight',
]);

function ctx(p: { context: unknown }): IndicatorGridContext {
  return p.context as IndicatorGridContext;
}

function line(p: { context: unknown; data?: Indicator | undefined }): IndicatorResult | undefined {
  return p.data ? ctx(p).line(p.data.id) : undefined;
}

const canEdit = (p: EditableCallbackParams<Indicator>): boolean => !ctx(p).readOnly && !p.node.rowPinned;

/** 一级/二级指标 merge as in Excel: the shared level groups (trimmed names, blanks never merge). */
const sameLevel =
  (level: 1 | 2) =>
  (p: SpanRowsParams<Indicator>): boolean =>
    sameLevelGroup(p.nodeA?.data, p.nodeB?.data, level);

/** Level weights (layout E) merge with their level names, where the weights are equal. */
const sameLevelWeight =
  (level: 1 | 2) =>
  (p: SpanRowsParams<Indicator>): boolean =>
    p.valueA === p.valueB && sameLevelGroup(p.nodeA?.data, p.nodeB?.data, level);

const numberText = (p: ValueFormatterParams<Indicator>): string =>
  typeof p.value === 'number' ? fmtNum(p.value) : '';

function base(
  c: LayoutColumn<IndicatorColumnKey> | { key: IndicatorColId; title: string; width: number },
): Col {
  return formColumn<Indicator>(c);
}

/** A text cut to a few lines (grid/rowHeights.ts CLAMP_LINES) in its column as it is now. */
function clampedText(p: { context: unknown; value?: unknown; colDef?: Col | null }): string | undefined {
  const text = typeof p.value === 'string' ? p.value : '';
  const colId = p.colDef?.colId ?? '';
  return isClamped(text, ctx(p).widthOf(colId), clampLinesOf(colId)) ? text : undefined;
}

/** Long text shows its first lines and an ellipsis; the whole text in a tooltip (grid/cellTitles.ts) and the editor. */
const CLAMPED: Col = {
  cellClassRules: { 'cell-clamped': (p: CellClassParams<Indicator>) => clampedText(p) !== undefined },
};

function textColumn(key: keyof Indicator & IndicatorColumnKey, c: LayoutColumn<IndicatorColumnKey>): Col {
  const col: Col = {
    ...base(c),
    ...CLAMPED,
    valueGetter: (p: ValueGetterParams<Indicator>) => (p.data ? p.data[key] : ''),
    editable: canEdit,
    cellClass: 'cell-text',
  };
  if (LONG_TEXT.has(key)) {
    col.cellEditor = 'agLargeTextCellEditor';
    col.cellEditorPopup = true;
    col.cellEditorParams = { maxLength: 5000, rows: 8, cols: 48 };
  }
  return col;
}

/** Level names are picked from the layout's list or typed; the arrows belong to the list then. */
const LEVEL_EDITOR: Col = {
  cellEditor: LevelCellEditor,
  cellRenderer: LevelLabel,
  suppressKeyboardEvent: (p) => p.editing && (p.event.key === 'ArrowUp' || p.event.key === 'ArrowDown'),
};

/** 三级指标 names are typed or picked from the library's suggestions (arrows then move in the list). */
const NAME_EDITOR: Col = {
  cellEditor: NameCellEditor,
  suppressKeyboardEvent: LEVEL_EDITOR.suppressKeyboardEvent,
};

function scoreTooltip(p: CellTitleParams<Indicator>): string {
  const data = p.data;
  if (!data) return '';
  const c = ctx(p);
  const l = c.line(data.id);
  if (!l) return '';
  const why = c.explain(data.id);
  const suggestion = l.suggested === null ? '无建议分' : `建议分 ${fmtNum(l.suggested)}`;
  if (!l.manual) return `${suggestion}：${why}`;
  const reason = data.scoreReason.trim() ? `理由：${data.scoreReason}` : '未填写打分理由';
  return `手工打分 ${fmtNum(l.final)}（${reason}）\n${suggestion}：${why}`;
}

/** The indicator table's tooltips besides cut texts: a score's explanation. */
export const indicatorCellTitles: ReadonlyMap<string, CellTitle<Indicator>> = new Map([
  ['score', scoreTooltip],
]);

function column(c: LayoutColumn<IndicatorColumnKey>): Col {
  switch (c.key) {
    case 'level1':
      return {
        ...textColumn('level1', c),
        ...LEVEL_EDITOR,
        minWidth: 64,
        spanRows: sameLevel(1),
        cellClass: 'cell-level',
      };
    case 'level2':
      return { ...textColumn('level2', c), ...LEVEL_EDITOR, spanRows: sameLevel(2), cellClass: 'cell-level' };
    case 'level1Weight':
    case 'level2Weight': {
      const key = c.key;
      return {
        ...base(c),
        valueGetter: (p) => p.data?.[key] ?? null,
        valueFormatter: numberText,
        editable: canEdit,
        cellRenderer: LevelLabel,
        spanRows: sameLevelWeight(key === 'level1Weight' ? 1 : 2),
        cellClass: 'cell-level cell-number',
      };
    }
    case 'weight':
      return {
        ...base(c),
        // Layout E derives a line's weight from its level-2 weight when it has none of its own.
        valueGetter: (p) => p.data?.weight ?? line(p)?.weight ?? null,
        valueFormatter: numberText,
        editable: canEdit,
        cellClass: 'cell-number',
        cellClassRules: {
          'cell-derived': (p: CellClassParams<Indicator>) => p.data?.weight == null && p.value != null,
        },
      };
    case 'score':
      return {
        ...base(c),
        valueGetter: (p) => line(p)?.final ?? null,
        valueFormatter: (p) => {
          const l = line(p);
          if (!l) return '';
          return l.manual || l.suggested !== null ? fmtNum(l.final) : '待评';
        },
        editable: canEdit,
        cellClass: 'cell-number cell-score',
        cellClassRules: {
          'cell-manual': (p: CellClassParams<Indicator>) => line(p)?.manual === true,
          'cell-pending': (p: CellClassParams<Indicator>) => {
            const l = line(p);
            return !!l && !l.manual && l.suggested === null;
          },
        },
      };
    case 'name':
      return { ...textColumn('name', c), ...NAME_EDITOR };
    case 'completionRate':
      return {
        ...base(c),
        minWidth: 72,
        valueGetter: (p) => {
          const l = line(p);
          return l ? shownCompletionRate(l) : null;
        },
        valueFormatter: (p) => (typeof p.value === 'number' ? fmtPct(p.value) : ''),
        cellClass: 'cell-number cell-computed',
      };
    default:
      return textColumn(c.key, c);
  }
}

/**
 * Columns of the app (not printed on the form): the tier picker and the reason of a manual score;
 * `compact` beside the 核查 columns, so that the form's own columns keep their width (issue #19).
 */
function extraColumns(compact: boolean): Col[] {
  const tier: Col = {
    ...base({ key: 'tier', title: '评定等级', width: compact ? 7 : 10 }),
    headerClass: 'extra-header',
    headerTooltip:
      '定性指标或无法自动判断的指标：选择 达成 / 部分达成 / 未达成；灰色斜体为按实际完成值自动判断的等级',
    valueGetter: (p) => p.data?.tier ?? '',
    valueFormatter: (p) => {
      if (typeof p.value === 'string' && p.value !== '') return p.value;
      // The picker formats its options without a row.
      if (!p.data) return '（不选）';
      const l = line(p);
      // A tier read from the text (达成预期指标 …) shows muted; picking one overrides it.
      if (l?.tier) return l.tier;
      return takesTier(p.data, l) ? '请选择' : '';
    },
    editable: (p) => canEdit(p) && !!p.data && takesTier(p.data, line(p)),
    cellEditor: 'agSelectCellEditor',
    cellEditorParams: { values: ['', ...TIERS] },
    cellClass: 'cell-extra',
    cellClassRules: {
      'cell-unused': (p: CellClassParams<Indicator>) => !p.data || !takesTier(p.data, line(p)),
      'cell-placeholder': (p: CellClassParams<Indicator>) => !!p.data && !p.data.tier,
      'cell-auto-tier': (p: CellClassParams<Indicator>) => !!p.data && !p.data.tier && !!line(p)?.tier,
    },
  };
  const reason: Col = {
    ...base({ key: 'scoreReason', title: '打分理由', width: compact ? 10 : 16 }),
    headerClass: 'extra-header',
    headerTooltip: '手工打分与建议分不同时，请写明理由',
    ...CLAMPED,
    valueGetter: (p) => p.data?.scoreReason ?? '',
    editable: canEdit,
    cellEditor: 'agLargeTextCellEditor',
    cellEditorPopup: true,
    cellEditorParams: { maxLength: 2000, rows: 5, cols: 40 },
    cellClass: 'cell-extra cell-text cell-short-clamp',
    cellClassRules: {
      ...CLAMPED.cellClassRules,
      'cell-missing': (p: CellClassParams<Indicator>) => {
        const l = line(p);
        return !!p.data && !!l && l.manual && l.final !== l.suggested && p.data.scoreReason.trim() === '';
      },
    },
  };
  return [tier, reason];
}

/**
 * The reviewer's columns: 核查分数 and 审核意见 beside the author's score. They are review data,
 * editable in read-only documents too, and commit through their own setter (not a patch).
 */
function auditColumns(): Col[] {
  const audit = (p: { context: unknown; data?: Indicator | undefined }) => {
    const c = ctx(p);
    return p.data && c.form ? c.review?.audit(c.form.id, p.data.id) : undefined;
  };
  const commit = (colId: AuditColId) => (p: ValueSetterParams<Indicator>) => {
    if (p.data) ctx(p).onAudit(p.data.id, colId, p.newValue);
    return false;
  };
  const score: Col = {
    ...auditScoreLook<Indicator>('审核人核定的分数；不填表示同意自评得分'),
    valueGetter: (p) => audit(p)?.score ?? null,
    valueFormatter: numberText,
    valueSetter: commit('auditScore'),
    editable: (p) => !p.node.rowPinned && ctx(p).reviewing,
    cellClassRules: {
      'cell-audit-differs': (p: CellClassParams<Indicator>) => {
        const a = audit(p);
        return !!a && a.score !== null && a.score !== line(p)?.final;
      },
    },
  };
  const opinion: Col = {
    ...auditOpinionLook<Indicator>(),
    ...CLAMPED,
    cellClass: 'cell-audit cell-text cell-short-clamp',
    valueGetter: (p) => audit(p)?.opinion ?? '',
    valueSetter: commit('auditOpinion'),
    editable: (p) => !p.node.rowPinned && ctx(p).reviewing,
  };
  return [score, opinion];
}

/**
 * A red corner on cells (or whole lines) with an unresolved comment, as Excel marks 批注; cells
 * not this role's to change greyed (grid/roleLock.ts).
 */
function withCommentMark(col: Col): Col {
  const colId = col.colId ?? '';
  return {
    ...col,
    cellClassRules: {
      ...col.cellClassRules,
      'cell-locked': (p: CellClassParams<Indicator>) =>
        !p.node.rowPinned && lockedCell(colId, ctx(p).reviewing) !== null,
      'cell-commented': (p: CellClassParams<Indicator>) => {
        const c = ctx(p);
        return (
          !!p.data &&
          !!c.form &&
          !!c.review?.hasOpenComment(c.form.id, { indicatorId: p.data.id, field: colId })
        );
      },
    },
  };
}

export function indicatorColumns(kind: KindLayout, withAudit = false): Col[] {
  return [
    ...kind.indicatorColumns.map(column),
    ...extraColumns(withAudit),
    ...(withAudit ? auditColumns() : []),
  ].map(withCommentMark);
}

export function isNumberColumn(colId: string): boolean {
  return NUMBER_COLUMNS.has(colId as IndicatorColId);
}

/** The column that shows a model field (findings name fields; some have no column of their own). */
export function columnForField(field: string | undefined, shown: readonly string[]): string {
  const wanted = field === 'tierShare' ? 'tier' : (field ?? 'name');
  if (shown.includes(wanted)) return wanted;
  if (wanted === 'ruleText' || wanted === 'tier') return shown.includes('score') ? 'score' : 'name';
  return shown.includes('name') ? 'name' : (shown[0] ?? 'name');
}
