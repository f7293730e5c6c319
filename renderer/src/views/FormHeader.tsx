/** Title, year and the header fields (项目名称, 主管部门, 实施单位 …) of a form. */
import type { Patch } from '../../../shared/model/patch';
import type { Form } from '../../../shared/model/types';
import { splitCode, withCode } from '../../../shared/model/code-name';
import { headerBoxes, type HeaderBox } from '../../../shared/layouts/header-fields';
import { validYear, YEAR_RULE } from '../../../shared/model/year';
import { parseNumberInput } from '../../../shared/values/input';
import { useEditor } from './EditorContext';
import { HeaderValueRows } from './HeaderValueRows';
import { TextField } from './TextField';

/**
 * 大气污染防治资金 + 项目支出绩效自评表; a name ending in 项目 does not repeat it. A department form
 * keeps the template's title, as printed (单位整体支出绩效自评表; the unit's name is in its header).
 */
function formTitle(name: string, title: string): string {
  const trimmed = name.trim();
  return trimmed.endsWith('项目') && title.startsWith('项目') ? trimmed + title.slice(2) : trimmed + title;
}

/** The patches of a box's text: one field, or (山西's 主管部门及代码) the name and the code it holds. */
function boxPatches(form: Form, box: HeaderBox, text: string): Patch[] {
  const { code, name } = box.codeField ? splitCode(text) : { code: '', name: text };
  const parts: Array<[HeaderBox['field'], string]> = [[box.field, name]];
  if (box.codeField) parts.push([box.codeField, code]);
  return parts
    .filter(([field, value]) => form[field] !== value)
    .map(([field, value]) => ({ op: 'setForm', formId: form.id, field, value }));
}

const boxValue = (form: Form, box: HeaderBox): string =>
  box.codeField ? withCode(form[box.codeField], form[box.field]) : form[box.field];

export function FormHeader({ form }: { form: Form }) {
  const { store } = useEditor();
  const layout = store.layout;
  const kind = layout.kinds[form.kind];
  const readOnly = store.readOnly;

  const setYear = (text: string) => {
    const year = parseNumberInput(text, '年度');
    if (!year.ok || !validYear(year.value)) {
      store.setMessage(`年度应为${YEAR_RULE}`, 'error');
      return;
    }
    store.apply([{ op: 'setForm', formId: form.id, field: 'year', value: year.value }]);
  };

  return (
    <header className="form-header">
      <h1 className="form-title" data-testid="form-title">
        {/* A department form and 000 print the template title alone; a project's name is its own field. */}
        {form.kind === 'project' && !kind.basicInfo ? formTitle(form.projectName, kind.title) : kind.title}
      </h1>
      <div className="form-year">
        （
        <TextField
          value={String(form.year)}
          onCommit={setYear}
          readOnly={readOnly}
          label="年度"
          className="year-input"
          testId="header-year"
          focusKey="header:year"
        />
        年度）
        <span className="form-unit-note">金额单位：万元</span>
      </div>
      <div className="header-fields">
        {headerBoxes(layout.id, form).map((h) => (
          <label key={h.field} className={`header-field${h.wide ? ' wide' : ''}`}>
            <span className="header-label">{h.label}</span>
            <TextField
              value={boxValue(form, h)}
              onCommit={(value) => {
                const patches = boxPatches(form, h, value);
                if (patches.length > 0) store.apply(patches);
              }}
              readOnly={readOnly}
              testId={`header-${h.field}`}
              focusKey={`header:${h.field}`}
            />
          </label>
        ))}
        <HeaderValueRows form={form} rows={[kind.nameRowFields ?? [], ...(kind.headerRows ?? [])]} />
      </div>
    </header>
  );
}
