/**
 * The 审核意见 sheet of an export with review data: each form's 审核状态 and reviewed total,
 * then every 核查分数/审核意见 and every comment with its replies, where it is, who and when.
 */
import type { Worksheet } from 'exceljs';
import type { LayoutDef } from '../../../shared/layouts/types';
import type { Form } from '../../../shared/model/types';
import { reviewedTotal } from '../../../shared/review/reviewed-total';
import { FUNDS_LINE, statusId, type CommentItem, type ReviewItem } from '../../../shared/review/types';
import type { FormResult } from '../../../shared/scoring/types';
import { setupPrint } from './page';
import { SheetWriter, type CellValue, type Look } from './sheet-writer';
import { LEFT } from './styles';

export interface ReviewSheetForm {
  form: Form;
  result: FormResult;
}

const TITLES = ['表格', '位置', '类别', '内容', '分数', '填写人', '时间', '状态'] as const;
const WIDTHS = [26, 22, 10, 48, 9, 10, 18, 10];
const TEXT: Look = { fmt: 'text', align: LEFT };
const LOOKS: Look[] = [TEXT, TEXT, {}, TEXT, { fmt: 'score' }, {}, {}, {}];

function time(iso: string): string {
  return iso.replace('T', ' ').slice(0, 16);
}

function place(
  form: Form | undefined,
  c: Pick<CommentItem, 'anchor'>,
  fieldName: (f: string) => string,
): string {
  if (!form) return '整个文档';
  const { anchor } = c;
  if (anchor.indicatorId !== undefined) {
    const row = form.indicators.findIndex((i) => i.id === anchor.indicatorId);
    const line = row < 0 ? '（已删除的指标行）' : `指标第 ${row + 1} 行`;
    return anchor.field ? `${line} · ${fieldName(anchor.field)}` : line;
  }
  if (anchor.section === 'funds') return '资金';
  return '本表';
}

export function writeReviewSheet(
  ws: Worksheet,
  forms: readonly ReviewSheetForm[],
  items: ReadonlyMap<string, ReviewItem>,
  layout: LayoutDef,
  draft: boolean,
): void {
  const w = new SheetWriter(ws, WIDTHS);
  w.put({ row: 1, col: 1, toCol: TITLES.length }, '审核意见', { font: 'title', border: false });
  w.needHeight(1, 32);
  TITLES.forEach((t, i) => w.put({ row: 2, col: i + 1 }, t, { font: 'label' }));
  let row = 3;
  const line = (values: CellValue[]) => {
    values.forEach((v, i) => w.put({ row, col: i + 1 }, v, LOOKS[i] ?? {}));
    row++;
  };
  const byForm = new Map(forms.map((f) => [f.form.id, f.form]));
  const fieldName = (form: Form) => (field: string) =>
    layout.kinds[form.kind].indicatorColumns.find((c) => c.key === field)?.title ??
    { auditScore: '核查分数', auditOpinion: '审核意见', tier: '评定等级', scoreReason: '打分理由' }[field] ??
    field;
  for (const { form, result } of forms) {
    const name = form.projectName;
    const status = items.get(statusId(form.id));
    if (status?.kind === 'status' && !status.deleted)
      line([
        name,
        '本表',
        '审核状态',
        status.reason ? `${status.status}：${status.reason}` : status.status,
        null,
        status.by,
        time(status.updatedAt),
        '',
      ]);
    const reviewed = reviewedTotal(result, items, layout.policy);
    if (reviewed)
      line([
        name,
        '合计',
        '核查总分',
        `自评 ${result.total.toFixed(2)}（${result.grade}），核查 ${reviewed.grade}，差额 ${reviewed.difference.toFixed(2)}`,
        reviewed.total,
        '',
        '',
        '',
      ]);
    for (const item of items.values()) {
      if (item.kind !== 'audit' || item.formId !== form.id || item.deleted) continue;
      const row = form.indicators.findIndex((i) => i.id === item.indicatorId);
      const where =
        item.indicatorId === FUNDS_LINE
          ? '预算执行率'
          : row < 0
            ? '（已删除的指标行）'
            : `指标第 ${row + 1} 行 · ${form.indicators[row]?.name ?? ''}`;
      line([name, where, '核查分数', item.opinion, item.score, item.by, time(item.updatedAt), '']);
    }
  }
  const comments = [...items.values()].filter((i): i is CommentItem => i.kind === 'comment' && !i.deleted);
  comments.sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  const roots = comments.filter((c) => c.parentId === null && (c.formId === null || byForm.has(c.formId)));
  for (const root of roots) {
    const form = root.formId === null ? undefined : byForm.get(root.formId);
    const where = place(form, root, form ? fieldName(form) : String);
    const state = root.resolved ? `已解决（${root.resolvedBy}）` : '未解决';
    line([
      form?.projectName ?? '（文档）',
      where,
      '批注',
      root.text,
      null,
      root.author,
      time(root.createdAt),
      state,
    ]);
    for (const reply of comments.filter((c) => c.parentId === root.id))
      line([
        form?.projectName ?? '（文档）',
        where,
        '回复',
        reply.text,
        null,
        reply.author,
        time(reply.createdAt),
        '',
      ]);
  }
  if (row === 3) line(['', '', '', '没有审核意见', null, '', '', '']);
  w.finish();
  setupPrint(ws, 'landscape', '2:2', draft);
}
