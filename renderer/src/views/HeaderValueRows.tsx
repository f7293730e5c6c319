/**
 * The optional header fields of a layout (layouts/types.ts `headerRows`, `goalRows`; 广东: 评价年度,
 * 评价金额, 联系人 …) as labelled boxes in the header grid. Each commit is one setHeader patch, so
 * undo takes it back; 评价金额 is read as 万元 and shown with two decimals.
 */
import type { HeaderFieldDef } from '../../../shared/layouts/types';
import { fmtAmount } from '../../../shared/format/numbers';
import { headerNumber, headerText, isHeaderNumberKey } from '../../../shared/model/header';
import type { Form } from '../../../shared/model/types';
import { parseNumberInput } from '../../../shared/values/input';
import { useEditor } from './EditorContext';
import { TextField } from './TextField';

function HeaderValueField({ form, def, wide }: { form: Form; def: HeaderFieldDef; wide: boolean }) {
  const { store } = useEditor();
  const key = def.key;
  const commit = (text: string) => {
    if (isHeaderNumberKey(key)) {
      const n = parseNumberInput(text, def.label);
      if (!n.ok) return store.setMessage(n.message, 'error');
      if (n.value !== headerNumber(form, key))
        store.apply([{ op: 'setHeader', formId: form.id, field: key, value: n.value }]);
    } else {
      store.apply([{ op: 'setHeader', formId: form.id, field: key, value: text.trim() === '' ? '' : text }]);
    }
  };
  const amount = isHeaderNumberKey(key) ? headerNumber(form, key) : null;
  const value = isHeaderNumberKey(key) ? (amount === null ? '' : fmtAmount(amount)) : headerText(form, key);
  return (
    <label className={`header-field${wide ? ' wide' : ''}`}>
      <span className="header-label">{def.label}</span>
      <TextField
        value={value}
        onCommit={commit}
        readOnly={store.readOnly}
        placeholder={isHeaderNumberKey(key) ? '万元' : undefined}
        testId={`header-${key}`}
        focusKey={`header:${key}`}
      />
    </label>
  );
}

/**
 * One box per field, two to a line of the header grid; a field alone on its printed row, or left
 * over from an odd row (联系人 联系电话 | 联系邮箱), takes the whole width, so no line has a hole.
 */
export function HeaderValueRows({ form, rows }: { form: Form; rows: readonly HeaderFieldDef[][] }) {
  return rows.flatMap((fields) =>
    fields.map((def, i) => (
      <HeaderValueField
        key={def.key}
        form={form}
        def={def}
        wide={fields.length % 2 === 1 && i === fields.length - 1}
      />
    )),
  );
}
