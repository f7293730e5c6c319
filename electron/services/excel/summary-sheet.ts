/** The summary sheet of a whole-document export: every form with its budget, execution, total and grade. */
import type { Worksheet } from 'exceljs';
import type { LayoutDef } from '../../../shared/layouts/types';
import type { Form } from '../../../shared/model/types';
import { fundsTotalRow } from '../../../shared/model/funds-rows';
import type { FormResult } from '../../../shared/scoring/types';
import { LABELS } from './labels';
import { SheetWriter, type CellValue, type Look } from './sheet-writer';
import { setupPrint } from './page';
import { LEFT, RIGHT } from './styles';
import type { ReviewedTotal } from '../../../shared/review/reviewed-total';

export interface SummaryLine {
  form: Form;
  result: FormResult;
  /** The document's layout: it says which funds row is the total. */
  layout: LayoutDef;
  sheet: string;
  /** With review data: the form's 审核状态 and reviewed total. */
  status?: string;
  reviewed?: ReviewedTotal | null;
}

const totalRowOf = (l: SummaryLine) => fundsTotalRow(l.form.funds, l.layout.kinds[l.form.kind].fundsRows);

const COLUMNS: Array<{
  title: string;
  width: number;
  look: Look;
  value: (l: SummaryLine, i: number) => CellValue;
}> = [
  { title: '序号', width: 6, look: {}, value: (_, i) => i + 1 },
  { title: '表格名称', width: 36, look: { fmt: 'text', align: LEFT }, value: (l) => l.form.projectName },
  { title: '类型', width: 10, look: {}, value: (l) => (l.form.kind === 'department' ? '部门整体' : '项目') },
  {
    title: '全年预算数（万元）',
    width: 14,
    look: { fmt: 'amount' },
    value: (l) => totalRowOf(l)?.fullYearBudget ?? null,
  },
  {
    title: '全年执行数（万元）',
    width: 14,
    look: { fmt: 'amount' },
    value: (l) => totalRowOf(l)?.executed ?? null,
  },
  { title: '执行率', width: 10, look: { fmt: 'percent' }, value: (l) => l.result.execution.rate },
  { title: '总分', width: 9, look: { fmt: 'score' }, value: (l) => l.result.total },
  { title: '等级', width: 7, look: {}, value: (l) => l.result.grade },
  { title: '工作表', width: 24, look: { fmt: 'text', align: LEFT }, value: (l) => l.sheet },
];

/** Added when the export carries review data. */
const REVIEW_COLUMNS: typeof COLUMNS = [
  { title: '审核状态', width: 10, look: {}, value: (l) => l.status || '未设置' },
  { title: '核查得分', width: 9, look: { fmt: 'score' }, value: (l) => l.reviewed?.total ?? null },
  { title: '核查等级', width: 8, look: {}, value: (l) => l.reviewed?.grade ?? '' },
];

export function writeSummarySheet(
  ws: Worksheet,
  unit: string,
  year: number,
  lines: SummaryLine[],
  draft: boolean,
  withReview = false,
): void {
  const columns = withReview ? [...COLUMNS, ...REVIEW_COLUMNS] : COLUMNS;
  const w = new SheetWriter(
    ws,
    columns.map((c) => c.width),
  );
  const last = columns.length;
  w.put({ row: 1, col: 1, toCol: last }, `${unit}绩效自评结果汇总表`, { font: 'title', border: false });
  w.needHeight(1, 32);
  w.put({ row: 2, col: 1, toCol: last }, `（${year}年度）`, { font: 'subtitle', border: false });
  w.put({ row: 3, col: 1, toCol: last }, LABELS.unitLine, { font: 'subtitle', border: false, align: RIGHT });
  columns.forEach((c, i) => w.put({ row: 4, col: i + 1 }, c.title, { font: 'label' }));
  lines.forEach((line, li) => {
    columns.forEach((c, i) => w.put({ row: 5 + li, col: i + 1 }, c.value(line, li), c.look));
  });
  if (withReview) {
    // The statuses counted, as the reviewer's summary asks.
    const counts = new Map<string, number>();
    for (const l of lines) counts.set(l.status || '未设置', (counts.get(l.status || '未设置') ?? 0) + 1);
    const text = [...counts].map(([s, n]) => `${s} ${n} 张`).join('，');
    w.put({ row: 5 + lines.length, col: 1, toCol: last }, `审核状态：${text}`, { align: LEFT });
  }
  w.finish();
  setupPrint(ws, 'portrait', '4:4', draft);
}
