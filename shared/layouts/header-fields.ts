/** The header fields of a form (表头) and what each layout calls them. */
import type { FormField } from '../model/patch';
import type { FormKind, LayoutId } from '../model/types';

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
