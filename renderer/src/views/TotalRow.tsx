/** The row under the indicator table: 总分 and 等级 (and the weights' sum). */
import type { Ref } from 'react';
import { fmt2, fmtNum } from '../../../shared/format/numbers';
import type { FormResult } from '../../../shared/scoring/types';
import { GradeBadge } from './GradeBadge';

interface Props {
  result: FormResult;
  printsGrade: boolean;
  ref?: Ref<HTMLDivElement>;
}

export function TotalRow({ result, printsGrade, ref }: Props) {
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
    </div>
  );
}
