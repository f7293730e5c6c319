/** 年度总体目标: 预期目标 | 实际完成情况, side by side. */
import type { Form, Goals } from '../../../shared/model/types';
import { useEditor } from './EditorContext';
import { HeaderValueRows } from './HeaderValueRows';
import { TextField } from './TextField';

const PARTS: { field: keyof Goals; title: string }[] = [
  { field: 'expected', title: '预期目标' },
  { field: 'actual', title: '实际完成情况' },
];

export function GoalsBlock({ form }: { form: Form }) {
  const { store } = useEditor();
  const goalRows = store.layout.kinds[form.kind].goalRows ?? [];
  return (
    <>
      <section className="form-section goals-block" aria-label="年度总体目标">
        <div className="section-side">年度总体目标</div>
        <div className="goals-columns">
          {PARTS.map((p) => (
            <div key={p.field} className="goals-column">
              <div className="goals-title">{p.title}</div>
              <TextField
                multiline
                value={form.goals[p.field]}
                onCommit={(value) =>
                  store.apply([{ op: 'setGoals', formId: form.id, field: p.field, value }])
                }
                readOnly={store.readOnly}
                label={p.title}
                className="long-text"
                testId={`goals-${p.field}`}
                focusKey={`goals:${p.field}`}
              />
            </div>
          ))}
        </div>
      </section>
      {/* 广东 prints 是否如期实现预期总体目标 right under the goal texts. */}
      {goalRows.length > 0 && (
        <div className="header-fields" aria-label="绩效目标情况">
          <HeaderValueRows form={form} rows={goalRows} />
        </div>
      )}
    </>
  );
}
