/** Title, year and the header fields (项目名称, 主管部门, 实施单位 …) of a form. */
import type { Form, FormKind, LayoutId } from '../../../shared/model/types';
import { validYear, YEAR_RULE } from '../../../shared/model/year';
import { parseNumberInput } from '../../../shared/values/input';
import { headerFields, type HeaderFieldDef } from '../../../shared/layouts/header-fields';
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

/** A form whose paper header is its name alone (新疆's 单位整体 form) shows no 主管部门/实施单位. */
function shownHeaderFields(layout: LayoutId, kind: FormKind, nameOnly: boolean): HeaderFieldDef[] {
  const fields = headerFields(layout, kind);
  return nameOnly ? fields.filter((h) => h.field === 'projectName') : fields;
}

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
        {form.kind === 'project' ? formTitle(form.projectName, kind.title) : kind.title}
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
        {shownHeaderFields(layout.id, form.kind, kind.nameOnly === true).map((h) => (
          <label key={h.field} className={`header-field${h.wide ? ' wide' : ''}`}>
            <span className="header-label">{h.label}</span>
            <TextField
              value={form[h.field]}
              onCommit={(value) => store.apply([{ op: 'setForm', formId: form.id, field: h.field, value }])}
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
