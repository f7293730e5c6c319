/**
 * 004's 自评表 under its 年度资金总额 line: 按收入性质分 and 按支出性质分 side by side, each line a
 * label and its 全年执行数, as the paper form prints them (layouts/types.ts `fundsGroupsSideBySide`).
 * Each commit is one setFundsRow patch, so undo takes it back.
 */
import { fmt2 } from '../../../shared/format/numbers';
import { FUNDS_SIDES } from '../../../shared/layouts/definitions';
import type { Form, FundsRow } from '../../../shared/model/types';
import { parseNumberInput } from '../../../shared/values/input';
import { useEditor } from './EditorContext';
import { TextField } from './TextField';

function PairField({ form, row, index, label }: { form: Form; row: FundsRow; index: number; label: string }) {
  const { store } = useEditor();
  const commit = (text: string) => {
    const n = parseNumberInput(text, row.source);
    if (!n.ok) return store.setMessage(n.message, 'error');
    if (n.value !== row.executed)
      store.apply([{ op: 'setFundsRow', formId: form.id, row: index, field: 'executed', value: n.value }]);
  };
  return (
    <label className="header-field funds-pair">
      <span className="header-label">{label}</span>
      <TextField
        value={row.executed === null ? '' : fmt2(row.executed)}
        onCommit={commit}
        readOnly={store.readOnly}
        placeholder="全年执行数"
        testId={`funds-pair-${index}`}
        focusKey={`funds-pair:${index}`}
      />
    </label>
  );
}

export function FundsPairs({ form }: { form: Form }) {
  const rows = form.funds.rows.map((row, index) => ({ row, index }));
  return (
    <div className="funds-pairs" data-testid="funds-pairs" aria-label="按收入性质分、按支出性质分">
      {FUNDS_SIDES.map((side) => (
        <div key={side.group} className="funds-pairs-side">
          <div className="funds-pairs-heading">{side.heading}</div>
          {rows
            .filter(({ row }) => row.group === side.group)
            .map(({ row, index }, k) => (
              <PairField
                key={index}
                form={form}
                row={row}
                index={index}
                label={`${k === 0 ? side.firstPrefix : ''}${row.source}：`}
              />
            ))}
        </div>
      ))}
    </div>
  );
}
