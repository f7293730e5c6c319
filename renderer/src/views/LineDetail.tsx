/**
 * The indicator line the cursor is on: how its suggestion came out (the engine's explanation),
 * the manual score with its reason and 恢复建议分, and the tier picker with the share.
 * It follows the cursor and the document a frame after the grid (state/afterPaint.ts): an Enter
 * paints the edited cell and the total first, without this panel's restyling in that frame (#23).
 */
import { memo, useMemo } from 'react';
import { fmtNum } from '../../../shared/format/numbers';
import type { Patch } from '../../../shared/model/patch';
import { TIERS, type Form, type Tier } from '../../../shared/model/types';
import { explainLine } from '../../../shared/scoring/form';
import { takesTier } from '../grid/takesTier';
import type { FocusedLine } from '../state/focusedLine';
import { useRenderAfterPaint } from '../state/useAfterPaint';
import { parseNumberInput, parseShareInput } from '../../../shared/values/input';
import { useEditor } from './EditorContext';
import { TextField } from './TextField';

interface Props {
  form: Form;
  focusedLine: FocusedLine;
}

/** Memo'd: the form's renders on each edit do not bring the change in before the paint. */
export const LineDetail = memo(function LineDetail({ form, focusedLine }: Props) {
  const { store } = useEditor();
  useRenderAfterPaint(store.subscribe, focusedLine.subscribe);
  const indicatorId = focusedLine.get();
  // A form deleted since the last paint has no result: the panel goes with the form.
  const result = store.form(form.id) ? store.result(form.id) : null;
  const layout = store.layout;
  const index = indicatorId === null ? -1 : form.indicators.findIndex((i) => i.id === indicatorId);
  const ind = form.indicators[index];
  const line = result?.indicators[index];
  // Explained only for the line in view, and again whenever its result changes.
  const explanation = useMemo(
    () => (ind && line ? explainLine(form, index, layout) : ''),
    [form, index, layout, ind, line],
  );

  if (!ind || !line) {
    return (
      <div className="line-detail empty" data-testid="line-detail">
        选中一行指标，这里显示得分的计算说明；可在“得分”列直接改分，在“评定等级”列选择等级。
      </div>
    );
  }

  const readOnly = store.readOnly;
  const set = (patch: Patch) => store.apply([patch]);
  const setManual = (text: string) => {
    const n = parseNumberInput(text, '得分');
    if (!n.ok) return store.setMessage(n.message, 'error');
    if (n.value !== ind.score)
      set({ op: 'setIndicator', formId: form.id, indicatorId: ind.id, field: 'score', value: n.value });
  };
  const setShare = (text: string) => {
    const n = parseShareInput(text);
    if (!n.ok) return store.setMessage(n.message, 'error');
    set({ op: 'setIndicator', formId: form.id, indicatorId: ind.id, field: 'tierShare', value: n.value });
  };
  const tierable = takesTier(ind, line);

  return (
    <div className="line-detail" data-testid="line-detail" data-row={index}>
      <div className="line-head">
        <strong>
          第 {index + 1} 行{ind.name ? `“${ind.name}”` : ''}
        </strong>
        <span>
          分值 {line.weight === null ? '未填' : fmtNum(line.weight)} · 建议分{' '}
          <span data-testid="line-suggested">{line.suggested === null ? '无' : fmtNum(line.suggested)}</span>{' '}
          · 得分 <span data-testid="line-final">{fmtNum(line.final)}</span>
          {line.manual && <span className="manual-tag">✎ 手工打分</span>}
        </span>
      </div>
      <div className="line-explanation" data-testid="line-explanation" title={explanation}>
        {explanation}
      </div>
      <div className="line-controls">
        <label>
          手工得分
          <TextField
            value={ind.score === null ? '' : fmtNum(ind.score)}
            onCommit={setManual}
            readOnly={readOnly}
            // Empty means "use the suggestion": the box shows it greyed (the old hint did not fit).
            placeholder={line.suggested === null ? '' : `建议 ${fmtNum(line.suggested)}`}
            title="留空则使用建议分"
            className="score-input"
            testId="manual-score"
          />
        </label>
        <label className="reason-label">
          打分理由
          <TextField
            value={ind.scoreReason}
            onCommit={(value) =>
              set({ op: 'setIndicator', formId: form.id, indicatorId: ind.id, field: 'scoreReason', value })
            }
            readOnly={readOnly}
            placeholder={line.manual ? '手工打分与建议分不同时必填' : ''}
            testId="score-reason"
          />
        </label>
        <button
          type="button"
          disabled={readOnly || !line.manual}
          onClick={() =>
            set({ op: 'setIndicator', formId: form.id, indicatorId: ind.id, field: 'score', value: null })
          }
          data-testid="reset-score"
          title="清除手工得分，回到建议分"
        >
          恢复建议分
        </button>
        {/* Kept in place (hidden) on lines without a tier: moving the cursor between lines then
            changes values only, instead of building and laying out form controls each time. */}
        <span className={tierable ? 'tier-controls' : 'tier-controls hidden'} aria-hidden={!tierable}>
          <label>
            评定等级
            <select
              value={ind.tier ?? ''}
              disabled={readOnly || !tierable}
              onChange={(e) =>
                set({
                  op: 'setIndicator',
                  formId: form.id,
                  indicatorId: ind.id,
                  field: 'tier',
                  value: e.target.value === '' ? null : (e.target.value as Tier),
                })
              }
              data-testid="tier-select"
            >
              <option value="">{line.tier ? `自动（${line.tier}）` : '请选择'}</option>
              {TIERS.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
          <label>
            得分比例
            <TextField
              value={ind.tierShare === null ? '' : `${fmtNum(ind.tierShare * 100)}%`}
              onCommit={setShare}
              readOnly={readOnly || !tierable || ind.tier === null}
              placeholder="默认取等级上限"
              className="share-input"
              testId="tier-share"
            />
          </label>
        </span>
      </div>
    </div>
  );
});
