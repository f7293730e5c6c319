/** The header fields of a form (表头) and what each layout calls them. */
import type { FormField } from '../model/patch';
import type { Form, FormKind, LayoutId } from '../model/types';
import { getLayout } from './definitions';

export type HeaderField = Extract<
  FormField,
  'projectName' | 'department' | 'departmentCode' | 'unit' | 'unitCode'
>;

export interface HeaderFieldDef {
  field: HeaderField;
  label: string;
  /** Relative width in the header grid. */
  wide?: boolean;
}

/** The printed label of the form's name: 项目名称, or what the layout calls the department's. */
export function nameLabel(layout: LayoutId, kind: FormKind): string {
  const own = getLayout(layout).kinds[kind].nameLabel;
  if (own) return own;
  if (kind === 'project') return '项目名称';
  if (layout === 'hunan' || layout === 'national') return '预算部门名称';
  // 新疆's 单位整体支出绩效自评表.
  if (layout === 'xinjiang') return '单位名称';
  return '部门（单位）名称';
}

export function headerFields(layout: LayoutId, kind: FormKind): HeaderFieldDef[] {
  const unitLabel = layout === 'shanxi' ? '预算单位' : layout === 'guangdong' ? '填报单位名称' : '实施单位';
  const deptLabel = layout === 'shanxi' ? '主管部门及代码' : '主管部门';
  return [
    { field: 'projectName', label: nameLabel(layout, kind), wide: true },
    { field: 'department', label: deptLabel },
    { field: 'departmentCode', label: '主管部门代码' },
    { field: 'unit', label: unitLabel },
    { field: 'unitCode', label: `${unitLabel}代码` },
  ];
}

/** One box of the header on screen: a field, or a name with its code in one box (山西). */
export interface HeaderBox extends HeaderFieldDef {
  /** The code typed in the same box: “218-晋城市生态环境局” (withCode / splitCode). */
  codeField?: 'departmentCode' | 'unitCode';
}

/**
 * The header boxes a form shows, as its paper form prints them: 山西's 主管部门及代码 and 预算单位
 * are one cell each (code and name), 004's 自评表 has 预算部门名称 alone, 000 has 填报单位名称 and
 * no codes. A field the form does not print still shows while it holds a value, so nothing typed
 * is hidden.
 */
export function headerBoxes(layout: LayoutId, form: Form): HeaderBox[] {
  const kind = getLayout(layout).kinds[form.kind];
  const all = headerFields(layout, form.kind);
  const combined = layout === 'shanxi';
  const printed = (field: HeaderField): boolean => {
    if (field === 'projectName') return true;
    if (kind.nameOnly) return false;
    // 000 prints 填报单位名称 alone (主管部门 only when the form has one).
    if (kind.basicInfo) return field === 'unit';
    return true;
  };
  return all.flatMap((def): HeaderBox[] => {
    if (combined && (def.field === 'departmentCode' || def.field === 'unitCode')) return [];
    if (!printed(def.field) && form[def.field].trim() === '') return [];
    if (combined && (def.field === 'department' || def.field === 'unit'))
      return [{ ...def, codeField: def.field === 'department' ? 'departmentCode' : 'unitCode' }];
    return [def];
  });
}
