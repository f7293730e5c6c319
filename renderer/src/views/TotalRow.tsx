/** The row under the indicator table: 总分 and 等级 (and the weights' sum). */
import type { Ref } from 'react';
import type { Form } from '../../../shared/model/types';
import { reviewedTotal } from '../../../shared/review/reviewed-total';
import { showsLines, useFormResult } from '../state/useDocument';
import { useEditor } from './EditorContext';
import { fmt2, fmtNum } from '../../../shared/format/numbers';
import type { FormResult } from '../../../shared/scoring/types';
import type { ReviewedTotal } from '../../../shared/review/reviewed-total';
import { GradeBadge } from './GradeBadge';

interface Props {
  result: FormResult;
  printsGrade: boolean;
  /** The reviewer's total beside the self-evaluated one, when any line has a 核查分数. */
  reviewed: ReviewedTotal | null;
  ref?: Ref<HTMLDivElement>;
}

export function TotalRow({ result, printsGrade, reviewed, ref }: Props) {
  const capped = result.total !== result.uncappedTotal;
  return (
    <div className="total-row" ref={ref} tabIndex={-1} data-testid="total-row">
      <span className="total-label">总分</span>
      <span className="total-weight" title="分值合计（含预算执行率）">
        分值合计 {fmtNum(result.weightTotal)}
      </span>
      <span className="total-score">
        得分{' '}
        <strong
          data-testid="form-total"
          title={capped ? `按执行率封顶，未封顶为 ${fmt2(result.uncappedTotal)}` : undefined}
        >
          {fmt2(result.total)}
        </strong>
      </span>
      <span className="total-grade" title={printsGrade ? undefined : '本样式的表上不打印等级'}>
        {printsGrade ? '等级' : '等级（参考）'} <GradeBadge grade={result.grade} testId="form-grade" />
      </span>
      {reviewed && (
        <span className="total-reviewed" title={`${reviewed.audited} 项有核查分数；其余按自评得分计`}>
          核查得分 <strong data-testid="form-reviewed-total">{fmt2(reviewed.total)}</strong>{' '}
          <GradeBadge grade={reviewed.grade} />
          <span className={reviewed.difference < 0 ? 'diff-down' : 'diff-up'}>
            （{reviewed.difference > 0 ? '+' : ''}
            {fmt2(reviewed.difference)}）
          </span>
        </span>
      )}
    </div>
  );
}

/**
 * The form's total row, following the document at once (not with the window around the form): an
 * edit's frame paints the new total beside the edited cell (#23).
 */
export function FormTotalRow({ form, ref }: { form: Form; ref?: Ref<HTMLDivElement> }) {
  const { store } = useEditor();
  const result = useFormResult(store, form.id, showsLines);
  const layout = store.layout;
  return (
    <TotalRow
      result={result}
      printsGrade={layout.printsGrade}
      reviewed={reviewedTotal(result, store.review.items, layout.policy)}
      ref={ref}
    />
  );
}
