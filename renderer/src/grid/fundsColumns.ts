/**
 * The funds block (项目资金) as a small grid: one row per source, the layout's columns. 分值,
 * 执行率, 得分 and 偏差原因 belong to one row, the first (the total's, except in 新疆's 单位整体
 * form, whose 合计 is last); the others print the layout's dash (“—”, or “-”), except where every
 * source row prints its own 执行率 and 得分 (002).
 */
import type {
  CellClassParams,
  ColDef,
  ColGroupDef,
  EditableCallbackParams,
  ValueFormatterParams,
} from 'ag-grid-community';
import { fmtAmount, fmtNum, fmtPct } from '../../../shared/format/numbers';
import type { FundsColumnKey, KindLayout } from '../../../shared/layouts/types';
import type { Form, FundsRow } from '../../../shared/model/types';
import type { AuditItem } from '../../../shared/review/types';
import type { ExecutionResult } from '../../../shared/scoring/types';
import type { AuditColId } from './indicatorContext';
import { auditOpinionLook, auditScoreLook } from './auditColumnLooks';
import type { CellTitle, CellTitleParams } from './cellTitles';
import { lockedCell } from './roleLock';
import { formColumn } from './formColumn';

export interface FundsGridContext {
  form: Form;
  execution: ExecutionResult;
  /** The row that shows 分值/执行率/得分 and the reasons (fundsScoreRowIndex). */
  totalIndex: number;
  /** What the other rows show there (the layout's fundsDash). */
  dash: string;
  readOnly: boolean;
  /** 审核模式: the author's cells are locked, the audit cells open (grid/roleLock.ts). */
  reviewing: boolean;
  /** The reviewer's 核查分数 / 审核意见 of the 预算执行率 line (FUNDS_LINE), if any. */
  audit: AuditItem | undefined;
  onAudit: (colId: AuditColId, value: unknown) => void;
  /** 002: a source row's own 执行率 and 得分; null where only the total row has them. */
  rowExecution: ((row: FundsRow) => ExecutionResult) | null;
}

/** 执行率/得分 of a row: the total's, a source row's own (002), or none (the layout's dash). */
function rowResult(p: { context: unknown; node?: { rowIndex: number | null } | null; data?: FundsRow }) {
  if (isTotal(p)) return ctx(p).execution;
  const own = ctx(p).rowExecution;
  return own && p.data ? own(p.data) : null;
}
const dashUnlessScored = (p: ValueFormatterParams<FundsRow>, text: string): string =>
  isTotal(p) || ctx(p).rowExecution ? text : ctx(p).dash;

type Col = ColDef<FundsRow>;

const AMOUNTS: ReadonlySet<FundsColumnKey> = new Set([
  'targetDeclared',
  'initialBudget',
  'fullYearBudget',
  'executed',
  'carryover',
]);

/**
 * Amounts and the rate never shrink below a width that shows 12345.67 or 100.00% whole (numbers
 * are clipped, not wrapped): with the review panel and the audit columns open the grid scrolls
 * sideways instead of printing “100.0…”.
 */
const NUMBER_MIN_WIDTH = 84;

function ctx(p: { context: unknown }): FundsGridContext {
  return p.context as FundsGridContext;
}

function isTotal(p: { context: unknown; node?: { rowIndex: number | null } | null }): boolean {
  return p.node?.rowIndex === ctx(p).totalIndex;
}

const canEdit = (p: EditableCallbackParams<FundsRow>): boolean => !ctx(p).readOnly;
const canEditTotal = (p: EditableCallbackParams<FundsRow>): boolean => !ctx(p).readOnly && isTotal(p);

const dash = (p: ValueFormatterParams<FundsRow>, text: string): string => (isTotal(p) ? text : ctx(p).dash);

/**
 * 核查分数 / 审核意见 of the execution line, on the total row (where its score is). Review data:
 * editable also in a read-only document, as the indicator table's audit cells are.
 */
function auditColumns(): Col[] {
  const commit = (colId: AuditColId) => (p: { context: unknown; newValue: unknown }) => {
    ctx(p).onAudit(colId, p.newValue);
    return false;
  };
  const onTotal = (p: EditableCallbackParams<FundsRow>): boolean => isTotal(p) && ctx(p).reviewing;
  return [
    {
      ...auditScoreLook<FundsRow>('审核人核定的预算执行得分；不填表示同意自评得分'),
      valueGetter: (p) => (isTotal(p) ? (ctx(p).audit?.score ?? null) : null),
      valueFormatter: (p) => dash(p, typeof p.value === 'number' ? fmtNum(p.value) : ''),
      valueSetter: commit('auditScore'),
      editable: onTotal,
      cellClassRules: {
        'cell-audit-differs': (p: CellClassParams<FundsRow>) => {
          const { audit, execution } = ctx(p);
          return isTotal(p) && !!audit && audit.score !== null && audit.score !== execution.final;
        },
      },
    },
    {
      ...auditOpinionLook<FundsRow>(),
      valueGetter: (p) => (isTotal(p) ? (ctx(p).audit?.opinion ?? '') : ''),
      valueFormatter: (p) => dash(p, String(p.value ?? '')),
      valueSetter: commit('auditOpinion'),
      editable: onTotal,
    },
  ];
}

/** The funds block's tooltip (grid/cellTitles.ts): how the total's 执行率 score came about. */
function executionTitle(p: CellTitleParams<FundsRow>): string | undefined {
  if (!isTotal(p)) return undefined;
  const ex = ctx(p).execution;
  const why = ex.suggested === null ? ex.explanation : `建议分 ${fmtNum(ex.suggested)}：${ex.explanation}`;
  if (!ex.manual) return why;
  const reason = ctx(p).form.funds.scoreReason.trim();
  return `手工打分 ${fmtNum(ex.final)}（${reason ? `理由：${reason}` : '未填写打分理由'}）\n${why}`;
}

export const fundsCellTitles: ReadonlyMap<string, CellTitle<FundsRow>> = new Map([['score', executionTitle]]);

export function fundsColumns(kind: KindLayout, showsScore: boolean, withAudit = false): Col[] {
  const cols: Col[] = kind.fundsColumns.map((c) => {
    const base: Col = formColumn(c);
    if (c.key === 'source') {
      return {
        ...base,
        valueGetter: (p) => p.data?.source ?? '',
        editable: canEdit,
        cellClass: 'cell-text',
        cellClassRules: { 'funds-group-row': (p: CellClassParams<FundsRow>) => p.data?.group !== undefined },
      };
    }
    if (AMOUNTS.has(c.key)) {
      const key = c.key as keyof FundsRow;
      return {
        ...base,
        minWidth: Math.max(base.minWidth ?? 0, NUMBER_MIN_WIDTH),
        valueGetter: (p) => (p.data ? (p.data[key] ?? null) : null),
        valueFormatter: (p) => (typeof p.value === 'number' ? fmtAmount(p.value) : ''),
        editable: canEdit,
        cellClass: 'cell-number',
      };
    }
    switch (c.key) {
      case 'weight':
        return {
          ...base,
          valueGetter: (p) => (isTotal(p) ? ctx(p).execution.weight : null),
          valueFormatter: (p) => dash(p, typeof p.value === 'number' ? fmtNum(p.value) : ''),
          editable: canEditTotal,
          cellClass: 'cell-number',
        };
      case 'rate':
        return {
          ...base,
          minWidth: Math.max(base.minWidth ?? 0, NUMBER_MIN_WIDTH),
          valueGetter: (p) => rowResult(p)?.rate ?? null,
          valueFormatter: (p) => dashUnlessScored(p, typeof p.value === 'number' ? fmtPct(p.value) : ''),
          cellClass: 'cell-number cell-computed',
        };
      case 'score':
        return {
          ...base,
          valueGetter: (p) => (isTotal(p) ? ctx(p).execution.final : (rowResult(p)?.suggested ?? null)),
          valueFormatter: (p) => dashUnlessScored(p, typeof p.value === 'number' ? fmtNum(p.value) : ''),
          editable: canEditTotal,
          cellClass: 'cell-number cell-score',
          cellClassRules: {
            'cell-manual': (p: CellClassParams<FundsRow>) => isTotal(p) && ctx(p).execution.manual,
          },
        };
      default:
        return {
          ...base,
          valueGetter: (p) => (isTotal(p) ? ctx(p).form.funds.deviationReason : ''),
          valueFormatter: (p) => dash(p, String(p.value ?? '')),
          editable: canEditTotal,
          cellEditor: 'agLargeTextCellEditor',
          cellEditorPopup: true,
          cellClass: 'cell-text',
        };
    }
  });
  if (showsScore) {
    cols.push({
      ...formColumn<FundsRow>({ key: 'scoreReason', title: '打分理由', width: 14 }),
      headerClass: 'extra-header',
      headerTooltip: '预算执行得分手工修改时，请写明理由',
      valueGetter: (p) => (isTotal(p) ? ctx(p).form.funds.scoreReason : ''),
      valueFormatter: (p) => dash(p, String(p.value ?? '')),
      editable: canEditTotal,
      cellEditor: 'agLargeTextCellEditor',
      cellEditorPopup: true,
      cellClass: 'cell-extra cell-text',
    });
  }
  // The audit belongs to the execution score: only where the form scores its funds.
  if (withAudit && showsScore) cols.push(...auditColumns());
  // Cells not this role's to change look it (审核模式: the author's; the author: 核查分数, 审核意见).
  return cols.map((col) => ({
    ...col,
    cellClassRules: {
      ...col.cellClassRules,
      'cell-locked': (p: CellClassParams<FundsRow>) => lockedCell(col.colId ?? '', ctx(p).reviewing) !== null,
    },
  }));
}

export function fundsColumnForField(field: string | undefined, shown: readonly string[]): string {
  if (field && shown.includes(field)) return field;
  if (field === 'rate' || field === 'weight') return shown.includes('score') ? 'score' : 'executed';
  return shown.includes('executed') ? 'executed' : (shown[0] ?? 'source');
}

/**
 * The grid's columns with the layout's parent title over its columns, as the paper form's two
 * header rows (002: 年初预算数 over 目标申报数 | 预算编制数); the other titles span both rows.
 */
export function withFundsParent(
  defs: ReadonlyArray<ColDef<FundsRow> | ColGroupDef<FundsRow>>,
  kind: KindLayout,
): Array<ColDef<FundsRow> | ColGroupDef<FundsRow>> {
  const parent = kind.fundsParent;
  if (!parent) return [...defs];
  const under = (d: ColDef<FundsRow> | ColGroupDef<FundsRow>) =>
    'colId' in d && parent.keys.includes(d.colId as FundsColumnKey);
  const out: Array<ColDef<FundsRow> | ColGroupDef<FundsRow>> = [];
  let group: ColGroupDef<FundsRow> | null = null;
  for (const d of defs) {
    if (!under(d)) {
      out.push(d);
      continue;
    }
    if (!group) {
      group = { headerName: parent.title, groupId: 'fundsParent', children: [] };
      out.push(group);
    }
    group.children.push(d);
  }
  return out;
}
